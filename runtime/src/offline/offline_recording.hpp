// What a migration records when it is rendered as offline SQL, cut into the
// steps the migrator would run (the same count, so that the progress rows of
// a script and of an online run agree). The migration runs with an offline
// session: its operations are collected; update_in_batches becomes a DO block
// (offline_batch_update.cpp); a call to connection() (C++ that needs the live
// database) ends the recording there, and the steps before it are what can
// be rendered.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"
#include "structmig/ops.hpp"

namespace structmig::detail {

/// A BatchUpdate as one PL/pgSQL DO block that loops over the batches as
/// Ops::update_in_batches does (keyset pagination on the key, never OFFSET).
/// With `commit_each_batch` it COMMITs after each batch, so it must run
/// outside a transaction block (PostgreSQL 11+, psql in autocommit mode).
/// With a `place` (a non-transactional migration) it starts after the key an
/// earlier run saved there, saves its last key with each batch and clears it
/// at the end, as the online run does.
/// Throws InvalidOperation for a BatchUpdate update_in_batches refuses.
std::string batch_update_script(const BatchUpdate& batch, bool commit_each_batch,
                                const std::optional<BatchPlace>& place = std::nullopt);

/// update_in_batches rendered: its DO block.
struct OfflineBatch {
  std::string script;
};
using OfflineItem = std::variant<Op, OfflineBatch>;

/// A step of the script. As in split_steps: a transactional group (a batched
/// update in a transactional migration joins the current group, as its
/// batches run in the step's transaction online) or a single operation
/// outside a transaction. A batched update of a non-transactional migration
/// commits batch by batch between the steps and is not counted as a step
/// (online it is not either: a rerun runs it again, after its saved key).
struct OfflineStep {
  bool transactional = true;
  bool counted = true;
  std::vector<OfflineItem> items;
};

struct OfflineRecording {
  /// The steps that can be rendered, in order.
  std::vector<OfflineStep> steps;
  /// The migration asked for the live connection (a data migration): `steps`
  /// are the steps that ended before it; the rest runs online only.
  bool stopped = false;
  /// The steps in `steps` that count (the 1-based number of the step the
  /// stop is in is counted_steps + 1).
  std::size_t counted_steps = 0;
};

/// Runs the migration's upgrade() or downgrade() without a database and
/// returns its steps.
OfflineRecording record_offline(const Migration& migration, Direction direction);

}  // namespace structmig::detail
