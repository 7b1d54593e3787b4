// The proof that SQL generation and introspection agree: a hand-built Schema
// created with to_sql(CreateTable) reads back equal, and every operation kind,
// applied and then reversed, reads back as the expected schema and then as
// the original one.
#include <gtest/gtest.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "schema_printer.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

Column column(std::string name, std::string type, bool nullable = false,
              std::optional<std::string> default_sql = std::nullopt, bool unique = false) {
  return Column{std::move(name), std::move(type), nullable, std::move(default_sql), unique};
}

Table tickets() {
  return Table{
      "tickets",
      {column("id", "bigint"), column("title", "character varying(200)"),
       column("priority", "character varying(20)", false, "'normal'"),
       column("status", "text", false, "'open'"), column("description", "text", true),
       column("votes", "integer", false, "0"), column("rank", "smallint", true, "-1"),
       column("score", "real", true, "1.5"), column("weight", "double precision", false, "-0.5"),
       column("archived", "boolean", false, "false"),
       column("created_at", "timestamp with time zone", false, "now()"),
       column("email", "text", false, {}, true), column("labels", "text[]", false, "'{}'"),
       column("note", "text", true, "E'it''s a\\\\b'")},
      {"id"}};
}

Table ticket_tags() {
  return Table{"ticket_tags",
               {column("tag", "text"), column("ticket_id", "bigint"),
                column("added_at", "timestamp with time zone", true, "now()")},
               {"ticket_id", "tag"}};
}

Schema base_schema() { return Schema{{ticket_tags(), tickets()}}; }

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

class SqlRoundTrip : public ::testing::Test {
 protected:
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database(
      ::testing::UnitTest::GetInstance()->current_test_info()->name()));

  void apply(const Op& op) {
    for (const std::string& statement : to_sql(op)) db.exec(statement);
  }

  Schema read_back() { return canonical(read_schema(db)); }

  void create(const Schema& schema) {
    for (const Table& table : schema.tables) apply(CreateTable{table});
    ASSERT_EQ(read_back(), canonical(schema));
  }

  /// Creates `before`, applies `op` (expecting `after`), then its reverse
  /// (expecting `before` again).
  void round_trip(const Schema& before, const Op& op, const Schema& after) {
    create(before);
    apply(op);
    EXPECT_EQ(read_back(), canonical(after)) << "after " << to_sql(op).front();
    Op back = reverse(op);
    apply(back);
    EXPECT_EQ(read_back(), canonical(before)) << "after " << to_sql(back).front();
  }
};

TEST_F(SqlRoundTrip, CreateTableReadsBackExactly) {
  create(base_schema());
  Schema exact = base_schema();
  sort_tables(exact);
  EXPECT_EQ(read_schema(db), exact);  // also in declaration (attnum) order
}

TEST_F(SqlRoundTrip, HostileAndLongNames) {
  std::string long_name(60, 'l');  // pk_… and uq_… need fit_identifier
  Schema schema{
      {Table{long_name,
             {column("id", "integer"), column("also_a_long_column_name", "text", true, {}, true)},
             {"id"}},
       Table{"we\"ird \xF0\x9F\x98\x80",
             {column("naïve \"col\"", "text", true, {}, true), column("Id", "integer")},
             {"Id", "naïve \"col\""}}}};
  // A primary key column is NOT NULL in PostgreSQL whatever the model says.
  schema.tables[1].columns[0].nullable = false;
  Schema after = schema;
  after.tables[0].columns[1].unique = false;
  round_trip(
      schema,
      AlterColumn{long_name, schema.tables[0].columns[1], after.tables[0].columns[1], std::nullopt},
      after);
}

TEST_F(SqlRoundTrip, CreateTable) {
  Schema before{{ticket_tags()}};
  round_trip(before, CreateTable{tickets()}, base_schema());
}

TEST_F(SqlRoundTrip, DropTable) {
  Schema after{{tickets()}};
  round_trip(base_schema(), DropTable{ticket_tags()}, after);
}

TEST_F(SqlRoundTrip, AddColumnNullable) {
  Schema after = base_schema();
  Column added = column("closed_at", "timestamp with time zone", true);
  table_in(after, "tickets").columns.push_back(added);
  round_trip(base_schema(), AddColumn{"tickets", added}, after);
}

TEST_F(SqlRoundTrip, AddColumnWithDefaultAndUnique) {
  Schema after = base_schema();
  Column added = column("code", "character varying(20)", false, "'x'", true);
  table_in(after, "tickets").columns.push_back(added);
  round_trip(base_schema(), AddColumn{"tickets", added}, after);
}

TEST_F(SqlRoundTrip, DropColumnUniqueWithDefault) {
  Schema before = base_schema();
  column_in(before, "tickets", "email").default_sql = "''";
  Column dropped = column_in(before, "tickets", "email");
  Schema after = before;
  auto& columns = table_in(after, "tickets").columns;
  std::erase_if(columns, [](const Column& c) { return c.name == "email"; });
  round_trip(before, DropColumn{"tickets", dropped}, after);
}

TEST_F(SqlRoundTrip, AlterColumnTypeKeepingDefault) {
  Schema after = base_schema();
  Column& votes = column_in(after, "tickets", "votes");
  votes.type = "bigint";
  Schema before = base_schema();
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "votes"), votes, std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnTypeWithUsingAndNewDefault) {
  Schema before = base_schema();
  Schema after = before;
  Column& status = column_in(after, "tickets", "status");
  status.type = "integer";
  status.default_sql = "1";
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "status"), status,
                         "CASE \"status\" WHEN 'open' THEN 1 ELSE 0 END"},
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
  column_in(changed, "tickets", "priority").default_sql = "'high'";
  apply(AlterColumn{"tickets", column_in(before, "tickets", "priority"),
                    column_in(changed, "tickets", "priority"), std::nullopt});
  EXPECT_EQ(read_back(), canonical(changed));
  apply(AlterColumn{"tickets", column_in(changed, "tickets", "priority"),
                    column_in(before, "tickets", "priority"), std::nullopt});
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

TEST_F(SqlRoundTrip, AlterColumnUniqueness) {
  Schema before = base_schema();
  Schema after = before;
  column_in(after, "tickets", "email").unique = false;
  round_trip(before,
             AlterColumn{"tickets", column_in(before, "tickets", "email"),
                         column_in(after, "tickets", "email"), std::nullopt},
             after);
}

TEST_F(SqlRoundTrip, AlterColumnEverythingAtOnce) {
  Schema before = base_schema();
  Schema after = before;
  Column& rank = column_in(after, "tickets", "rank");
  rank = column("rank", "bigint", false, "0", true);
  round_trip(
      before,
      AlterColumn{"tickets", column_in(before, "tickets", "rank"), rank, "coalesce(\"rank\", 0)"},
      after);
}

TEST_F(SqlRoundTrip, SetPrimaryKeyReplace) {
  Schema before = base_schema();
  Schema after = before;
  table_in(after, "tickets").primary_key = {"title", "id"};
  round_trip(before, SetPrimaryKey{"tickets", {"id"}, {"title", "id"}}, after);
}

TEST_F(SqlRoundTrip, SetPrimaryKeyDropAndAdd) {
  Schema before = base_schema();
  Schema after = before;
  table_in(after, "ticket_tags").primary_key.clear();
  round_trip(before, SetPrimaryKey{"ticket_tags", {"ticket_id", "tag"}, {}}, after);
}

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
