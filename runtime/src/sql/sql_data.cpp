// SQL for Backfill: one DO block that fills a column batch by batch, in the
// order of a unique key (keyset pagination: each batch starts after the last
// key of the one before, so rows whose new value is NULL are never revisited
// and the loop always ends) and commits after each batch. PostgreSQL 11+ lets
// a DO block commit when it runs outside a transaction block, which is how
// both the migrator and an offline script run it. The batch itself
// (keyset_batch) is shared with Ops::update_in_batches (batch_update.cpp).
// After each batch it says how many rows it has done (a NOTICE) when the
// session asks for it with structmig.progress = on, as the migrator does for
// its progress events; an offline script stays quiet.
#include <stdexcept>

#include "sql/sql_parts.hpp"
#include "structmig/error.hpp"
#include "structmig/sql.hpp"

namespace structmig::sql_detail {
namespace {

// One batch: the next rows that still need the value, after `after` (SQL, or
// empty for the first batch), updated; their largest key and the batch's
// row count go INTO last.
std::string batch(const Backfill& op, const std::string& after) {
  return "    " +
         keyset_batch(op.table, op.key, quote_ident(op.column) + " IS NULL",
                      quote_ident(op.column) + " = (" + op.expression + ")", op.batch_size,
                      after) +
         "\n    SELECT " + quote_ident_list(op.key, "backfill key") +
         ", count(*) OVER () AS structmig_rows INTO last FROM structmig_done ORDER BY " +
         descending_keys(op.key) + " LIMIT 1;\n";
}

}  // namespace

std::string prefixed_keys(const std::vector<std::string>& key, std::string_view prefix) {
  return join(key, ", ", [&](const std::string& column) {
    return std::string(prefix) + quote_ident(column);
  });
}

std::string descending_keys(const std::vector<std::string>& key) {
  return join(key, ", ", [](const std::string& column) { return quote_ident(column) + " DESC"; });
}

std::string keyset_batch(std::string_view table_name, const std::vector<std::string>& key,
                         std::string_view where, std::string_view set, std::size_t batch_size,
                         std::string_view after) {
  const std::string table = quote_ident(table_name);
  const std::string keys = quote_ident_list(key, "batch key");
  std::string sql = "WITH structmig_batch AS (SELECT " + keys + " FROM " + table + " WHERE (" +
                    std::string(where) + ")";
  if (!after.empty()) sql += " AND (" + keys + ") > (" + std::string(after) + ")";
  // The batch is matched with IN (SELECT …), not joined with UPDATE … FROM:
  // a join would put the batch's key columns in the SET's scope, and a bare
  // key column in it ('L' || id) would be ambiguous.
  sql += " ORDER BY " + keys + " LIMIT " + std::to_string(batch_size) +
         "),\n         structmig_done AS (UPDATE " + table + " SET " + std::string(set) +
         " WHERE (" + prefixed_keys(key, table + ".") + ") IN (SELECT " + keys +
         " FROM structmig_batch) RETURNING " + prefixed_keys(key, table + ".") + ")";
  return sql;
}

std::string backfill_script(const Backfill& op) {
  if (op.expression.empty()) {
    throw InvalidOperation("the backfill of " + quote_ident(op.column) + " has no expression");
  }
  if (op.batch_size == 0) throw InvalidOperation("a backfill needs a batch size above 0");
  return "DO $structmig$\n"
         "DECLARE\n"
         "  last record;\n"
         "  started boolean := false;\n"
         "  done bigint := 0;\n"
         "BEGIN\n"
         "  LOOP\n"
         "    IF started THEN\n" +
         batch(op, prefixed_keys(op.key, "last.")) + "    ELSE\n" + batch(op, "") +
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
