// The reader of a migration file's STRUCTMIG_MIGRATION block (see
// declaration.hpp): tokens from cpp_tokens, then a recursive-descent walk over
// `STRUCTMIG_MIGRATION ( { .field = value , ... } )`. A value the history does
// not need is skipped as a balanced run of tokens up to the next comma.
#include "history/declaration.hpp"

#include <set>
#include <system_error>

#include "history/cpp_tokens.hpp"
#include "llvm/ADT/Twine.h"

namespace structmig::history {
namespace {

constexpr const char* kMacro = "STRUCTMIG_MIGRATION";

llvm::Error error_at(llvm::StringRef path, unsigned line, unsigned column,
                     const llvm::Twine& message) {
  return llvm::createStringError(
      std::errc::invalid_argument,
      (path + ":" + llvm::Twine(line) + ":" + llvm::Twine(column) + ": error: " + message)
          .str()
          .c_str());
}

class BlockParser {
 public:
  BlockParser(const std::vector<Token>& tokens, size_t start, llvm::StringRef path)
      : tokens_(tokens), pos_(start), path_(path) {}

  llvm::Expected<MigrationDeclaration> parse() {
    MigrationDeclaration out;
    const Token& macro = tokens_[pos_++];
    out.line = macro.line;
    if (auto err = expect("(", "'(' after STRUCTMIG_MIGRATION")) return err;
    if (auto err = expect("{", "'{' opening the migration's fields")) return err;
    std::set<std::string> seen;
    while (!is("}")) {
      if (at_end()) return error_here("the STRUCTMIG_MIGRATION block is not closed with '})'");
      const Token& dot = tokens_[pos_];
      if (!is(".")) return error_here("expected a field such as '.revision = ...'");
      ++pos_;
      if (at_end() || tokens_[pos_].kind != Token::Kind::identifier) {
        return error_here("expected a field name after '.'");
      }
      const std::string field = tokens_[pos_++].text;
      if (!seen.insert(field).second) {
        return error_at(path_, dot.line, dot.column, "field ." + field + " is given twice");
      }
      if (auto err = expect("=", "'=' after ." + field)) return err;
      if (auto err = parse_value(field, out)) return err;
      if (is(",")) {
        ++pos_;
      } else if (!is("}")) {
        return error_here("expected ',' or '}' after the value of ." + field);
      }
    }
    ++pos_;  // '}'
    if (auto err = expect(")", "')' closing STRUCTMIG_MIGRATION({...})")) return err;
    if (!seen.count("revision")) {
      return error_at(path_, macro.line, macro.column, "the migration has no .revision");
    }
    return out;
  }

 private:
  bool at_end() const { return pos_ >= tokens_.size(); }
  bool is(llvm::StringRef punctuation) const {
    return !at_end() && tokens_[pos_].kind == Token::Kind::punctuation &&
           tokens_[pos_].text == punctuation;
  }

  // At the current token, or just after the last one at the end of the file.
  llvm::Error error_here(const llvm::Twine& message) const {
    if (at_end()) {
      const Token& last = tokens_.back();
      return error_at(path_, last.line, last.column + 1, message);
    }
    return error_at(path_, tokens_[pos_].line, tokens_[pos_].column, message);
  }

  llvm::Error expect(llvm::StringRef punctuation, const llvm::Twine& what) {
    if (!is(punctuation)) return error_here("expected " + what);
    ++pos_;
    return llvm::Error::success();
  }

  // One or more adjacent string literals, concatenated as C++ does.
  llvm::Expected<std::string> string_value(const std::string& field) {
    if (at_end() || tokens_[pos_].kind != Token::Kind::string) {
      return error_here("." + field + " must be a string literal");
    }
    std::string text;
    while (!at_end() && tokens_[pos_].kind == Token::Kind::string) text += tokens_[pos_++].text;
    return text;
  }

