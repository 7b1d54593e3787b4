// The migration lock; see migration_lock.hpp.
#include "migration_lock.hpp"

#include "bookkeeping.hpp"

namespace structmig::detail {

MigrationLock::MigrationLock(Connection& connection, const MigratorOptions& options)
    : connection_(connection) {
  (void)options;
  try {
    connection_.exec(bookkeeping::enable_connection_check());
  } catch (const DatabaseError&) {  // best effort: unsupported on some platforms
  }
  connection_.exec(bookkeeping::lock());
}

MigrationLock::~MigrationLock() {
  try {
    connection_.exec(bookkeeping::unlock());
  } catch (...) {  // a lost connection releases the lock on the server anyway
  }
}

}  // namespace structmig::detail
