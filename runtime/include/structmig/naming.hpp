// The deterministic naming convention for constraints and indexes, shared by
// SQL generation and schema introspection, kept within PostgreSQL's 63 bytes.
#pragma once

#include <string>
#include <string_view>

namespace structmig {

/// PostgreSQL truncates identifiers to 63 bytes; longer names are shortened
/// here, with a hash suffix so two long names never collide.
inline constexpr std::size_t max_identifier_bytes = 63;
std::string fit_identifier(std::string_view name);

std::string primary_key_name(std::string_view table);                       // pk_<table>
std::string unique_name(std::string_view table, std::string_view column);  // uq_<table>_<column>

}  // namespace structmig
