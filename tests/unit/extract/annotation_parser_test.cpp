// The annotation text parser on its own (no Clang): items, arguments, decoded
// strings, byte offsets, and errors with the offset of the offending byte.
#include "extract/annotation_parser.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace structmig::extract {
namespace {

using Kind = AnnotationValue::Kind;

TEST(AnnotationParser, EmptyAndBlankTextHaveNoItems) {
  EXPECT_TRUE(parse_annotation("").ok());
  EXPECT_TRUE(parse_annotation("").items.empty());
  EXPECT_TRUE(parse_annotation("  \t\n ").items.empty());
  EXPECT_TRUE(parse_annotation(" /* nothing */ ").items.empty());
}

TEST(AnnotationParser, TableNameAndCompositeKey) {
  ParsedAnnotation parsed = parse_annotation("tickets, primary_key(user_id, org_id)");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  ASSERT_EQ(parsed.items.size(), 2u);

  EXPECT_EQ(parsed.items[0].name, "tickets");
  EXPECT_EQ(parsed.items[0].offset, 0u);
  EXPECT_EQ(parsed.items[0].end, 7u);
  EXPECT_FALSE(parsed.items[0].has_parens);
  EXPECT_FALSE(parsed.items[0].value.has_value());

  const AnnotationItem& key = parsed.items[1];
  EXPECT_EQ(key.name, "primary_key");
  EXPECT_EQ(key.offset, 9u);
  EXPECT_EQ(key.end, 37u);
  EXPECT_TRUE(key.has_parens);
  ASSERT_EQ(key.args.size(), 2u);
  EXPECT_EQ(key.args[0].value.kind, Kind::identifier);
  EXPECT_EQ(key.args[0].value.text, "user_id");
  EXPECT_EQ(key.args[0].offset, 21u);
  EXPECT_EQ(key.args[0].value.offset, 21u);
  EXPECT_EQ(key.args[0].value.end, 28u);
  EXPECT_EQ(key.args[1].value.text, "org_id");
  EXPECT_EQ(key.args[1].offset, 30u);
}

TEST(AnnotationParser, IntegerAndStringArguments) {
  ParsedAnnotation parsed = parse_annotation(R"(varchar(20), default("'normal'"))");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  ASSERT_EQ(parsed.items.size(), 2u);
  EXPECT_EQ(parsed.items[0].args[0].value.kind, Kind::integer);
  EXPECT_EQ(parsed.items[0].args[0].value.text, "20");
  EXPECT_EQ(parsed.items[0].args[0].offset, 8u);
  EXPECT_EQ(parsed.items[1].name, "default");
  EXPECT_EQ(parsed.items[1].offset, 13u);
  const AnnotationValue& value = parsed.items[1].args[0].value;
  EXPECT_EQ(value.kind, Kind::string);
  EXPECT_EQ(value.text, "'normal'");
  EXPECT_EQ(value.offset, 21u);
  EXPECT_EQ(value.end, 31u);
}

TEST(AnnotationParser, StringEscapesAreDecoded) {
  ParsedAnnotation parsed =
      parse_annotation(R"(check("a \"b\" \\ \n\t \x41\101\0 ?"), comment("x" "y"))");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  EXPECT_EQ(parsed.items[0].args[0].value.text, std::string("a \"b\" \\ \n\t AA\0 ?", 16));
  EXPECT_EQ(parsed.items[1].args[0].value.text, "xy");  // adjacent literals concatenate
}

TEST(AnnotationParser, KeyValueAndDottedArguments) {
  ParsedAnnotation parsed =
      parse_annotation("references(users.id, on_delete = cascade), renamed_from(old), size = -3");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  ASSERT_EQ(parsed.items.size(), 3u);
  const AnnotationItem& references = parsed.items[0];
  ASSERT_EQ(references.args.size(), 2u);
  EXPECT_FALSE(references.args[0].key.has_value());
  EXPECT_EQ(references.args[0].value.text, "users.id");
  EXPECT_EQ(references.args[0].value.end, 19u);
  ASSERT_TRUE(references.args[1].key.has_value());
  EXPECT_EQ(*references.args[1].key, "on_delete");
  EXPECT_EQ(references.args[1].offset, 21u);
  EXPECT_EQ(references.args[1].value.text, "cascade");
  EXPECT_EQ(references.args[1].value.offset, 33u);

  const AnnotationItem& size = parsed.items[2];
  EXPECT_FALSE(size.has_parens);
  ASSERT_TRUE(size.value.has_value());
  EXPECT_EQ(size.value->kind, Kind::integer);
  EXPECT_EQ(size.value->text, "-3");
}

