// Ops::update_in_batches: a large UPDATE in keyset-paginated batches. Each
// batch is one statement (sql_detail::keyset_batch, shared with Backfill):
// pick the next rows after the last key seen (ORDER BY key LIMIT n — never
// OFFSET, which rescans everything before it), update them, and return how
// many were updated and the batch's last key, where the next batch starts.
// The key is compared as a row, so any orderable type and any number of key
// columns work; its values travel as text parameters, typed by the server
// from the key columns. The key always moves forward, so the loop ends even
// when the SET does not make rows stop matching `where`.
//
// In a non-transactional migration each batch commits on its own, and the
// same statement saves the batch's last key in structmig_progress (a data-
// modifying WITH clause, bookkeeping::save_batch_key): the saved key and the
// committed rows cannot disagree. A rerun of the migration reads it and starts
// after it (the text values typed by the server from the key columns, as
// between batches); the key is cleared when the batches complete.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "migrator/bookkeeping.hpp"
#include "connection/error_context.hpp"
#include "sql/sql_parts.hpp"
#include "structmig/connection.hpp"
#include "structmig/error.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

// The batch after the key in parameters $1…$n (`after_last_key`), or the
// first; with a `place`, it saves its last key there.
std::string batch_statement(const BatchUpdate& batch, bool after_last_key,
                            const std::optional<BatchPlace>& place) {
  const std::vector<std::string>& key = batch.key.columns;
  std::string after;
  if (after_last_key) {
    for (std::size_t i = 0; i < key.size(); ++i) {
      after += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    }
  }
  std::string sql = sql_detail::keyset_batch(batch.table, key, batch.where, batch.set,
                                             batch.batch_size, after);
  if (place) {
    sql += ",\n         structmig_saved AS (" +
           bookkeeping::save_batch_key(*place, key, "structmig_batch") + ")";
  }
  return sql + "\nSELECT (SELECT count(*) FROM structmig_done), " + sql_detail::quote_ident_list(key, "batch key") +
         " FROM structmig_batch ORDER BY " + sql_detail::descending_keys(key) + " LIMIT 1";
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// What the batches before a failure left behind.
std::string failure_note(const BatchUpdate& batch, bool committed, std::size_t batches,
                         std::size_t rows) {
  std::string note = "update_in_batches on " + quote_ident(batch.table) + ": batch " +
                     std::to_string(batches + 1) + " failed; ";
  if (batches == 0) return note + "no batch of it had run before";
  const std::string before = plural(batches, "batch", "batches") + " (" +
                             plural(rows, "row", "rows") + ") before it";
  if (!committed) {
    return note + before + " ran in this step's transaction and " +
           (batches == 1 ? "was" : "were") + " rolled back with it";
  }
  return note + before + " stay committed (each batch commits on its own outside a " +
         "transaction, with the last key it reached); a rerun of the migration continues " +
         "after that key";
}

// The key saved at `place` by an earlier run's last committed batch, if any.
std::optional<Params> saved_key(Connection& db, const BatchPlace& place, std::size_t columns) {
  const Result rows =
      db.exec_params(bookkeeping::read_batch_key(), {place.revision, place.direction, place.batch});
  if (rows.empty()) return std::nullopt;
  if (rows.size() != columns) {  // the place names its key columns: only by hand
    throw DatabaseError("structmig_progress holds a key of " + std::to_string(rows.size()) +
                            " values for " + place.batch + ", which has " +
                            std::to_string(columns) + " key columns",
                        "", "");
  }
  Params key;
  for (std::size_t r = 0; r < rows.size(); ++r) key.push_back(rows.at(r, 0));
  return key;
}

}  // namespace

std::size_t Ops::update_in_batches(const BatchUpdate& batch) {
  if (batch.table.empty() || batch.set.empty() || batch.key.columns.empty() ||
      batch.batch_size == 0) {
    throw InvalidOperation(
        "update_in_batches needs a table, a SET clause, a key column and a batch size");
  }
  for (const std::string& column : batch.key.columns) {
    if (column.empty()) throw InvalidOperation("update_in_batches: an empty key column name");
  }
  if (rendered_offline(batch)) return 0;  // a DO block of the offline script
  Connection& db = connection();
  if (session_ != nullptr && session_->step_done()) return 0;  // an earlier run did it
  const bool commits_each_batch = session_ == nullptr || !session_->transactional();
  const std::optional<BatchPlace> place =
      session_ != nullptr ? session_->batch_place(batch) : std::nullopt;
  const std::string first = batch_statement(batch, false, place);
  const std::string next = batch_statement(batch, true, place);
  std::size_t done = 0;
  std::size_t batches = 0;
  Params last_key;
  bool started = false;  // last_key holds where the next batch starts
  if (place) {
    if (std::optional<Params> saved = saved_key(db, *place, batch.key.columns.size())) {
      last_key = std::move(*saved);
      started = true;
    }
  }
  if (session_ != nullptr) session_->batch_progress(batch, 0, false);
  for (;;) {
    Result row;
    try {
      row = started ? db.exec_params(next, last_key) : db.exec_params(first, {});
    } catch (const DatabaseError& e) {
      detail::throw_with_context<BatchUpdateError>(
          e, batches, done, failure_note(batch, commits_each_batch, batches, done));
    }
    if (row.empty()) break;  // no row left after the last key
    ++batches;
    started = true;
    done += std::stoull(row.text(0, 0));
    last_key.assign(batch.key.columns.size(), std::nullopt);
    for (std::size_t i = 0; i < last_key.size(); ++i) last_key[i] = row.at(0, i + 1);
    if (batch.progress) batch.progress(done);
    if (session_ != nullptr) session_->batch_progress(batch, done, false);
  }
  if (place) {
    try {
      db.exec(bookkeeping::clear_batch_key(*place));
    } catch (const DatabaseError& e) {
      detail::throw_with_context<BatchUpdateError>(
          e, batches, done,
          "update_in_batches on " + quote_ident(batch.table) +
              ": every batch committed, but clearing its saved key failed; "
              "a rerun of the migration finds no row after it");
    }
  }
  if (session_ != nullptr) session_->batch_progress(batch, done, true);
  return done;
}

}  // namespace structmig
