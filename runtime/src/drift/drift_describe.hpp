// How the drift report spells schema objects: columns, constraints and
// indexes as short SQL-like definitions with bare identifiers, optional
// values as `none`. Private to the runtime (drift_compare.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "structmig/constraint.hpp"
#include "structmig/schema.hpp"

namespace structmig::drift_detail {

/// (a, b)
std::string parenthesized(const std::vector<std::string>& items);
/// The value, or `none`.
std::string or_none(const std::optional<std::string>& value);
/// 'text' as an SQL literal, or `none`.
std::string quoted_or_none(const std::optional<std::string>& text);
/// `by default`, `always` or `none`.
std::string identity_name(Identity identity);

/// `character varying(20) [GENERATED … AS IDENTITY] [NOT NULL] [DEFAULT 'x']`.
std::string describe(const Column& column);
/// `UNIQUE (a, b)`.
std::string describe(const UniqueConstraint& unique);
/// `CHECK (expression)`.
std::string describe(const CheckConstraint& check);
/// `FOREIGN KEY (a) REFERENCES t (id) [ON DELETE …] [ON UPDATE …]`.
std::string describe(const ForeignKey& foreign_key);
/// `[UNIQUE ][USING method ](keys)[ WHERE predicate]`; USING only when not btree.
std::string describe(const Index& index);
/// A constraint of any other kind: its SQL body (constraint.hpp), so a new
/// kind is reported without code here.
template <typename K>
std::string describe(const K& constraint) {
  return ConstraintKindOf<K>::body_sql(constraint);
}

}  // namespace structmig::drift_detail
