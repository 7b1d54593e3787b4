// The safe planner (see safe_plan.hpp): the upgrade planned against the
// tables of `before`, refusing what the model does not acknowledge; the
// downgrade (the logical upgrade reversed) planned against the tables of
// `now`, never refused.
#include "plan/safe_plan.hpp"

#include "plan/safe_forms.hpp"

namespace structmig::plan {

SafePlan plan_safely(const diff::Plan& logical, const Schema& before, const Schema& now,
                     const Acknowledgements& acknowledgements) {
  PlannedOps upgrade = plan_ops(logical.upgrade, {before, now, &acknowledgements});
  PlannedOps downgrade = plan_ops(logical.downgrade, {now, before, nullptr});
  return SafePlan{std::move(upgrade.ops), std::move(downgrade.ops), std::move(upgrade.refusals)};
}

}  // namespace structmig::plan
