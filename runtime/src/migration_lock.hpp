// The migration lock: a session-level advisory lock (kMigrationLockKey) that
// every upgrade, downgrade and stamp holds for its whole run, so that
// concurrent starters migrate exactly once.
#pragma once

#include "structmig/connection.hpp"
#include "structmig/migrator.hpp"

namespace structmig::detail {

/// Holds the migration lock for its lifetime. Before waiting for it, asks the
/// server to check the client's connection while statements run, so a killed
/// migrator's backend rolls back and frees the lock promptly.
class MigrationLock {
 public:
  MigrationLock(Connection& connection, const MigratorOptions& options);
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;
  ~MigrationLock();

 private:
  Connection& connection_;
};

}  // namespace structmig::detail
