// The enums of a namespace with their labels, and its tables with their
// columns (type, nullability, default, identity, comment) and comments: one
// catalog query each.
#include <cstddef>
#include <string>
#include <vector>

#include "introspect/introspect_parts.hpp"

namespace structmig::introspection {
namespace {

// One row per label (one row with a NULL label for an enum without labels),
// in type name then label sort order.
constexpr std::string_view enums_query = R"sql(
SELECT t.typname,
       e.enumlabel
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid
WHERE n.nspname = $1
  AND t.typtype = 'e'
ORDER BY t.typname COLLATE "C", e.enumsortorder
)sql";

// One row per column (or one row with a NULL column for a table without
// columns), in table then attnum order. Partitions are left out: they belong
// to their partitioned table, which is listed. Generated columns' expressions
// live in pg_attrdef too but are not defaults; identity columns have none.
// format_type prints a type of a namespace on search_path without it.
constexpr std::string_view columns_query = R"sql(
SELECT c.relname,
       a.attname,
       pg_catalog.format_type(a.atttypid, a.atttypmod),
       a.attnotnull,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid),
       pg_catalog.format_type(a.atttypid, -1),
       pg_catalog.format_type(b.oid, t.typtypmod),
       pg_catalog.format_type(b.oid, -1),
       b.typcategory,
       a.attidentity,
       pg_catalog.col_description(c.oid, a.attnum),
       pg_catalog.obj_description(c.oid, 'pg_class')
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a
       ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_attrdef d
       ON d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.attgenerated = ''
LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type b
       ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
WHERE n.nspname = $1
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND c.relname NOT IN ('structmig_version', 'structmig_history', 'structmig_progress',
                    'structmig_state')
ORDER BY c.relname COLLATE "C", a.attnum
)sql";

Identity identity_of(const std::string& attidentity) {
  if (attidentity == "a") return Identity::always;
  if (attidentity == "d") return Identity::by_default;
  return Identity::none;
}

Column read_column(const Result& rows, std::size_t row) {
  Column column;
  column.name = rows.text(row, 1);
  column.type = rows.text(row, 2);
  column.nullable = rows.text(row, 3) != "t";
  TypeSpellings type{{column.type, rows.text(row, 5), rows.text(row, 6), rows.text(row, 7)},
                     rows.text(row, 8) == "N"};
  if (const auto& expr = rows.at(row, 4)) column.default_sql = normal_default(*expr, type);
  column.identity = identity_of(rows.text(row, 9));
  column.comment = rows.at(row, 10);
  return column;
}

}  // namespace

std::vector<EnumType> read_enums(Connection& connection, const Params& namespace_param) {
  const Result rows = connection.exec_params(enums_query, namespace_param);
  std::vector<EnumType> enums;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    const std::string name = rows.text(row, 0);
    if (enums.empty() || enums.back().name != name) enums.push_back(EnumType{name, {}});
    if (const auto& label = rows.at(row, 1)) enums.back().labels.push_back(*label);
  }
  return enums;
}

std::vector<Table> read_tables(Connection& connection, const Params& namespace_param) {
  const Result rows = connection.exec_params(columns_query, namespace_param);
  std::vector<Table> tables;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    const std::string name = rows.text(row, 0);
    if (tables.empty() || tables.back().name != name) {
      Table table;
      table.name = name;
      table.comment = rows.at(row, 11);
      tables.push_back(std::move(table));
    }
    if (rows.at(row, 1)) tables.back().columns.push_back(read_column(rows, row));
  }
  return tables;
}

}  // namespace structmig::introspection
