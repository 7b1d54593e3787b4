// The schema comparison (see diff.hpp): renames first, on a working copy of
// the old schema, so that everything after compares by the new names; then
// each part fills its steps; then the steps are joined in the documented
// order and the downgrade is derived.
#include "structmig/diff.hpp"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>

#include "diff/diff_enums.hpp"
#include "diff/diff_tables.hpp"
#include "diff/rename_suspicions.hpp"
#include "diff/renames.hpp"
#include "diff/sorted_tables.hpp"
#include "diff/steps.hpp"
#include "diff/table_order.hpp"
#include "diff/type_dependents.hpp"

namespace structmig::diff {
namespace {

constexpr int kConstraintKinds = static_cast<int>(std::variant_size_v<Constraint>);

// The order of steps 3 and 6 (diff.hpp). A constraint that references other
// tables (a foreign key) needs their keys: it is dropped first and added
// last, indexes come between, and the other kinds in the family's order
// (unique, check).
int drop_rank(const Op& op) {
  if (const auto* drop = std::get_if<DropConstraint>(&op)) {
    if (kind_of(drop->constraint).references_tables) return 0;
    return 2 + static_cast<int>(drop->constraint.index());
  }
  if (std::holds_alternative<DropIndex>(op)) return 1;
  if (std::holds_alternative<RenameConstraint>(op)) return 2 + kConstraintKinds;
  if (std::holds_alternative<RenameIndex>(op)) return 3 + kConstraintKinds;
  return 4 + kConstraintKinds;
}

int add_rank(const Op& op) {
  if (const auto* add = std::get_if<AddConstraint>(&op)) {
    const int kind = static_cast<int>(add->constraint.index());
    return kind_of(add->constraint).references_tables ? kConstraintKinds + 1 + kind : kind;
  }
  if (std::holds_alternative<CreateIndex>(op)) return kConstraintKinds;
  return 2 * kConstraintKinds + 1;
}

// The table a constraint or index operation is on.
std::string table_of(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        if constexpr (requires { std::string(o.table); }) {
          return o.table;
        } else {
          return "";
        }
      },
      op);
}

// Kinds in the documented order within steps 3 and 6, then tables by name; the
// stable sort keeps each table's objects in the name order they came in.
void sort_by_kind_and_table(std::vector<Op>& ops, int (*rank)(const Op&)) {
  std::stable_sort(ops.begin(), ops.end(), [&](const Op& a, const Op& b) {
    const int rank_a = rank(a);
    const int rank_b = rank(b);
    if (rank_a != rank_b) return rank_a < rank_b;
    return table_of(a) < table_of(b);
  });
}

// The index of the drop a warning concerns, if the plan has it.
std::optional<std::size_t> find_concerned_op(const std::vector<Op>& ops,
                                             const PendingWarning& warning) {
  if (warning.table.empty()) return std::nullopt;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    if (const auto* drop = std::get_if<DropColumn>(&ops[i])) {
      if (!warning.column.empty() && drop->table == warning.table &&
          drop->column.name == warning.column) {
        return i;
      }
    } else if (const auto* drop_table = std::get_if<DropTable>(&ops[i])) {
      if (warning.column.empty() && drop_table->table.name == warning.table) return i;
    }
  }
  return std::nullopt;
}

Plan join_steps(Steps& steps) {
  sort_by_kind_and_table(steps.dependent_drops, drop_rank);
  sort_by_kind_and_table(steps.constraint_drops, drop_rank);
  sort_by_kind_and_table(steps.constraint_adds, add_rank);
  // Moved, not copied: a step's operations (whole tables) are not used again.
  std::vector<Op>* const in_order[] = {
      &steps.renames,        &steps.dependent_drops, &steps.enum_changes, &steps.constraint_drops,
      &steps.table_creates,  &steps.column_changes,  &steps.constraint_adds, &steps.column_drops,
      &steps.table_drops,    &steps.enum_drops};
  std::size_t count = 0;
  for (const std::vector<Op>* step : in_order) count += step->size();
  Plan plan;
  plan.upgrade.reserve(count);
  for (std::vector<Op>* step : in_order) {
    plan.upgrade.insert(plan.upgrade.end(), std::make_move_iterator(step->begin()),
                        std::make_move_iterator(step->end()));
    step->clear();
  }
  for (const PendingWarning& warning : steps.warnings) {
    plan.warnings.push_back({warning.text, find_concerned_op(plan.upgrade, warning)});
  }
  plan.downgrade = reverse(plan.upgrade);
  return plan;
}

}  // namespace

Plan diff_schemas(const Schema& before, const Schema& now_in, const RenameHints& hints) {
  // The models arrive sorted (extract sorts them): a copy of thousands of
  // tables only when they are not.
  std::optional<Schema> sorted_now;
  if (!in_sort_schema_order(now_in)) {
    sorted_now = now_in;
    sort_schema(*sorted_now);
  }
  const Schema& now = sorted_now ? *sorted_now : now_in;
  Schema work = before;
  sort_schema(work);

  Steps steps;
  apply_rename_hints(work, now, hints, steps);
  sort_schema(work);  // renamed objects move to their new place
  find_type_dependents(work, now, steps);
  for (Table& table : work.tables) {
    if (const Table* target = find_sorted_table(now, table.name)) rename_constraints(table, *target, steps);
  }
  sort_schema(work);

  diff_enums(work, now, steps);
  for (const Table& table : now.tables) {
    if (const Table* old = find_sorted_table(work, table.name)) diff_kept_table(work, *old, table, steps);
  }
  create_tables(work, now, steps);
  drop_tables(work, now, steps);
  warn_suspected_renames(work, now, steps);
  return join_steps(steps);
}

}  // namespace structmig::diff
