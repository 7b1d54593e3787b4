// Each operation as the statement a migration file contains, compared as text.
#include <gtest/gtest.h>

#include "render/cpp_literal.hpp"
#include "render/render_migration.hpp"

namespace structmig::render {
namespace {

TEST(CppLiteral, EscapesQuotesBackslashesAndControlBytes) {
  EXPECT_EQ(cpp_string_literal(""), R"("")");
  EXPECT_EQ(cpp_string_literal("plain 'sql'"), R"("plain 'sql'")");
  EXPECT_EQ(cpp_string_literal("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(cpp_string_literal("l1\nl2\tx\r"), R"("l1\nl2\tx\r")");
  // Octal escapes are at most 3 digits, so a digit after one stays a digit.
  EXPECT_EQ(cpp_string_literal(std::string("\x01"
                                           "1\x1b\x7f",
                                           4)),
            R"("\0011\033\177")");
  EXPECT_EQ(cpp_string_literal(std::string("a\0b", 3)), R"("a\000b")");
  EXPECT_EQ(cpp_string_literal("caf\xC3\xA9"), "\"caf\xC3\xA9\"");
}

TEST(RenderOp, AddColumnOmitsDefaultFields) {
  EXPECT_EQ(
      render_op(AddColumn{
          "tickets",
          {.name = "priority", .type = "character varying(20)", .default_sql = "'normal'"}}),
      R"golden(op.add_column("tickets", {.name = "priority", .type = "character varying(20)", .default_sql = "'normal'"});)golden");
  EXPECT_EQ(
      render_op(AddColumn{"t", {.name = "c", .type = "text", .nullable = true, .unique = true}}),
      R"(op.add_column("t", {.name = "c", .type = "text", .nullable = true, .unique = true});)");
}

// The documented file keeps add_column on one line however long it is: only
// alter_column, with its two columns and a cast, is broken.
TEST(RenderOp, AddColumnStaysOnOneLine) {
  const Column long_column{.name = "description",
                           .type = "character varying(2000)",
                           .nullable = true,
                           .default_sql = "'nothing to see here at all'",
                           .unique = true};
  EXPECT_EQ(render_op(AddColumn{"tickets", long_column}),
            "op.add_column(\"tickets\", {.name = \"description\", .type = \"character "
            "varying(2000)\", .nullable = true, .default_sql = \"'nothing to see here at all'\", "
            ".unique = true});");
}

TEST(RenderOp, CreateTable) {
  const Table tickets{
      .name = "tickets",
      .columns = {{.name = "id", .type = "bigint"},
                  {.name = "description", .type = "text", .nullable = true}},
      .primary_key = {"id"},
  };
  EXPECT_EQ(render_op(CreateTable{tickets}),
            "op.create_table({\n"
            "      .name = \"tickets\",\n"
            "      .columns = {\n"
            "          {.name = \"id\", .type = \"bigint\"},\n"
            "          {.name = \"description\", .type = \"text\", .nullable = true},\n"
            "      },\n"
            "      .primary_key = {\"id\"},\n"
            "  });");
}

TEST(RenderOp, CreateTableWithoutColumnsOrKey) {
  EXPECT_EQ(render_op(CreateTable{{.name = "empty"}}),
            "op.create_table({\n"
            "      .name = \"empty\",\n"
            "  });");
}

TEST(RenderOp, DropsRenderNamesOnly) {
  const Table full{
      .name = "tickets", .columns = {{.name = "id", .type = "bigint"}}, .primary_key = {"id"}};
  EXPECT_EQ(render_op(DropTable{full}), R"(op.drop_table("tickets");)");
  EXPECT_EQ(render_op(DropColumn{"tickets", {.name = "priority", .type = "text"}}),
            R"(op.drop_column("tickets", "priority");)");
}

TEST(RenderOp, AlterColumn) {
  // 98 columns plus the body's indent of 2 is the limit for one line.
  EXPECT_EQ(
      render_op(AlterColumn{"tk",
                            {.name = "c", .type = "int"},
                            {.name = "c", .type = "int", .unique = true},
                            std::nullopt}),
      R"(op.alter_column("tk", {.name = "c", .type = "int"}, {.name = "c", .type = "int", .unique = true});)");
  EXPECT_EQ(render_op(AlterColumn{"tkt",
                                  {.name = "c", .type = "int"},
                                  {.name = "c", .type = "int", .unique = true},
                                  std::nullopt}),
            "op.alter_column(\"tkt\",\n"
            "                  {.name = \"c\", .type = \"int\"},\n"
            "                  {.name = \"c\", .type = \"int\", .unique = true});");
  EXPECT_EQ(render_op(AlterColumn{"tickets",
                                  {.name = "title", .type = "text"},
                                  {.name = "title", .type = "character varying(200)"},
                                  "\"title\"::character varying(200)"}),
            "op.alter_column(\"tickets\",\n"
            "                  {.name = \"title\", .type = \"text\"},\n"
            "                  {.name = \"title\", .type = \"character varying(200)\"},\n"
            "                  \"\\\"title\\\"::character varying(200)\");");
}

TEST(RenderOp, SetPrimaryKey) {
  EXPECT_EQ(render_op(SetPrimaryKey{"tickets", {"id"}, {"id", "tenant_id"}}),
            R"(op.set_primary_key("tickets", {"id"}, {"id", "tenant_id"});)");
  EXPECT_EQ(render_op(SetPrimaryKey{"tickets", {}, {"id"}}),
            R"(op.set_primary_key("tickets", {}, {"id"});)");
}

TEST(RenderOp, Execute) {
  EXPECT_EQ(render_op(ExecuteSql{"UPDATE tickets SET title = 'a\"b'"}),
            R"(op.execute("UPDATE tickets SET title = 'a\"b'");)");
  EXPECT_EQ(render_op(ExecuteSql{"UPDATE tickets\nSET priority = 'high'\n"}),
            "op.execute(\n"
            "      \"UPDATE tickets\\n\"\n"
            "      \"SET priority = 'high'\\n\");");
  EXPECT_EQ(render_op(ExecuteSql{""}), R"(op.execute("");)");
}

TEST(RenderBody, IndentsEachStatement) {
  EXPECT_EQ(render_body({DropTable{{.name = "a"}}, ExecuteSql{"SELECT 1"}}),
            "  op.drop_table(\"a\");\n"
            "  op.execute(\"SELECT 1\");\n");
  EXPECT_EQ(render_body({}), "");
}

}  // namespace
}  // namespace structmig::render
