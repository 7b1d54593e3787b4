// The literal data of generated files (schema_data.hpp) as the owned values
// of schema.hpp. Each throws InvalidOperation, naming the object, for
// data no model produces: a required text (a name, a column's type, an index
// method, a check's expression) that is nullptr, a list of names with a gap
// (a name after a nullptr), an index key that is neither or both of column
// and expression.
#pragma once

#include <vector>

#include "structmig/ops.hpp"
#include "structmig/schema.hpp"
#include "structmig/schema_data.hpp"

namespace structmig {

EnumType from_data(const data::EnumType& type);
Column from_data(const data::Column& column);
ForeignKey from_data(const data::ForeignKey& key);
UniqueConstraint from_data(const data::UniqueConstraint& unique);
CheckConstraint from_data(const data::CheckConstraint& check);
ExcludeConstraint from_data(const data::ExcludeConstraint& exclude);
IndexKey from_data(const data::IndexKey& key);
Index from_data(const data::Index& index);
Table from_data(const data::Table& table);
Schema from_data(const data::Schema& schema);
EnumUsage from_data(const data::EnumUsage& usage);

/// The names, up to the first nullptr.
std::vector<std::string> from_data(const data::Names& names);

}  // namespace structmig
