// The safe form of each operation (see safe_forms.hpp and the rules in
// safe_plan.hpp). Two passes over the logical plan: the first finds which
// operations touch a table that existed before (following table renames),
// where the first adoption of a concurrently built index is (whatever
// follows it and may depend on it -- foreign keys, drops -- waits for it), and
// where the trailing renames begin; the second sorts each operation's safe
// form into its phase.
#include "plan/safe_forms.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <type_traits>

#include "plan/phases.hpp"
#include "plan/refusals.hpp"
#include "plan/volatile_defaults.hpp"
#include "structmig/naming.hpp"
#include "structmig/sql.hpp"

namespace structmig::plan {
namespace {

// The table an operation acts on, if any.
std::optional<std::string> table_of(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::optional<std::string> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>) {
          return o.table.name;
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return o.from;
        } else if constexpr (requires { o.table; }) {
          if constexpr (std::is_convertible_v<decltype(o.table), std::string>) return o.table;
          return std::nullopt;
        } else {
          return std::nullopt;
        }
      },
      op);
}

bool is_rename(const Op& op) {
  return std::holds_alternative<RenameTable>(op) || std::holds_alternative<RenameColumn>(op) ||
         std::holds_alternative<RenameEnum>(op) || std::holds_alternative<RenameEnumLabel>(op) ||
         std::holds_alternative<RenameConstraint>(op) || std::holds_alternative<RenameIndex>(op);
}

// Operations that may depend on a key adopted in the finish phase: a
// constraint that references a table (a foreign key) may reference it, a drop
// may take a column of the old key with it.
bool waits_for_adoptions(const Op& op) {
  if (const auto* add = std::get_if<AddConstraint>(&op)) {
    return kind_of(add->constraint).references_tables;
  }
  if (const auto* drop = std::get_if<DropConstraint>(&op)) {
    return kind_of(drop->constraint).references_tables;
  }
  return std::holds_alternative<DropColumn>(op) || std::holds_alternative<DropTable>(op) ||
         std::holds_alternative<DropEnum>(op);
}

bool effectively_not_null(const Column& column) {
  return !column.nullable || column.identity != Identity::none;
}

Index unique_index(std::string name, const std::vector<std::string>& columns) {
  Index index{.name = std::move(name), .unique = true};
  for (const std::string& column : columns) index.keys.push_back({.column = column});
  return index;
}

class Planner {
 public:
  Planner(const std::vector<Op>& logical, const Direction& direction)
      : logical_(logical), direction_(direction) {
    survey();
  }

  PlannedOps run() {
    for (std::size_t i = 0; i < logical_.size(); ++i) {
      index_ = i;
      const Op& op = logical_[i];
      if (i >= trailing_renames_) {
        phases_.trailing_renames.push_back(op);
      } else {
        std::visit([&](const auto& o) { place(o); }, op);
      }
    }
    return PlannedOps{assemble(std::move(phases_)), std::move(refusals_)};
  }

 private:
  // ---- the first pass ----------------------------------------------------

  void survey() {
    std::set<std::string> existing;
    for (const Table& table : direction_.existing.tables) existing.insert(table.name);
    on_existing_.assign(logical_.size(), false);
    for (std::size_t i = 0; i < logical_.size(); ++i) {
      const Op& op = logical_[i];
      if (const auto* rename = std::get_if<RenameTable>(&op);
          rename && existing.erase(rename->from)) {
        existing.insert(rename->to);
      }
      const auto table = table_of(op);
      on_existing_[i] =
          table && existing.contains(*table) && !std::holds_alternative<CreateTable>(op);
      if (const auto* key = std::get_if<SetPrimaryKey>(&op)) {
        old_keys_[key->table] = key->from;
        if (on_existing_[i] && adopts_index(*key)) first_adoption_ = first_adoption_.value_or(i);
      }
      if (const auto* add = std::get_if<AddConstraint>(&op);
          add && on_existing_[i] && kind_of(add->constraint).using_index) {
        first_adoption_ = first_adoption_.value_or(i);
      }
    }
    trailing_renames_ = logical_.size();
    while (trailing_renames_ > 0 && is_rename(logical_[trailing_renames_ - 1])) --trailing_renames_;
  }

