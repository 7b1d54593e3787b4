// The statements the mapping runs for one model, built once from its
// metadata. Parameters are numbered in field order over the fields each
// statement sends, so the mapper binds them by walking the fields:
//   insert      the fields with Generated::none
//   insert_all  every field
//   update      every field but non-key identity columns (SET the non-key ones,
//               WHERE the key)
//   find/remove the key fields, in primary_key order
// Every statement that returns rows lists the columns in field order.
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

/// "name" with embedded quotes doubled.
std::string quote_identifier(std::string_view name);

/// Whether update() sends the field: every field but non-key identity columns.
constexpr bool updated_field(const ColumnInfo& column, bool in_key) {
  return in_key || column.generated != Generated::identity;
}

}  // namespace structmig::detail
