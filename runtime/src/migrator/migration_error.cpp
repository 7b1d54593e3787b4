// MigrationError: a failed step described by its migration, the statement
// that failed and PostgreSQL's own words; and Direction's name.
#include "structmig/migrator.hpp"
#include "structmig/redact.hpp"

namespace structmig {
namespace {

std::string step_failure_text(const DatabaseError& cause, const std::string& revision,
                              const std::string& message, std::optional<std::size_t> index,
                              const std::string& note, std::optional<std::size_t> step) {
  std::string text = "migration " + revision + " (" + message + ") failed";
  if (step) text += " in step " + std::to_string(*step + 1);
  if (index) text += " at statement " + std::to_string(*index + 1);
  text += std::string(": ") + cause.what();
  if (!note.empty()) text += "\n  " + note;
  return text;
}

}  // namespace

std::string_view to_string(Direction direction) {
  return direction == Direction::upgrade ? "upgrade" : "downgrade";
}

MigrationError::MigrationError(const DatabaseError& cause, std::string revision,
                               std::string migration_message,
                               std::optional<std::size_t> statement_index, std::string note,
                               std::optional<std::size_t> step_index)
    : DatabaseError(cause.server_message(), cause.sqlstate(), cause.statement()),
      revision_(std::move(revision)),
      migration_message_(std::move(migration_message)),
      statement_index_(statement_index),
      note_(std::move(note)),
      step_index_(step_index),
      what_(redact_secrets(step_failure_text(cause, revision_, migration_message_,
                                             statement_index_, note_, step_index_))) {}

}  // namespace structmig