  static bool adopts_index(const SetPrimaryKey& key) {
    return !key.to.empty() && key.from != key.to;
  }

  // ---- where things go ---------------------------------------------------

  bool existing() const { return on_existing_[index_]; }
  bool refusing() const { return direction_.acknowledgements != nullptr; }
  const Acknowledgements& acks() const { return *direction_.acknowledgements; }

  // Main, or finish when the operation must follow an adoption.
  std::vector<Op>& main_or_finish() {
    const bool waits =
        first_adoption_ && index_ > *first_adoption_ && waits_for_adoptions(logical_[index_]);
    return waits ? phases_.finish : phases_.main;
  }

  // What a table was called before the plan's renames (a concurrent drop
  // runs before all of them).
  std::string name_before_renames(const std::string& table) const {
    std::string name = table;
    for (std::size_t i = index_; i-- > 0;) {
      if (const auto* rename = std::get_if<RenameTable>(&logical_[i]);
          rename && rename->to == name) {
        name = rename->from;
      }
    }
    return name;
  }

  // ---- the safe forms ----------------------------------------------------

  template <typename T>
  void place(const T& op) {
    main_or_finish().push_back(op);
  }

  void place(const CreateIndex& op) {
    if (!existing()) return phases_.main.push_back(op);
    phases_.concurrent_builds.push_back(CreateIndex{op.table, op.index, true});
  }

  void place(const DropIndex& op) {
    if (!existing()) return phases_.main.push_back(op);
    phases_.concurrent_drops.push_back(DropIndex{name_before_renames(op.table), op.index, true});
  }

  void place(const SetPrimaryKey& op) {
    if (!existing() || !adopts_index(op)) return phases_.main.push_back(op);
    const std::string index = primary_key_index_name(op.name);
    phases_.concurrent_builds.push_back(CreateIndex{op.table, unique_index(index, op.to), true});
    SetPrimaryKey adopting = op;
    adopting.using_index = index;
    phases_.finish.push_back(adopting);
  }

  // On a table that existed before: a kind that can adopt an index gets one
  // built concurrently and adopts it in the finish phase; a kind that can be
  // added NOT VALID is, and is validated in a step of its own (a late one
  // when it waits for adoptions).
  void place(const AddConstraint& op) {
    std::vector<Op>& target = main_or_finish();
    if (!existing()) return target.push_back(op);
    std::visit(
        [&](const auto& constraint) {
          using Kind = ConstraintKindOf<std::decay_t<decltype(constraint)>>;
          if constexpr (Kind::kind.using_index) {
            phases_.concurrent_builds.push_back(
                CreateIndex{op.table, unique_index(constraint.name, constraint.columns), true});
            phases_.finish.push_back(AddConstraint{op.table, constraint, false, constraint.name});
          } else if constexpr (Kind::kind.not_valid) {
            target.push_back(AddConstraint{op.table, constraint, true});
            const ValidateConstraint validate{op.table, constraint.name};
            (&target == &phases_.finish ? phases_.late_validations : phases_.validations)
                .push_back(validate);
          } else {
            target.push_back(op);
          }
        },
        op.constraint);
  }

  void place(const AlterColumn& op) {
    if (refusing() && existing() && type_change_rewrites(op.from.type, op.to.type) &&
        !acks().rewrites.contains({op.table, op.to.name})) {
      refusals_.push_back(rewriting_type_change_refusal(op.table, op.from, op.to));
    }
    if (!existing() || effectively_not_null(op.from) || !effectively_not_null(op.to)) {
      return phases_.main.push_back(op);
    }
    // Everything but NOT NULL (and an identity, which needs it) now; NOT
    // NULL once a validated check has proved it.
    Column nullable = op.to;
    nullable.nullable = true;
    nullable.identity = op.from.identity;
    if (!(op.from == nullable)) {
      phases_.main.push_back(AlterColumn{op.table, op.from, nullable, op.using_sql, op.cast});
    }
    set_not_null(op.table, nullable, op.to);
  }

