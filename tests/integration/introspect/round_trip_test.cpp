// The proof that SQL generation and introspection agree: a hand-built Schema
// created with to_sql reads back equal, and every operation kind, applied and
// then reversed, reads back as the expected schema and then as the original
// one (compared through canonical()). Expressions in the fixtures are written
// in PostgreSQL's deparsed form, so they read back verbatim.
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "pg_cluster.hpp"
#include "schema_printer.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"
#include "structmig/naming.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

Column column(std::string name, std::string type, bool nullable = false,
              std::optional<std::string> default_sql = std::nullopt) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql)};
}

Column identity(Column c, Identity kind) {
  c.identity = kind;
  return c;
}

Column commented(Column c, std::string comment) {
  c.comment = std::move(comment);
  return c;
}

EnumType ticket_status() { return EnumType{"ticket_status", {"open", "pending", "closed"}}; }

Table users() {
  return Table{.name = "users",
               .columns = {identity(column("id", "bigint"), Identity::always),
                           column("email", "text"), column("name", "text", true)},
               .primary_key = {"id"},
               .primary_key_name = "pk_users",
               .uniques = {UniqueConstraint{"uq_users_email", {"email"}}}};
}

Table tickets() {
  return Table{
      .name = "tickets",
      .columns = {identity(column("id", "bigint"), Identity::by_default),
                  column("title", "character varying(200)"),
                  column("priority", "character varying(20)", false, "'normal'"),
                  column("status", "ticket_status", false, "'open'"),
                  commented(column("description", "text", true), "What the customer wrote"),
                  column("votes", "integer", false, "0"), column("rank", "smallint", true, "-1"),
                  column("score", "real", true, "1.5"),
                  column("weight", "double precision", false, "-0.5"),
                  column("archived", "boolean", false, "false"),
                  column("created_at", "timestamp with time zone", false, "now()"),
                  column("email", "text"), column("labels", "text[]", false, "'{}'"),
                  column("history", "ticket_status[]", true),
                  column("note", "text", true, "E'it''s a\\\\b'"),
                  column("user_id", "bigint", true)},
      .primary_key = {"id"},
      .primary_key_name = "pk_tickets",
      .uniques = {UniqueConstraint{"uq_tickets_email", {"email"}}},
      .checks = {CheckConstraint{"ck_tickets_votes", "(votes >= 0)"}},
      .foreign_keys = {ForeignKey{.name = "fk_tickets_user_id_users",
                                  .columns = {"user_id"},
                                  .referenced_table = "users",
                                  .referenced_columns = {"id"},
                                  .on_delete = ForeignKeyAction::set_null}},
      .indexes = {Index{.name = "ix_tickets_open",
                        .keys = {IndexKey{.column = "created_at"}},
                        .where = "(NOT archived)"},
                  Index{.name = "ix_tickets_status_created_at",
                        .keys = {IndexKey{.column = "status"}, IndexKey{.column = "created_at"}}}},
      .comment = "Customer support tickets"};
}

Table ticket_tags() {
  return Table{.name = "ticket_tags",
               .columns = {column("tag", "text"), column("ticket_id", "bigint"),
                           column("added_at", "timestamp with time zone", true, "now()")},
               .primary_key = {"ticket_id", "tag"},
               .primary_key_name = "pk_ticket_tags",
               .foreign_keys = {ForeignKey{.name = "fk_ticket_tags_ticket_id_tickets",
                                           .columns = {"ticket_id"},
                                           .referenced_table = "tickets",
                                           .referenced_columns = {"id"},
                                           .on_delete = ForeignKeyAction::cascade}}};
}

Schema base_schema() {
  return Schema{.enums = {ticket_status()}, .tables = {ticket_tags(), tickets(), users()}};
}

Table& table_in(Schema& schema, const std::string& name) {
  for (Table& table : schema.tables) {
    if (table.name == name) return table;
  }
  throw std::out_of_range("no table " + name);
}

Column& column_in(Schema& schema, const std::string& table, const std::string& name) {
  for (Column& c : table_in(schema, table).columns) {
    if (c.name == name) return c;
  }
  throw std::out_of_range("no column " + name);
}

template <typename T>
T& named(std::vector<T>& items, const std::string& name) {
  for (T& item : items) {
    if (item.name == name) return item;
  }
  throw std::out_of_range("nothing named " + name);
}

