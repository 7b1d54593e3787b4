// Each operation as the statement a migration file contains, compared as text.
#include <gtest/gtest.h>

#include "render/cpp_literal.hpp"
#include "render/render_op.hpp"
#include "render/value_initializers.hpp"

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
          {.name = "priority", .type = "character varying(20)", .default_sql = "'normal'"}}), R"golden(constexpr data::Column tickets_priority_column{.name = "priority", .type = "character varying(20)", .default_sql = "'normal'"};

op.add_column("tickets", tickets_priority_column);)golden");
  EXPECT_EQ(render_op(AddColumn{"t", {.name = "c", .type = "text", .nullable = true}}), R"golden(constexpr data::Column t_c_column{.name = "c", .type = "text", .nullable = true};

op.add_column("t", t_c_column);)golden");
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
                           .comment = "The \"id\""}}), R"golden(constexpr data::Column t_id_column{.name = "id", .type = "bigint", .nullable = true, .default_sql = "0", .identity = Identity::by_default, .comment = "The \"id\""};

op.add_column("t", t_id_column);)golden");
  EXPECT_EQ(
      render_op(AddColumn{"t", {.name = "n", .type = "integer", .identity = Identity::always}}), R"golden(constexpr data::Column t_n_column{.name = "n", .type = "integer", .identity = Identity::always};

op.add_column("t", t_n_column);)golden");
}

// A column's data stays on one line however long it is.
TEST(RenderOp, AddColumnStaysOnOneLine) {
  const Column long_column{.name = "description",
                           .type = "character varying(2000)",
                           .nullable = true,
                           .default_sql = "'nothing to see here at all'",
                           .comment = "long"};
  EXPECT_EQ(render_op(AddColumn{"tickets", long_column}), R"golden(constexpr data::Column tickets_description_column{.name = "description", .type = "character varying(2000)", .nullable = true, .default_sql = "'nothing to see here at all'", .comment = "long"};

op.add_column("tickets", tickets_description_column);)golden");
}

TEST(RenderOp, CreateTable) {
  const Table tickets{
      .name = "tickets",
      .columns = {{.name = "id", .type = "bigint"},
                  {.name = "description", .type = "text", .nullable = true}},
      .primary_key = {"id"},
  };
  EXPECT_EQ(render_op(CreateTable{tickets}), R"golden(constexpr data::Column tickets_columns[] = {
    {.name = "id", .type = "bigint"},
    {.name = "description", .type = "text", .nullable = true},
};
constexpr data::Table tickets_table{
    .name = "tickets",
    .columns = tickets_columns,
    .primary_key = {"id"},
};

op.create_table(tickets_table);)golden");
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
  EXPECT_EQ(render_op(CreateTable{documents}), R"golden(constexpr data::Column documents_columns[] = {
    {.name = "id", .type = "bigint", .identity = Identity::always},
    {.name = "owner_id", .type = "bigint", .nullable = true},
    {.name = "title", .type = "text", .comment = "Shown in lists"},
};
constexpr data::UniqueConstraint documents_uniques[] = {
    {.name = "uq_documents_title", .columns = {"owner_id", "title"}},
};
constexpr data::CheckConstraint documents_checks[] = {
    {.name = "ck_documents_title", .expression = "title <> ''"},
};
constexpr data::ForeignKey documents_foreign_keys[] = {
    {.name = "fk_documents_owner_id_users", .columns = {"owner_id"}, .referenced_table = "users", .referenced_columns = {"id"}, .on_delete = ForeignKeyAction::set_null, .on_update = ForeignKeyAction::cascade},
};
constexpr data::IndexKey ix_documents_owner_id_keys[] = {{.column = "owner_id"}};
constexpr data::IndexKey ux_documents_title_keys[] = {{.expression = "lower(title)"}, {.column = "id"}};
constexpr data::Index documents_indexes[] = {
    {.name = "ix_documents_owner_id", .keys = ix_documents_owner_id_keys},
    {.name = "ux_documents_title", .keys = ux_documents_title_keys, .unique = true, .method = "gin", .where = "owner_id IS NOT NULL"},
};
constexpr data::Table documents_table{
    .name = "documents",
    .columns = documents_columns,
    .primary_key = {"id"},
    .primary_key_name = "pk_documents",
    .uniques = documents_uniques,
    .checks = documents_checks,
    .foreign_keys = documents_foreign_keys,
    .indexes = documents_indexes,
    .comment = "Documents",
};

