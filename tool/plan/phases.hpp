// The shape of a safe migration: the phases the planner sorts operations
// into, and how they are joined into one list of operations with step
// boundaries (CommitStep) that structmig::split_steps cuts as intended.
//
//   1. concurrent index drops          each a step, outside a transaction
//   2. main                            one transaction: everything brief
//   3. backfills                       each a step, committing batch by batch
//   4. concurrent index builds         each a step, outside a transaction
//   5. validations                     each a transaction of its own
//   6. finish                          one transaction: SET NOT NULL (the
//                                      checks validated), then what adopts
//                                      the indexes built in 4 and what must
//                                      follow it (foreign keys, drops)
//   7. late validations                of the constraints added in 6
//   8. trailing renames                the plan's last operations when they
//                                      are all renames (a downgrade ends with
//                                      its renames back): kept last, so every
//                                      moved operation still names things as
//                                      they are before them; joined to the
//                                      transaction before when that is main
//                                      or finish
#pragma once

#include <vector>

#include "structmig/ops.hpp"

namespace structmig::plan {

struct Phases {
  std::vector<Op> concurrent_drops;
  std::vector<Op> main;
  std::vector<Op> backfills;
  std::vector<Op> concurrent_builds;
  std::vector<Op> validations;
  std::vector<Op> set_not_null;  // first part of finish
  std::vector<Op> finish;        // the rest of finish, in the logical plan's order
  std::vector<Op> late_validations;
  std::vector<Op> trailing_renames;
};

/// The phases in order, a CommitStep between two transactions that follow
/// each other (an operation outside a transaction is a step by itself). The
/// operations are moved out of `phases` (pass an rvalue to spare the copy).
std::vector<Op> assemble(Phases phases);

}  // namespace structmig::plan
