// The deterministic naming convention for constraints and indexes, shared by
// the tool (which fills every name into the schema) and anything that needs to
// predict a name. Names never exceed PostgreSQL's 63 bytes: a longer one is
// cut and given a hash suffix, so two long names do not collide.
//
//   primary key         pk_<table>
//   unique constraint   uq_<table>_<column>[_<column>…]
//   foreign key         fk_<table>_<column>[_<column>…]_<referenced table>
//   check constraint    ck_<table>_<column or label>      (label: the model's name,
//                                                         else a hash of the expression)
//   exclusion constraint ex_<table>_<column>[_<column>…]
//   index               ix_<table>_<key>[_<key>…]         (an expression key: expr<hash>)
//   unique index        ux_<table>_<key>[_<key>…]
//
// An explicit name in the model always wins over the convention.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/schema.hpp"

namespace structmig {

inline constexpr std::size_t max_identifier_bytes = 63;
std::string fit_identifier(std::string_view name);

/// 8 hex digits of a stable hash, for names derived from SQL text.
std::string short_hash(std::string_view text);

std::string primary_key_name(std::string_view table);
std::string unique_name(std::string_view table, const std::vector<std::string>& columns);
std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::string_view referenced_table);
/// `label` is a column name (column-level check) or the model's label; empty:
/// derived from the expression.
std::string check_name(std::string_view table, std::string_view label, std::string_view expression);
std::string index_name(std::string_view table, const std::vector<IndexKey>& keys, bool unique);
std::string exclude_name(std::string_view table, const std::vector<std::string>& columns);

}  // namespace structmig
