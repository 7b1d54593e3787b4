// A namespace's primary keys, unique constraints, check constraints, foreign
// keys and exclusion constraints, in one catalog query. Key columns come in
// conkey order (a foreign key's referenced columns alongside, in confkey
// order; an exclusion constraint's operators, conexclop); a check's
// expression and an exclusion constraint's predicate are PostgreSQL's own
// deparsed form (pg_get_expr).
#include <cstddef>
#include <string>

#include "introspect/introspect_parts.hpp"

namespace structmig::introspection {
namespace {

// One row per key column of every primary key, unique constraint, foreign
// key and exclusion constraint, and one row per check constraint (no columns), in table, constraint
// name, key position order. NOT NULL is not a check. The copies PostgreSQL
// makes of a constraint for partitions, including one per partition of a
// referenced partitioned table (conparentid <> 0), are not the schema's.
constexpr std::string_view constraints_query = R"sql(
SELECT c.relname,
       k.contype,
       k.conname,
       a.attname,
       fa.attname,
       r.relname,
       k.confdeltype,
       k.confupdtype,
       CASE WHEN k.contype = 'c' THEN pg_catalog.pg_get_expr(k.conbin, k.conrelid) END,
       o.oprname,
       am.amname,
       pg_catalog.pg_get_expr(xi.indpred, xi.indrelid)
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid
LEFT JOIN LATERAL ROWS FROM (pg_catalog.unnest(k.conkey), pg_catalog.unnest(k.confkey))
          WITH ORDINALITY AS key(attnum, referenced_attnum, position)
       ON k.contype <> 'c'
LEFT JOIN pg_catalog.pg_attribute a
       ON a.attrelid = k.conrelid AND a.attnum = key.attnum
LEFT JOIN pg_catalog.pg_attribute fa
       ON fa.attrelid = k.confrelid AND fa.attnum = key.referenced_attnum
LEFT JOIN pg_catalog.pg_operator o
       ON k.contype = 'x' AND o.oid = k.conexclop[key.position::integer]
LEFT JOIN pg_catalog.pg_index xi ON k.contype = 'x' AND xi.indexrelid = k.conindid
LEFT JOIN pg_catalog.pg_class xc ON xc.oid = xi.indexrelid
LEFT JOIN pg_catalog.pg_am am ON am.oid = xc.relam
WHERE n.nspname = $1
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND k.contype IN ('p', 'u', 'c', 'f', 'x')
  AND k.conparentid = 0
ORDER BY c.relname COLLATE "C", k.conname COLLATE "C", key.position
)sql";

ForeignKeyAction action_of(const std::string& code) {
  if (code == "r") return ForeignKeyAction::restrict;
  if (code == "c") return ForeignKeyAction::cascade;
  if (code == "n") return ForeignKeyAction::set_null;
  if (code == "d") return ForeignKeyAction::set_default;
  return ForeignKeyAction::no_action;  // 'a'
}

/// Adds row `row` to `table`: a new constraint when its name differs from the
/// previous row's (`starts`), else one more key column of the same one.
void add_constraint_row(const Result& rows, std::size_t row, bool starts, Table& table) {
  const std::string kind = rows.text(row, 1);
  const std::string name = rows.text(row, 2);
  const std::string column = rows.text(row, 3);
  if (kind == "p") {
    table.primary_key_name = name;
    table.primary_key.push_back(column);
  } else if (kind == "u") {
    if (starts) table.uniques.push_back(UniqueConstraint{name, {}});
    table.uniques.back().columns.push_back(column);
  } else if (kind == "c") {
    table.checks.push_back(CheckConstraint{name, rows.text(row, 8)});
  } else if (kind == "f") {
    if (starts) {
      ForeignKey key;
      key.name = name;
      key.referenced_table = rows.text(row, 5);
      key.on_update = action_of(rows.text(row, 7));
      key.on_delete = action_of(rows.text(row, 6));
      table.foreign_keys.push_back(std::move(key));
    }
    table.foreign_keys.back().columns.push_back(column);
    table.foreign_keys.back().referenced_columns.push_back(rows.text(row, 4));
  } else if (kind == "x") {
    if (starts) {
      table.excludes.push_back(
          ExcludeConstraint{.name = name, .method = rows.text(row, 10), .where = rows.at(row, 11)});
    }
    table.excludes.back().columns.push_back(column);
    table.excludes.back().operators.push_back(rows.text(row, 9));
  }
}

}  // namespace

void read_constraints(Connection& connection, const Params& namespace_param,
                      const TablesByName& tables) {
  read_object_rows(connection, constraints_query, namespace_param, tables, 2, add_constraint_row);
}

}  // namespace structmig::introspection
