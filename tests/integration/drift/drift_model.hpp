// A realistic model built by hand for the drift tests — an enum used with a
// default, identity columns (by default and always), comments, composite
// primary and unique keys, foreign keys with actions, a BETWEEN check, a
// partial index, a GIN index on jsonb and an expression index — written the
// way people write SQL, so only normalization keeps it free of phantom
// differences. Also: creating it for real, a one-migration history that
// does the same, and a test fixture with a fresh database per test.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "structmig/connection.hpp"
#include "structmig/migration.hpp"
#include "structmig/ops.hpp"
#include "structmig/schema.hpp"
#include "structmig/sql.hpp"

namespace structmig::drift_test {

inline Column column(std::string name, std::string type, bool nullable = false,
                     std::optional<std::string> default_sql = std::nullopt) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql)};
}

inline Column identity(Column c, Identity kind) {
  c.identity = kind;
  return c;
}

inline Column commented(Column c, std::string comment) {
  c.comment = std::move(comment);
  return c;
}

inline Schema model() {
  Table organizations{
      .name = "organizations",
      .columns = {identity(column("id", "bigint"), Identity::by_default), column("name", "text"),
                  column("region", "character varying(8)", false, "'eu'")},
      .primary_key = {"id"},
      .primary_key_name = "pk_organizations",
      .uniques = {UniqueConstraint{"uq_organizations_name", {"name"}}},
      .comment = "Customers"};
  Table users{
      .name = "users",
      .columns = {identity(column("id", "bigint"), Identity::by_default),
                  column("organization_id", "bigint"), column("email", "character varying(200)"),
                  column("profile", "jsonb", false, "'{}'"),
                  column("created_at", "timestamp with time zone", false, "now()")},
      .primary_key = {"id"},
      .primary_key_name = "pk_users",
      .uniques = {UniqueConstraint{"uq_users_organization_id_email", {"organization_id", "email"}}},
      .checks = {CheckConstraint{"ck_users_email", "email LIKE '%@%'"}},
      .foreign_keys = {ForeignKey{.name = "fk_users_organization_id_organizations",
                                  .columns = {"organization_id"},
                                  .referenced_table = "organizations",
                                  .referenced_columns = {"id"},
                                  .on_delete = ForeignKeyAction::cascade}},
      .indexes = {
          Index{.name = "ix_users_email_lower", .keys = {IndexKey{.expression = "lower(email)"}}},
          Index{.name = "ix_users_profile",
                .keys = {IndexKey{.column = "profile"}},
                .method = "gin"}}};
  Table documents{
      .name = "documents",
      .columns = {identity(column("id", "bigint"), Identity::always),
                  column("author_id", "bigint", true),
                  commented(column("title", "character varying(200)"), "Shown in lists"),
                  column("status", "document_status", false, "'draft'"),
                  column("rating", "smallint", true), column("tags", "text[]", false, "'{}'"),
                  column("price", "numeric(10,2)", true, "0")},
      .primary_key = {"id"},
      .primary_key_name = "pk_documents",
      .checks = {CheckConstraint{"ck_documents_rating", "rating BETWEEN 1 AND 5"}},
      .foreign_keys = {ForeignKey{.name = "fk_documents_author_id_users",
                                  .columns = {"author_id"},
                                  .referenced_table = "users",
                                  .referenced_columns = {"id"},
                                  .on_delete = ForeignKeyAction::set_null}},
      .indexes = {Index{.name = "ix_documents_published",
                        .keys = {IndexKey{.column = "author_id"}},
                        .where = "status = 'published'"}},
      .comment = "What authors write"};
  Table memberships{
      .name = "memberships",
      .columns = {column("organization_id", "bigint"), column("user_id", "bigint"),
                  column("role", "text", false, "'member'")},
      .primary_key = {"organization_id", "user_id"},
      .primary_key_name = "pk_memberships",
      .checks = {CheckConstraint{"ck_memberships_role", "role IN ('member', 'admin')"}},
      .foreign_keys = {ForeignKey{.name = "fk_memberships_user_id_users",
                                  .columns = {"user_id"},
                                  .referenced_table = "users",
                                  .referenced_columns = {"id"},
                                  .on_delete = ForeignKeyAction::cascade,
                                  .on_update = ForeignKeyAction::restrict}}};
  // Declared in no particular order: the comparison is by name.
  return Schema{.enums = {EnumType{"document_status", {"draft", "in review", "published"}}},
                .tables = {users, documents, organizations, memberships}};
}

/// The operations that create `schema` as a migration would: enums, tables
/// without their foreign keys, then every foreign key.
inline std::vector<Op> create_ops(const Schema& schema) {
  std::vector<Op> ops;
  for (const EnumType& type : schema.enums) ops.push_back(CreateEnum{type});
  for (Table table : schema.tables) {
    table.foreign_keys.clear();
    ops.push_back(CreateTable{table});
  }
  for (const Table& table : schema.tables) {
    for (const ForeignKey& key : table.foreign_keys) ops.push_back(AddConstraint{table.name, key});
  }
  return ops;
}

inline void create(Connection& db, const Schema& schema) {
  for (const std::string& statement : to_sql(create_ops(schema))) db.exec(statement);
}

inline void create_model(Ops& ops) {
  const Schema schema = model();
  for (const EnumType& type : schema.enums) ops.create_enum(type);
  for (Table table : schema.tables) {
    table.foreign_keys.clear();
    ops.create_table(table);
  }
  for (const Table& table : schema.tables) {
    for (const ForeignKey& key : table.foreign_keys) ops.add_foreign_key(table.name, key);
  }
}

inline void drop_model(Ops& ops) {
  for (const char* table : {"memberships", "documents", "users", "organizations"}) {
    ops.drop_table(table);
  }
  ops.drop_enum("document_status");
}

/// One migration that creates model().
inline std::vector<Migration> migrations() {
  return {Migration{"d0d0d0d0d0d1", {}, "create the model", true, &create_model, &drop_model}};
}

/// A fresh database per test, named after it.
class DatabaseTest : public ::testing::Test {
 protected:
  const std::string url = testing::PgCluster::instance().fresh_database(
      ::testing::UnitTest::GetInstance()->current_test_info()->name());
  Connection db = Connection::open(url);
};

}  // namespace structmig::drift_test
