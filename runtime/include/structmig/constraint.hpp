// The kinds of table constraint as one family. A unique constraint, a check
// and a foreign key are each a value of schema.hpp; `Constraint` holds any of
// them, and the operations AddConstraint / DropConstraint (ops.hpp) carry one.
// What differs between the kinds is said once, here, in ConstraintKindOf<K>:
// the word for messages, the recorder calls a migration file makes, the SQL
// body, the options ADD takes (NOT VALID, USING INDEX), the lock ADD takes and
// the tables the constraint references. Everything else (the SQL of an
// operation, its inverse, its lock, its place in a plan, its rendering) asks
// the family instead of branching per kind.
//
// A primary key is a member for its SQL and options only: a table has at most
// one, and SetPrimaryKey replaces it from → to.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "structmig/schema.hpp"
#include "structmig/schema_data.hpp"

namespace structmig {

/// A constraint of any kind but the primary key. The order of the
/// alternatives is the order CREATE TABLE lists them in (see constraints_of).
using Constraint = std::variant<UniqueConstraint, CheckConstraint, ForeignKey, ExcludeConstraint>;

/// A table's primary key as a member of the family (Table keeps it as
/// primary_key and primary_key_name).
struct PrimaryKey {
  std::string name;
  std::vector<std::string> columns;
  friend bool operator==(const PrimaryKey&, const PrimaryKey&) = default;
};

/// The table locks ALTER TABLE … ADD CONSTRAINT takes (PostgreSQL's ALTER
/// TABLE documentation), weaker first.
enum class TableLock { share_row_exclusive, access_exclusive };

/// "SHARE ROW EXCLUSIVE", "ACCESS EXCLUSIVE": as LOCK TABLE … IN … MODE writes it.
std::string_view table_lock_sql(TableLock lock);

/// What sets one kind of constraint apart from the others.
struct ConstraintKind {
  std::string_view word;         // in messages: "foreign key"
  /// The name of its list in Table and data::Table, and its key in the
  /// snapshot: "foreign_keys" (empty for the primary key, which has none).
  std::string_view list_name;
  /// Its type's name in schema.hpp and schema_data.hpp: "ForeignKey".
  std::string_view type_name;
  /// One item of the list in snapshot errors and generated data names: "unique".
  std::string_view item_word;
  std::string_view sql_keyword;  // CONSTRAINT "name" <keyword> …: "FOREIGN KEY"
  std::string_view add_call;     // the Ops calls a migration file makes: "add_foreign_key"
  std::string_view drop_call;    // "drop_foreign_key"
  /// ADD … NOT VALID: the constraint holds for new rows at once and the
  /// existing rows are checked later by VALIDATE CONSTRAINT.
  bool not_valid = false;
  /// ADD … USING INDEX: the constraint adopts a unique index built beforehand.
  bool using_index = false;
  /// The lock ADD takes on its table and on every table it references (DROP
  /// takes ACCESS EXCLUSIVE on them all, whatever the kind).
  TableLock add_lock = TableLock::access_exclusive;
  /// What a plain ADD does to the existing rows while it holds that lock.
  std::string_view add_work;
  /// It references other tables' keys: ADD needs them in place (a plan adds
  /// it after the keys and indexes, and drops it before them).
  bool references_tables = false;
};

/// One specialization per kind: `kind`, its lists (`list`, the member of
/// Table; `data_list`, the member of data::Table; the primary key has none),
/// the SQL body (`FOREIGN KEY (…)
/// REFERENCES …`, the text after CONSTRAINT "name", the same in CREATE TABLE
/// and in ALTER TABLE … ADD; defined with the rest of the SQL), its
/// description (the same body with bare identifiers, for people: the
/// generator's and the drift report's lines; schema_description.cpp) and the
/// tables the constraint references.
template <typename K>
struct ConstraintKindOf;

template <>
struct ConstraintKindOf<UniqueConstraint> {
  static constexpr auto list = &Table::uniques;
  static constexpr auto data_list = &data::Table::uniques;
  static constexpr ConstraintKind kind{.word = "unique constraint",
                                       .list_name = "uniques",
                                       .type_name = "UniqueConstraint",
                                       .item_word = "unique",
                                       .sql_keyword = "UNIQUE",
                                       .add_call = "add_unique",
                                       .drop_call = "drop_unique",
                                       .not_valid = false,
                                       .using_index = true,
                                       .add_lock = TableLock::access_exclusive,
                                       .add_work = "its index is built"};
  static std::string body_sql(const UniqueConstraint& unique);
  static std::string description(const UniqueConstraint& unique);
  static std::vector<std::string> referenced_tables(const UniqueConstraint&) { return {}; }
};

template <>
struct ConstraintKindOf<CheckConstraint> {
  static constexpr auto list = &Table::checks;
  static constexpr auto data_list = &data::Table::checks;
  static constexpr ConstraintKind kind{.word = "check",
                                       .list_name = "checks",
                                       .type_name = "CheckConstraint",
                                       .item_word = "check",
                                       .sql_keyword = "CHECK",
                                       .add_call = "add_check",
                                       .drop_call = "drop_check",
                                       .not_valid = true,
                                       .using_index = false,
                                       .add_lock = TableLock::access_exclusive,
                                       .add_work = "every row is checked"};
  static std::string body_sql(const CheckConstraint& check);
  static std::string description(const CheckConstraint& check);
  static std::vector<std::string> referenced_tables(const CheckConstraint&) { return {}; }
};

template <>
struct ConstraintKindOf<ForeignKey> {
  static constexpr auto list = &Table::foreign_keys;
  static constexpr auto data_list = &data::Table::foreign_keys;
  static constexpr ConstraintKind kind{.word = "foreign key",
                                       .list_name = "foreign_keys",
                                       .type_name = "ForeignKey",
                                       .item_word = "foreign key",
                                       .sql_keyword = "FOREIGN KEY",
                                       .add_call = "add_foreign_key",
                                       .drop_call = "drop_foreign_key",
                                       .not_valid = true,
                                       .using_index = false,
                                       .add_lock = TableLock::share_row_exclusive,
                                       .add_work = "every row is checked",
                                       .references_tables = true};
  static std::string body_sql(const ForeignKey& foreign_key);
  static std::string description(const ForeignKey& foreign_key);
  /// Empty when the key was read from a migration file's drop (a name only).
  static std::vector<std::string> referenced_tables(const ForeignKey& foreign_key) {
    if (foreign_key.referenced_table.empty()) return {};
    return {foreign_key.referenced_table};
  }
};

template <>
struct ConstraintKindOf<ExcludeConstraint> {
  static constexpr auto list = &Table::excludes;
  static constexpr auto data_list = &data::Table::excludes;
  static constexpr ConstraintKind kind{.word = "exclusion constraint",
                                       .list_name = "excludes",
                                       .type_name = "ExcludeConstraint",
                                       .item_word = "exclude",
                                       .sql_keyword = "EXCLUDE",
                                       .add_call = "add_exclude",
                                       .drop_call = "drop_exclude",
                                       .not_valid = false,
                                       .using_index = false,
                                       .add_lock = TableLock::access_exclusive,
                                       .add_work = "its index is built"};
  static std::string body_sql(const ExcludeConstraint& exclude);
  static std::string description(const ExcludeConstraint& exclude);
  static std::vector<std::string> referenced_tables(const ExcludeConstraint&) { return {}; }
};

template <>
struct ConstraintKindOf<PrimaryKey> {
  static constexpr ConstraintKind kind{.word = "primary key",
                                       .sql_keyword = "PRIMARY KEY",
                                       .add_call = "set_primary_key",
                                       .drop_call = "set_primary_key",
                                       .not_valid = false,
                                       .using_index = true,
                                       .add_lock = TableLock::access_exclusive,
                                       .add_work = "its index is built"};
  static std::string body_sql(const PrimaryKey& key);
  static std::string description(const PrimaryKey& key);
  static std::vector<std::string> referenced_tables(const PrimaryKey&) { return {}; }
};

namespace constraint_detail {
template <typename Variant>
struct Alternatives;
template <typename... Kinds>
struct Alternatives<std::variant<Kinds...>> {
  template <typename F>
  static void each(F&& f) {
    (f(std::type_identity<Kinds>{}), ...);
  }
};
}  // namespace constraint_detail

/// Calls `f(std::type_identity<K>{})` for every kind K of Constraint, in the
/// variant's order: the one loop the generic code (sort, diff, renames,
/// snapshot, render, conversion, drift) runs instead of naming the kinds.
///   for_each_constraint_kind([&](auto kind) {
///     using K = typename decltype(kind)::type;
///     sort_by_name(table.*ConstraintKindOf<K>::list);
///   });
template <typename F>
void for_each_constraint_kind(F&& f) {
  constraint_detail::Alternatives<Constraint>::each(f);
}

/// The kind of the constraint `constraint` holds.
const ConstraintKind& kind_of(const Constraint& constraint);
/// The constraint's name.
const std::string& name_of(const Constraint& constraint);
/// ConstraintKindOf<K>::description of the kind it holds: `UNIQUE (a, b)`,
/// `CHECK (expr)`, `FOREIGN KEY (a) REFERENCES t (id) ON DELETE CASCADE`.
std::string description_of(const Constraint& constraint);
/// The tables the constraint references (a foreign key's, possibly its own
/// table); none for the other kinds.
std::vector<std::string> referenced_tables(const Constraint& constraint);
/// A table's constraints but its primary key, in the order CREATE TABLE lists
/// them: unique constraints, checks, foreign keys.
std::vector<Constraint> constraints_of(const Table& table);

/// Throws InvalidOperation when `kind` does not take an option asked for
/// (NOT VALID, USING INDEX); `table` and `name` say which constraint.
void check_constraint_options(const ConstraintKind& kind, std::string_view table,
                              std::string_view name, bool not_valid, bool using_index);

}  // namespace structmig
