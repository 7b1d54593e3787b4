// Joins the planner's phases into one operation list (see phases.hpp).
#include "plan/phases.hpp"

#include <iterator>
#include <utility>

namespace structmig::plan {
namespace {

enum class Last { nothing, outside, other_group, joinable_group };

class Assembly {
 public:
  // A transaction of `ops`; `joinable`: a later join() may add to it.
  void group(std::vector<Op>&& ops, bool joinable) {
    if (ops.empty()) return;
    if (last_ == Last::other_group || last_ == Last::joinable_group) out_.push_back(CommitStep{});
    append(std::move(ops));
    last_ = joinable ? Last::joinable_group : Last::other_group;
  }
  // `ops` added to the transaction just written when it is joinable.
  void join(std::vector<Op>&& ops) {
    if (ops.empty()) return;
    if (last_ == Last::joinable_group) {
      append(std::move(ops));
    } else {
      group(std::move(ops), false);
    }
  }
  void each_in_its_transaction(std::vector<Op>&& ops) {
    for (Op& op : ops) {
      std::vector<Op> one;
      one.push_back(std::move(op));
      group(std::move(one), false);
    }
  }
  // Operations that run outside a transaction (split_steps makes each a step).
  void outside(std::vector<Op>&& ops) {
    if (ops.empty()) return;
    append(std::move(ops));
    last_ = Last::outside;
  }
  std::vector<Op> take() { return std::move(out_); }

 private:
  void append(std::vector<Op>&& ops) {
    out_.insert(out_.end(), std::make_move_iterator(ops.begin()),
                std::make_move_iterator(ops.end()));
    ops.clear();
  }

  std::vector<Op> out_;
  Last last_ = Last::nothing;
};

}  // namespace

std::vector<Op> assemble(Phases phases) {
  Assembly assembly;
  assembly.outside(std::move(phases.concurrent_drops));
  assembly.group(std::move(phases.main), /*joinable=*/true);
  assembly.outside(std::move(phases.backfills));
  assembly.outside(std::move(phases.concurrent_builds));
  assembly.each_in_its_transaction(std::move(phases.validations));
  std::vector<Op> finish = std::move(phases.set_not_null);
  finish.insert(finish.end(), std::make_move_iterator(phases.finish.begin()),
                std::make_move_iterator(phases.finish.end()));
  assembly.group(std::move(finish), /*joinable=*/true);
  assembly.each_in_its_transaction(std::move(phases.late_validations));
  assembly.join(std::move(phases.trailing_renames));
  return assembly.take();
}

}  // namespace structmig::plan
