// The schema vocabulary shared by the tool and the runtime: enums, tables,
// columns, constraints and indexes as plain values with one deterministic
// order. Every constraint and index carries its final name (the convention of
// naming.hpp, or the model's explicit name), so a model, a snapshot and a live
// database compare field by field.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "structmig/schema_enums.hpp"

namespace structmig {

/// A PostgreSQL enum type; labels in their sort order.
struct EnumType {
  std::string name;
  std::vector<std::string> labels;

  friend bool operator==(const EnumType&, const EnumType&) = default;
};

/// One column. `type` is PostgreSQL's canonical spelling, exactly as
/// `format_type()` prints it ("bigint", "character varying(200)",
/// "timestamp with time zone", "numeric(10,2)", "text[]", or an enum's name),
/// so a model and a live database compare as text.
struct Column {
  std::string name;
  std::string type;
  bool nullable = false;
  std::optional<std::string> default_sql;  // an SQL expression, verbatim
  Identity identity = Identity::none;
  std::optional<std::string> comment;

  friend bool operator==(const Column&, const Column&) = default;
};

struct ForeignKey {
  std::string name;
  std::vector<std::string> columns;
  std::string referenced_table;
  std::vector<std::string> referenced_columns;
  ForeignKeyAction on_delete = ForeignKeyAction::no_action;
  ForeignKeyAction on_update = ForeignKeyAction::no_action;

  friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

struct UniqueConstraint {
  std::string name;
  std::vector<std::string> columns;

  friend bool operator==(const UniqueConstraint&, const UniqueConstraint&) = default;
};

struct CheckConstraint {
  std::string name;
  std::string expression;  // SQL, without the CHECK ( ) around it

  friend bool operator==(const CheckConstraint&, const CheckConstraint&) = default;
};

/// EXCLUDE USING method (column WITH operator, …) [WHERE (predicate)]: no
/// two rows (matching the predicate) whose columns all compare true under
/// their operators, as `&&` for overlapping ranges. Elements are columns;
/// `operators` has one per column, written bare ("=", "&&").
struct ExcludeConstraint {
  std::string name;
  std::string method = "gist";  // the access method of its index
  std::vector<std::string> columns;
  std::vector<std::string> operators;
  std::optional<std::string> where;  // SQL, without the WHERE ( ) around it

  friend bool operator==(const ExcludeConstraint&, const ExcludeConstraint&) = default;
};

/// One key of an index: a column, or an SQL expression (exactly one is set).
struct IndexKey {
  std::string column;
  std::string expression;

  friend bool operator==(const IndexKey&, const IndexKey&) = default;
};

struct Index {
  std::string name;
  std::vector<IndexKey> keys;
  bool unique = false;
  std::string method = "btree";      // btree, gin, gist, brin, hash
  std::optional<std::string> where;  // a partial index's predicate (SQL)

  friend bool operator==(const Index&, const Index&) = default;
};

struct Table {
  std::string name;
  std::vector<Column> columns;           // declaration order
  std::vector<std::string> primary_key;  // column names, in key order
  std::string primary_key_name;          // pk_<table> unless the model names it
  std::vector<UniqueConstraint> uniques;    // by name
  std::vector<CheckConstraint> checks;      // by name
  std::vector<ForeignKey> foreign_keys;     // by name
  std::vector<ExcludeConstraint> excludes;  // by name
  std::vector<Index> indexes;               // by name
  std::optional<std::string> comment;

  const Column* find_column(std::string_view column_name) const;
  friend bool operator==(const Table&, const Table&) = default;
};

struct Schema {
  std::vector<EnumType> enums;  // by name
  std::vector<Table> tables;    // by name

  const Table* find_table(std::string_view table_name) const;
  const EnumType* find_enum(std::string_view enum_name) const;
  friend bool operator==(const Schema&, const Schema&) = default;
};

/// The model's `renamed_from(...)` marks: what an object was called before.
/// Not part of the schema (they are not stored in the snapshot); the diff uses
/// them to rename instead of dropping and adding.
struct RenameHints {
  std::map<std::string, std::string> tables;  // new table name → old name
  /// (new table name, new column name) → old column name
  std::map<std::pair<std::string, std::string>, std::string> columns;
  std::map<std::string, std::string> enums;  // new enum name → old name
  /// (enum name as now, new label) → old label
  std::map<std::pair<std::string, std::string>, std::string> enum_labels;

  friend bool operator==(const RenameHints&, const RenameHints&) = default;
};

/// Puts enums and tables in name order, and each table's constraints and
/// indexes in name order; columns keep their declaration order.
void sort_schema(Schema& schema);

/// Whether sort_schema() would leave `schema` as it is (it sorts stably by
/// name, so a sorted vector stays): then a caller needs no sorted copy.
bool in_sort_schema_order(const Schema& schema);

/// The order-insensitive form used to compare two schemas (a model and a
/// database read back): sort_schema, plus columns sorted by name.
Schema canonical(Schema schema);

}  // namespace structmig
