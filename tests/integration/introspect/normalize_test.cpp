// normalize_schema(): a model written the way people write SQL (BETWEEN, an
// unqualified literal default on an enum column, an expression index, a
// partial index on a varchar column, tables that reference each other) comes
// back in PostgreSQL's own form, equal to what read_schema() finds once the
// same model is created for real; and nothing is left behind.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "schema_printer.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"
#include "structmig/normalize.hpp"
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

/// Written as a person would: BETWEEN, IN, <> on a varchar, a bare 'draft'.
/// The referencing table comes first, and authors and documents reference
/// each other, so only creating every foreign key last can work.
Schema documents_model() {
  Column id = column("id", "bigint");
  id.identity = Identity::by_default;
  Column title = column("title", "character varying(200)");
  title.comment = "Shown in lists";
  Column name = column("name", "text");
  name.comment = "";  // PostgreSQL keeps no empty comment
  return Schema{
      .enums = {EnumType{"document_status", {"draft", "published", "archived"}}},
      .tables = {
          Table{.name = "documents",
                .columns = {id, title, column("status", "document_status", false, "'draft'"),
                            column("previous", "document_status[]", false, "'{}'"),
                            column("rating", "integer", true), column("author_id", "bigint", true)},
                .primary_key = {"id"},
                .primary_key_name = "pk_documents",
                .checks = {CheckConstraint{"ck_documents_rating", "rating BETWEEN 1 AND 5"},
                           CheckConstraint{"ck_documents_status",
                                           "status IN ('draft', 'published')"}},
                .foreign_keys = {ForeignKey{.name = "fk_documents_author_id_authors",
                                            .columns = {"author_id"},
                                            .referenced_table = "authors",
                                            .referenced_columns = {"id"},
                                            .on_delete = ForeignKeyAction::set_null}},
                .indexes = {Index{.name = "ix_documents_title_lower",
                                  .keys = {IndexKey{.expression = "lower(title)"}}},
                            Index{.name = "ix_documents_titled",
                                  .keys = {IndexKey{.column = "rating"}},
                                  .where = "title <> '' AND status = 'published'"}},
                .comment = "What authors write"},
          Table{.name = "authors",
                .columns = {column("id", "bigint"), name, column("latest_id", "bigint", true)},
                .primary_key = {"id"},
                .primary_key_name = "pk_authors",
                .foreign_keys = {ForeignKey{.name = "fk_authors_latest_id_documents",
                                            .columns = {"latest_id"},
                                            .referenced_table = "documents",
                                            .referenced_columns = {"id"}}}}}};
}

class Normalize : public ::testing::Test {
 protected:
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database(
      ::testing::UnitTest::GetInstance()->current_test_info()->name()));

  /// The same model created for real in public, the way a migration would.
  void create_in_public(const Schema& model) {
    std::vector<Op> ops;
    for (const EnumType& type : model.enums) ops.push_back(CreateEnum{type});
    for (Table table : model.tables) {
      table.foreign_keys.clear();
      ops.push_back(CreateTable{table});
    }
    for (const Table& table : model.tables) {
      for (const ForeignKey& key : table.foreign_keys)
        ops.push_back(AddConstraint{table.name, key});
    }
    for (const std::string& statement : to_sql(ops)) db.exec(statement);
  }

  long scratch_namespaces() {
    return std::stol(
        db.exec("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'structmig\\_normalize\\_%'")
            .text(0, 0));
  }

  /// Usable and back in autocommit: VACUUM refuses to run inside a
  /// transaction block, and search_path is the session's again.
  void expect_clean_session() {
    EXPECT_EQ(scratch_namespaces(), 0);
    EXPECT_NO_THROW(db.exec("VACUUM pg_catalog.pg_namespace"));
    EXPECT_EQ(db.exec("SHOW search_path").text(0, 0), "\"$user\", public");
  }
};

TEST_F(Normalize, ModelComesBackInPostgresForm) {
  const Schema normal = normalize_schema(db, documents_model());
  const Table* documents = normal.find_table("documents");
  ASSERT_NE(documents, nullptr);
  ASSERT_EQ(documents->checks.size(), 2u);
  EXPECT_EQ(documents->checks[0].expression, "((rating >= 1) AND (rating <= 5))");
  EXPECT_EQ(documents->checks[1].expression,
            "(status = ANY (ARRAY['draft'::document_status, 'published'::document_status]))");
  const Column* status = documents->find_column("status");
  ASSERT_NE(status, nullptr);
  EXPECT_EQ(status->type, "document_status");
  EXPECT_EQ(status->default_sql, "'draft'");
  EXPECT_EQ(documents->find_column("previous")->type, "document_status[]");
  EXPECT_EQ(documents->find_column("previous")->default_sql, "'{}'");
  ASSERT_EQ(documents->indexes.size(), 2u);
  EXPECT_EQ(documents->indexes[0].keys[0].expression, "lower(title::text)");
  EXPECT_EQ(documents->indexes[1].where,
            "(((title)::text <> ''::text) AND (status = 'published'::document_status))");
  EXPECT_EQ(normal.find_table("authors")->find_column("name")->comment, std::nullopt);
  expect_clean_session();
}

TEST_F(Normalize, EqualsTheDatabaseTheModelCreates) {
  const Schema model = documents_model();
  create_in_public(model);
  EXPECT_EQ(canonical(read_schema(db)), canonical(normalize_schema(db, model)));
  expect_clean_session();
}

TEST_F(Normalize, NamesThatExistInPublicDoNotInterfere) {
  // Tables and an enum of the same names already exist in public with other
  // shapes; the scratch namespace comes first on search_path.
  db.exec(R"sql(
    CREATE TYPE document_status AS ENUM ('other');
    CREATE TABLE documents (x integer);
    CREATE TABLE authors (y text PRIMARY KEY);
    )sql");
  const Schema before = read_schema(db);
  Schema expected_model = documents_model();
  Schema fresh_db_result;
  {
    Connection other = Connection::open(testing::PgCluster::instance().fresh_database("other"));
    fresh_db_result = normalize_schema(other, expected_model);
  }
  EXPECT_EQ(normalize_schema(db, expected_model), fresh_db_result);
  EXPECT_EQ(read_schema(db), before);
  expect_clean_session();
}

TEST_F(Normalize, EmptyModel) {
  EXPECT_EQ(normalize_schema(db, Schema{}), Schema{});
  expect_clean_session();
}

TEST_F(Normalize, RejectedModelLeavesNothingBehind) {
  Schema model = documents_model();
  model.tables[0].checks.push_back(CheckConstraint{"ck_bad", "no_such_column > 0"});
  try {
    normalize_schema(db, model);
    ADD_FAILURE() << "an unknown column in a check must be rejected";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.sqlstate(), "42703") << error.what();  // undefined_column
  }
  expect_clean_session();
  EXPECT_EQ(read_schema(db), Schema{});
}

TEST_F(Normalize, UsesPublicTypesAndFunctions) {
  db.exec(R"sql(
    CREATE DOMAIN short_code AS character varying(8);
    CREATE FUNCTION default_code() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;
    )sql");
  Schema model{
      .tables = {Table{.name = "codes",
                       .columns = {column("code", "short_code", false, "default_code()")}}}};
  Schema expected = model;
  EXPECT_EQ(normalize_schema(db, model), expected);
  expect_clean_session();
}

}  // namespace
}  // namespace structmig
