// The pieces read_schema() is assembled from, one catalog query each: enums,
// tables with their columns, constraints, indexes; and the normal form of a
// column default. Private to the runtime's introspection files.
#pragma once

#include <array>
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
