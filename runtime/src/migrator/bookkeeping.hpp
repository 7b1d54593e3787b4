// The SQL of structmig's own bookkeeping, shared by the migrator (online) and
// the offline script renderer so that both write exactly the same rows: the
// two tables, the migration lock, structmig_version changes, history rows,
// progress of unfinished migrations and the server-side clock.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/ops.hpp"

namespace structmig::bookkeeping {

/// CREATE TABLE IF NOT EXISTS for structmig_version, structmig_history,
/// structmig_progress (the steps of an unfinished migration and the place of
/// its update_in_batches; the columns of that added to an older table) and
/// structmig_state (the start-up check's row, with the triggers that delete it
/// when the version or the history changes; added to an older database).
std::vector<std::string> create_tables();

/// The structmig_state row(s): heads, digest (state_row.hpp).
std::string_view read_state_row();
/// structmig_state replaced by this one row.
std::vector<std::string> write_state_row(std::string_view heads, std::string_view digest);

/// How many steps of (revision, direction) earlier runs committed: one row
/// (steps_done) or none. Parameters $1 revision, $2 direction.
std::string_view read_progress();
/// Records that the first `steps_done` steps are committed (a batch place
/// saved before them is past).
std::string record_progress(std::string_view revision, std::string_view direction,
                            std::size_t steps_done);
/// Forgets the progress of (revision, direction): the migration is complete.
std::string clear_progress(std::string_view revision, std::string_view direction);
/// Forgets every unfinished migration's progress (a stamp).
std::string clear_all_progress();

/// update_in_batches' place (BatchPlace) in structmig_progress: the batch
/// run (column batch) and the last key its committed batches reached (column
/// batch_key, the key values as text, in key column order).
/// The name of a batch run (BatchPlace::batch), the same online and offline:
/// its ordinal among the runs after `steps_done` steps, its table and key.
std::string batch_identity(std::size_t steps_done, std::size_t ordinal, const BatchUpdate& batch);
/// An INSERT … SELECT, for a WITH clause of the batch statement itself: saves
/// the largest `key` of `rows` (a CTE of that statement) as the place's key.
std::string save_batch_key(const BatchPlace& place, const std::vector<std::string>& key,
                           std::string_view rows);
/// The saved key of batch run $3 of (revision $1, direction $2): one row per
/// key column, in order; none when nothing is saved.
std::string_view read_batch_key();
/// Forgets the saved key: the batch run is complete (the row goes with it
/// when no step is recorded in it).
std::string clear_batch_key(const BatchPlace& place);
std::string lock();
std::string unlock();
/// Sets client_connection_check_interval on PostgreSQL 14+ (nothing before),
/// so the server notices a vanished client during a long statement.
std::string enable_connection_check();

/// The structmig_version changes from one head set to another.
std::vector<std::string> move_version(const std::vector<std::string>& heads_before,
                                      const std::vector<std::string>& heads_after);
/// structmig_version replaced by exactly these heads.
std::vector<std::string> replace_version(const std::vector<std::string>& heads);

/// start_clock() before a migration, clock_duration_ms() in its history row
/// (a session setting carries the start time across its steps).
std::string start_clock();
std::string_view clock_duration_ms();
/// A duration measured by the client, as an SQL literal.
std::string duration_literal(double milliseconds);

std::string insert_history(std::string_view revision, std::string_view direction,
                           std::string_view message, std::optional<std::string_view> checksum,
                           std::string_view duration_ms_sql);
/// The version change and the history row of one applied or reverted step.
std::vector<std::string> record_step(const std::vector<std::string>& heads_before,
                                     const std::vector<std::string>& heads_after,
                                     const Migration& migration, std::string_view direction,
                                     std::string_view duration_ms_sql);

/// The checksum to record for a migration (none when it has none).
std::optional<std::string_view> checksum_of(const Migration& migration);

}  // namespace structmig::bookkeeping
