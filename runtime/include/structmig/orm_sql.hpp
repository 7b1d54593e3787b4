// The statements the mapping runs for one model, built once from its
// metadata. Parameters are numbered in field order over the fields each
// statement sends, so the mapper binds them by walking the fields:
//   insert      every field but identity columns
//   insert_all  every field
//   update      every field but non-key identity columns (SET the non-key ones,
//               WHERE the key)
//   find/remove the key fields, in primary_key order
// Every statement that returns rows lists the columns in field order. A row
// with empty structmig::defaulted<T> fields gets the insert or update with
// DEFAULT in their place (and no parameter for them): insert_statement and
// update_statement with those fields marked.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "structmig/orm_traits.hpp"

namespace structmig::detail {

struct ModelShape {
  std::string_view table;
  std::span<const ColumnInfo> columns;
  std::span<const std::size_t> primary_key;
};

struct ModelStatements {
  std::string select;  // SELECT <columns> FROM <table>
  std::string insert;
  std::string insert_all;
  std::string find;
  std::string update;
  std::string remove;
};

ModelStatements build_statements(const ModelShape& shape);

/// The insert (`all`: insert_all) with DEFAULT for the fields `use_default`
/// marks (indexed by field; shorter means unmarked).
std::string insert_statement(const ModelShape& shape, bool all, std::span<const bool> use_default);
/// The update with SET … = DEFAULT for the non-key fields `use_default` marks.
std::string update_statement(const ModelShape& shape, std::span<const bool> use_default);

/// Whether update() sends the field: every field but non-key identity columns.
constexpr bool updated_field(const ColumnInfo& column, bool in_key) {
  return in_key || column.generated != Generated::identity;
}

}  // namespace structmig::detail
