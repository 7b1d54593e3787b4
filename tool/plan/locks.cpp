// Lock descriptions (see locks.hpp). The modes are PostgreSQL's (the "Explicit
// Locking" chapter): most ALTER TABLE forms take ACCESS EXCLUSIVE; adding a
// constraint takes its kind's lock (constraint.hpp: a foreign key SHARE ROW
// EXCLUSIVE on both tables); VALIDATE takes SHARE
// UPDATE EXCLUSIVE (and ROW SHARE on a foreign key's referenced table);
// CREATE INDEX takes SHARE, its CONCURRENTLY form and DROP INDEX
// CONCURRENTLY SHARE UPDATE EXCLUSIVE; COMMENT and ALTER INDEX RENAME SHARE
// UPDATE EXCLUSIVE; dropping a foreign key drops its triggers on the
// referenced table too, under ACCESS EXCLUSIVE.
#include "plan/locks.hpp"

#include <algorithm>
#include <type_traits>

#include "plan/volatile_defaults.hpp"
#include "structmig/sql.hpp"

namespace structmig::plan {
namespace {

constexpr const char* kAccessExclusive = "ACCESS EXCLUSIVE";
constexpr const char* kShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE";
constexpr const char* kBrief = "brief: no rewrite, no scan";
constexpr const char* kRewrite = "the table is rewritten: reads and writes wait until it is done";
constexpr const char* kNewTable = "brief: the table is new and empty";

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

LockTaken on(const char* mode, const std::string& table, std::string effect) {
  return {std::string(mode) + " on " + quoted(table), std::move(effect)};
}

LockTaken on(TableLock lock, const std::string& table, std::string effect) {
  return {std::string(table_lock_sql(lock)) + " on " + quoted(table), std::move(effect)};
}

// Dropping a foreign key (or its table) drops its triggers on the referenced table.
LockTaken dropped_key_triggers(const std::string& table) {
  return on(kAccessExclusive, table, "brief: the key's triggers on it are dropped");
}

// Who waits while a lock is held: SHARE ROW EXCLUSIVE lets reads go on.
std::string waiting_under(TableLock lock) {
  return lock == TableLock::share_row_exclusive ? "writes wait" : "reads and writes wait";
}

// ADD CONSTRAINT of any kind: its kind's lock on its table and on the tables
// it references; brief when the rows are new, adopted or checked later.
std::vector<LockTaken> constraint_added(const AddConstraint& add, bool new_table) {
  const ConstraintKind& kind = kind_of(add.constraint);
  const std::string effect = new_table         ? kNewTable
                             : add.using_index ? "brief: adopts the unique index built before"
                             : add.not_valid
                                 ? "brief: existing rows are checked later"
                                 : std::string(kind.add_work) + ": " + waiting_under(kind.add_lock);
  std::vector<LockTaken> out = {on(kind.add_lock, add.table, effect)};
  for (const std::string& target : referenced_tables(add.constraint)) {
    if (target != add.table) out.push_back(on(kind.add_lock, target, effect));
  }
  return out;
}

LockTaken no_table_lock(const std::string& type) {
  return {"no table lock", "only the type " + quoted(type)};
}

bool rewrites_when_added(const Column& column) {
  return column.identity != Identity::none ||
         (column.default_sql && volatile_function_in(*column.default_sql));
}

bool effectively_not_null(const Column& column) {
  return !column.nullable || column.identity != Identity::none;
}

}  // namespace

std::vector<LockTaken> LockContext::locks(const Op& op) const {
  return std::visit(
      [&](const auto& o) -> std::vector<LockTaken> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          std::vector<LockTaken> out = {
              on(kAccessExclusive, o.table.name, "a new table: nobody waits for it")};
          for (const Constraint& constraint : constraints_of(o.table)) {
            for (const std::string& target : referenced_tables(constraint)) {
              if (target == o.table.name) continue;
              out.push_back(on(kind_of(constraint).add_lock, target,
                               "brief: the new table's key has no rows to check"));
            }
          }
          return out;
        } else if constexpr (std::is_same_v<T, DropTable>) {
          std::vector<LockTaken> out = {
              on(kAccessExclusive, o.table.name, "brief: the table and its rows are gone")};
          for (const Constraint& constraint : constraints_of(o.table)) {
            for (const std::string& target : referenced_tables(constraint)) {
              if (target != o.table.name) out.push_back(dropped_key_triggers(target));
            }
          }
          return out;
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return {on(kAccessExclusive, o.from, "brief")};
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          if (created_tables_.contains(o.table)) return {on(kAccessExclusive, o.table, kNewTable)};
          return {on(kAccessExclusive, o.table, rewrites_when_added(o.column) ? kRewrite : kBrief)};
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return {on(kAccessExclusive, o.table, "brief: no rewrite; the column's values are gone")};
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          return {on(kAccessExclusive, o.table, "brief")};
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          if (created_tables_.contains(o.table)) return {on(kAccessExclusive, o.table, kNewTable)};
          if (type_change_rewrites(o.from.type, o.to.type)) {
            return {on(kAccessExclusive, o.table, kRewrite)};
          }
          if (!effectively_not_null(o.from) && effectively_not_null(o.to)) {
            const bool proven =
                validated_checks_.contains({o.table, quote_ident(o.to.name) + " IS NOT NULL"});
            return {on(kAccessExclusive, o.table,
                       proven ? "brief: the validated check spares SET NOT NULL its scan"
                              : "SET NOT NULL scans every row: reads and writes wait")};
          }
          if (o.from.type != o.to.type) {
            return {
                on(kAccessExclusive, o.table, "brief: the new type keeps every value as it is")};
          }
          return {on(kAccessExclusive, o.table, kBrief)};
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          if (created_tables_.contains(o.table)) return {on(kAccessExclusive, o.table, kNewTable)};
          if (o.using_index) {
            return {on(kAccessExclusive, o.table, "brief: adopts the unique index built before")};
          }
          if (o.to.empty()) return {on(kAccessExclusive, o.table, "brief: the key is dropped")};
          return {on(kAccessExclusive, o.table,
                     "the key's index is built: reads and writes wait until it is done")};
        } else if constexpr (std::is_same_v<T, SetTableComment>) {
          return {on(kShareUpdateExclusive, o.table, "reads and writes go on")};
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          return constraint_added(o, created_tables_.contains(o.table));
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          std::vector<LockTaken> out = {on(kAccessExclusive, o.table, "brief")};
          for (const std::string& target : referenced_tables(o.constraint)) {
            if (target != o.table) out.push_back(dropped_key_triggers(target));
          }
          return out;
        } else if constexpr (std::is_same_v<T, RenameConstraint>) {
          return {on(kAccessExclusive, o.table, "brief")};
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          if (o.concurrently) {
            return {on(kShareUpdateExclusive, o.table,
                       "reads and writes go on while the index is built")};
          }
          if (created_tables_.contains(o.table)) return {on("SHARE", o.table, kNewTable)};
          return {on("SHARE", o.table, "writes wait while the index is built")};
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          if (o.concurrently) return {on(kShareUpdateExclusive, o.table, "reads and writes go on")};
          return {on(kAccessExclusive, o.table, "brief")};
        } else if constexpr (std::is_same_v<T, RenameIndex>) {
          return {on(kShareUpdateExclusive, o.table, "brief")};
        } else if constexpr (std::is_same_v<T, ValidateConstraint>) {
          std::vector<LockTaken> out = {
              on(kShareUpdateExclusive, o.table,
                 "reads and writes go on while existing rows are checked")};
          if (auto added = referenced_.find({o.table, o.name}); added != referenced_.end()) {
            for (const std::string& target : added->second) {
              if (target != o.table)
                out.push_back(on("ROW SHARE", target, "reads and writes go on"));
            }
          }
          return out;
        } else if constexpr (std::is_same_v<T, CreateEnum> || std::is_same_v<T, DropEnum>) {
          return {no_table_lock(o.type.name)};
        } else if constexpr (std::is_same_v<T, RenameEnum>) {
          return {no_table_lock(o.from)};
        } else if constexpr (std::is_same_v<T, AddEnumLabel> ||
                             std::is_same_v<T, RenameEnumLabel>) {
          return {no_table_lock(o.type)};
        } else if constexpr (std::is_same_v<T, RecreateEnum>) {
          std::vector<LockTaken> out;
          for (const EnumUsage& usage : o.usages) {
            LockTaken lock =
                on(kAccessExclusive, usage.table,
                   "the column is converted to the new type: " + std::string(kRewrite));
            if (std::find(out.begin(), out.end(), lock) == out.end()) out.push_back(lock);
          }
          if (out.empty()) out.push_back(no_table_lock(o.from.name));
          return out;
        } else if constexpr (std::is_same_v<T, Backfill>) {
          return {{"row locks on " + quoted(o.table) + ", batch by batch",
                   "each batch of " + std::to_string(o.batch_size) +
                       " rows commits on its own; reads and writes go on"}};
        } else if constexpr (std::is_same_v<T, CommitStep>) {
          return {};
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          return {{"whatever the hand-written SQL takes", ""}};
        }
      },
      op);
}

