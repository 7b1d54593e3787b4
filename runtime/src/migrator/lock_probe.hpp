// Taking a step's table locks without joining the lock queue. An ALTER TABLE
// that waits for its ACCESS EXCLUSIVE lock sits in the table's lock queue, and
// every query that comes after it — plain SELECTs included — queues behind
// it: the classic outage. So before its statements, a transactional step
// asks for the locks they will need with LOCK TABLE … NOWAIT: either it gets
// them at once, or it fails at once (55P03), is rolled back, and the run
// retries after a pause, never having made a reader wait.
#pragma once

#include <string>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig::detail {

/// `LOCK TABLE "t" IN <mode> MODE NOWAIT` for every table that existed before
/// the step and that its operations lock in a mode that blocks reads or
/// writes (the strongest mode per table; tables in their name before the
/// step's renames). Empty when the step needs no such lock (VALIDATE, a
/// comment, raw SQL whose locks are unknown, tables the step creates).
std::vector<std::string> lock_probes(const std::vector<Op>& ops);

/// The same locks in words, for progress lines: "ACCESS EXCLUSIVE on busy,
/// SHARE ROW EXCLUSIVE on users"; "" when there are none.
std::string lock_summary(const std::vector<Op>& ops);

}  // namespace structmig::detail
