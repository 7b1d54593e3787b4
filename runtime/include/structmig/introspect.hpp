// Reads a live database's schema from pg_catalog into the same Schema value
// the tool builds from the models, so the two compare directly (tests now,
// drift checks later). structmig's own bookkeeping tables are left out.
#pragma once

#include <string_view>

#include "structmig/connection.hpp"
#include "structmig/schema.hpp"

namespace structmig {

/// The tables of one PostgreSQL schema (namespace), in name order, columns in
/// attnum order, types as format_type() prints them, defaults in the same
/// normal form the models use.
Schema read_schema(Connection& connection, std::string_view pg_schema = "public");

}  // namespace structmig