template <typename T>
void erase_named(std::vector<T>& items, const std::string& name) {
  std::erase_if(items, [&](const T& item) { return item.name == name; });
}

class SqlRoundTrip : public ::testing::Test {
 protected:
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database(
      ::testing::UnitTest::GetInstance()->current_test_info()->name()));

  void apply(const Op& op) {
    for (const std::string& statement : to_sql(op)) db.exec(statement);
  }

  Schema read_back() { return canonical(read_schema(db)); }

  /// Enums, then tables without their foreign keys, then the foreign keys.
  void create(const Schema& schema) {
    for (const EnumType& type : schema.enums) apply(CreateEnum{type});
    for (Table table : schema.tables) {
      table.foreign_keys.clear();
      apply(CreateTable{table});
    }
    for (const Table& table : schema.tables) {
      for (const ForeignKey& key : table.foreign_keys) apply(AddConstraint{table.name, key});
    }
    ASSERT_EQ(read_back(), canonical(schema));
  }

  static std::string describe(const Op& op) {
    std::string text;
    for (const std::string& statement : to_sql(op)) text += "\n  " + statement;
    return text;
  }

  /// Creates `before`, applies `op` (expecting `after`), then its reverse
  /// (expecting `before` again).
  void round_trip(const Schema& before, const Op& op, const Schema& after) {
    create(before);
    if (HasFatalFailure()) return;
    apply(op);
    EXPECT_EQ(read_back(), canonical(after)) << "after" << describe(op);
    Op back = reverse(op);
    apply(back);
    EXPECT_EQ(read_back(), canonical(before)) << "after" << describe(back);
  }
};

// ---- tables -----------------------------------------------------------------

TEST_F(SqlRoundTrip, CreateTableReadsBackExactly) {
  create(base_schema());
  Schema exact = base_schema();
  sort_schema(exact);
  EXPECT_EQ(read_schema(db), exact);  // also in declaration (attnum) order
}

TEST_F(SqlRoundTrip, HostileAndLongNames) {
  const std::string long_name(60, 'l');
  const std::string weird = "we\"ird \xF0\x9F\x98\x80";
  const std::string weird_column = "naïve \"col\"";
  Column kind = column("kind", "\"b\"\"ad \xF0\x9F\x98\x80\"", true, "'it''s'");
  Schema schema{
      .enums = {EnumType{"b\"ad \xF0\x9F\x98\x80", {"it's", "x\\y"}}},
      .tables = {
          Table{
              .name = long_name,
              .columns = {column("id", "integer"), column("also_a_long_column_name", "text", true)},
              .primary_key = {"id"},
              .primary_key_name = primary_key_name(long_name),
              .uniques = {UniqueConstraint{unique_name(long_name, {"also_a_long_column_name"}),
                                           {"also_a_long_column_name"}}},
              .checks = {CheckConstraint{check_name(long_name, "also_a_long_column_name", ""),
                                         "(also_a_long_column_name <> ''::text)"}}},
          // A primary key column is NOT NULL in PostgreSQL whatever the model says.
          Table{.name = weird,
                .columns = {commented(column(weird_column, "text"), "it's \"quoted\""),
                            column("Id", "integer"), kind},
                .primary_key = {"Id", weird_column},
                .primary_key_name = primary_key_name(weird),
                .indexes = {Index{.name = "Ix \"1\"",
                                  .keys = {IndexKey{.expression = "lower(\"naïve \"\"col\"\"\")"},
                                           IndexKey{.column = "Id"}}}},
                .comment = "\xF0\x9F\x98\x80 'table'"}}};
  Schema after = schema;
  after.tables[0].uniques.clear();
  round_trip(schema, DropConstraint{long_name, schema.tables[0].uniques[0]}, after);
}

TEST_F(SqlRoundTrip, CreateTableWithItsForeignKey) {
  Schema before{.enums = {ticket_status()}, .tables = {tickets(), users()}};
  round_trip(before, CreateTable{ticket_tags()}, base_schema());
}

TEST_F(SqlRoundTrip, DropTable) {
  Schema after{.enums = {ticket_status()}, .tables = {tickets(), users()}};
  round_trip(base_schema(), DropTable{ticket_tags()}, after);
}

TEST_F(SqlRoundTrip, RenameTableFollowsForeignKeys) {
  Schema after = base_schema();
  table_in(after, "users").name = "customers";
  table_in(after, "tickets").foreign_keys[0].referenced_table = "customers";
  round_trip(base_schema(), RenameTable{"users", "customers"}, after);
}

