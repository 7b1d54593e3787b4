// A step inside one transaction. The BEGIN and the SET LOCAL timeouts go with
// the first statements sent; a migration that never asks for the connection
// costs one round trip (BEGIN, its statements, the bookkeeping, COMMIT in one
// pipeline); one that does sends what it recorded so far, queries freely
// inside the same transaction, and the rest follows with the COMMIT. Any
// failure rolls the whole step back.
#include "step_session.hpp"

namespace structmig::detail {
namespace {

class TransactionalSession final : public StepSession {
 public:
  using StepSession::StepSession;

  bool transactional() const override { return true; }

  void flush(const std::vector<Op>& pending) override {
    rethrow_failure();
    const std::vector<std::string> statements = statements_of(pending);
    std::vector<std::string> pipeline = opening();
    const std::size_t prefix = pipeline.size();
    pipeline.insert(pipeline.end(), statements.begin(), statements.end());
    execute(pipeline, prefix, statements.size());
    begun_ = true;
    executed_ += statements.size();
  }

  void finish(const std::vector<Op>& pending) override {
    const std::vector<std::string> statements = statements_of(pending);
    std::vector<std::string> pipeline = opening();
    const std::size_t prefix = pipeline.size();
    pipeline.insert(pipeline.end(), statements.begin(), statements.end());
    for (auto& statement : bookkeeping::record_step(step_.heads_before, step_.heads_after,
                                                    step_.migration, to_string(step_.direction),
                                                    bookkeeping::transaction_duration_ms())) {
      pipeline.push_back(std::move(statement));
    }
    pipeline.emplace_back("COMMIT");
    execute(pipeline, prefix, statements.size());
  }

  void abandon() noexcept override { rollback_quietly(); }

 private:
  std::vector<std::string> opening() const {
    if (begun_) return {};
    std::vector<std::string> out{"BEGIN"};
    for (auto& statement : bookkeeping::set_timeouts(step_.timeouts, true)) {
      out.push_back(std::move(statement));
    }
    return out;
  }

  // Statements [prefix, prefix + count) of the pipeline are the migration's.
  void execute(const std::vector<std::string>& pipeline, std::size_t prefix, std::size_t count) {
    try {
      connection_.exec_pipeline(pipeline);
    } catch (const StatementError& e) {
      std::optional<std::size_t> index;
      if (e.index() >= prefix && e.index() < prefix + count) {
        index = executed_ + (e.index() - prefix);
      }
      fail(e, index, {});
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt, {});
    }
  }

  bool begun_ = false;
};

}  // namespace

std::unique_ptr<StepSession> make_transactional_session(Connection& connection, const Step& step) {
  return std::make_unique<TransactionalSession>(connection, step);
}

}  // namespace structmig::detail