  void place(const AddColumn& op) {
    if (!existing()) return phases_.main.push_back(op);
    const Column& column = op.column;
    const bool acknowledged_rewrite =
        refusing() && acks().rewrites.contains({op.table, column.name});
    if (refusing() && !acknowledged_rewrite) {
      if (column.identity != Identity::none) {
        refusals_.push_back(volatile_default_refusal(op.table, column, "identity"));
      } else if (column.default_sql) {
        if (auto function = volatile_function_in(*column.default_sql)) {
          refusals_.push_back(volatile_default_refusal(op.table, column, *function));
        }
      }
    }
    const bool needs_values =
        !column.nullable && !column.default_sql && column.identity == Identity::none;
    if (!refusing() || !needs_values) return phases_.main.push_back(op);

    const auto backfill = acks().backfills.find({op.table, column.name});
    if (backfill == acks().backfills.end()) {
      refusals_.push_back(not_null_without_default_refusal(op.table, column));
      return phases_.main.push_back(op);
    }
    const std::vector<std::string> key = backfill_key(op.table);
    if (key.empty()) {
      refusals_.push_back(backfill_without_key_refusal(op.table, column));
      return phases_.main.push_back(op);
    }
    // Added nullable, with the check that keeps new rows NOT NULL from the
    // start (so no NULL arrives behind the backfill), filled, then NOT NULL.
    Column nullable = column;
    nullable.nullable = true;
    phases_.main.push_back(AddColumn{op.table, nullable});
    phases_.backfills.push_back(Backfill{
        .table = op.table, .column = column.name, .expression = backfill->second, .key = key});
    set_not_null(op.table, nullable, column);
  }

  void place(const DropColumn& op) {
    if (refusing() && existing() && !acks().dropped_columns.contains({op.table, op.column.name})) {
      refusals_.push_back(drop_column_refusal(op.table, op.column.name));
    }
    main_or_finish().push_back(op);
  }

  void place(const DropTable& op) {
    if (refusing() && existing() && !acks().dropped_tables.contains(op.table.name)) {
      refusals_.push_back(drop_table_refusal(op.table.name));
    }
    main_or_finish().push_back(op);
  }

  void place(const RecreateEnum& op) {
    if (refusing()) {
      for (const std::string& label : op.from.labels) {
        const bool kept =
            std::find(op.to.labels.begin(), op.to.labels.end(), label) != op.to.labels.end();
        if (!kept && !acks().dropped_labels.contains({op.from.name, label})) {
          refusals_.push_back(drop_enum_label_refusal(op.from.name, label));
        }
      }
    }
    phases_.main.push_back(op);
  }

  // CHECK (c IS NOT NULL) NOT VALID in main, validated, then SET NOT NULL
  // (no scan: the validated check proves it) and the check dropped.
  void set_not_null(const std::string& table, const Column& nullable, const Column& not_null) {
    const CheckConstraint check = not_null_check(table, not_null.name);
    phases_.main.push_back(AddConstraint{table, check, true});
    phases_.validations.push_back(ValidateConstraint{table, check.name});
    phases_.set_not_null.push_back(AlterColumn{table, nullable, not_null, std::nullopt});
    phases_.set_not_null.push_back(DropConstraint{table, check});
  }

  // The key a backfill walks: the primary key in place while it runs (the
  // old one when the plan changes it: the new one is adopted later).
  std::vector<std::string> backfill_key(const std::string& table) const {
    if (auto old = old_keys_.find(table); old != old_keys_.end()) return old->second;
    const Table* target = direction_.target.find_table(table);
    return target ? target->primary_key : std::vector<std::string>{};
  }

  const std::vector<Op>& logical_;
  const Direction& direction_;
  std::vector<bool> on_existing_;
  std::map<std::string, std::vector<std::string>> old_keys_;
  std::optional<std::size_t> first_adoption_;
  std::size_t trailing_renames_ = 0;
  std::size_t index_ = 0;
  Phases phases_;
  std::vector<Refusal> refusals_;
};

}  // namespace

CheckConstraint not_null_check(const std::string& table, const std::string& column) {
  const std::string expression = quote_ident(column) + " IS NOT NULL";
  return CheckConstraint{.name = check_name(table, column + "_not_null", expression),
                         .expression = expression};
}

std::string primary_key_index_name(const std::string& primary_key_name) {
  return fit_identifier(primary_key_name + "_new");
}

PlannedOps plan_ops(const std::vector<Op>& logical, const Direction& direction) {
  return Planner(logical, direction).run();
}

}  // namespace structmig::plan
