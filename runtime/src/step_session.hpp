// One migration step against the live database. The migration's upgrade() or
// downgrade() records operations on an Ops bound to a StepSession; when it
// asks for the connection (a data migration), the session executes what was
// recorded so far; at the end it executes the rest and records the step. Two
// kinds: inside one transaction (transactional_step.cpp) and outside any
// (autocommit_step.cpp).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bookkeeping.hpp"
#include "structmig/connection.hpp"
#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"
#include "structmig/ops.hpp"

namespace structmig::detail {

/// What one step is: which migration, which way, the heads before and after
/// it, and its effective timeouts.
struct Step {
  const Migration& migration;
  Direction direction;
  std::vector<std::string> heads_before;
  std::vector<std::string> heads_after;
  bookkeeping::Timeouts timeouts;
};

/// Runs the step to its end. Throws MigrationError; then the database is as
/// the step kind promises (rolled back, or the statements before the failure
/// applied) and structmig_version is unchanged.
void run_step(Connection& connection, const Step& step);

/// The part both kinds share: the connection, the count of the migration's
/// statements executed so far, and a failure that sticks (a migration that
/// catches the error cannot carry on as if nothing happened).
class StepSession : public MigrationSession {
 public:
  StepSession(Connection& connection, const Step& step) : connection_(connection), step_(step) {}
  Connection& connection() override;
  /// Executes what is left, records the step and ends it.
  virtual void finish(const std::vector<Op>& pending) = 0;
  /// Cleans up after a failure (rollback, timeouts reset); never throws.
  virtual void abandon() noexcept = 0;
  /// What a failure leaves behind, for the error's note ("" when nothing).
  virtual std::string failure_note() const { return {}; }
  /// Throws the failure this session already reported, if any.
  void rethrow_failure() const;

 protected:
  [[noreturn]] void fail(const DatabaseError& cause, std::optional<std::size_t> statement_index,
                         std::string note);
  /// The SQL of operations; an operation that cannot be rendered fails the step.
  std::vector<std::string> statements_of(const std::vector<Op>& ops);
  void rollback_quietly() noexcept;

  Connection& connection_;
  const Step& step_;
  std::size_t executed_ = 0;
  std::optional<MigrationError> failure_;
};

std::unique_ptr<StepSession> make_transactional_session(Connection& connection, const Step& step);
std::unique_ptr<StepSession> make_autocommit_session(Connection& connection, const Step& step);

}  // namespace structmig::detail