TEST(AnnotationParser, CallValuesNest) {
  ParsedAnnotation parsed = parse_annotation(
      "foreign_key(org_id, region, references = orgs (id, region), on_delete = cascade)");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  ASSERT_EQ(parsed.items.size(), 1u);
  const std::vector<AnnotationArg>& args = parsed.items[0].args;
  ASSERT_EQ(args.size(), 4u);
  EXPECT_EQ(*args[2].key, "references");
  const AnnotationValue& target = args[2].value;
  EXPECT_EQ(target.kind, Kind::call);
  EXPECT_EQ(target.text, "orgs");
  EXPECT_EQ(target.offset, 41u);
  EXPECT_EQ(target.end, 58u);
  ASSERT_EQ(target.args.size(), 2u);
  EXPECT_EQ(target.args[0].value.text, "id");
  EXPECT_EQ(target.args[0].value.offset, 47u);
  EXPECT_EQ(target.args[1].value.text, "region");
  EXPECT_EQ(args[3].value.text, "cascade");

  ParsedAnnotation positional = parse_annotation("references(users(id), x = f(g(1), \"s\"))");
  ASSERT_TRUE(positional.ok()) << positional.error->message;
  EXPECT_EQ(positional.items[0].args[0].value.kind, Kind::call);
  const AnnotationValue& nested = positional.items[0].args[1].value;
  EXPECT_EQ(nested.kind, Kind::call);
  ASSERT_EQ(nested.args.size(), 2u);
  EXPECT_EQ(nested.args[0].value.kind, Kind::call);
  EXPECT_EQ(nested.args[0].value.args[0].value.text, "1");
  EXPECT_EQ(nested.args[1].value.text, "s");
}

TEST(AnnotationParser, DottedPartsHaveTheirOffsets) {
  ParsedAnnotation parsed = parse_annotation("references( users . id )");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  const AnnotationValue& value = parsed.items[0].args[0].value;
  EXPECT_EQ(value.text, "users.id");
  EXPECT_EQ(value.parts(), (std::vector<std::string>{"users", "id"}));
  EXPECT_EQ(value.part_offsets, (std::vector<std::size_t>{12, 20}));
}

TEST(AnnotationParser, StringBytesKeepTheirSourceOffsets) {
  ParsedAnnotation parsed = parse_annotation(R"(check("a\"b" "c"))");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  const AnnotationValue& value = parsed.items[0].args[0].value;
  EXPECT_EQ(value.text, "a\"bc");
  // a at 7, the escape's backslash at 8, b at 10, c (second literal) at 14.
  EXPECT_EQ(value.byte_offsets, (std::vector<std::size_t>{7, 8, 10, 14}));
}

TEST(AnnotationParser, BareStringItems) {
  ParsedAnnotation parsed = parse_annotation(R"("in review", renamed_from("pending"))");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  ASSERT_EQ(parsed.items.size(), 2u);
  EXPECT_TRUE(parsed.items[0].is_string());
  EXPECT_EQ(parsed.items[0].value->text, "in review");
  EXPECT_EQ(parsed.items[0].offset, 0u);
  EXPECT_EQ(parsed.items[0].end, 11u);
  EXPECT_FALSE(parsed.items[1].is_string());
  EXPECT_EQ(canonical_spelling(parsed), R"("in review", renamed_from("pending"))");
}

TEST(AnnotationParser, WhitespaceAndCommentsKeepOffsetsExact) {
  ParsedAnnotation parsed = parse_annotation(" varchar( 20 ) ,\n  /* typo */ primray_key ");
  ASSERT_TRUE(parsed.ok()) << parsed.error->message;
  ASSERT_EQ(parsed.items.size(), 2u);
  EXPECT_EQ(parsed.items[0].offset, 1u);
  EXPECT_EQ(parsed.items[0].end, 14u);
  EXPECT_EQ(parsed.items[0].args[0].offset, 10u);
  EXPECT_EQ(parsed.items[1].name, "primray_key");
  EXPECT_EQ(parsed.items[1].offset, 30u);
}

