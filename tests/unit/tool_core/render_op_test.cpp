// Each operation as the statement a migration file contains, compared as text.
#include <gtest/gtest.h>

#include "render/cpp_literal.hpp"
#include "render/render_op.hpp"

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
  EXPECT_EQ(render_op(AddColumn{"t", {.name = "c", .type = "text", .nullable = true}}),
            R"(op.add_column("t", {.name = "c", .type = "text", .nullable = true});)");
}

// Every field of a column, in declaration order.
TEST(RenderOp, AddColumnWithEveryField) {
  EXPECT_EQ(
      render_op(AddColumn{"t",
                          {.name = "id",
                           .type = "bigint",
                           .nullable = true,
                           .default_sql = "0",
                           .identity = Identity::by_default,
                           .comment = "The \"id\""}}),
      R"golden(op.add_column("t", {.name = "id", .type = "bigint", .nullable = true, .default_sql = "0", .identity = Identity::by_default, .comment = "The \"id\""});)golden");
  EXPECT_EQ(
      render_op(AddColumn{"t", {.name = "n", .type = "integer", .identity = Identity::always}}),
      R"(op.add_column("t", {.name = "n", .type = "integer", .identity = Identity::always});)");
}

// The documented file keeps add_column on one line however long it is: only
// alter_column and recreate_enum, with their whole values, are broken.
TEST(RenderOp, AddColumnStaysOnOneLine) {
  const Column long_column{.name = "description",
                           .type = "character varying(2000)",
                           .nullable = true,
                           .default_sql = "'nothing to see here at all'",
                           .comment = "long"};
  EXPECT_EQ(render_op(AddColumn{"tickets", long_column}),
            "op.add_column(\"tickets\", {.name = \"description\", .type = \"character "
            "varying(2000)\", .nullable = true, .default_sql = \"'nothing to see here at all'\", "
            ".comment = \"long\"});");
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

TEST(RenderOp, CreateTableWithEverything) {
  const Table documents{
      .name = "documents",
      .columns = {{.name = "id", .type = "bigint", .identity = Identity::always},
                  {.name = "owner_id", .type = "bigint", .nullable = true},
                  {.name = "title", .type = "text", .comment = "Shown in lists"}},
      .primary_key = {"id"},
      .primary_key_name = "pk_documents",
      .uniques = {{.name = "uq_documents_title", .columns = {"owner_id", "title"}}},
      .checks = {{.name = "ck_documents_title", .expression = "title <> ''"}},
      .foreign_keys = {{.name = "fk_documents_owner_id_users",
                        .columns = {"owner_id"},
                        .referenced_table = "users",
                        .referenced_columns = {"id"},
                        .on_delete = ForeignKeyAction::set_null,
                        .on_update = ForeignKeyAction::cascade}},
      .indexes = {{.name = "ix_documents_owner_id", .keys = {{.column = "owner_id"}}},
                  {.name = "ux_documents_title",
                   .keys = {{.expression = "lower(title)"}, {.column = "id"}},
                   .unique = true,
                   .method = "gin",
                   .where = "owner_id IS NOT NULL"}},
      .comment = "Documents",
  };
  EXPECT_EQ(render_op(CreateTable{documents}), R"golden(op.create_table({
      .name = "documents",
      .columns = {
          {.name = "id", .type = "bigint", .identity = Identity::always},
          {.name = "owner_id", .type = "bigint", .nullable = true},
          {.name = "title", .type = "text", .comment = "Shown in lists"},
      },
      .primary_key = {"id"},
      .primary_key_name = "pk_documents",
      .uniques = {
          {.name = "uq_documents_title", .columns = {"owner_id", "title"}},
      },
      .checks = {
          {.name = "ck_documents_title", .expression = "title <> ''"},
      },
      .foreign_keys = {
          {.name = "fk_documents_owner_id_users", .columns = {"owner_id"}, .referenced_table = "users", .referenced_columns = {"id"}, .on_delete = ForeignKeyAction::set_null, .on_update = ForeignKeyAction::cascade},
      },
      .indexes = {
          {.name = "ix_documents_owner_id", .keys = {{.column = "owner_id"}}},
          {.name = "ux_documents_title", .keys = {{.expression = "lower(title)"}, {.column = "id"}}, .unique = true, .method = "gin", .where = "owner_id IS NOT NULL"},
      },
      .comment = "Documents",
  });)golden");
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
  EXPECT_EQ(render_op(DropConstraint{
                "tickets", ForeignKey{.name = "fk_t", .columns = {"a"}, .referenced_table = "u"}}),
            R"(op.drop_foreign_key("tickets", "fk_t");)");
  EXPECT_EQ(
      render_op(DropConstraint{"tickets", UniqueConstraint{.name = "uq_t", .columns = {"a"}}}),
      R"(op.drop_unique("tickets", "uq_t");)");
  EXPECT_EQ(
      render_op(DropConstraint{"tickets", CheckConstraint{.name = "ck_t", .expression = "a > 0"}}),
      R"(op.drop_check("tickets", "ck_t");)");
  EXPECT_EQ(render_op(DropIndex{"tickets", {.name = "ix_t", .keys = {{.column = "a"}}}}),
            R"(op.drop_index("tickets", "ix_t");)");
  EXPECT_EQ(render_op(DropEnum{{.name = "mood", .labels = {"ok"}}}), R"(op.drop_enum("mood");)");
}

