// What the generated compiled_schema.cpp includes: the declaration it defines
// and the conversion of its constexpr data, light (only schema_data.hpp).
#pragma once

#include "structmig/schema_data.hpp"

namespace structmig {

struct Schema;

/// The schema this program was built from, as its models declare it
/// (defined by the generated compiled_schema.cpp; see drift.hpp).
const Schema& compiled_schema();

namespace data {
/// `schema` as the owned value (schema_from_data.hpp), converted now and kept
/// by the runtime for the rest of the program.
const structmig::Schema& keep(const Schema& schema);
}  // namespace data

}  // namespace structmig
