// exit_code_of: the most specific node of the error model the failure is
// (see exit_codes.hpp). A kind before its DatabaseError, so that a migration
// that timed out on a lock says "retry later", not "the database said no".
#include "exit_codes.hpp"

#include "structmig/error.hpp"
#include "structmig/migrator.hpp"

namespace structmig::cli {
namespace {

template <class T>
bool is(const std::exception& error) {
  return dynamic_cast<const T*>(&error) != nullptr;
}

}  // namespace

int exit_code_of(const std::exception& error) noexcept {
  if (is<BrokenConnection>(error)) return kConnection;
  if (is<LockTimeout>(error) || is<Deadlock>(error) || is<SerializationFailure>(error) ||
      is<MigrationLockTimeout>(error)) {
    return kRetryLater;
  }
  if (is<DatabaseError>(error)) return kDatabase;
  if (is<HistoryError>(error)) return kHistory;
  if (is<UsageError>(error)) return kUsage;
  return kFailure;
}

}  // namespace structmig::cli