  // { "a", "b" } (or {} ); a trailing comma is fine.
  llvm::Expected<std::vector<std::string>> string_list(const std::string& field) {
    if (!is("{"))
      return error_here("." + field + " must be a list of string literals: {\"...\", ...}");
    ++pos_;
    std::vector<std::string> items;
    while (!is("}")) {
      auto item = string_value(field);
      if (!item) return item.takeError();
      items.push_back(std::move(*item));
      if (is(",")) {
        ++pos_;
      } else if (!is("}")) {
        return error_here("expected ',' or '}' in the list of ." + field);
      }
    }
    ++pos_;
    return items;
  }

  // A value the history does not read: tokens up to the next ',' or '}' that
  // is not nested in brackets.
  llvm::Error skip_value(const std::string& field) {
    std::vector<char> open;
    const size_t start = pos_;
    for (; !at_end(); ++pos_) {
      const Token& t = tokens_[pos_];
      if (t.kind != Token::Kind::punctuation) continue;
      const char c = t.text[0];
      if (open.empty() && (c == ',' || c == '}')) break;
      if (c == '(' || c == '{' || c == '[') {
        open.push_back(c == '(' ? ')' : c == '{' ? '}' : ']');
      } else if (c == ')' || c == '}' || c == ']') {
        if (open.empty() || open.back() != c) return error_here("unbalanced '" + t.text + "'");
        open.pop_back();
      }
    }
    if (at_end()) return error_here("the STRUCTMIG_MIGRATION block is not closed with '})'");
    if (pos_ == start) return error_here("." + field + " has no value");
    return llvm::Error::success();
  }

  llvm::Error parse_value(const std::string& field, MigrationDeclaration& out) {
    if (field == "revision" || field == "message") {
      const Token& first = at_end() ? tokens_.back() : tokens_[pos_];
      auto text = string_value(field);
      if (!text) return text.takeError();
      if (field == "revision" && text->empty()) {
        return error_at(path_, first.line, first.column, ".revision is empty");
      }
      (field == "revision" ? out.revision : out.message) = std::move(*text);
      return llvm::Error::success();
    }
    if (field == "parents" || field == "depends_on") {
      auto items = string_list(field);
      if (!items) return items.takeError();
      (field == "parents" ? out.parents : out.depends_on) = std::move(*items);
      return llvm::Error::success();
    }
    if (field == "transactional") {
      if (at_end() || tokens_[pos_].kind != Token::Kind::identifier ||
          (tokens_[pos_].text != "true" && tokens_[pos_].text != "false")) {
        return error_here(".transactional must be true or false");
      }
      out.transactional = tokens_[pos_++].text == "true";
      return llvm::Error::success();
    }
    return skip_value(field);
  }

  const std::vector<Token>& tokens_;
  size_t pos_;
  llvm::StringRef path_;
};

bool is_macro(const std::vector<Token>& tokens, size_t i) {
  return tokens[i].kind == Token::Kind::identifier && tokens[i].text == kMacro;
}

}  // namespace

llvm::Expected<MigrationDeclaration> parse_declaration(llvm::StringRef source,
                                                       llvm::StringRef path) {
  auto tokens = tokenize(source, path, kMacro);
  if (!tokens) return tokens.takeError();
  size_t found = tokens->size();
  for (size_t i = 0; i < tokens->size(); ++i) {
    if (!is_macro(*tokens, i)) continue;
    if (found != tokens->size()) {
      return error_at(path, (*tokens)[i].line, (*tokens)[i].column,
                      "a second STRUCTMIG_MIGRATION block; a migration file declares exactly "
                      "one migration");
    }
    found = i;
  }
  if (found == tokens->size()) {
    return llvm::createStringError(
        std::errc::invalid_argument,
        (path + ": error: no STRUCTMIG_MIGRATION({...}) block; a migration file ends with one "
                "(.revision = \"...\", .parents = {...}, ...) like the files structmig writes")
            .str()
            .c_str());
  }
  return BlockParser(*tokens, found, path).parse();
}

}  // namespace structmig::history