TEST_F(SqlRoundTrip, SetTableComment) {
  Schema changed = base_schema();
  table_in(changed, "tickets").comment = "Tickets, 'quoted' \\ too";
  round_trip(base_schema(),
             SetTableComment{"tickets", "Customer support tickets", "Tickets, 'quoted' \\ too"},
             changed);
}

TEST_F(SqlRoundTrip, SetTableCommentFromNone) {
  Schema after = base_schema();
  table_in(after, "users").comment = "People";
  round_trip(base_schema(), SetTableComment{"users", std::nullopt, "People"}, after);
}

TEST_F(SqlRoundTrip, ClearTableComment) {
  Schema after = base_schema();
  table_in(after, "tickets").comment.reset();
  round_trip(base_schema(), SetTableComment{"tickets", "Customer support tickets", std::nullopt},
             after);
}

// ---- columns ----------------------------------------------------------------

TEST_F(SqlRoundTrip, AddColumnNullable) {
  Schema after = base_schema();
  Column added = column("closed_at", "timestamp with time zone", true);
  table_in(after, "tickets").columns.push_back(added);
  round_trip(base_schema(), AddColumn{"tickets", added}, after);
}

TEST_F(SqlRoundTrip, AddColumnWithDefaultAndComment) {
  Schema after = base_schema();
  Column added = commented(column("code", "character varying(20)", false, "'x'"), "A code");
  table_in(after, "tickets").columns.push_back(added);
  round_trip(base_schema(), AddColumn{"tickets", added}, after);
}

TEST_F(SqlRoundTrip, AddIdentityAndEnumColumns) {
  Schema after = base_schema();
  Column number = identity(column("number", "integer"), Identity::always);
  table_in(after, "ticket_tags").columns.push_back(number);
  round_trip(base_schema(), AddColumn{"ticket_tags", number}, after);
  Column state = column("state", "ticket_status[]", false, "'{open}'");
  Schema with_state = base_schema();
  table_in(with_state, "ticket_tags").columns.push_back(state);
  apply(AddColumn{"ticket_tags", state});
  EXPECT_EQ(read_back(), canonical(with_state));
}

TEST_F(SqlRoundTrip, DropColumnWithDefaultAndComment) {
  Schema before = base_schema();
  column_in(before, "tickets", "note").comment = "Internal";
  Column dropped = column_in(before, "tickets", "note");
  Schema after = before;
  erase_named(table_in(after, "tickets").columns, "note");
  round_trip(before, DropColumn{"tickets", dropped}, after);
}

TEST_F(SqlRoundTrip, RenameColumnRewritesChecksAndUniques) {
  Schema after = base_schema();
  Table& t = table_in(after, "tickets");
  column_in(after, "tickets", "votes").name = "vote_count";
  t.checks[0].expression = "(vote_count >= 0)";
  round_trip(base_schema(), RenameColumn{"tickets", "votes", "vote_count"}, after);
}

TEST_F(SqlRoundTrip, RenameColumnInKeysAndIndexes) {
  Schema after = base_schema();
  Table& t = table_in(after, "tickets");
  column_in(after, "tickets", "created_at").name = "opened_at";
  named(t.indexes, "ix_tickets_open").keys[0].column = "opened_at";
  named(t.indexes, "ix_tickets_status_created_at").keys[1].column = "opened_at";
  round_trip(base_schema(), RenameColumn{"tickets", "created_at", "opened_at"}, after);
}

TEST_F(SqlRoundTrip, AlterColumnTypeKeepingDefault) {
  Schema before = base_schema();
  Schema after = before;
  column_in(after, "tickets", "votes").type = "bigint";
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "votes"),
                         column_in(after, "tickets", "votes"), std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnTypeWithUsingAndNewDefault) {
  Schema before = base_schema();
  Schema after = before;
  Column& priority = column_in(after, "tickets", "priority");
  priority.type = "integer";
  priority.default_sql = "1";
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "priority"), priority,
                         "CASE \"priority\" WHEN 'high' THEN 2 ELSE 1 END"},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnWidenVarchar) {
  Schema before = base_schema();
  Schema after = before;
  column_in(after, "tickets", "priority").type = "character varying(200)";
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "priority"),
                         column_in(after, "tickets", "priority"), std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnDefaultSetChangeDrop) {
  Schema before = base_schema();
  Schema set = before;
  column_in(set, "tickets", "description").default_sql = "'none'";
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "description"),
                         column_in(set, "tickets", "description"), std::nullopt},
             set);
  Schema changed = before;
  column_in(changed, "tickets", "status").default_sql = "'pending'";
  apply(AlterColumn{"tickets", column_in(before, "tickets", "status"),
                    column_in(changed, "tickets", "status"), std::nullopt});
  EXPECT_EQ(read_back(), canonical(changed));
  apply(AlterColumn{"tickets", column_in(changed, "tickets", "status"),
                    column_in(before, "tickets", "status"), std::nullopt});
  EXPECT_EQ(read_back(), canonical(before));
}