op.create_table(documents_table);)golden");
}

TEST(RenderOp, CreateTableWithoutColumnsOrKey) {
  EXPECT_EQ(render_op(CreateTable{{.name = "empty"}}), R"golden(constexpr data::Table empty_table{
    .name = "empty",
};

op.create_table(empty_table);)golden");
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
                                                    .on_delete = ForeignKeyAction::cascade}}), R"golden(constexpr data::ForeignKey fk_tickets_user_id_users_foreign_key{.name = "fk_tickets_user_id_users", .columns = {"user_id"}, .referenced_table = "users", .referenced_columns = {"id"}, .on_delete = ForeignKeyAction::cascade};

op.add_foreign_key("tickets", fk_tickets_user_id_users_foreign_key);)golden");
  EXPECT_EQ(
      render_op(AddConstraint{"a", ForeignKey{.name = "fk",
                                              .columns = {"x", "y"},
                                              .referenced_table = "b",
                                              .referenced_columns = {"p", "q"},
                                              .on_update = ForeignKeyAction::restrict}}), R"golden(constexpr data::ForeignKey fk_foreign_key{.name = "fk", .columns = {"x", "y"}, .referenced_table = "b", .referenced_columns = {"p", "q"}, .on_update = ForeignKeyAction::restrict};

op.add_foreign_key("a", fk_foreign_key);)golden");
  EXPECT_EQ(render_op(AddConstraint{
                "users", UniqueConstraint{.name = "uq_users_email", .columns = {"email"}}}), R"golden(constexpr data::UniqueConstraint uq_users_email_unique{.name = "uq_users_email", .columns = {"email"}};

op.add_unique("users", uq_users_email_unique);)golden");
  EXPECT_EQ(
      render_op(AddConstraint{"t", CheckConstraint{.name = "ck_t", .expression = "a <> 'x'"}}), R"golden(constexpr data::CheckConstraint ck_t_check{.name = "ck_t", .expression = "a <> 'x'"};

op.add_check("t", ck_t_check);)golden");
  EXPECT_EQ(render_op(CreateIndex{"t", {.name = "ix_t_a", .keys = {{.column = "a"}}}}), R"golden(constexpr data::IndexKey ix_t_a_keys[] = {{.column = "a"}};
constexpr data::Index ix_t_a_index{.name = "ix_t_a", .keys = ix_t_a_keys};

op.create_index("t", ix_t_a_index);)golden");
  EXPECT_EQ(
      render_op(CreateIndex{"t",
                            {.name = "ux_t",
                             .keys = {{.expression = "lower(a)"}},
                             .unique = true,
                             .method = "hash",
                             .where = "a IS NOT NULL"}}), R"golden(constexpr data::IndexKey ux_t_keys[] = {{.expression = "lower(a)"}};
constexpr data::Index ux_t_index{.name = "ux_t", .keys = ux_t_keys, .unique = true, .method = "hash", .where = "a IS NOT NULL"};

op.create_index("t", ux_t_index);)golden");
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
  EXPECT_EQ(render_op(CreateEnum{{.name = "document_status", .labels = {"draft", "in review"}}}), R"golden(constexpr data::Text document_status_labels[] = {"draft", "in review"};
constexpr data::EnumType document_status_enum{.name = "document_status", .labels = document_status_labels};

op.create_enum(document_status_enum);)golden");
  EXPECT_EQ(render_op(CreateEnum{{.name = "empty"}}), R"golden(constexpr data::EnumType empty_enum{.name = "empty"};

op.create_enum(empty_enum);)golden");
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
          RecreateEnum{{.name = "s", .labels = {"a", "b"}}, {.name = "s", .labels = {"b"}}, {}}), R"golden(constexpr data::Text s_from_labels[] = {"a", "b"};
