// How people read a schema object: one description of a column, an index and
// (through the constraint family, constraint.hpp) a constraint, SQL-like with
// bare identifiers. The generator's lines (describe.hpp), the drift report
// (drift.hpp) and the migrator's step names use these and no other.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "structmig/constraint.hpp"
#include "structmig/schema.hpp"

namespace structmig {

/// `character varying(20) [GENERATED … AS IDENTITY] [NOT NULL] [DEFAULT 'x']`:
/// the clauses in the order CREATE TABLE writes them; a nullable column says
/// nothing about nullability, as in SQL.
std::string column_description(const Column& column);
/// `[UNIQUE ][USING method ](keys)[ WHERE predicate]`; USING only when not btree.
std::string index_description(const Index& index);
// A constraint's description is the family's: description_of() in
// constraint.hpp (ConstraintKindOf<K>::description).

namespace description {

/// (a, b); an empty list reads ().
std::string parenthesized(const std::vector<std::string>& items);
/// `by default`, `always` or `none`.
std::string identity_name(Identity identity);
/// 'text' as an SQL literal (quotes doubled), or `none`.
std::string quoted_or_none(const std::optional<std::string>& text);
/// The value, or `none`.
std::string or_none(const std::optional<std::string>& value);

}  // namespace description
}  // namespace structmig
