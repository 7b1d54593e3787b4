// The safe planner; see safe_plan.hpp. (Placeholder: passes the logical plan
// through until the planner lands.)
#include "plan/safe_plan.hpp"

namespace structmig::plan {

SafePlan plan_safely(const diff::Plan& logical, const Schema& before, const Schema& now,
                     const Acknowledgements& acknowledgements) {
  (void)before;
  (void)now;
  (void)acknowledgements;
  return SafePlan{logical.upgrade, logical.downgrade, {}};
}

}  // namespace structmig::plan