constexpr data::EnumType s_from{.name = "s", .labels = s_from_labels};

constexpr data::Text s_to_labels[] = {"b"};
constexpr data::EnumType s_to{.name = "s", .labels = s_to_labels};

op.recreate_enum(s_from, s_to, {});)golden");
  const RecreateEnum with_usages{
      {.name = "document_status", .labels = {"draft", "obsolete", "published"}},
      {.name = "document_status", .labels = {"draft", "published"}},
      {{.table = "documents", .column = "status", .default_sql = "'draft'"},
       {.table = "documents", .column = "history", .is_array = true}}};
  EXPECT_EQ(
      render_op(with_usages), R"golden(constexpr data::Text document_status_from_labels[] = {"draft", "obsolete", "published"};
constexpr data::EnumType document_status_from{.name = "document_status", .labels = document_status_from_labels};

constexpr data::Text document_status_to_labels[] = {"draft", "published"};
constexpr data::EnumType document_status_to{.name = "document_status", .labels = document_status_to_labels};

constexpr data::EnumUsage document_status_usages[] = {
    {.table = "documents", .column = "status", .default_sql = "'draft'"},
    {.table = "documents", .column = "history", .is_array = true},
};

op.recreate_enum(document_status_from, document_status_to, document_status_usages);)golden");
}

TEST(RenderOp, AlterColumn) {
  // The columns before and after are data objects; the call names them.
  EXPECT_EQ(render_op(AlterColumn{"tk",
                                  {.name = "c", .type = "int"},
                                  {.name = "c", .type = "int", .comment = "a"},
                                  std::nullopt}),
            R"golden(constexpr data::Column tk_c_from{.name = "c", .type = "int"};

constexpr data::Column tk_c_to{.name = "c", .type = "int", .comment = "a"};

op.alter_column("tk", tk_c_from, tk_c_to);)golden");
  // 98 columns plus the body's indent of 2 is the limit for one line.
  DataDeclarations data;
  EXPECT_EQ(render_op(AlterColumn{"tickets_archive_2024", {.name = "c"}, {.name = "c"}}, data),
            R"(op.alter_column("tickets_archive_2024", tickets_archive_2024_c_from, tickets_archive_2024_c_to);)");
  EXPECT_EQ(render_op(AlterColumn{"tickets_archive_20245", {.name = "c"}, {.name = "c"}}, data),
            "op.alter_column(\"tickets_archive_20245\",\n"
            "                  tickets_archive_20245_c_from,\n"
            "                  tickets_archive_20245_c_to);");
  EXPECT_EQ(render_op(AlterColumn{"tickets",
                                  {.name = "title", .type = "text"},
                                  {.name = "title", .type = "character varying(200)"},
                                  "\"title\"::character varying(200)"}),
            R"golden(constexpr data::Column tickets_title_from{.name = "title", .type = "text"};

constexpr data::Column tickets_title_to{.name = "title", .type = "character varying(200)"};

op.alter_column("tickets",
                  tickets_title_from,
                  tickets_title_to,
                  "\"title\"::character varying(200)");)golden");
  // The diff's decision (a cast, not text) renders the same call.
  EXPECT_EQ(render_op(AlterColumn{"tickets",
                                  {.name = "title", .type = "text"},
                                  {.name = "title", .type = "character varying(200)"},
                                  std::nullopt,
                                  TypeCast::direct}),
            render_op(AlterColumn{"tickets",
                                  {.name = "title", .type = "text"},
                                  {.name = "title", .type = "character varying(200)"},
                                  "\"title\"::character varying(200)"}));
}