TEST_F(SqlRoundTrip, AlterColumnNullability) {
  Schema before = base_schema();
  Schema after = before;
  column_in(after, "tickets", "title").nullable = true;
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "title"),
                         column_in(after, "tickets", "title"), std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnAddIdentity) {
  Schema before = base_schema();
  Schema after = before;
  // rank loses its default and nullability to become an identity, and back.
  Column& rank = column_in(after, "tickets", "rank");
  rank = identity(column("rank", "smallint"), Identity::by_default);
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "rank"), rank, std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnChangeIdentityKind) {
  Schema before = base_schema();
  Schema after = before;
  column_in(after, "users", "id").identity = Identity::by_default;
  round_trip(before,
             AlterColumn{"users", column_in(before, "users", "id"), column_in(after, "users", "id"),
                         std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnCommentChange) {
  Schema before = base_schema();
  Schema after = before;
  column_in(after, "tickets", "description").comment = "Changed: it's \"new\"";
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "description"),
                         column_in(after, "tickets", "description"), std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnCommentSetAndClear) {
  Schema before = base_schema();
  Schema after = before;
  column_in(after, "tickets", "title").comment = "Added";
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "title"),
                         column_in(after, "tickets", "title"), std::nullopt},
             after);
  Schema cleared = before;
  column_in(cleared, "tickets", "description").comment.reset();
  apply(AlterColumn{"tickets", column_in(before, "tickets", "description"),
                    column_in(cleared, "tickets", "description"), std::nullopt});
  EXPECT_EQ(read_back(), canonical(cleared));
}

TEST_F(SqlRoundTrip, AlterColumnEverythingAtOnce) {
  Schema before = base_schema();
  Schema after = before;
  Column& rank = column_in(after, "tickets", "rank");
  rank = commented(column("rank", "bigint", false, "0"), "Position");
  round_trip(
      before,
      AlterColumn{"tickets", column_in(before, "tickets", "rank"), rank, "coalesce(\"rank\", 0)"},
      after);
}

TEST_F(SqlRoundTrip, SetPrimaryKeyReplace) {
  Schema before = base_schema();
  Schema after = before;
  table_in(after, "ticket_tags").primary_key = {"tag", "ticket_id"};
  round_trip(
      before,
      SetPrimaryKey{"ticket_tags", {"ticket_id", "tag"}, {"tag", "ticket_id"}, "pk_ticket_tags"},
      after);
}

TEST_F(SqlRoundTrip, SetPrimaryKeyDropAndAdd) {
  Schema before = base_schema();
  Schema after = before;
  // Without a key the name is not PostgreSQL's to keep: it reads back empty.
  table_in(after, "ticket_tags").primary_key.clear();
  table_in(after, "ticket_tags").primary_key_name.clear();
  round_trip(before, SetPrimaryKey{"ticket_tags", {"ticket_id", "tag"}, {}, "pk_ticket_tags"},
             after);
}

// ---- constraints and indexes ------------------------------------------------

TEST_F(SqlRoundTrip, AddCompositeForeignKeyWithActions) {
  Schema before = base_schema();
  table_in(before, "ticket_tags")
      .columns.push_back(column("ticket_title", "character varying(200)", true));
  table_in(before, "tickets")
      .uniques.push_back(UniqueConstraint{"uq_tickets_id_title", {"id", "title"}});
  ForeignKey key{.name = "fk_ticket_tags_ticket_id_ticket_title_tickets",
                 .columns = {"ticket_id", "ticket_title"},
                 .referenced_table = "tickets",
                 .referenced_columns = {"id", "title"},
                 .on_delete = ForeignKeyAction::restrict,
                 .on_update = ForeignKeyAction::cascade};
  Schema after = before;
  table_in(after, "ticket_tags").foreign_keys.push_back(key);
  round_trip(before, AddConstraint{"ticket_tags", key}, after);
}

