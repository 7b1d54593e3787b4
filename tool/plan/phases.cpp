// Joins the planner's phases into one operation list (see phases.hpp).
#include "plan/phases.hpp"

namespace structmig::plan {
namespace {

enum class Last { nothing, outside, other_group, joinable_group };

class Assembly {
 public:
  // A transaction of `ops`; `joinable`: a later join() may add to it.
  void group(const std::vector<Op>& ops, bool joinable) {
    if (ops.empty()) return;
    if (last_ == Last::other_group || last_ == Last::joinable_group) out_.push_back(CommitStep{});
    out_.insert(out_.end(), ops.begin(), ops.end());
    last_ = joinable ? Last::joinable_group : Last::other_group;
  }
  // `ops` added to the transaction just written when it is joinable.
  void join(const std::vector<Op>& ops) {
    if (ops.empty()) return;
    if (last_ == Last::joinable_group) {
      out_.insert(out_.end(), ops.begin(), ops.end());
    } else {
      group(ops, false);
    }
  }
  void each_in_its_transaction(const std::vector<Op>& ops) {
    for (const Op& op : ops) group({op}, false);
  }
  // Operations that run outside a transaction (split_steps makes each a step).
  void outside(const std::vector<Op>& ops) {
    if (ops.empty()) return;
    out_.insert(out_.end(), ops.begin(), ops.end());
    last_ = Last::outside;
  }
  std::vector<Op> take() { return std::move(out_); }

 private:
  std::vector<Op> out_;
  Last last_ = Last::nothing;
};

}  // namespace

std::vector<Op> assemble(const Phases& phases) {
  Assembly assembly;
  assembly.outside(phases.concurrent_drops);
  assembly.group(phases.main, /*joinable=*/true);
  assembly.outside(phases.backfills);
  assembly.outside(phases.concurrent_builds);
  assembly.each_in_its_transaction(phases.validations);
  std::vector<Op> finish = phases.set_not_null;
  finish.insert(finish.end(), phases.finish.begin(), phases.finish.end());
  assembly.group(finish, /*joinable=*/true);
  assembly.each_in_its_transaction(phases.late_validations);
  assembly.join(phases.trailing_renames);
  return assembly.take();
}

}  // namespace structmig::plan
