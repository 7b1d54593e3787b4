// Finds the identifiers in an SQL expression (a check constraint, an index
// key or predicate) that can only be column names, so a model that names a
// column that does not exist is caught before PostgreSQL sees it. A scan of
// tokens, not a parser: it skips what is clearly not a column (literals,
// function names, type names, keywords) and reports the rest.
// Plain C++: no Clang, so it is tested on its own.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace structmig::extract {

struct SqlColumnReference {
  std::string name;        // bare identifiers folded to lower case, quoted ones verbatim
  std::size_t offset = 0;  // first byte in the expression (the '"' of a quoted one)
  std::size_t end = 0;     // one past its last byte
};

/// The identifiers of `expression` that must be columns of the table. Skipped:
/// string literals ('…', E'…', $$…$$), numbers, comments, identifiers followed
/// by '(' (functions) or '.' (qualifiers) or a string (typed literals such as
/// interval '1 day'), type names after '::', AS and COLLATE, and SQL keywords
/// (AND OR NOT BETWEEN IN IS NULL TRUE FALSE LIKE ILIKE CASE WHEN THEN ELSE END
/// ANY ALL ARRAY CURRENT_DATE CURRENT_TIMESTAMP and a few more).
std::vector<SqlColumnReference> sql_column_references(std::string_view expression);

}  // namespace structmig::extract
