// Running one migration against the live database as a sequence of steps
// (ops.hpp, split_steps): transactional groups, each committed with a record
// of its progress in structmig_progress, and single statements outside any
// transaction (concurrent index builds and drops, backfills), each recorded
// once it succeeded. The migration's upgrade() or downgrade() records
// operations on an Ops bound to the runner; a data migration that asks for
// the connection gets what was recorded so far executed first, inside the
// current step's transaction. Steps that an earlier, interrupted run already
// committed are skipped, so a rerun resumes at the first unfinished step; the
// version moves with the last step.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "migrator/lock_policy.hpp"
#include "migrator/progress_watch.hpp"
#include "structmig/connection.hpp"
#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"

namespace structmig::detail {

/// One run of one migration: which, which way, the heads before and after,
/// its lock discipline for this attempt, and how many of its steps earlier
/// runs committed.
struct MigrationRun {
  const Migration& migration;
  Direction direction;
  std::vector<std::string> heads_before;
  std::vector<std::string> heads_after;
  LockPolicy policy;
  int attempt = 0;  // selects the lock_timeout (LockPolicy::lock_timeout_of)
  std::size_t steps_done = 0;
  std::function<void(const std::string&)> log;
  /// Where each step's progress goes (progress_watch.hpp); null: nowhere.
  /// Its events carry the migration's step count, counted from the
  /// migration's own recording before the first step runs; a data migration
  /// runs steps while it records, so its count is not known.
  ProgressSink* progress = nullptr;
};

/// How many steps of (revision, direction) earlier runs committed (0 when the
/// migration was never started, or completed).
std::size_t read_steps_done(Connection& connection, const Migration& migration,
                            Direction direction);

/// Runs the migration to its end. Throws MigrationError (naming the step and
/// the statement); then the failing step is rolled back (or, outside a
/// transaction, its statement failed), the steps before it stay committed and
/// recorded, and structmig_version is unchanged.
void run_migration(Connection& connection, const MigrationRun& run);

/// Builds an index concurrently where an earlier attempt may have left one:
/// a valid index of that name is kept (the build finished, its record did
/// not), an INVALID one is dropped concurrently and built again.
void build_index_concurrently(Connection& connection, const CreateIndex& op,
                              const std::function<void(const std::string&)>& log);

}  // namespace structmig::detail
