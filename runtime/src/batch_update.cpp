// Ops::update_in_batches: a large UPDATE in keyset-paginated batches. Each
// batch is one statement: pick the next rows after the last key seen (ORDER BY
// key LIMIT n — never OFFSET, which rescans everything before it), update
// them, and return how many there were and the largest key, where the next
// batch starts. The key always moves forward, so the loop ends even when the
// SET does not make rows stop matching `where`.
#include <optional>
#include <stdexcept>
#include <string>

#include "structmig/connection.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

std::string batch_statement(const BatchUpdate& batch, bool after_last_key) {
  const std::string table = quote_ident(batch.table);
  const std::string key = quote_ident(batch.key);
  std::string sql =
      "WITH structmig_batch AS (SELECT " + key + " FROM " + table + " WHERE (" + batch.where + ")";
  if (after_last_key) sql += " AND " + key + " > $1";
  // IN (SELECT …) rather than UPDATE … FROM: a join would put the batch's key
  // column in the SET's scope, and a bare key column there would be ambiguous.
  sql += " ORDER BY " + key + " LIMIT " + std::to_string(batch.batch_size) +
         "), structmig_updated AS (UPDATE " + table + " SET " + batch.set + " WHERE " + table +
         "." + key + " IN (SELECT " + key +
         " FROM structmig_batch) RETURNING 1) SELECT (SELECT count(*) FROM structmig_updated), "
         "(SELECT max(" +
         key + ")::text FROM structmig_batch)";
  return sql;
}

}  // namespace

std::size_t Ops::update_in_batches(const BatchUpdate& batch) {
  if (batch.table.empty() || batch.set.empty() || batch.key.empty() || batch.batch_size == 0) {
    throw std::invalid_argument(
        "update_in_batches needs a table, a SET clause, a key column and a batch size");
  }
  if (rendered_offline(batch)) return 0;  // a DO block of the offline script
  Connection& db = connection();
  if (session_ != nullptr && session_->step_done()) return 0;  // an earlier run did it
  const std::string first = batch_statement(batch, false);
  const std::string next = batch_statement(batch, true);
  std::size_t done = 0;
  std::optional<std::string> last_key;
  if (session_ != nullptr) session_->batch_progress(batch, 0, false);
  for (;;) {
    Result row = last_key ? db.exec_params(next, {*last_key}) : db.exec_params(first, {});
    if (!row.at(0, 1)) break;  // no row left after the last key
    done += std::stoull(row.text(0, 0));
    last_key = row.at(0, 1);
    if (batch.progress) batch.progress(done);
    if (session_ != nullptr) session_->batch_progress(batch, done, false);
  }
  if (session_ != nullptr) session_->batch_progress(batch, done, true);
  return done;
}

}  // namespace structmig
