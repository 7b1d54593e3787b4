// The enumerations of the schema vocabulary, shared by the owned values
// (schema.hpp) and the literal data of generated files (schema_data.hpp).
#pragma once

namespace structmig {

/// GENERATED { BY DEFAULT | ALWAYS } AS IDENTITY.
enum class Identity { none, by_default, always };

/// ON DELETE / ON UPDATE actions.
enum class ForeignKeyAction { no_action, restrict, cascade, set_null, set_default };

}  // namespace structmig
