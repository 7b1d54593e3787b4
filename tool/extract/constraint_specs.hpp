// What a key, constraint or index argument of an annotation says, before the
// table is known in full: the columns and SQL it names, each with the place
// it is written, and the explicit name if the model gives one. extract_table
// turns specs into the schema's values (names filled by the convention) once
// every column is read; resolve checks foreign keys across tables.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/extract_context.hpp"
#include "structmig/schema.hpp"

namespace structmig::extract {

/// A column named in an annotation, and where.
struct KeyColumn {
  std::string name;
  Place place;
};

/// Which SQL text an identifier was found in.
enum class ExpressionKind { check, index_expression, index_predicate };

/// An identifier of an SQL expression that must be a column of the table.
struct ExpressionColumn {
  ExpressionKind kind = ExpressionKind::check;
  std::string name;
  Place place;  // inside the string literal
};

/// `name = "x"` (the constraint's full name) or, for checks, `name = label`
/// (an identifier: the label of the conventional ck_<table>_<label>).
struct ExplicitName {
  std::string name;
  Place place;
  bool is_label = false;
};

struct PrimaryKeySpec {
  std::vector<KeyColumn> columns;
  std::optional<ExplicitName> name;
  Place place;
};

struct UniqueSpec {
  std::vector<KeyColumn> columns;  // column-level: filled in with the column
  std::optional<ExplicitName> name;
  Place place;
};

struct IndexSpec {
  std::vector<IndexKey> keys;     // column-level: filled in with the column
  std::vector<Place> key_places;  // one per key
  bool unique = false;
  std::string method = "btree";
  std::optional<std::string> where;
  std::optional<ExplicitName> name;
  std::vector<ExpressionColumn> expression_columns;  // of expression keys and `where`
  Place place;
};

struct CheckSpec {
  std::string expression;
  std::optional<ExplicitName> name;
  std::string default_label;  // column-level: the column's name; table-level: "" (a hash)
  std::vector<ExpressionColumn> expression_columns;
  Place place;
};

struct ForeignKeySpec {
  std::vector<KeyColumn> columns;  // column-level: filled in with the column
  KeyColumn referenced_table;
  std::vector<KeyColumn> referenced_columns;  // empty: the referenced table's primary key
  ForeignKeyAction on_delete = ForeignKeyAction::no_action;
  ForeignKeyAction on_update = ForeignKeyAction::no_action;
  std::optional<ExplicitName> name;
  Place place;
};

/// exclude("during WITH &&", "room WITH =", using = gist, where = "…"):
/// one column and operator per element.
struct ExcludeSpec {
  std::vector<KeyColumn> columns;
  std::vector<std::string> operators;  // one per column
  std::string method = "gist";
  std::optional<std::string> where;
  std::optional<ExplicitName> name;
  std::vector<ExpressionColumn> expression_columns;  // of `where`
  Place place;
};

/// renamed_from(old).
struct RenameSpec {
  std::string old_name;
  Place place;
};

}  // namespace structmig::extract
