// Running one step: bind an Ops to the right kind of session, let the
// migration record (and maybe query), finish, and turn whatever went wrong
// into a MigrationError naming the migration; see step_session.hpp.
#include "step_session.hpp"

#include "structmig/sql.hpp"

namespace structmig::detail {

Connection& StepSession::connection() {
  rethrow_failure();
  return connection_;
}

void StepSession::rethrow_failure() const {
  if (failure_) throw *failure_;
}

void StepSession::fail(const DatabaseError& cause, std::optional<std::size_t> statement_index,
                       std::string note) {
  failure_.emplace(cause, std::string(step_.migration.revision),
                   std::string(step_.migration.message), statement_index, std::move(note));
  throw *failure_;
}

std::vector<std::string> StepSession::statements_of(const std::vector<Op>& ops) {
  try {
    return to_sql(ops);
  } catch (const std::exception& e) {
    fail(DatabaseError(std::string("rendering its operations: ") + e.what(), "", ""), std::nullopt,
         failure_note());
  }
}

void StepSession::rollback_quietly() noexcept {
  try {
    // Outside a transaction this is only a WARNING, which is silenced.
    connection_.exec("ROLLBACK");
  } catch (...) {  // the original error is the one worth reporting
  }
}

void run_step(Connection& connection, const Step& step) {
  std::unique_ptr<StepSession> session = step.migration.transactional
                                             ? make_transactional_session(connection, step)
                                             : make_autocommit_session(connection, step);
  const std::string revision(step.migration.revision);
  const std::string message(step.migration.message);
  auto* record =
      step.direction == Direction::upgrade ? step.migration.upgrade : step.migration.downgrade;
  try {
    Ops ops(session.get());
    if (record != nullptr) record(ops);  // no function: a step without operations
    session->rethrow_failure();          // in case the migration swallowed it
    session->finish(ops.pending());
  } catch (const MigrationError&) {
    session->abandon();
    throw;
  } catch (const DatabaseError& e) {  // the migration's own query
    session->abandon();
    throw MigrationError(e, revision, message, std::nullopt, session->failure_note());
  } catch (const std::exception& e) {  // the migration's own code
    session->abandon();
    throw MigrationError(DatabaseError(e.what(), "", ""), revision, message, std::nullopt,
                         session->failure_note());
  }
}

}  // namespace structmig::detail
