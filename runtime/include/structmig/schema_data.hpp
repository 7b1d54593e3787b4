// The schema vocabulary as literal data, for generated files (migrations,
// compiled_schema()): the same fields, in the same order, as the owned values
// of schema.hpp, but every one a constant that needs no code to build. A
// generated file declares its tables, columns, constraints, indexes and enums
// as named `constexpr` objects at namespace scope and hands references to the
// Ops calls, which convert them (schema_from_data.hpp) when they record. So a
// migration of a thousand tables is a thousand tables of read-only data and
// a short function of calls, and compiles in time and memory linear in its
// size (GCC's optimiser is not, on one function building a thousand
// std::string/std::vector temporaries).
//
// Text is a `const char*` (PostgreSQL text never contains NUL); nullptr means
// absent (an optional that is not set, or a name left out). A list of column
// names is an inline `Names` (`.columns = {"org", "member"}`, at most 32:
// PostgreSQL's limit for a key); the other lists are a data::List over a
// named constexpr array (`.columns = tickets_columns`), as an array of
// structs with designators cannot be written inline. Light on purpose: only
// <cstddef>. data::List is a pointer and a count, not std::span: GCC's
// constant evaluation of std::span's constructors (concepts, ranges) costs
// time that grows faster than the number of lists, which made the
// compiled_schema.cpp of 5,000 tables take about a minute.
#pragma once

#include <cstddef>

#include "structmig/schema_enums.hpp"

namespace structmig::data {

/// Text; nullptr: absent.
using Text = const char*;

/// A list over a constexpr array: `.columns = tickets_columns` (the array's
/// length is taken from its type); `{}`: empty.
template <typename T>
struct List {
  const T* items = nullptr;
  std::size_t count = 0;

  constexpr List() = default;
  template <std::size_t N>
  constexpr List(const T (&array)[N]) : items(array), count(N) {}  // NOLINT: implicit on purpose

  constexpr const T* begin() const { return items; }
  constexpr const T* end() const { return items + count; }
  constexpr std::size_t size() const { return count; }
  constexpr bool empty() const { return count == 0; }
  constexpr const T& operator[](std::size_t i) const { return items[i]; }
};

/// Up to 32 names (columns of a key), the unused ones nullptr:
/// `.primary_key = {"id"}`.
struct Names {
  static constexpr std::size_t capacity = 32;  // PostgreSQL's INDEX_MAX_KEYS
  Text items[capacity] = {};
};

struct EnumType {
  Text name = nullptr;
  List<Text> labels = {};
};

struct Column {
  Text name = nullptr;
  Text type = nullptr;
  bool nullable = false;
  Text default_sql = nullptr;
  Identity identity = Identity::none;
  Text comment = nullptr;
};

struct ForeignKey {
  Text name = nullptr;
  Names columns = {};
  Text referenced_table = nullptr;
  Names referenced_columns = {};
  ForeignKeyAction on_delete = ForeignKeyAction::no_action;
  ForeignKeyAction on_update = ForeignKeyAction::no_action;
};

struct UniqueConstraint {
  Text name = nullptr;
  Names columns = {};
};

struct CheckConstraint {
  Text name = nullptr;
  Text expression = nullptr;
};

/// `operators`: one per column ("=", "&&").
struct ExcludeConstraint {
  Text name = nullptr;
  Text method = "gist";
  Names columns = {};
  Names operators = {};
  Text where = nullptr;
};

/// A column or an SQL expression (exactly one is set).
struct IndexKey {
  Text column = nullptr;
  Text expression = nullptr;
};

struct Index {
  Text name = nullptr;
  List<IndexKey> keys = {};
  bool unique = false;
  Text method = "btree";
  Text where = nullptr;
};

struct Table {
  Text name = nullptr;
  List<Column> columns = {};
  Names primary_key = {};
  Text primary_key_name = nullptr;  // nullptr: none (no primary key)
  List<UniqueConstraint> uniques = {};
  List<CheckConstraint> checks = {};
  List<ForeignKey> foreign_keys = {};
  List<ExcludeConstraint> excludes = {};
  List<Index> indexes = {};
  Text comment = nullptr;
};

struct Schema {
  List<EnumType> enums = {};
  List<Table> tables = {};
};

/// A column of a recreated enum's type (structmig::EnumUsage).
struct EnumUsage {
  Text table = nullptr;
  Text column = nullptr;
  bool is_array = false;
  Text default_sql = nullptr;
};

}  // namespace structmig::data
