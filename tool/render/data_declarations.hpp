// The named `constexpr` objects of structmig::data (schema_data.hpp) that a
// generated file declares at namespace scope and hands to its Ops calls
// (`op.create_table(tickets_table);`), and that compiled_schema() converts.
// Each function declares an object, the arrays it points to first, and
// returns its identifier: the object's SQL name made an identifier (letters,
// digits and single underscores; `x` in front of a leading digit) plus a
// suffix of its kind, so it is never a C++ keyword nor a name the file
// otherwise uses; a second object of the same identifier in the file gets
// `_2`, then `_3`, in the order declared. Lists that are empty are left out
// (their span stays empty).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig::render {

class DataDeclarations {
 public:
  /// data::Table `<table>_table`, after its arrays: `<table>_columns`,
  /// `_uniques`, `_checks`, `_foreign_keys`, the keys of each index
  /// (`<index>_keys`) and `<table>_indexes`.
  std::string table(const Table& table);
  /// data::Column `<table>_<column>_<suffix>`.
  std::string column(std::string_view table, const Column& column,
                     std::string_view suffix = "column");
  /// data::ForeignKey `<name>_foreign_key`, UniqueConstraint `<name>_unique`
  /// or CheckConstraint `<name>_check`.
  std::string constraint(const Constraint& constraint);
  /// data::Index `<name>_index` after `<name>_keys`.
  std::string index(const Index& index);
  /// data::EnumType `<name>_<suffix>` after its labels `<name>_<suffix>_labels`
  /// (`<name>_labels` for the suffix "enum").
  std::string enum_type(const EnumType& type, std::string_view suffix = "enum");
  /// data::EnumUsage array `<type>_usages`, or "{}" when there is none.
  std::string usages(std::string_view type, const std::vector<EnumUsage>& usages);

  /// The declarations made since the last call, one or more lines each,
  /// every object followed by an empty line; "" if none.
  std::string take();

 private:
  std::string identifier(std::string_view name, std::string_view suffix);
  void append_index_object(std::string& out, const Index& index);

  std::unordered_set<std::string> used_;
  std::string text_;
};

}  // namespace structmig::render
