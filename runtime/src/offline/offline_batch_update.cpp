// update_in_batches in an offline script: one DO block that does what
// Ops::update_in_batches (batch_update.cpp) does over the connection. Each
// batch picks the next rows after the last key seen that still match
// `where` (ORDER BY key LIMIT n, never OFFSET), updates them, and keeps
// their largest key, where the next batch starts; the key always moves
// forward, so the loop ends even when the SET does not make rows stop
// matching `where`. In a non-transactional migration the block COMMITs after
// each batch, as the online run does: PostgreSQL (11+) allows that in a DO
// block run outside a transaction block, which is how the script runs it
// (psql in its default autocommit mode sends it as a statement of its own).
// There, as online, each batch saves its last key in structmig_progress
// before its COMMIT, and the block starts after the key an earlier run saved:
// the saved text values become the key columns' types through
// json_populate_record over the table's row type.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "migrator/bookkeeping.hpp"
#include "offline/offline_recording.hpp"
#include "sql/sql_parts.hpp"
#include "structmig/error.hpp"
#include "structmig/sql.hpp"

namespace structmig::detail {
namespace {

// One batch: the next rows after `after` (SQL; empty for the first batch)
// that still match, updated; the batch's largest key goes INTO the record.
// The variables are prefixed: `where` and `set` are the migration's SQL and
// may name columns such as "last".
std::string batch(const BatchUpdate& update, const std::string& after) {
  const std::vector<std::string>& key = update.key.columns;
  return "      " +
         sql_detail::keyset_batch(update.table, key, update.where, update.set, update.batch_size,
                                  after) +
         "\n      SELECT " + sql_detail::quote_ident_list(key, "batch key") +
         " INTO structmig_last FROM structmig_batch ORDER BY " + sql_detail::descending_keys(key) +
         " LIMIT 1;\n";
}

// Reads the key saved at `place` into structmig_last, typed by the key
// columns; structmig_started when there was one.
std::string resume(const BatchUpdate& update, const BatchPlace& place) {
  const std::vector<std::string>& key = update.key.columns;
  std::vector<std::string> fields;
  for (std::size_t i = 0; i < key.size(); ++i) {
    fields.push_back(quote_literal(key[i]) + ", structmig_saved[" + std::to_string(i + 1) + "]");
  }
  return "  SELECT batch_key INTO structmig_saved FROM structmig_progress WHERE revision = " +
         quote_literal(place.revision) + " AND direction = " + quote_literal(place.direction) +
         " AND batch = " + quote_literal(place.batch) +
         ";\n"
         "  IF structmig_saved IS NOT NULL THEN\n"
         "    SELECT " +
         sql_detail::prefixed_keys(key, "structmig_row.") +
         " INTO structmig_last FROM json_populate_record(NULL::" + quote_ident(update.table) +
         ", json_build_object(" + join(fields) +
         ")) AS structmig_row;\n"
         "    structmig_started := true;\n"
         "  END IF;\n";
}

}  // namespace

std::string batch_update_script(const BatchUpdate& update, bool commit_each_batch,
                                const std::optional<BatchPlace>& place) {
  if (update.table.empty() || update.set.empty() || update.key.columns.empty() || update.batch_size == 0) {
    throw InvalidOperation(
        "update_in_batches needs a table, a SET clause, a key column and a batch size");
  }
  const std::vector<std::string>& key = update.key.columns;
  std::string save;
  if (place) {
    std::vector<std::string> columns;
    for (const std::string& column : key) {
      columns.push_back("structmig_last." + quote_ident(column) + " AS " + quote_ident(column));
    }
    save = "    " +
           bookkeeping::save_batch_key(
               *place, key, "(SELECT " + join(columns) + ") AS structmig_key") +
           ";\n";
  }
  return std::string("DO $structmig$\n"
                     "DECLARE\n"
                     "  structmig_last record;\n"
                     "  structmig_started boolean := false;\n") +
         (place ? "  structmig_saved text[];\n" : "") +
         "BEGIN\n" + (place ? resume(update, *place) : "") +
         "  LOOP\n"
         "    IF structmig_started THEN\n" +
         batch(update, sql_detail::prefixed_keys(key, "structmig_last.")) + "    ELSE\n" +
         batch(update, "") +
         "    END IF;\n"
         "    EXIT WHEN NOT FOUND;\n"
         "    structmig_started := true;\n" +
         save + (commit_each_batch ? "    COMMIT;\n" : "") +
         "  END LOOP;\n" + (place ? "  " + bookkeeping::clear_batch_key(*place) + ";\n" : "") +
         "END\n"
         "$structmig$";
}

}  // namespace structmig::detail