// Identifiers: the SQL name with every run of other characters one
// underscore (none at the ends, `x` before a leading digit) and the kind's
// suffix, so never a keyword; a second object of the same identifier gets _2.
TEST(RenderOp, DataIdentifiers) {
  DataDeclarations data;
  EXPECT_EQ(data.table({.name = "class"}), "class_table");
  EXPECT_EQ(data.table({.name = "Order Items"}), "Order_Items_table");
  EXPECT_EQ(data.table({.name = "__x__y\xC3\xA9_"}), "x_y_table");
  EXPECT_EQ(data.table({.name = "2fa codes"}), "x2fa_codes_table");
  EXPECT_EQ(data.table({.name = "x.y"}), "x_y_table_2");
  EXPECT_EQ(data.table({.name = "x-y"}), "x_y_table_3");
  EXPECT_EQ(data.column("x-y", {.name = "int", .type = "text"}), "x_y_int_column");
  EXPECT_EQ(data.index({.name = "ix", .keys = {{.column = "a"}}}), "ix_index");
  EXPECT_EQ(data.index({.name = "ix", .keys = {{.column = "b"}}}), "ix_index_2");
  const std::string text = data.take();
  EXPECT_NE(text.find("constexpr data::IndexKey ix_keys_2[] = {{.column = \"b\"}};\n"
                      "constexpr data::Index ix_index_2{.name = \"ix\", .keys = ix_keys_2};\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(data.take(), "");
}

// The appending forms the generator writes tables with: the same text as the
// returning ones, after what the buffer already holds.
TEST(RenderOp, AppendingInitializersMatchTheReturningOnes) {
  const Column column{.name = "ti\"tle",
                      .type = "text",
                      .nullable = true,
                      .default_sql = "'a\\b'",
                      .identity = Identity::always,
                      .comment = "line\none"};
  std::string out = "x";
  append_column_initializer(out, column);
  EXPECT_EQ(out, "x" + column_initializer(column));
  EXPECT_EQ(out,
            R"(x{.name = "ti\"tle", .type = "text", .nullable = true, .default_sql = "'a\\b'", )"
            R"(.identity = Identity::always, .comment = "line\none"})");
  out = "y";
  append_cpp_string_literal(out, "q\"\t\x01");
  EXPECT_EQ(out, "y" + cpp_string_literal("q\"\t\x01"));
  EXPECT_EQ(out, R"(y"q\"\t\001")");
}

// data::Names holds PostgreSQL's limit of 32 columns of a key; more is an
// error that names the key.
TEST(RenderOp, KeysOfMoreThan32ColumnsAreRefused) {
  std::vector<std::string> columns;
  for (int i = 0; i < 33; ++i) columns.push_back("c" + std::to_string(i));
  DataDeclarations data;
  Table table{.name = "wide", .primary_key = columns};
  EXPECT_THROW(
      {
        try {
          data.table(table);
        } catch (const structmig::InvalidOperation& error) {
          EXPECT_STREQ(error.what(),
                       "the primary key of table \"wide\" has 33 columns; PostgreSQL allows at "
                       "most 32 in a key");
          throw;
        }
      },
      structmig::InvalidOperation);
  EXPECT_THROW(data.constraint(UniqueConstraint{.name = "uq", .columns = columns}),
               structmig::InvalidOperation);
  EXPECT_THROW(data.constraint(ForeignKey{.name = "fk", .referenced_columns = columns}),
               structmig::InvalidOperation);
  columns.pop_back();
  table.primary_key = columns;
  EXPECT_EQ(data.table(table), "wide_table");
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

// The data of every operation comes first, one identifier per object.
TEST(RenderBody, DeclaresTheDataFirst) {
  EXPECT_EQ(render_body({AddColumn{"t", {.name = "a", .type = "text"}},
                         AddColumn{"t", {.name = "a", .type = "bigint"}}}),
            R"golden(constexpr data::Column t_a_column{.name = "a", .type = "text"};

constexpr data::Column t_a_column_2{.name = "a", .type = "bigint"};

  op.add_column("t", t_a_column);
  op.add_column("t", t_a_column_2);
)golden");
}

}  // namespace
}  // namespace structmig::render