TEST(RenderOp, Renames) {
  EXPECT_EQ(render_op(RenameTable{"users", "accounts"}),
            R"(op.rename_table("users", "accounts");)");
  EXPECT_EQ(render_op(RenameColumn{"notes", "body", "details"}),
            R"(op.rename_column("notes", "body", "details");)");
  EXPECT_EQ(render_op(RenameConstraint{"accounts", "pk_users", "pk_accounts"}),
            R"(op.rename_constraint("accounts", "pk_users", "pk_accounts");)");
  EXPECT_EQ(render_op(RenameIndex{"accounts", "ix_users_email", "ix_accounts_email"}),
            R"(op.rename_index("accounts", "ix_users_email", "ix_accounts_email");)");
  EXPECT_EQ(render_op(RenameEnum{"state", "document_status"}),
            R"(op.rename_enum("state", "document_status");)");
  EXPECT_EQ(render_op(RenameEnumLabel{"document_status", "live", "published"}),
            R"(op.rename_enum_label("document_status", "live", "published");)");
}

TEST(RenderOp, ConstraintsAndIndexes) {
  EXPECT_EQ(
      render_op(AddConstraint{"tickets", ForeignKey{.name = "fk_tickets_user_id_users",
                                                    .columns = {"user_id"},
                                                    .referenced_table = "users",
                                                    .referenced_columns = {"id"},
                                                    .on_delete = ForeignKeyAction::cascade}}),
      R"golden(op.add_foreign_key("tickets", {.name = "fk_tickets_user_id_users", .columns = {"user_id"}, .referenced_table = "users", .referenced_columns = {"id"}, .on_delete = ForeignKeyAction::cascade});)golden");
  EXPECT_EQ(
      render_op(AddConstraint{"a", ForeignKey{.name = "fk",
                                              .columns = {"x", "y"},
                                              .referenced_table = "b",
                                              .referenced_columns = {"p", "q"},
                                              .on_update = ForeignKeyAction::restrict}}),
      R"golden(op.add_foreign_key("a", {.name = "fk", .columns = {"x", "y"}, .referenced_table = "b", .referenced_columns = {"p", "q"}, .on_update = ForeignKeyAction::restrict});)golden");
  EXPECT_EQ(render_op(AddConstraint{
                "users", UniqueConstraint{.name = "uq_users_email", .columns = {"email"}}}),
            R"(op.add_unique("users", {.name = "uq_users_email", .columns = {"email"}});)");
  EXPECT_EQ(
      render_op(AddConstraint{"t", CheckConstraint{.name = "ck_t", .expression = "a <> 'x'"}}),
      R"(op.add_check("t", {.name = "ck_t", .expression = "a <> 'x'"});)");
  EXPECT_EQ(render_op(CreateIndex{"t", {.name = "ix_t_a", .keys = {{.column = "a"}}}}),
            R"(op.create_index("t", {.name = "ix_t_a", .keys = {{.column = "a"}}});)");
  EXPECT_EQ(
      render_op(CreateIndex{"t",
                            {.name = "ux_t",
                             .keys = {{.expression = "lower(a)"}},
                             .unique = true,
                             .method = "hash",
                             .where = "a IS NOT NULL"}}),
      R"golden(op.create_index("t", {.name = "ux_t", .keys = {{.expression = "lower(a)"}}, .unique = true, .method = "hash", .where = "a IS NOT NULL"});)golden");
}

