// SQL for Backfill: one DO block that fills a column batch by batch, in the
// order of a unique key (keyset pagination: each batch starts after the last
// key of the one before, so rows whose new value is NULL are never revisited
// and the loop always ends) and commits after each batch. PostgreSQL 11+ lets
// a DO block commit when it runs outside a transaction block, which is how
// both the migrator and an offline script run it. After each batch it says
// how many rows it has done (a NOTICE) when the session asks for it with
// structmig.progress = on, as the migrator does for its progress events; an
// offline script stays quiet.
#include <stdexcept>

#include "sql_parts.hpp"
#include "structmig/sql.hpp"

namespace structmig::sql_detail {
namespace {

// "k1", "k2" with a prefix on each name ("t"."k1", last."k1").
std::string qualified_keys(const std::vector<std::string>& key, const std::string& prefix) {
  std::vector<std::string> names;
  for (const std::string& column : key) names.push_back(prefix + quote_ident(column));
  return comma_joined(names);
}

std::string descending(const std::vector<std::string>& key) {
  std::vector<std::string> names;
  for (const std::string& column : key) names.push_back(quote_ident(column) + " DESC");
  return comma_joined(names);
}

// One batch: the next rows that still need the value, after `after` (SQL, or
// empty for the first batch), updated; their largest key goes INTO last.
std::string batch(const Backfill& op, const std::string& after) {
  const std::string table = quote_ident(op.table);
  const std::string keys = quote_ident_list(op.key, "backfill key");
  std::string sql = "    WITH structmig_batch AS (SELECT " + keys + " FROM " + table + " WHERE " +
                    quote_ident(op.column) + " IS NULL";
  if (!after.empty()) sql += " AND (" + keys + ") > (" + after + ")";
  // The batch is matched with IN (SELECT …), not joined with UPDATE … FROM:
  // a join would put the batch's key columns in the expression's scope, and a
  // bare key column in it ('L' || id) would be ambiguous.
  sql += " ORDER BY " + keys + " LIMIT " + std::to_string(op.batch_size) +
         "),\n         structmig_done AS (UPDATE " + table + " SET " + quote_ident(op.column) +
         " = (" + op.expression + ") WHERE (" + qualified_keys(op.key, table + ".") +
         ") IN (SELECT " + keys + " FROM structmig_batch) RETURNING " +
         qualified_keys(op.key, table + ".") + ")\n    SELECT " + keys +
         ", count(*) OVER () AS structmig_rows INTO last FROM structmig_done ORDER BY " +
         descending(op.key) + " LIMIT 1;\n";
  return sql;
}

}  // namespace

std::string backfill_script(const Backfill& op) {
  if (op.expression.empty()) {
    throw std::invalid_argument("the backfill of " + quote_ident(op.column) + " has no expression");
  }
  if (op.batch_size == 0) throw std::invalid_argument("a backfill needs a batch size above 0");
  return "DO $structmig$\n"
         "DECLARE\n"
         "  last record;\n"
         "  started boolean := false;\n"
         "  done bigint := 0;\n"
         "BEGIN\n"
         "  LOOP\n"
         "    IF started THEN\n" +
         batch(op, qualified_keys(op.key, "last.")) + "    ELSE\n" + batch(op, "") +
         "    END IF;\n"
         "    EXIT WHEN NOT FOUND;\n"
         "    started := true;\n"
         "    COMMIT;\n"
         "    done := done + last.structmig_rows;\n"
         "    IF current_setting('structmig.progress', true) = 'on' THEN\n"
         "      RAISE NOTICE 'structmig progress: % rows', done;\n"
         "    END IF;\n"
         "  END LOOP;\n"
         "END\n"
         "$structmig$";
}

}  // namespace structmig::sql_detail