std::optional<std::string> LockContext::note(const Op& op) const {
  const auto old_name = [this](const std::string& name) {
    return std::string(downgrade_ ? "running instances of the release being rolled back"
                                  : "running instances of the previous release") +
           " still use the old name " + name;
  };
  if (const auto* o = std::get_if<RenameTable>(&op)) return old_name(quoted(o->from));
  if (const auto* o = std::get_if<RenameColumn>(&op)) {
    return old_name(quoted(o->table) + "." + quoted(o->from));
  }
  if (const auto* o = std::get_if<RenameEnum>(&op)) return old_name(quoted(o->from));
  if (const auto* o = std::get_if<RenameEnumLabel>(&op)) {
    return old_name("'" + o->from + "' of " + quoted(o->type));
  }
  return std::nullopt;
}

void LockContext::record(const Op& op) {
  if (const auto* o = std::get_if<CreateTable>(&op)) created_tables_.insert(o->table.name);
  if (const auto* o = std::get_if<RenameTable>(&op); o && created_tables_.contains(o->from)) {
    created_tables_.insert(o->to);
  }
  if (const auto* o = std::get_if<AddConstraint>(&op)) {
    referenced_[{o->table, name_of(o->constraint)}] = referenced_tables(o->constraint);
    if (const auto* check = std::get_if<CheckConstraint>(&o->constraint)) {
      checks_[{o->table, check->name}] = check->expression;
    }
  }
  if (const auto* o = std::get_if<ValidateConstraint>(&op)) {
    if (auto check = checks_.find({o->table, o->name}); check != checks_.end()) {
      validated_checks_.insert({o->table, check->second});
    }
  }
}

}  // namespace structmig::plan
