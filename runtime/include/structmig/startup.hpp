// The one call an application makes at start-up: bring the database to the
// head of the compiled-in history. Cheap when there is nothing to do (one
// query, no lock), safe when many replicas start at once (the advisory lock).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"

namespace structmig {

struct StartupReport {
  /// True when this call applied nothing (the database was at head, or
  /// another process got there while this one waited for the lock).
  bool already_at_head = false;
  /// The steps this call applied, in order.
  std::vector<StepEvent> applied;
  /// The head revision the database is at now ("" when there are no migrations).
  std::string head;
};

/// Connects with conninfo and upgrades to head. Idempotent. Throws
/// DatabaseError (MigrationError for a failing step) or RevisionError
/// (MultipleHeads when the history has several heads).
StartupReport upgrade_to_head(const std::string& conninfo, const std::vector<Migration>& migrations,
                              std::function<void(const StepEvent&)> progress = {});

}  // namespace structmig
