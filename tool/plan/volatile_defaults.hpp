// Which column defaults are volatile: a new column with such a default gets
// a value of its own in every existing row, so PostgreSQL rewrites the whole
// table under an ACCESS EXCLUSIVE lock to add it (a non-volatile default,
// now() and CURRENT_TIMESTAMP included, is stored once in the catalog
// instead; PostgreSQL 11+).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace structmig::plan {

/// The volatile functions looked for, as called in a default (case-insensitive,
/// a schema prefix such as pg_catalog. allowed):
///   gen_random_uuid, gen_random_bytes, uuid_generate_v1, uuid_generate_v1mc,
///   uuid_generate_v4, random, random_normal, clock_timestamp, timeofday,
///   nextval, setval, txid_current, pg_current_xact_id.
/// Stable functions (now(), CURRENT_TIMESTAMP, statement_timestamp(),
/// transaction_timestamp()) and constants are not volatile. Returns the first
/// volatile function the SQL calls, if any.
std::optional<std::string> volatile_function_in(std::string_view default_sql);

}  // namespace structmig::plan
