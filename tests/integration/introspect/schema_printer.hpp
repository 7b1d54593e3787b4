// Readable GoogleTest output for Schema values, so a failed comparison shows
// which table, column or flag differs instead of raw bytes.
#pragma once

#include <ostream>

#include "structmig/schema.hpp"

namespace structmig {

inline void PrintTo(const Column& column, std::ostream* out) {
  *out << column.name << " " << column.type << (column.nullable ? "" : " NOT NULL");
  if (column.default_sql) *out << " DEFAULT " << *column.default_sql;
  if (column.unique) *out << " UNIQUE";
}

inline void PrintTo(const Table& table, std::ostream* out) {
  *out << "\n  table " << table.name << " (";
  for (const Column& column : table.columns) {
    *out << "\n    ";
    PrintTo(column, out);
  }
  *out << "\n    PRIMARY KEY (";
  for (std::size_t i = 0; i < table.primary_key.size(); ++i) {
    *out << (i ? ", " : "") << table.primary_key[i];
  }
  *out << "))";
}

inline void PrintTo(const Schema& schema, std::ostream* out) {
  *out << "Schema {";
  for (const Table& table : schema.tables) PrintTo(table, out);
  *out << "\n}";
}

}  // namespace structmig
