// The schema vocabulary shared by the tool and the runtime: tables and columns
// with their constraints, as plain values with one deterministic order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace structmig {

/// One column. `type` is PostgreSQL's canonical spelling, exactly as
/// `format_type()` prints it ("bigint", "character varying(200)",
/// "timestamp with time zone"), so a model and a live database compare as text.
struct Column {
  std::string name;
  std::string type;
  bool nullable = false;
  std::optional<std::string> default_sql;  // an SQL expression, verbatim
  bool unique = false;                     // a single-column UNIQUE constraint

  friend bool operator==(const Column&, const Column&) = default;
};

struct Table {
  std::string name;
  std::vector<Column> columns;           // declaration order
  std::vector<std::string> primary_key;  // column names, in key order

  const Column* find_column(std::string_view column_name) const;
  friend bool operator==(const Table&, const Table&) = default;
};

struct Schema {
  std::vector<Table> tables;  // sorted by name (see sort_tables)

  const Table* find_table(std::string_view table_name) const;
  friend bool operator==(const Schema&, const Schema&) = default;
};

/// Puts tables in name order; columns keep their declaration order.
void sort_tables(Schema& schema);

/// The order-insensitive form used to compare two schemas (a model and a
/// database read back): tables and columns sorted by name.
Schema canonical(Schema schema);

}  // namespace structmig