TEST_F(SqlRoundTrip, AddSelfReferencingForeignKey) {
  Schema before = base_schema();
  table_in(before, "tickets").columns.push_back(column("parent_id", "bigint", true));
  ForeignKey key{.name = "fk_tickets_parent_id_tickets",
                 .columns = {"parent_id"},
                 .referenced_table = "tickets",
                 .referenced_columns = {"id"},
                 .on_delete = ForeignKeyAction::set_default,
                 .on_update = ForeignKeyAction::set_null};
  Schema after = before;
  table_in(after, "tickets").foreign_keys.push_back(key);
  round_trip(before, AddConstraint{"tickets", key}, after);
}

TEST_F(SqlRoundTrip, DropForeignKey) {
  Schema after = base_schema();
  table_in(after, "tickets").foreign_keys.clear();
  round_trip(base_schema(), DropConstraint{"tickets", tickets().foreign_keys[0]}, after);
}

TEST_F(SqlRoundTrip, AddMultiColumnUnique) {
  UniqueConstraint unique{"uq_tickets_title_priority", {"title", "priority"}};
  Schema after = base_schema();
  table_in(after, "tickets").uniques.push_back(unique);
  round_trip(base_schema(), AddConstraint{"tickets", unique}, after);
}

TEST_F(SqlRoundTrip, DropUnique) {
  Schema after = base_schema();
  table_in(after, "tickets").uniques.clear();
  round_trip(base_schema(), DropConstraint{"tickets", tickets().uniques[0]}, after);
}

TEST_F(SqlRoundTrip, AddCheck) {
  CheckConstraint check{"ck_tickets_email", "(email <> ''::text)"};
  Schema after = base_schema();
  table_in(after, "tickets").checks.push_back(check);
  round_trip(base_schema(), AddConstraint{"tickets", check}, after);
}

TEST_F(SqlRoundTrip, DropCheck) {
  Schema after = base_schema();
  table_in(after, "tickets").checks.clear();
  round_trip(base_schema(), DropConstraint{"tickets", tickets().checks[0]}, after);
}

TEST_F(SqlRoundTrip, CreateUniqueExpressionIndex) {
  Index index{.name = "ux_tickets_lower_email",
              .keys = {IndexKey{.expression = "lower(email)"}, IndexKey{.column = "user_id"}},
              .unique = true};
  Schema after = base_schema();
  table_in(after, "tickets").indexes.push_back(index);
  round_trip(base_schema(), CreateIndex{"tickets", index}, after);
}

TEST_F(SqlRoundTrip, CreateGinIndex) {
  Index index{.name = "ix_tickets_labels", .keys = {IndexKey{.column = "labels"}}, .method = "gin"};
  Schema after = base_schema();
  table_in(after, "tickets").indexes.push_back(index);
  round_trip(base_schema(), CreateIndex{"tickets", index}, after);
}

TEST_F(SqlRoundTrip, CreatePartialHashIndex) {
  Index index{.name = "ix_tickets_priority",
              .keys = {IndexKey{.column = "priority"}},
              .method = "hash",
              .where = "((priority)::text = 'high'::text)"};
  Schema after = base_schema();
  table_in(after, "tickets").indexes.push_back(index);
  round_trip(base_schema(), CreateIndex{"tickets", index}, after);
}

TEST_F(SqlRoundTrip, DropIndex) {
  Schema after = base_schema();
  erase_named(table_in(after, "tickets").indexes, "ix_tickets_open");
  round_trip(base_schema(), DropIndex{"tickets", tickets().indexes[0]}, after);
}

TEST_F(SqlRoundTrip, RenamePrimaryKey) {
  Schema after = base_schema();
  table_in(after, "tickets").primary_key_name = "tickets_key";
  round_trip(base_schema(), RenameConstraint{"tickets", "pk_tickets", "tickets_key"}, after);
}

