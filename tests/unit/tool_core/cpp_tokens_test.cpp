// The small C++ tokenizer the history reader uses: comments and preprocessor
// lines skipped, literals decoded, positions right, unterminated input an
// error at its start.
#include "history/cpp_tokens.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace structmig::history {
namespace {

std::vector<std::string> texts(llvm::StringRef source) {
  auto tokens = tokenize(source, "f.cpp");
  EXPECT_TRUE(bool(tokens)) << (tokens ? "" : llvm::toString(tokens.takeError()));
  std::vector<std::string> out;
  if (tokens) {
    for (const Token& t : *tokens) out.push_back(t.text);
  }
  return out;
}

std::string error_of(llvm::StringRef source) {
  auto tokens = tokenize(source, "f.cpp");
  if (tokens) return "no error";
  return llvm::toString(tokens.takeError());
}

TEST(CppTokens, SkipsCommentsAndPreprocessorLines) {
  EXPECT_EQ(texts("#include <a.hpp>\n#define X \\\n  \"not a token\"\n"
                  "a /* b\n c */ d // e \"f\n  # not a directive? it is one: skipped\ng"),
            (std::vector<std::string>{"a", "d", "g"}));
  EXPECT_EQ(texts("x # y"), (std::vector<std::string>{"x", "#", "y"}));
}

TEST(CppTokens, DecodesStringLiterals) {
  EXPECT_EQ(texts(R"("a\"b\\c\n\t\101\x41" u8"x" R"d(raw "(" )d" 'q')"),
            (std::vector<std::string>{"a\"b\\c\n\tAA", "x", "raw \"(\" ", "q"}));
}

TEST(CppTokens, KindsAndPositions) {
  auto tokens = tokenize("STRUCTMIG_MIGRATION({\n  .revision = \"ab\", 12\n", "f.cpp");
  ASSERT_TRUE(bool(tokens));
  ASSERT_EQ(tokens->size(), 9u);
  EXPECT_EQ((*tokens)[0].kind, Token::Kind::identifier);
  EXPECT_EQ((*tokens)[1].kind, Token::Kind::punctuation);
  const Token& revision = (*tokens)[4];
  EXPECT_EQ(revision.text, "revision");
  EXPECT_EQ(revision.line, 2u);
  EXPECT_EQ(revision.column, 4u);
  EXPECT_EQ((*tokens)[6].kind, Token::Kind::string);
  EXPECT_EQ((*tokens)[6].column, 15u);
  EXPECT_EQ((*tokens)[7].kind, Token::Kind::punctuation);  // ','
  EXPECT_EQ((*tokens)[8].kind, Token::Kind::number);
}

TEST(CppTokens, UnterminatedInputIsAnErrorAtItsStart) {
  EXPECT_EQ(error_of("a\n  \"abc\n"), "f.cpp:2:3: error: unterminated string literal");
  EXPECT_EQ(error_of("a /* b"), "f.cpp:1:3: error: unterminated /* comment");
  EXPECT_EQ(error_of("R\"x(abc"), "f.cpp:1:1: error: unterminated raw string literal");
  EXPECT_EQ(error_of("\"abc\\"), "f.cpp:1:1: error: unterminated string literal");
}

TEST(CppTokens, KeepsOnlyTheTokensFromAGivenIdentifierOn) {
  const char* source = "a \"long string literal, more than fifteen bytes\" 42 u8\"x\" R\"d(r)d\"\n"
                       "  BLOCK(\"v\", 7) BLOCK";
  auto tokens = tokenize(source, "f.cpp", "BLOCK");
  ASSERT_TRUE(bool(tokens)) << llvm::toString(tokens.takeError());
  std::vector<std::string> kept;
  for (const Token& t : *tokens) kept.push_back(t.text);
  EXPECT_EQ(kept, (std::vector<std::string>{"BLOCK", "(", "v", ",", "7", ")", "BLOCK"}));
  EXPECT_EQ((*tokens)[0].line, 2u);  // positions as if every token were kept
  EXPECT_EQ((*tokens)[0].column, 3u);
  EXPECT_EQ((*tokens)[2].column, 9u);
  // The skipped part is still read: its errors are reported.
  auto bad = tokenize("\"abc\nBLOCK", "f.cpp", "BLOCK");
  ASSERT_FALSE(bool(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()), "f.cpp:1:1: error: unterminated string literal");
  // Absent: nothing kept.
  auto none = tokenize("a b c", "f.cpp", "BLOCK");
  ASSERT_TRUE(bool(none));
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace structmig::history