TEST(AnnotationParser, EmptyParenthesesAreAllowed) {
  ParsedAnnotation parsed = parse_annotation("index()");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed.items[0].has_parens);
  EXPECT_TRUE(parsed.items[0].args.empty());
}

TEST(AnnotationParser, CanonicalSpellingIgnoresLayout) {
  EXPECT_EQ(canonical_spelling(parse_annotation(" varchar( 20 ) ,default( \"a\\\"b\" )")),
            R"(varchar(20), default("a\"b"))");
  EXPECT_EQ(canonical_spelling(parse_annotation("references(users . id, on_delete=cascade)")),
            "references(users.id, on_delete = cascade)");
  EXPECT_EQ(canonical_spelling(parse_annotation("a(")), "error: expected ')'");
  EXPECT_EQ(canonical_spelling(parse_annotation("fk(a, references = t ( x,y ))")),
            "fk(a, references = t(x, y))");
}

struct BadInput {
  const char* name;
  const char* text;
  std::size_t offset;
  const char* message;
};

void PrintTo(const BadInput& input, std::ostream* out) { *out << '`' << input.text << '`'; }

class AnnotationParserErrors : public ::testing::TestWithParam<BadInput> {};

TEST_P(AnnotationParserErrors, ReportTheOffendingByte) {
  const BadInput& input = GetParam();
  ParsedAnnotation parsed = parse_annotation(input.text);
  ASSERT_FALSE(parsed.ok()) << input.text;
  EXPECT_TRUE(parsed.items.empty());
  EXPECT_EQ(parsed.error->offset, input.offset) << input.text;
  EXPECT_EQ(parsed.error->message, input.message) << input.text;
}

INSTANTIATE_TEST_SUITE_P(
    Inputs, AnnotationParserErrors,
    ::testing::Values(
        BadInput{"MissingCloseParen", "varchar(20", 10, "expected ')'"},
        BadInput{"MissingComma", "varchar(20 30)", 11, "expected ',' or ')'"},
        BadInput{"UnterminatedString", R"(default("abc)", 8, "unterminated string"},
        BadInput{"BackslashAtEnd", R"(default("abc\)", 8, "unterminated string"},
        BadInput{"UnknownEscape", R"(default("a\qb"))", 10, "unknown escape sequence '\\q'"},
        BadInput{"EmptyHexEscape", R"(default("\x"))", 9, "\\x used with no following hex digits"},
        BadInput{"HexEscapeTooBig", R"(default("\x100"))", 9, "escape sequence out of range"},
        BadInput{"ItemsWithoutComma", "primary_key unique", 12, "expected ','"},
        BadInput{"TrailingComma", "tickets,", 8, "expected an annotation argument"},
        BadInput{"DoubleComma", "tickets,, x", 8, "expected an annotation argument name"},
        BadInput{"IntegerAsItem", "42", 0, "expected an annotation argument name"},
        BadInput{"UnclosedCall", "a(b = f(x)", 10, "expected ')'"},
        BadInput{"BadCallArgument", "a(f(,))", 4, "expected an identifier, integer or string"},
        BadInput{"EmptyArgument", "a(,)", 2, "expected an identifier, integer or string"},
        BadInput{"KeyWithoutValue", "a(b = )", 6, "expected a value after '='"},
        BadInput{"ItemWithoutValue", "a = ", 4, "expected a value after '='"},
        BadInput{"DotWithoutName", "a(users.)", 8, "expected an identifier after '.'"},
        BadInput{"LettersAfterDigits", "varchar(20x)", 10, "invalid integer"},
        BadInput{"UnterminatedComment", "a /* b", 2, "unterminated comment"}),
    [](const ::testing::TestParamInfo<BadInput>& param_info) {
      return std::string(param_info.param.name);
    });

}  // namespace
}  // namespace structmig::extract
