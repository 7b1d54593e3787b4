// The error model's pieces that are code: the text of a ModelError and of a
// DatabaseError (passwords masked), and the SQLSTATE → subclass table.
#include "structmig/error.hpp"

#include "structmig/redact.hpp"

namespace structmig {
namespace {

std::string describe(const std::string& message, const std::string& sqlstate,
                     const std::string& statement) {
  std::string text = sqlstate.empty() ? message : "ERROR " + sqlstate + ": " + message;
  if (!statement.empty()) text += "\n  statement: " + statement;
  return text;
}

std::string located(const std::string& file, unsigned line, unsigned column,
                    const std::string& message) {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": error: " + message;
}

}  // namespace

ModelError::ModelError(std::string file, unsigned line, unsigned column,
                       const std::string& message)
    : Error(located(file, line, column, message)),
      file_(std::move(file)),
      line_(line),
      column_(column),
      message_(message) {}

// Nothing a DatabaseError says shows a password (see redact.hpp).
DatabaseError::DatabaseError(const std::string& message, std::string sqlstate,
                             std::string statement)
    : Error(describe(redact_secrets(message), sqlstate, redact_secrets(statement))),
      sqlstate_(std::move(sqlstate)),
      statement_(redact_secrets(statement)),
      server_message_(redact_secrets(message)) {}

DatabaseErrorKind database_error_kind(std::string_view sqlstate) noexcept {
  if (sqlstate == "55P03") return DatabaseErrorKind::lock_timeout;
  if (sqlstate == "40P01") return DatabaseErrorKind::deadlock;
  if (sqlstate == "40001") return DatabaseErrorKind::serialization_failure;
  if (sqlstate == "23505") return DatabaseErrorKind::unique_violation;
  if (sqlstate.size() == 5 && sqlstate.starts_with("08")) {
    return DatabaseErrorKind::broken_connection;
  }
  return DatabaseErrorKind::other;
}

DatabaseErrorKind kind_of(const DatabaseError& error) noexcept {
  if (dynamic_cast<const LockTimeout*>(&error)) return DatabaseErrorKind::lock_timeout;
  if (dynamic_cast<const Deadlock*>(&error)) return DatabaseErrorKind::deadlock;
  if (dynamic_cast<const SerializationFailure*>(&error)) {
    return DatabaseErrorKind::serialization_failure;
  }
  if (dynamic_cast<const UniqueViolation*>(&error)) return DatabaseErrorKind::unique_violation;
  if (dynamic_cast<const BrokenConnection*>(&error)) return DatabaseErrorKind::broken_connection;
  return DatabaseErrorKind::other;
}

void throw_as(DatabaseErrorKind kind, const DatabaseError& error) {
  switch (kind) {
    case DatabaseErrorKind::lock_timeout:
      throw LockTimeout(error);
    case DatabaseErrorKind::deadlock:
      throw Deadlock(error);
    case DatabaseErrorKind::serialization_failure:
      throw SerializationFailure(error);
    case DatabaseErrorKind::unique_violation:
      throw UniqueViolation(error);
    case DatabaseErrorKind::broken_connection:
      throw BrokenConnection(error);
    case DatabaseErrorKind::other:
      break;
  }
  throw DatabaseError(error);
}

}  // namespace structmig
