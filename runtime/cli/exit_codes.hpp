// The migrate command's exit codes, chosen from the type of what was thrown
// (error.hpp), never from its text. README's table lists the same.
#pragma once

#include <exception>

namespace structmig::cli {

enum ExitCode : int {
  kSuccess = 0,
  kFailure = 1,     // any other failure; `check` found drift
  kUsage = 2,       // the command line or an option's value
  kHistory = 3,     // HistoryError: unknown or ambiguous target, graph, checksums
  kDatabase = 4,    // DatabaseError: a statement or a migration failed
  kRetryLater = 5,  // MigrationLockTimeout, LockTimeout, Deadlock, SerializationFailure
  kConnection = 6,  // BrokenConnection: no connection, or it was lost
};

/// The exit code for a failure of this type.
int exit_code_of(const std::exception& error) noexcept;

}  // namespace structmig::cli
