// A plan as a migration file: the .cpp text users review and commit, its file
// name, and its revision id. The text is byte-stable: the same plan, parent,
// message and number always give the same file. What is written is the safe
// plan (plan/safe_plan.hpp), each step of upgrade() and downgrade() under a
// comment with the locks it takes (render_steps.hpp); the file's name and
// its warnings come from the logical plan the diff made. The warnings are
// written as `// WARNING: …` lines at the top of the file and again above the
// upgrade operation each concerns. Operations render as described in
// render_op.hpp, file names as in slug.hpp.
#pragma once

#include <string>
#include <string_view>

#include "structmig/diff.hpp"
#include "plan/safe_plan.hpp"
#include "render/migration_parts.hpp"
#include "render/render_op.hpp"
#include "render/slug.hpp"
#include "structmig/ops.hpp"

namespace structmig::render {

/// The revision id (revision_id.hpp) of the parts parent,
/// render_body(upgrade), render_body(downgrade) of the safe plan (the operations only, op.commit() included; step
/// comments, warnings and messages do not count).
std::string revision_id(std::string_view parent, const plan::SafePlan& plan);
/// The same over a plan's operations as they are (no safe forms).
std::string revision_id(std::string_view parent, const diff::Plan& plan);

/// What `structmig generate` writes: `safe` = plan::plan_safely(logical, …)
/// with no refusals (a plan with refusals must not be written: report them
/// instead); `logical` = the diff's plan, which names the file (slug.hpp)
/// and carries the warnings. `parent` is "" for the first migration;
/// `message` may be empty (the slug, with spaces for '_', is used); `number`
/// is written with at least 4 digits.
MigrationFile render_migration(const plan::SafePlan& safe, const diff::Plan& logical,
                               std::string_view parent, std::string_view message, unsigned number);

/// A plan's operations as they are, without safe forms (hand-made plans,
/// tests): render_migration(SafePlan{plan.upgrade, plan.downgrade}, plan, …).
MigrationFile render_migration(const diff::Plan& plan, std::string_view parent,
                               std::string_view message, unsigned number);

}  // namespace structmig::render
