// The migration history shared by the fixture emitter (which renders it into
// the build directory) and compiled_fixture_test.cpp (which compiles those
// files in and checks what they record): three plans with awkward strings,
// every generated operation kind and a hand-written SQL step.
#include <string>
#include <utility>
#include <vector>

#include "diff/diff.hpp"

namespace structmig::tool_core_fixture {

std::vector<std::pair<diff::Plan, std::string>> rendered_fixture_plans();

std::vector<std::pair<diff::Plan, std::string>> rendered_fixture_plans() {
  const Table tickets_v1{
      .name = "tickets",
      .columns = {{.name = "id", .type = "bigint"},
                  {.name = "title", .type = "text"},
                  {.name = "description", .type = "text", .nullable = true}},
      .primary_key = {"id"},
  };
  const Table users{
      .name = "users",
      .columns = {{.name = "id", .type = "bigint"},
                  {.name = "email", .type = "text", .unique = true},
                  {.name = "name",
                   .type = "text",
                   .default_sql = "'O''Brien \\ caf\xC3\xA9 \"q\"'"}},
      .primary_key = {"id"},
  };
  const Table tickets_v2{
      .name = "tickets",
      .columns = {{.name = "id", .type = "bigint"},
                  {.name = "title", .type = "character varying(200)"},
                  {.name = "description", .type = "text", .default_sql = "''"},
                  {.name = "priority", .type = "character varying(20)", .default_sql = "'normal'"},
                  {.name = "tenant_id", .type = "bigint"}},
      .primary_key = {"id", "tenant_id"},
  };
  Table users_v2 = users;
  users_v2.columns.pop_back();

  const Schema v1{.tables = {tickets_v1, users}};
  const Schema v2{.tables = {tickets_v2, users_v2}};
  const Schema v3{.tables = {tickets_v2}};

  diff::Plan second = diff::diff_schemas(v1, v2);
  // A hand-written data step, as a user would add it to the generated file.
  second.upgrade.push_back(
      ExecuteSql{"UPDATE tickets\nSET priority = 'high'\nWHERE title LIKE '%urgent%';"});
  second.downgrade.insert(second.downgrade.begin(), ExecuteSql{"SELECT 1"});

  return {
      {diff::diff_schemas({}, v1), ""},
      {second, "Priorities & tenants: \"v2\""},
      {diff::diff_schemas(v2, v3), ""},
  };
}

}  // namespace structmig::tool_core_fixture
