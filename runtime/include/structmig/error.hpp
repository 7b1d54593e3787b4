// The error model: one root, structmig::Error, and a node per kind of
// failure a caller handles differently. Catching Error catches everything
// structmig throws; catching a node catches its kind wherever it comes from.
//
//   Error (std::runtime_error)
//   ├── UsageError        a command-line option or setting that does not parse
//   ├── InvalidOperation  an operation, value or name that cannot be written as
//   │                     SQL or data (a migration's or the renderer's input)
//   ├── ModelError        a model the generator cannot use: file, line, column
//   ├── HistoryError      the migration history: graph, targets, checksums
//   │                     (RevisionError and its subclasses, ChecksumMismatch)
//   ├── DatabaseError     PostgreSQL or libpq said no: SQLSTATE, statement, message
//   │   ├── LockTimeout           55P03 lock_not_available (lock_timeout, NOWAIT)
//   │   ├── Deadlock              40P01 deadlock_detected
//   │   ├── SerializationFailure  40001 serialization_failure
//   │   ├── UniqueViolation       23505 unique_violation
//   │   ├── BrokenConnection      class 08, a FATAL error, a connection that
//   │   │                         could not be opened or was closed
//   │   └── (context) MigrationError (migration, step, statement index, note),
//   │                 StatementError (pipeline index), BatchUpdateError
//   └── the rest: MigrationLockTimeout, NotAtHead, SchemaDrift, MappingError,
//       OfflineUnsupported, IrreversibleOp
//
// The SQLSTATE kinds and the context classes derive virtually from
// DatabaseError, so one object can be both: a lock timeout in step 2 of a
// migration is caught by `catch (const LockTimeout&)` and by `catch (const
// MigrationError&)`, and reports its migration and its SQLSTATE either way.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace structmig {

/// Root of every error structmig throws (a std::runtime_error, so code that
/// catches std::exception keeps working).
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A command-line option or a setting whose value does not parse (the
/// command line exits 2, as for any usage error).
class UsageError : public Error {
 public:
  using Error::Error;
};

/// An operation, value or name structmig cannot express: an option a
/// constraint kind does not take, a name with a NUL byte, generated data that
/// is malformed, a key longer than the data can hold. A mistake in the code
/// that built it (a migration, a model), found before anything runs; inside
/// a running migration it arrives wrapped in a MigrationError.
class InvalidOperation : public Error {
 public:
  using Error::Error;
};

/// A model the generator cannot use, at a place in its source. what():
/// `<file>:<line>:<column>: error: <message>` (the compiler's form, which
/// editors and CI annotate).
class ModelError : public Error {
 public:
  ModelError(std::string file, unsigned line, unsigned column, const std::string& message);
  const std::string& file() const noexcept { return file_; }
  unsigned line() const noexcept { return line_; }
  unsigned column() const noexcept { return column_; }
  /// The message without the place.
  const std::string& message() const noexcept { return message_; }

 private:
  std::string file_;
  unsigned line_;
  unsigned column_;
  std::string message_;
};

/// The migration history: the revision graph (RevisionError), a target, or
/// the checksums of applied migrations (ChecksumMismatch).
class HistoryError : public Error {
 public:
  using Error::Error;
};

/// A failure reported by PostgreSQL or libpq. Carries the SQLSTATE (empty for
/// client-side failures such as a refused connection) and the statement. The
/// connection layer throws the subclass its SQLSTATE names (see
/// database_error_kind). No password is ever part of the text (redact.hpp).
class DatabaseError : public Error {
 public:
  DatabaseError(const std::string& message, std::string sqlstate, std::string statement);
  const std::string& sqlstate() const noexcept { return sqlstate_; }
  const std::string& statement() const noexcept { return statement_; }
  /// PostgreSQL's primary message alone (what() adds SQLSTATE and statement).
  const std::string& server_message() const noexcept { return server_message_; }

 private:
  std::string sqlstate_;
  std::string statement_;
  std::string server_message_;
};

/// 55P03 lock_not_available: lock_timeout expired (or NOWAIT found the lock
/// taken). Retrying later may succeed; the migrator retries steps itself.
class LockTimeout : public virtual DatabaseError {
 public:
  explicit LockTimeout(const DatabaseError& cause) : DatabaseError(cause) {}
};

/// 40P01 deadlock_detected: the server chose this transaction to roll back.
class Deadlock : public virtual DatabaseError {
 public:
  explicit Deadlock(const DatabaseError& cause) : DatabaseError(cause) {}
};

/// 40001 serialization_failure: a concurrent transaction got there first;
/// rerunning the transaction may succeed.
class SerializationFailure : public virtual DatabaseError {
 public:
  explicit SerializationFailure(const DatabaseError& cause) : DatabaseError(cause) {}
};

/// 23505 unique_violation: a row (or an index being built) duplicates a key.
class UniqueViolation : public virtual DatabaseError {
 public:
  explicit UniqueViolation(const DatabaseError& cause) : DatabaseError(cause) {}
};

/// No usable connection: it could not be opened, the server closed it (a
/// terminated backend, a restart: a FATAL error), or SQLSTATE class 08.
class BrokenConnection : public virtual DatabaseError {
 public:
  explicit BrokenConnection(const DatabaseError& cause) : DatabaseError(cause) {}
};

/// The kinds of DatabaseError a caller handles, one subclass each.
enum class DatabaseErrorKind {
  other,
  lock_timeout,
  deadlock,
  serialization_failure,
  unique_violation,
  broken_connection,
};

/// The kind a SQLSTATE names: 55P03, 40P01, 40001, 23505, class 08; any other
/// (and "") is `other`.
DatabaseErrorKind database_error_kind(std::string_view sqlstate) noexcept;

/// The kind of an error thrown (from its type, not its SQLSTATE).
DatabaseErrorKind kind_of(const DatabaseError& error) noexcept;

/// Throws `error` as the subclass of `kind` (DatabaseError itself for other).
[[noreturn]] void throw_as(DatabaseErrorKind kind, const DatabaseError& error);

}  // namespace structmig
