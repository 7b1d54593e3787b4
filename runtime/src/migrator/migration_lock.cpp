// The migration lock; see migration_lock.hpp.
#include "migrator/migration_lock.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

#include "migrator/bookkeeping.hpp"
#include "migrator/migration_lock_holder.hpp"

namespace structmig::detail {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

/// How often a waiting run says who it is waiting for: often enough that an
/// operator sees it is alive, rarely enough that a long wait is not a flood.
constexpr auto kLogEvery = std::chrono::seconds(5);
/// A floor under migration_lock_poll, so a zero poll does not hammer the server.
constexpr milliseconds kShortestPoll{10};

bool try_lock(Connection& connection) {
  static const std::string sql =
      "SELECT pg_try_advisory_lock(" + std::to_string(kMigrationLockKey) + ")";
  return connection.exec(sql).text(0, 0) == "t";
}

/// Who holds the lock, for a log line or an error message. Best effort: a
/// failure to say so must not end a wait that would otherwise succeed.
std::string current_holder(Connection& connection) {
  try {
    return describe_holder(read_lock_holder(connection, kMigrationLockKey));
  } catch (const DatabaseError& error) {
    return "another session (pg_locks could not be read: " + error.server_message() + ")";
  }
}

milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<milliseconds>(Clock::now() - start);
}

}  // namespace

MigrationLock::MigrationLock(Connection& connection, const MigratorOptions& options,
                             ProgressSink* progress)
    : connection_(connection) {
  try {
    connection_.exec(bookkeeping::enable_connection_check());
  } catch (const DatabaseError&) {  // best effort: unsupported on some platforms
  }
  wait_for_lock(options, progress);
}

void MigrationLock::wait_for_lock(const MigratorOptions& options, ProgressSink* progress) {
  const Clock::time_point start = Clock::now();
  Clock::time_point next_log = start;
  const bool report = progress != nullptr && progress->enabled();
  Clock::time_point next_event = report ? start + progress->after() : start;
  const milliseconds poll = std::max(options.migration_lock_poll, kShortestPoll);
  const milliseconds timeout = options.migration_lock_timeout;
  // Each attempt is its own statement in autocommit mode: its snapshot lives
  // only while it runs, and the sleep in between holds nothing.
  while (!try_lock(connection_)) {
    const milliseconds waited = since(start);
    if (timeout.count() > 0 && waited >= timeout) {
      throw MigrationLockTimeout(timeout_message(current_holder(connection_), timeout));
    }
    if (options.log && Clock::now() >= next_log) {
      options.log(waiting_line(current_holder(connection_), waited, timeout));
      next_log = Clock::now() + kLogEvery;
    }
    if (report && Clock::now() >= next_event) {
      ProgressEvent event;
      event.kind = ProgressEvent::Kind::migration_lock_wait;
      event.holder = current_holder(connection_);
      event.elapsed = since(start);
      progress->emit(event);
      next_event = Clock::now() + progress->every();
    }
    milliseconds pause = poll;
    if (timeout.count() > 0) {  // wake up for the deadline, not a poll after it
      pause = std::min(pause, std::max(timeout - since(start), kShortestPoll));
    }
    std::this_thread::sleep_for(pause);
  }
}

MigrationLock::~MigrationLock() {
  try {
    connection_.exec(bookkeeping::unlock());
  } catch (...) {  // a lost connection releases the lock on the server anyway
  }
}

}  // namespace structmig::detail
