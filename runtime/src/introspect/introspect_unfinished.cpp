// The INVALID indexes and NOT VALID constraints of a namespace, in one
// catalog query; see drift_unfinished.hpp.
#include <algorithm>
#include <cstddef>
#include <string>
#include <tuple>

#include "drift/drift_unfinished.hpp"

namespace structmig::drift_detail {
namespace {

// indisvalid is false from the first phase of a concurrent build until its
// last; an interrupted build or REINDEX CONCURRENTLY leaves it so. Only
// checks and foreign keys can be NOT VALID; a partition's copy of a
// constraint (conparentid <> 0) is its parent's.
constexpr std::string_view unfinished_query = R"sql(
SELECT c.relname, pg_catalog.quote_ident(c.relname),
       'i', i.relname, pg_catalog.quote_ident(i.relname)
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND NOT x.indisvalid
UNION ALL
SELECT c.relname, pg_catalog.quote_ident(c.relname),
       k.contype::text, k.conname, pg_catalog.quote_ident(k.conname)
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = $1
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND k.contype IN ('c', 'f')
  AND NOT k.convalidated
  AND k.conparentid = 0
)sql";

UnfinishedObject::Kind kind_of(const std::string& code) {
  if (code == "f") return UnfinishedObject::Kind::unvalidated_foreign_key;
  if (code == "c") return UnfinishedObject::Kind::unvalidated_check;
  return UnfinishedObject::Kind::invalid_index;
}

}  // namespace

std::vector<UnfinishedObject> read_unfinished_objects(Connection& connection,
                                                      std::string_view pg_schema) {
  const Result rows = connection.exec_params(unfinished_query, {std::string(pg_schema)});
  std::vector<UnfinishedObject> out;
  for (std::size_t row = 0; row < rows.size(); ++row) {
    out.push_back(UnfinishedObject{.kind = kind_of(rows.text(row, 2)),
                                   .table = rows.text(row, 0),
                                   .name = rows.text(row, 3),
                                   .table_sql = rows.text(row, 1),
                                   .name_sql = rows.text(row, 4)});
  }
  // Sorted here rather than in SQL: std::string's order is bytewise on every
  // server, whatever its collation.
  std::sort(out.begin(), out.end(), [](const UnfinishedObject& a, const UnfinishedObject& b) {
    return std::tie(a.table, a.name) < std::tie(b.table, b.name);
  });
  return out;
}

}  // namespace structmig::drift_detail