TEST_F(SqlRoundTrip, RenameUniqueCheckAndForeignKey) {
  Schema after = base_schema();
  Table& t = table_in(after, "tickets");
  t.uniques[0].name = "uq_renamed";
  round_trip(base_schema(), RenameConstraint{"tickets", "uq_tickets_email", "uq_renamed"}, after);
  Schema all = after;
  table_in(all, "tickets").checks[0].name = "ck_renamed";
  table_in(all, "tickets").foreign_keys[0].name = "fk_renamed";
  apply(RenameConstraint{"tickets", "uq_tickets_email", "uq_renamed"});
  apply(RenameConstraint{"tickets", "ck_tickets_votes", "ck_renamed"});
  apply(RenameConstraint{"tickets", "fk_tickets_user_id_users", "fk_renamed"});
  EXPECT_EQ(read_back(), canonical(all));
}

TEST_F(SqlRoundTrip, RenameIndex) {
  Schema after = base_schema();
  named(table_in(after, "tickets").indexes, "ix_tickets_open").name = "ix_tickets_unarchived";
  round_trip(base_schema(), RenameIndex{"tickets", "ix_tickets_open", "ix_tickets_unarchived"},
             after);
}

// ---- enums ------------------------------------------------------------------

TEST_F(SqlRoundTrip, CreateEnum) {
  EnumType type{"priority_level", {"low", "high", "it's"}};
  Schema after = base_schema();
  after.enums.push_back(type);
  round_trip(base_schema(), CreateEnum{type}, after);
}

TEST_F(SqlRoundTrip, DropEnum) {
  Schema before = base_schema();
  before.enums.push_back(EnumType{"unused", {"a"}});
  round_trip(before, DropEnum{EnumType{"unused", {"a"}}}, base_schema());
}

TEST_F(SqlRoundTrip, RenameEnumRenamesColumnTypes) {
  Schema after = base_schema();
  after.enums[0].name = "ticket_state";
  column_in(after, "tickets", "status").type = "ticket_state";
  column_in(after, "tickets", "history").type = "ticket_state[]";
  round_trip(base_schema(), RenameEnum{"ticket_status", "ticket_state"}, after);
}

std::vector<EnumUsage> ticket_status_usages() {
  return {EnumUsage{"tickets", "status", false, "'open'"},
          EnumUsage{"tickets", "history", true, std::nullopt}};
}

TEST_F(SqlRoundTrip, AddEnumLabelAndRecreateBack) {
  struct Case {
    std::optional<std::string> before, after;
    std::vector<std::string> labels;
  };
  const std::vector<Case> cases{
      {std::nullopt, std::nullopt, {"open", "pending", "closed", "reopened"}},
      {"pending", std::nullopt, {"open", "reopened", "pending", "closed"}},
      {std::nullopt, "open", {"open", "reopened", "pending", "closed"}},
  };
  create(base_schema());
  for (const Case& c : cases) {
    AddEnumLabel op{.type = "ticket_status",
                    .label = "reopened",
                    .before = c.before,
                    .after = c.after,
                    .type_before = ticket_status(),
                    .usages = ticket_status_usages()};
    Schema after = base_schema();
    after.enums[0].labels = c.labels;
    apply(op);
    EXPECT_EQ(read_back(), canonical(after)) << describe(op);
    Op back = reverse(Op{op});
    ASSERT_TRUE(std::holds_alternative<RecreateEnum>(back));
    apply(back);
    EXPECT_EQ(read_back(), canonical(base_schema())) << describe(back);
  }
}

TEST_F(SqlRoundTrip, RenameEnumLabel) {
  Schema after = base_schema();
  after.enums[0].labels[1] = "it's waiting";
  round_trip(base_schema(), RenameEnumLabel{"ticket_status", "pending", "it's waiting"}, after);
}

TEST_F(SqlRoundTrip, RecreateEnumDropsAndReordersLabels) {
  EnumType to{"ticket_status", {"closed", "open"}};
  Schema after = base_schema();
  after.enums[0] = to;
  round_trip(base_schema(), RecreateEnum{ticket_status(), to, ticket_status_usages()}, after);
}

// ---- raw SQL ----------------------------------------------------------------

TEST_F(SqlRoundTrip, ExecuteSqlAppliesAndHasNoInverse) {
  create(base_schema());
  ExecuteSql op{"ALTER TABLE \"tickets\" ADD COLUMN \"extra\" integer"};
  apply(op);
  Schema after = base_schema();
  table_in(after, "tickets").columns.push_back(column("extra", "integer", true));
  EXPECT_EQ(read_back(), canonical(after));
  EXPECT_THROW(reverse(Op{op}), IrreversibleOp);
}

}  // namespace
}  // namespace structmig
