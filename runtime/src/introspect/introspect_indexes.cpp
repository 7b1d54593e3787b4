// A namespace's indexes that do not back a constraint (a primary key, unique
// or exclusion constraint's index is that constraint, read elsewhere), in one
// catalog query: key columns and expressions in key order, uniqueness, access
// method, and a partial index's predicate as PostgreSQL deparses it.
#include <cstddef>
#include <string>

#include "introspect/introspect_parts.hpp"

namespace structmig::introspection {
namespace {

// One row per key of every index (INCLUDE columns are not keys), in table,
// index name, key position order. indkey[k - 1] = 0 marks an expression key:
// its text is pg_get_indexdef's for key k. Only constraints of the index's own
// table count as backing it: a foreign key's conindid is the referenced
// table's unique index, which stays an index of that table.
constexpr std::string_view indexes_query = R"sql(
SELECT c.relname,
       i.relname,
       x.indisunique,
       am.amname,
       pg_catalog.pg_get_expr(x.indpred, x.indrelid),
       a.attname,
       pg_catalog.pg_get_indexdef(x.indexrelid, key.position, true)
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
CROSS JOIN LATERAL pg_catalog.generate_series(1, x.indnkeyatts) AS key(position)
LEFT JOIN pg_catalog.pg_attribute a
       ON a.attrelid = x.indrelid
      AND a.attnum = x.indkey[key.position - 1]
      AND x.indkey[key.position - 1] <> 0
WHERE n.nspname = $1
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT EXISTS (
        SELECT FROM pg_catalog.pg_constraint k
        WHERE k.conindid = x.indexrelid
          AND k.conrelid = x.indrelid
          AND k.contype IN ('p', 'u', 'x'))
ORDER BY c.relname COLLATE "C", i.relname COLLATE "C", key.position
)sql";

// One key of an index; the first row of an index adds it to its table.
void add_index_row(const Result& rows, std::size_t row, bool starts, Table& table) {
  if (starts) {
    Index index;
    index.name = rows.text(row, 1);
    index.unique = rows.text(row, 2) == "t";
    index.method = rows.text(row, 3);
    index.where = rows.at(row, 4);
    table.indexes.push_back(std::move(index));
  }
  IndexKey key;
  if (const auto& column = rows.at(row, 5)) {
    key.column = *column;
  } else {
    key.expression = rows.text(row, 6);
  }
  table.indexes.back().keys.push_back(std::move(key));
}

}  // namespace

void read_indexes(Connection& connection, const Params& namespace_param,
                  const TablesByName& tables) {
  read_object_rows(connection, indexes_query, namespace_param, tables, 1, add_index_row);
}

}  // namespace structmig::introspection
