// Reads a live schema from pg_catalog into the Schema value the models give:
// two catalog queries (columns with their defaults, then key and unique
// constraints), and a normalisation of the defaults PostgreSQL stores back
// into the way a model writes them ('normal'::character varying → 'normal').
#include "structmig/introspect.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <map>
#include <optional>
#include <string>

#include "structmig/sql.hpp"

namespace structmig {
namespace {

// One row per column (or one row with a NULL column for a table without
// columns), in table then attnum order. Partitions are left out: they belong
// to their partitioned table, which is listed. Generated columns' expressions
// live in pg_attrdef too but are not defaults.
constexpr std::string_view columns_query = R"sql(
SELECT c.relname,
       a.attname,
       pg_catalog.format_type(a.atttypid, a.atttypmod),
       a.attnotnull,
       pg_catalog.pg_get_expr(d.adbin, d.adrelid),
       pg_catalog.format_type(a.atttypid, -1),
       pg_catalog.format_type(b.oid, t.typtypmod),
       pg_catalog.format_type(b.oid, -1),
       b.typcategory
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_attribute a
       ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_attrdef d
       ON d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.attgenerated = ''
LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_catalog.pg_type b
       ON b.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
WHERE n.nspname = $1
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND c.relname NOT IN ('structmig_version', 'structmig_history')
ORDER BY c.relname COLLATE "C", a.attnum
)sql";

// One row per key column of every primary key and unique constraint, in key
// (conkey) order.
constexpr std::string_view constraints_query = R"sql(
SELECT c.relname,
       k.contype,
       k.conname,
       a.attname,
       pg_catalog.cardinality(k.conkey)
FROM pg_catalog.pg_constraint k
JOIN pg_catalog.pg_class c ON c.oid = k.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL pg_catalog.unnest(k.conkey) WITH ORDINALITY AS key(attnum, position)
JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = key.attnum
WHERE n.nspname = $1
  AND c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND k.contype IN ('p', 'u')
ORDER BY c.relname COLLATE "C", k.contype, k.conname COLLATE "C", key.position
)sql";

/// The spellings a column's type can take in a cast PostgreSQL wrote onto a
/// default: its own type, without modifiers, and a domain's base type.
struct TypeSpellings {
  std::array<std::string, 4> names;
  bool numeric = false;  // typcategory 'N' (of the domain's base type)

  bool matches(std::string_view cast) const {
    return std::find(names.begin(), names.end(), cast) != names.end();
  }
};

/// An optionally signed decimal number as PostgreSQL prints one: -1, 1.5, 2e10.
bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  auto digits = [&] {
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    digits();
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

/// A '…' literal at the start of `text` (quotes doubled inside, standard
/// conforming strings, as pg_get_expr prints them): its value, and where it ends.
std::optional<std::string> leading_literal(std::string_view text, std::size_t& end) {
  if (text.empty() || text[0] != '\'') return std::nullopt;
  std::string value;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] != '\'') {
      value += text[i];
    } else if (i + 1 < text.size() && text[i + 1] == '\'') {
      value += '\'';
      ++i;
    } else {
      end = i + 1;
      return value;
    }
  }
  return std::nullopt;
}

bool is_numeric_type_name(std::string_view cast) {
  constexpr std::array<std::string_view, 6> numeric_types{
      "smallint", "integer", "bigint", "numeric", "real", "double precision"};
  return std::find(numeric_types.begin(), numeric_types.end(), cast) != numeric_types.end();
}

/// Undoes the one cast PostgreSQL puts on a literal default: a string becomes
/// quote_literal's spelling, a number on a numeric column a bare number.
/// Function calls and every other expression stay as PostgreSQL prints them.
std::string normal_default(std::string expr, const TypeSpellings& type) {
  if (expr.size() > 2 && expr.front() == '(' && expr.back() == ')') {
    std::string inner = expr.substr(1, expr.size() - 2);
    if (is_plain_number(inner)) return inner;
  }
  std::size_t end = 0;
  std::optional<std::string> value = leading_literal(expr, end);
  if (!value || expr.compare(end, 2, "::") != 0) return expr;
  std::string_view cast = std::string_view(expr).substr(end + 2);
  if (type.numeric && is_plain_number(*value) &&
      (type.matches(cast) || is_numeric_type_name(cast))) {
    return *value;
  }
  if (type.matches(cast)) return quote_literal(*value);
  return expr;
}

Column read_column(const Result& rows, std::size_t row) {
  Column column;
  column.name = rows.text(row, 1);
  column.type = rows.text(row, 2);
  column.nullable = rows.text(row, 3) != "t";
  TypeSpellings type{{column.type, rows.text(row, 5), rows.text(row, 6), rows.text(row, 7)},
                     rows.text(row, 8) == "N"};
  if (const auto& expr = rows.at(row, 4)) column.default_sql = normal_default(*expr, type);
  return column;
}

void apply_constraints(const Result& rows, std::map<std::string, Table*>& tables) {
  for (std::size_t row = 0; row < rows.size(); ++row) {
    auto found = tables.find(rows.text(row, 0));
    if (found == tables.end()) continue;  // a bookkeeping table
    Table& table = *found->second;
    const std::string kind = rows.text(row, 1);
    const std::string column_name = rows.text(row, 3);
    if (kind == "p") {
      table.primary_key.push_back(column_name);
    } else if (rows.text(row, 4) == "1") {
      // Multi-column UNIQUE constraints have no place in the Schema yet.
      for (Column& column : table.columns) {
        if (column.name == column_name) column.unique = true;
      }
    }
  }
}

}  // namespace

Schema read_schema(Connection& connection, std::string_view pg_schema) {
  const Params params{std::string(pg_schema)};
  const Result columns = connection.exec_params(columns_query, params);
  const Result constraints = connection.exec_params(constraints_query, params);

  Schema schema;
  for (std::size_t row = 0; row < columns.size(); ++row) {
    const std::string table_name = columns.text(row, 0);
    if (schema.tables.empty() || schema.tables.back().name != table_name) {
      schema.tables.push_back(Table{table_name, {}, {}});
    }
    if (columns.at(row, 1)) schema.tables.back().columns.push_back(read_column(columns, row));
  }
  std::map<std::string, Table*> by_name;
  for (Table& table : schema.tables) by_name.emplace(table.name, &table);
  apply_constraints(constraints, by_name);
  sort_tables(schema);
  return schema;
}

}  // namespace structmig
