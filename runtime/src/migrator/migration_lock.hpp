// The migration lock: a session-level advisory lock (kMigrationLockKey) that
// every upgrade, downgrade and stamp holds for its whole run, so that
// concurrent starters migrate exactly once. Waiting for it never blocks the
// database: the wait is a poll of pg_try_advisory_lock, one short autocommit
// statement at a time, so a waiting replica holds no transaction and no
// snapshot between polls. (A blocking pg_advisory_lock waits inside its
// statement, with a snapshot; CREATE INDEX CONCURRENTLY waits for every such
// snapshot, and the migration running it waits for the index: a deadlock no
// detector sees.)
#pragma once

#include "migrator/progress_watch.hpp"
#include "structmig/connection.hpp"
#include "structmig/migrator.hpp"

namespace structmig::detail {

/// Holds the migration lock for its lifetime. Before waiting for it, asks the
/// server to check the client's connection while statements run, so a killed
/// migrator's backend rolls back and frees the lock promptly. While it waits,
/// logs through options.log who holds the lock (at once, then every few
/// seconds); after options.migration_lock_timeout (zero: never) it throws
/// MigrationLockTimeout naming the holder. Once it has waited
/// options.progress_after, it also tells `progress` (a migration_lock_wait
/// event every options.progress_every).
class MigrationLock {
 public:
  MigrationLock(Connection& connection, const MigratorOptions& options,
                ProgressSink* progress = nullptr);
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;
  ~MigrationLock();

 private:
  void wait_for_lock(const MigratorOptions& options, ProgressSink* progress);

  Connection& connection_;
};

}  // namespace structmig::detail
