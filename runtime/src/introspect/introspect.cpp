// read_schema(): a namespace's enums, tables, constraints and indexes from
// pg_catalog in four queries (the namespace a bound parameter), assembled into
// one Schema in its deterministic order. The queries live in introspect_*.cpp.
#include "structmig/introspect.hpp"

#include <string>

#include "introspect/introspect_parts.hpp"

namespace structmig {

Schema read_schema(Connection& connection, std::string_view pg_schema) {
  const Params namespace_param{std::string(pg_schema)};
  Schema schema;
  schema.enums = introspection::read_enums(connection, namespace_param);
  schema.tables = introspection::read_tables(connection, namespace_param);
  introspection::TablesByName by_name;
  for (Table& table : schema.tables) by_name.emplace(table.name, &table);
  introspection::read_constraints(connection, namespace_param, by_name);
  introspection::read_indexes(connection, namespace_param, by_name);
  sort_schema(schema);
  return schema;
}

}  // namespace structmig
