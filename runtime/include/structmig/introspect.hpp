// Reads a live database's schema from pg_catalog into the same Schema value
// the tool builds from the models, so the two compare directly (tests now,
// drift checks later). structmig's own bookkeeping tables are left out.
#pragma once

#include <string_view>

#include "structmig/connection.hpp"
#include "structmig/schema.hpp"

namespace structmig {

/// The enums and tables of one PostgreSQL schema (namespace) with their
/// columns (attnum order), primary key, unique, check and foreign-key
/// constraints, indexes and comments, sorted as sort_schema() does. Types as
/// format_type() prints them; defaults with the one cast PostgreSQL adds to a
/// literal removed; checks and index expressions in PostgreSQL's deparsed
/// form (compare a model through normalize_schema()).
Schema read_schema(Connection& connection, std::string_view pg_schema = "public");

}  // namespace structmig
