// What a step does, in a few words, for progress lines: its first operation
// ("add column note to busy", "create index ix_busy_v on busy concurrently",
// "backfill busy.label") and how many more follow ("… and 3 more").
#pragma once

#include <string>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig::detail {

std::string describe_op(const Op& op);
/// "" for no operations (a step in which a data migration only queried).
std::string describe_step(const std::vector<Op>& ops);

}  // namespace structmig::detail
