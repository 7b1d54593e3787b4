// The constraint family's run-time questions (see constraint.hpp); the SQL
// bodies of the kinds are in sql_constraint.cpp.
#include "structmig/constraint.hpp"

#include <stdexcept>
#include <type_traits>

#include "structmig/error.hpp"

namespace structmig {
namespace {

template <typename K>
using KindOf = ConstraintKindOf<std::decay_t<K>>;

// Every kind, the primary key too: for messages that list the kinds taking an option.
constexpr const ConstraintKind* kAllKinds[] = {
    &ConstraintKindOf<PrimaryKey>::kind, &ConstraintKindOf<UniqueConstraint>::kind,
    &ConstraintKindOf<CheckConstraint>::kind, &ConstraintKindOf<ForeignKey>::kind};

// "a primary key or a unique constraint": the kinds for which `takes` holds.
std::string kinds_taking(bool ConstraintKind::*takes) {
  std::string out;
  for (const ConstraintKind* kind : kAllKinds) {
    if (!(kind->*takes)) continue;
    if (!out.empty()) out += " or ";
    out += "a " + std::string(kind->word);
  }
  return out;
}

void refuse(std::string_view option, bool ConstraintKind::*takes, const ConstraintKind& kind,
            std::string_view table, std::string_view name) {
  throw InvalidOperation(std::string(option) + " is for " + kinds_taking(takes) + ", not for the " +
                         std::string(kind.word) + " \"" + std::string(name) + "\" on \"" +
                         std::string(table) + "\"");
}

}  // namespace

std::string_view table_lock_sql(TableLock lock) {
  switch (lock) {
    case TableLock::share_row_exclusive:
      return "SHARE ROW EXCLUSIVE";
    case TableLock::access_exclusive:
      return "ACCESS EXCLUSIVE";
  }
  throw InvalidOperation("unknown table lock");
}

const ConstraintKind& kind_of(const Constraint& constraint) {
  return std::visit(
      [](const auto& c) -> const ConstraintKind& { return KindOf<decltype(c)>::kind; }, constraint);
}

const std::string& name_of(const Constraint& constraint) {
  return std::visit([](const auto& c) -> const std::string& { return c.name; }, constraint);
}

std::vector<std::string> referenced_tables(const Constraint& constraint) {
  return std::visit([](const auto& c) { return KindOf<decltype(c)>::referenced_tables(c); },
                    constraint);
}

std::vector<Constraint> constraints_of(const Table& table) {
  std::vector<Constraint> out;
  for_each_constraint_kind([&](auto kind) {
    const auto& items = table.*ConstraintKindOf<typename decltype(kind)::type>::list;
    out.insert(out.end(), items.begin(), items.end());
  });
  return out;
}

void check_constraint_options(const ConstraintKind& kind, std::string_view table,
                              std::string_view name, bool not_valid, bool using_index) {
  if (not_valid && !kind.not_valid)
    refuse("NOT VALID", &ConstraintKind::not_valid, kind, table, name);
  if (using_index && !kind.using_index) {
    refuse("USING INDEX", &ConstraintKind::using_index, kind, table, name);
  }
}

}  // namespace structmig
