// Recording a migration for offline SQL; see offline_recording.hpp. The cut
// into steps follows the step runner (step_runner.cpp) rule for rule: a
// CommitStep ends the group, an operation outside a transaction (or any
// operation of a non-transactional migration) ends it and is a step of its
// own, empty groups vanish; only the batched updates, which online run
// through the connection, are placed here by hand.
#include "offline/offline_recording.hpp"

#include <utility>

#include "migrator/bookkeeping.hpp"

namespace structmig::detail {
namespace {

class OfflineSession final : public MigrationSession {
 public:
  OfflineSession(const Migration& migration, Direction direction)
      : migration_(migration), direction_(direction), transactional_(migration.transactional) {}

  void flush(const std::vector<Op>& pending) override {
    if (stopped_) return;  // the migration went on after its query failed: not rendered
    for (const Op& op : pending) {
      // Outside a transaction every operation but a CommitStep is a step.
      if (!std::holds_alternative<CommitStep>(op)) ++operations_;
      items_.emplace_back(op);
    }
  }
  Connection& connection() override {
    stopped_ = true;
    throw OfflineUnsupported(
        "this migration queries the database (a data migration) and cannot be rendered as "
        "offline SQL; run it online");
  }
  bool transactional() const override { return transactional_; }
  bool offline() const override { return true; }
  void render_batch_update(const BatchUpdate& batch) override {
    if (stopped_) return;
    items_.emplace_back(OfflineBatch{batch_update_script(batch, !transactional_, place(batch))});
  }

  bool stopped() const { return stopped_; }
  std::vector<OfflineItem> take() { return std::move(items_); }

 private:
  // Where the batches keep their key, named as the step runner names it.
  std::optional<BatchPlace> place(const BatchUpdate& batch) {
    if (transactional_) return std::nullopt;
    if (batch_step_ != operations_) {
      batch_step_ = operations_;
      batch_runs_ = 0;
    }
    ++batch_runs_;
    return BatchPlace{std::string(migration_.revision), std::string(to_string(direction_)),
                      operations_, bookkeeping::batch_identity(operations_, batch_runs_, batch)};
  }

  const Migration& migration_;
  Direction direction_;
  bool transactional_;
  bool stopped_ = false;
  std::vector<OfflineItem> items_;
  std::size_t operations_ = 0;  // the steps so far, in a non-transactional migration
  std::size_t batch_step_ = static_cast<std::size_t>(-1);
  std::size_t batch_runs_ = 0;
};

OfflineRecording cut(std::vector<OfflineItem> items, bool transactional, bool stopped) {
  OfflineRecording out;
  out.stopped = stopped;
  OfflineStep group;
  const auto end_group = [&] {
    if (!group.items.empty()) out.steps.push_back(std::move(group));
    group = OfflineStep{};
  };
  for (OfflineItem& item : items) {
    if (auto* batch = std::get_if<OfflineBatch>(&item)) {
      if (transactional) {
        group.items.emplace_back(std::move(*batch));
      } else {
        out.steps.push_back(OfflineStep{false, false, {std::move(*batch)}});
      }
      continue;
    }
    Op& op = std::get<Op>(item);
    if (std::holds_alternative<CommitStep>(op)) {
      end_group();
    } else if (!transactional || runs_outside_transaction(op)) {
      end_group();
      out.steps.push_back(OfflineStep{false, true, {std::move(op)}});
    } else {
      group.items.emplace_back(std::move(op));
    }
  }
  // A group still open at the stop is unfinished: online it commits only
  // after the migration's query, so all of it runs online.
  if (!stopped) end_group();
  for (const OfflineStep& step : out.steps) out.counted_steps += step.counted ? 1 : 0;
  return out;
}

}  // namespace

OfflineRecording record_offline(const Migration& migration, Direction direction) {
  OfflineSession session(migration, direction);
  Ops ops(&session);
  auto* record = direction == Direction::upgrade ? migration.upgrade : migration.downgrade;
  try {
    if (record != nullptr) record(ops);
  } catch (const OfflineUnsupported&) {
    if (!session.stopped()) throw;
  }
  if (!session.stopped()) session.flush(ops.pending());
  return cut(session.take(), migration.transactional, session.stopped());
}

}  // namespace structmig::detail
