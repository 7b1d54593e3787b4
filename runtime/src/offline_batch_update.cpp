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
#include <stdexcept>
#include <string>
#include <vector>

#include "offline_recording.hpp"
#include "sql_parts.hpp"
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

}  // namespace

std::string batch_update_script(const BatchUpdate& update, bool commit_each_batch) {
  if (update.table.empty() || update.set.empty() || update.key.columns.empty() || update.batch_size == 0) {
    throw std::invalid_argument(
        "update_in_batches needs a table, a SET clause, a key column and a batch size");
  }
  return "DO $structmig$\n"
         "DECLARE\n"
         "  structmig_last record;\n"
         "  structmig_started boolean := false;\n"
         "BEGIN\n"
         "  LOOP\n"
         "    IF structmig_started THEN\n" +
         batch(update, sql_detail::prefixed_keys(update.key.columns, "structmig_last.")) + "    ELSE\n" +
         batch(update, "") +
         "    END IF;\n"
         "    EXIT WHEN NOT FOUND;\n"
         "    structmig_started := true;\n" +
         (commit_each_batch ? "    COMMIT;\n" : "") +
         "  END LOOP;\n"
         "END\n"
         "$structmig$";
}

}  // namespace structmig::detail
