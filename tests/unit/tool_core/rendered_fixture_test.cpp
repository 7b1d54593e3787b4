// The migration history shared by the fixture emitter (which renders it into
// the build directory) and compiled_fixture_test.cpp (which compiles those
// files in and checks what they record): three plans diffed from schemas that
// between them produce every kind of operation the diff generates, made safe
// by the planner (so the safe forms -- concurrent indexes, NOT VALID and
// VALIDATE, USING INDEX, a backfill, step boundaries -- are there too, with
// the acknowledgements a model would need for the rest), with awkward
// strings, warnings, and a hand-written SQL step; and the first of those
// schemas, rendered as compiled_schema().
#include <string>
#include <utility>
#include <vector>

#include "rendered_fixture.hpp"

namespace structmig::tool_core_fixture {

namespace {

Table table(std::string name, std::vector<Column> columns) {
  Table t{.name = std::move(name), .columns = std::move(columns), .primary_key = {"id"}};
  t.primary_key_name = "pk_" + t.name;
  return t;
}

Column col(std::string name, std::string type, bool nullable = false) {
  return {.name = std::move(name), .type = std::move(type), .nullable = nullable};
}

ForeignKey key(std::string name, std::string column, std::string target) {
  return {.name = std::move(name),
          .columns = {std::move(column)},
          .referenced_table = std::move(target),
          .referenced_columns = {"id"}};
}

// v1: two enums, a foreign-key cycle, every column and constraint feature.
Schema first_schema() {
  Table users = table("users", {{.name = "id", .type = "bigint", .identity = Identity::by_default},
                                col("email", "text"),
                                {.name = "name",
                                 .type = "text",
                                 .default_sql = "'O''Brien \\ caf\xC3\xA9 \"q\"'",
                                 .comment = "Shown\nto \"agents\""}});
  users.uniques = {{.name = "uq_users_email", .columns = {"email"}}};
  users.excludes = {
      {.name = "ex_users_id", .method = "btree", .columns = {"id"}, .operators = {"="}}};
  users.comment = "People who file tickets";

  Table tickets = table(
      "tickets",
      {col("id", "bigint"),
       col("user_id", "bigint"),
       col("title", "text"),
       col("description", "text", true),
       {.name = "status", .type = "document_status", .default_sql = "'draft'::document_status"},
       col("history", "document_status[]", true)});
  tickets.foreign_keys = {{.name = "fk_tickets_user_id_users",
                           .columns = {"user_id"},
                           .referenced_table = "users",
                           .referenced_columns = {"id"},
                           .on_delete = ForeignKeyAction::cascade,
                           .on_update = ForeignKeyAction::restrict}};
  tickets.checks = {{.name = "ck_tickets_title", .expression = "title <> ''"}};
  tickets.indexes = {{.name = "ix_tickets_title", .keys = {{.column = "title"}}},
                     {.name = "ix_tickets_user_id", .keys = {{.column = "user_id"}}},
                     {.name = "ux_tickets_title",
                      .keys = {{.expression = "lower(title)"}, {.column = "user_id"}},
                      .unique = true,
                      .method = "btree",
                      .where = "status <> 'draft'"}};

  Table left = table("left_side", {col("id", "bigint"), col("right_id", "bigint", true)});
  left.foreign_keys = {key("fk_left_side_right_id_right_side", "right_id", "right_side")};
  Table right = table("right_side", {col("id", "bigint"), col("left_id", "bigint", true)});
  right.foreign_keys = {key("fk_right_side_left_id_left_side", "left_id", "left_side")};

  return Schema{.enums = {{.name = "document_status", .labels = {"draft", "published"}},
                          {.name = "old_mood", .labels = {"a", "b"}}},
                .tables = {users, tickets, left, right}};
}

// v2: renames of every kind, label insertion, a recreated enum, changed
// columns, key, comment, constraints and indexes.
Schema second_schema() {
  Schema schema = first_schema();
  schema.enums[0].labels = {"draft", "in review", "live"};
  schema.enums[1].labels = {"b"};

  Table& accounts = schema.tables[0];
  accounts.name = "accounts";
  accounts.primary_key_name = "pk_accounts";
  accounts.uniques = {{.name = "uq_accounts_email", .columns = {"email"}}};
  accounts.columns.pop_back();  // name
  accounts.columns.push_back(col("display_name", "text"));
  accounts.comment = std::nullopt;

  Table& tickets = schema.tables[1];
  tickets.columns[2].type = "character varying(200)";
  tickets.columns[3] = {.name = "details", .type = "text", .default_sql = "''"};
  tickets.columns.push_back(col("tenant_id", "bigint"));
  tickets.columns.push_back({.name = "priority",
                             .type = "character varying(20)",
                             .default_sql = "'normal'",
                             .comment = "low, normal or high"});
  tickets.primary_key = {"id", "tenant_id"};
  tickets.foreign_keys[0].name = "fk_tickets_user_id_accounts";
  tickets.foreign_keys[0].referenced_table = "accounts";
  tickets.foreign_keys[0].on_delete = ForeignKeyAction::set_null;
  tickets.checks.push_back({.name = "ck_tickets_tenant", .expression = "tenant_id > 0"});
  tickets.uniques = {{.name = "uq_tickets_user_id_title", .columns = {"user_id", "title"}}};
  tickets.excludes = {{.name = "ex_tickets_user_id",
                       .method = "btree",
                       .columns = {"user_id"},
                       .operators = {"="},
                       .where = "user_id > 0"}};
  tickets.indexes[0].name = "ix_tickets_by_title";
  tickets.indexes[1].method = "hash";
  // Names the status column, whose enum changes: rebuilt, not renamed.
  tickets.indexes[2].name = "ux_tickets_lower_title";
  tickets.comment = "Support tickets";
  return schema;
}

// v3: the cycle and an enum dropped, an enum renamed.
Schema third_schema() {
  Schema schema = second_schema();
  schema.enums.pop_back();
  schema.tables.pop_back();
  schema.tables.pop_back();
  schema.enums[0].name = "ticket_status";
  for (Column& column : schema.tables[1].columns) {
    if (column.type == "document_status") column.type = "ticket_status";
    if (column.type == "document_status[]") column.type = "ticket_status[]";
  }
  return schema;
}

}  // namespace

std::vector<FixtureMigration> rendered_fixture_migrations() {
  const Schema v1 = first_schema();
  const Schema v2 = second_schema();
  const Schema v3 = third_schema();

  const RenameHints second_hints{
      .tables = {{"accounts", "users"}},
      .columns = {{{"tickets", "details"}, "description"}},
      .enum_labels = {{{"document_status", "live"}, "published"}},
  };
  const diff::Plan second = diff::diff_schemas(v1, v2, second_hints);
  plan::Acknowledgements second_acks;
  second_acks.dropped_columns = {{"accounts", "name"}};
  second_acks.rewrites = {{"tickets", "title"}};
  second_acks.dropped_labels = {{"old_mood", "a"}};
  second_acks.backfills = {{{"accounts", "display_name"}, "split_part(email, '@', 1)"},
                           {{"tickets", "tenant_id"}, "1"}};
  FixtureMigration second_migration{second, plan::plan_safely(second, v1, v2, second_acks),
                                    "Priorities & tenants: \"v2\""};
  // A hand-written data step, as a user would add it to the generated file.
  second_migration.safe.upgrade.push_back(
      ExecuteSql{"UPDATE tickets\nSET priority = 'high'\nWHERE title LIKE '%urgent%';"});
  second_migration.safe.downgrade.insert(second_migration.safe.downgrade.begin(),
                                         ExecuteSql{"SELECT 1"});

  const RenameHints third_hints{.enums = {{"ticket_status", "document_status"}}};
  const diff::Plan first = diff::diff_schemas({}, v1);
  const diff::Plan third = diff::diff_schemas(v2, v3, third_hints);
  plan::Acknowledgements third_acks;
  third_acks.dropped_tables = {"left_side", "right_side"};
  return {
      {first, plan::plan_safely(first, {}, v1, {}), ""},
      second_migration,
      {third, plan::plan_safely(third, v2, v3, third_acks), ""},
  };
}

// Every column, constraint and index feature, awkward strings included.
Schema rendered_fixture_schema() {
  Schema schema = first_schema();
  sort_schema(schema);
  return schema;
}

}  // namespace structmig::tool_core_fixture
