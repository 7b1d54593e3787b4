// A step outside any transaction (Migration::transactional == false, e.g.
// CREATE INDEX CONCURRENTLY, which refuses transaction blocks and pipelines):
// session timeouts SET before and RESET after, each statement sent on its own
// and committed by itself (so update_in_batches commits every batch), and the
// version recorded only once every statement succeeded. Nothing can be rolled
// back, so a failure says what stayed applied.
#include <chrono>

#include "step_session.hpp"

namespace structmig::detail {
namespace {

std::string join_statements(const std::vector<std::string>& statements) {
  std::string out;
  for (const auto& statement : statements) out += (out.empty() ? "" : "; ") + statement;
  return out;
}

class AutocommitSession final : public StepSession {
 public:
  AutocommitSession(Connection& connection, const Step& step)
      : StepSession(connection, step), started_(std::chrono::steady_clock::now()) {}

  bool transactional() const override { return false; }

  void flush(const std::vector<Op>& pending) override {
    rethrow_failure();
    set_timeouts_once();
    for (const auto& statement : statements_of(pending)) {
      try {
        connection_.exec(statement);
      } catch (const DatabaseError& e) {
        fail(e, executed_, failure_note());
      }
      ++executed_;
    }
  }

  void finish(const std::vector<Op>& pending) override {
    flush(pending);
    const std::string recorded_note =
        "all " + std::to_string(executed_) +
        " statement(s) of this non-transactional migration were applied, but recording it "
        "failed; structmig_version was not changed (once the cause is fixed, stamp the revision)";
    try {
      reset_timeouts();
      const double elapsed_ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
              .count();
      std::vector<std::string> pipeline{"BEGIN"};
      for (auto& statement : bookkeeping::record_step(step_.heads_before, step_.heads_after,
                                                      step_.migration, to_string(step_.direction),
                                                      bookkeeping::duration_literal(elapsed_ms))) {
        pipeline.push_back(std::move(statement));
      }
      pipeline.emplace_back("COMMIT");
      connection_.exec_pipeline(pipeline);
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt, recorded_note);
    }
  }

  void abandon() noexcept override {
    rollback_quietly();  // a failed bookkeeping pipeline leaves its transaction open
    try {
      reset_timeouts();
    } catch (...) {  // the original error is the one worth reporting
    }
  }

  std::string failure_note() const override {
    std::string note = "this migration runs outside a transaction, so nothing is rolled back: ";
    if (executed_ == 0) {
      note += "no statement of it had been applied";
    } else if (executed_ == 1) {
      note += "statement 1, before the failure, was applied and stays applied";
    } else {
      note += "statements 1-" + std::to_string(executed_) +
              ", before the failure, were applied and stay applied";
    }
    return note + "; structmig_version was not changed";
  }

 private:
  void set_timeouts_once() {
    if (timeouts_set_ || step_.timeouts.empty()) return;
    const std::string sql = join_statements(bookkeeping::set_timeouts(step_.timeouts, false));
    try {
      connection_.exec(sql);
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt, failure_note());
    }
    timeouts_set_ = true;
  }

  void reset_timeouts() {
    if (!timeouts_set_) return;
    timeouts_set_ = false;
    connection_.exec(join_statements(bookkeeping::reset_timeouts(step_.timeouts)));
  }

  std::chrono::steady_clock::time_point started_;
  bool timeouts_set_ = false;
};

}  // namespace

std::unique_ptr<StepSession> make_autocommit_session(Connection& connection, const Step& step) {
  return std::make_unique<AutocommitSession>(connection, step);
}

}  // namespace structmig::detail
