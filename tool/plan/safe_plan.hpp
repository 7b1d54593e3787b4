// The safe planner: turns the diff's logical plan into what runs on a live,
// busy database, and refuses what would stop or damage it. Between diff and
// render:
//
//   (before, now, hints) ──diff──► logical Plan ──plan_safely──► SafePlan ──render──►
//
// On a table that existed before the migration (objects on a table created in
// the same migration stay plain, in its transaction):
//  - indexes are built and dropped CONCURRENTLY, each a step of its own;
//  - foreign keys and checks are added NOT VALID and validated in a later
//    step (ValidateConstraint), which lets reads and writes go on;
//  - unique constraints and primary keys adopt a unique index built
//    concurrently beforehand (USING INDEX);
//  - SET NOT NULL goes through CHECK (c IS NOT NULL) NOT VALID, VALIDATE,
//    SET NOT NULL (which then needs no scan), and the check is dropped;
//  - a NOT NULL column without a default is added nullable, backfilled from
//    the model's backfill("SQL") in batches, then made NOT NULL as above.
// Refused, unless the model acknowledges them (Acknowledgements): a type
// change that rewrites the table (structmig::type_change_rewrites), a
// volatile default on a new column (volatile_defaults.hpp; a new identity
// column counts, it fills every row too), a NOT NULL column without a default
// (and without a backfill), dropping a table, a column or an enum label
// (one the diff did not rename). Renames stay plain. The downgrade is the
// logical upgrade reversed, planned the same way against the tables of `now`
// (never refused: it undoes what the upgrade did).
//
// Order (phases.hpp): concurrent index drops first; then one transaction
// with everything brief (in the logical plan's order); backfills; concurrent
// index builds; each VALIDATE in a transaction of its own; one transaction
// with the SET NOT NULLs, the adoptions of the built indexes and what must
// follow them (foreign keys, drops); the VALIDATEs of the keys added there.
// A plan whose last operations are renames (a downgrade's renames back)
// keeps them last. Deterministic: the same inputs give the same plan.
#pragma once

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "structmig/diff.hpp"
#include "structmig/ops.hpp"
#include "structmig/schema.hpp"

namespace structmig::plan {

/// What the model acknowledges, visibly in review (see the README's
/// "Acknowledgements"), and how it fills a new NOT NULL column.
struct Acknowledgements {
  /// (table, column): `acknowledge(rewrite)` on the column — a type change
  /// that rewrites the table, or a volatile default on a new column.
  std::set<std::pair<std::string, std::string>> rewrites;
  /// (table, column): `acknowledge(drop_column(c))` on the table.
  std::set<std::pair<std::string, std::string>> dropped_columns;
  /// `STRUCTMIG_ACKNOWLEDGE(drop_table(t))` in a model header.
  std::set<std::string> dropped_tables;
  /// (enum, label): `acknowledge(drop_label("x"))` on the enum.
  std::set<std::pair<std::string, std::string>> dropped_labels;
  /// (table, column) → SQL expression: `backfill("SQL")` on a column, the
  /// value existing rows get when the column is added NOT NULL without a default.
  std::map<std::pair<std::string, std::string>, std::string> backfills;

  friend bool operator==(const Acknowledgements&, const Acknowledgements&) = default;
};

enum class RefusalKind {
  rewriting_type_change,
  volatile_default,
  not_null_without_default,
  drop_table,
  drop_column,
  drop_enum_label,
};

/// A change the planner will not generate without an acknowledgement.
struct Refusal {
  RefusalKind kind;
  std::string table;   // the table, or the enum for drop_enum_label
  std::string column;  // the column, or the label; empty for drop_table
  std::string reason;  // one sentence: what would happen on a live database
  std::string recipe;  // the safe way, and the acknowledgement that allows this one

  friend bool operator==(const Refusal&, const Refusal&) = default;
};

struct SafePlan {
  std::vector<Op> upgrade;        // with CommitStep boundaries; see split_steps()
  std::vector<Op> downgrade;      // the logical downgrade, planned the same way
  std::vector<Refusal> refusals;  // non-empty: nothing may be written

  friend bool operator==(const SafePlan&, const SafePlan&) = default;
};

/// `logical` is diff_schemas(before, now, hints).
SafePlan plan_safely(const diff::Plan& logical, const Schema& before, const Schema& now,
                     const Acknowledgements& acknowledgements);

}  // namespace structmig::plan