TEST(RenderOp, TableLevelChanges) {
  EXPECT_EQ(render_op(SetPrimaryKey{"tickets", {"id"}, {"id", "tenant_id"}, "pk_tickets"}),
            R"(op.set_primary_key("tickets", {"id"}, {"id", "tenant_id"}, "pk_tickets");)");
  EXPECT_EQ(render_op(SetPrimaryKey{"tickets", {}, {"id"}, "pk_tickets"}),
            R"(op.set_primary_key("tickets", {}, {"id"}, "pk_tickets");)");
  EXPECT_EQ(render_op(SetTableComment{"tickets", std::nullopt, "Support \"tickets\""}),
            R"(op.set_table_comment("tickets", "Support \"tickets\"");)");
  EXPECT_EQ(render_op(SetTableComment{"tickets", "old", std::nullopt}),
            R"(op.set_table_comment("tickets", std::nullopt);)");
}

TEST(RenderOp, Enums) {
  EXPECT_EQ(render_op(CreateEnum{{.name = "document_status", .labels = {"draft", "in review"}}}),
            R"(op.create_enum({.name = "document_status", .labels = {"draft", "in review"}});)");
  EXPECT_EQ(render_op(CreateEnum{{.name = "empty"}}),
            R"(op.create_enum({.name = "empty", .labels = {}});)");
  // The recorder needs only the position; what the inverse needs stays out.
  const AddEnumLabel after{.type = "s",
                           .label = "b",
                           .after = "a",
                           .type_before = {.name = "s", .labels = {"a"}},
                           .usages = {{.table = "t", .column = "c"}}};
  EXPECT_EQ(render_op(after), R"(op.add_enum_label("s", "b", {.after = "a"});)");
  EXPECT_EQ(render_op(AddEnumLabel{.type = "s", .label = "a", .before = "b"}),
            R"(op.add_enum_label("s", "a", {.before = "b"});)");
  EXPECT_EQ(render_op(AddEnumLabel{.type = "s", .label = "z"}), R"(op.add_enum_label("s", "z");)");
}

TEST(RenderOp, RecreateEnumRendersEverything) {
  EXPECT_EQ(
      render_op(
          RecreateEnum{{.name = "s", .labels = {"a", "b"}}, {.name = "s", .labels = {"b"}}, {}}),
      R"(op.recreate_enum({.name = "s", .labels = {"a", "b"}}, {.name = "s", .labels = {"b"}}, {});)");
  const RecreateEnum with_usages{
      {.name = "document_status", .labels = {"draft", "obsolete", "published"}},
      {.name = "document_status", .labels = {"draft", "published"}},
      {{.table = "documents", .column = "status", .default_sql = "'draft'"},
       {.table = "documents", .column = "history", .is_array = true}}};
  EXPECT_EQ(
      render_op(with_usages),
      "op.recreate_enum({.name = \"document_status\", .labels = {\"draft\", \"obsolete\", "
      "\"published\"}},\n"
      "                   {.name = \"document_status\", .labels = {\"draft\", \"published\"}},\n"
      "                   {{.table = \"documents\", .column = \"status\", .default_sql = "
      "\"'draft'\"}, {.table = \"documents\", .column = \"history\", .is_array = true}});");
}

TEST(RenderOp, AlterColumn) {
  // 98 columns plus the body's indent of 2 is the limit for one line.
  EXPECT_EQ(
      render_op(AlterColumn{"tk",
                            {.name = "c", .type = "int"},
                            {.name = "c", .type = "int", .comment = "a"},
                            std::nullopt}),
      R"(op.alter_column("tk", {.name = "c", .type = "int"}, {.name = "c", .type = "int", .comment = "a"});)");
  EXPECT_EQ(render_op(AlterColumn{"tkt",
                                  {.name = "c", .type = "int"},
                                  {.name = "c", .type = "int", .comment = "a"},
                                  std::nullopt}),
            "op.alter_column(\"tkt\",\n"
            "                  {.name = \"c\", .type = \"int\"},\n"
            "                  {.name = \"c\", .type = \"int\", .comment = \"a\"});");
  EXPECT_EQ(render_op(AlterColumn{"tickets",
                                  {.name = "title", .type = "text"},
                                  {.name = "title", .type = "character varying(200)"},
                                  "\"title\"::character varying(200)"}),
            "op.alter_column(\"tickets\",\n"
            "                  {.name = \"title\", .type = \"text\"},\n"
            "                  {.name = \"title\", .type = \"character varying(200)\"},\n"
            "                  \"\\\"title\\\"::character varying(200)\");");
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
