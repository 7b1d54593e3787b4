// Compares the schema the migration history produces with the schema of the
// models and lists the operations that turn one into the other, in an order
// that is deterministic and runs on a real database as it is. The downgrade
// is the upgrade reversed (structmig::reverse), never a second diff.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "structmig/ops.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

/// What a reviewer must look at: a drop that looks like an unmarked rename,
/// a rename mark that was ignored. One sentence, and the operation it
/// concerns.
struct Warning {
  std::string text;
  /// The index in Plan::upgrade of the operation it concerns (the drop that
  /// would lose data), if any.
  std::optional<std::size_t> op;
  friend bool operator==(const Warning&, const Warning&) = default;
};

struct Plan {
  std::vector<Op> upgrade;
  std::vector<Op> downgrade;  // reverse(upgrade)
  std::vector<Warning> warnings;

  bool empty() const { return upgrade.empty(); }
  friend bool operator==(const Plan&, const Plan&) = default;
};

/// Objects are matched by name, after the renames the hints ask for. Both
/// inputs may come in any order; the plan depends only on their content.
///
/// What becomes what:
///  - hints (model `renamed_from`): RenameEnum, RenameTable, RenameColumn,
///    RenameEnumLabel. A hint whose old name is not in `before` (already
///    applied) is ignored; one whose old and new names are both there is
///    ignored with a warning.
///  - in a table of both schemas, a constraint or index whose name is gone but
///    whose definition equals a new one's: RenameConstraint / RenameIndex (the
///    primary key's name included) -- what a table rename and the naming
///    convention give.
///  - enums: CreateEnum; labels only inserted: one AddEnumLabel per label
///    (after the label before it, or before the first old one); labels removed
///    or reordered, or inserted labels used by the model's SQL (PostgreSQL
///    cannot use a label added in place within the same transaction):
///    RecreateEnum; DropEnum.
///  - columns: AddColumn, DropColumn, AlterColumn for type / nullability /
///    default / identity / comment (a type change says how it casts in
///    AlterColumn::cast: TypeCast::direct, USING "col"::<type>, or
///    TypeCast::through_text when the old type is an enum; the USING text is
///    made from it where SQL or a migration file is written).
///  - SetPrimaryKey when the key's columns change, SetTableComment.
///  - constraints and indexes: added, removed, or changed (drop + add).
///
/// Upgrade order:
///  1. renames: enums, tables, columns, enum labels;
///  2. DropIndex, DropConstraint of the checks and indexes that name a column of
///     an enum whose labels change (the type's recreation would break them;
///     they come back in step 6), then CreateEnum, AddEnumLabel, RecreateEnum;
///  3. on kept tables, DropConstraint of foreign keys, DropIndex,
///     DropConstraint of unique constraints, then of checks, of removed and
///     changed ones, and of checks and indexes that name a column converted
///     from or to an enum in step 5 (added again in step 6); and the drop of
///     a removed table's foreign key whose target is about to change; then
///     RenameConstraint, RenameIndex;
///  4. CreateTable in foreign-key order (referenced tables first, ties by
///     name); a key to a table created later (a cycle), or to a kept table's
///     key that is not there yet, waits for step 6; self-references stay;
///  5. per kept table, by name: AddColumn, AlterColumn, SetPrimaryKey,
///     SetTableComment;
///  6. AddConstraint of unique constraints, of checks, CreateIndex, then
///     AddConstraint of foreign keys (the kinds that reference other tables:
///     constraint.hpp);
///  7. DropColumn;
///  8. DropConstraint of foreign keys between removed tables that would block their
///     drops (cycles), then DropTable, referencing tables first;
///  9. DropEnum.
/// Within a step, tables by name and each table's objects by name.
/// Drops carry the whole dropped object (a DropTable its table without the
/// keys dropped before it), so that reverse() can rebuild it.
///
/// Warnings: a column dropped and one added in the same table with the same
/// type and nullability, or a table dropped and one created with the same
/// columns, without a hint, is still drop + add, and says how to mark the
/// rename.
Plan diff_schemas(const Schema& before, const Schema& now, const RenameHints& hints = {});

}  // namespace structmig::diff
