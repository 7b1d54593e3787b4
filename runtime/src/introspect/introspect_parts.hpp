// The pieces read_schema() is assembled from, one catalog query each: enums,
// tables with their columns, constraints, indexes; and the normal form of a
// column default. Private to the runtime's introspection files.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/schema.hpp"

namespace structmig::introspection {

/// The tables being read, by name, for attaching constraints and indexes.
using TablesByName = std::map<std::string, Table*, std::less<>>;

/// Runs `query` (its rows ordered by table, column 0, and object name, column
/// `name_column`; one row per key of an object) and calls
/// each_row(rows, row, starts, table) for the rows of the tables being read;
/// `starts`: the row begins an object. The rows of other tables (structmig's
/// bookkeeping) are skipped.
template <typename EachRow>
void read_object_rows(Connection& connection, std::string_view query, const Params& namespace_param,
                      const TablesByName& tables, int name_column, EachRow each_row) {
  const Result rows = connection.exec_params(query, namespace_param);
  for (std::size_t row = 0; row < rows.size(); ++row) {
    auto found = tables.find(rows.text(row, 0));
    if (found == tables.end()) continue;
    const bool starts = row == 0 || rows.text(row - 1, 0) != rows.text(row, 0) ||
                        rows.text(row - 1, name_column) != rows.text(row, name_column);
    each_row(rows, row, starts, *found->second);
  }
}

/// `namespace_param` is the one bound parameter of every query: the schema name.
std::vector<EnumType> read_enums(Connection& connection, const Params& namespace_param);
std::vector<Table> read_tables(Connection& connection, const Params& namespace_param);
void read_constraints(Connection& connection, const Params& namespace_param,
                      const TablesByName& tables);
void read_indexes(Connection& connection, const Params& namespace_param,
                  const TablesByName& tables);

/// The spellings a column's type can take in a cast PostgreSQL wrote onto a
/// default: its own type, without modifiers, and a domain's base type.
struct TypeSpellings {
  std::array<std::string, 4> names;
  bool numeric = false;  // typcategory 'N' (of the domain's base type)

  bool matches(std::string_view cast) const;
};

/// A default as pg_get_expr prints it → the models' spelling: the one cast
/// PostgreSQL adds to a literal is removed, anything else is kept verbatim.
std::string normal_default(std::string expr, const TypeSpellings& type);

}  // namespace structmig::introspection
