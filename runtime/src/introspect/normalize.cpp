// normalize_schema(): the model created in a scratch namespace through the
// same SQL migrations use (to_sql), read back, and rolled back. The namespace
// name carries the backend's pid and a random suffix, so concurrent sessions
// never meet; the rollback removes it with everything in it.
#include "structmig/normalize.hpp"

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "structmig/introspect.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

std::string scratch_namespace_name(Connection& connection) {
  const std::string pid = connection.exec("SELECT pg_catalog.pg_backend_pid()").text(0, 0);
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(std::random_device{}()));
  return "structmig_normalize_" + pid + "_" + suffix;
}

/// The statements that create `model`: enums, tables without their foreign
/// keys, then all foreign keys, so tables may reference each other in any
/// order and in cycles.
std::vector<std::string> creation_statements(const Schema& model) {
  std::vector<Op> ops;
  for (const EnumType& type : model.enums) ops.push_back(CreateEnum{type});
  for (const Table& table : model.tables) {
    Table without_foreign_keys = table;
    without_foreign_keys.foreign_keys.clear();
    ops.push_back(CreateTable{std::move(without_foreign_keys)});
  }
  for (const Table& table : model.tables) {
    for (const ForeignKey& key : table.foreign_keys) ops.push_back(AddConstraint{table.name, key});
  }
  return to_sql(ops);
}

}  // namespace

Schema normalize_schema(Connection& connection, const Schema& model) {
  const std::vector<std::string> statements = creation_statements(model);
  Transaction transaction(connection);  // never committed: rolled back on every path
  const std::string scratch = scratch_namespace_name(connection);
  connection.exec("CREATE SCHEMA " + quote_ident(scratch));
  connection.exec("SET LOCAL search_path TO " + quote_ident(scratch) + ", public");
  connection.exec_pipeline(statements);
  return read_schema(connection, scratch);
}

}  // namespace structmig
