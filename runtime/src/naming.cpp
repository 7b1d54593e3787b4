// Constraint and index names: readable prefixes, deterministic, and never
// longer than PostgreSQL keeps (it silently truncates, which makes collisions).
#include "structmig/naming.hpp"

#include <cstdint>
#include <cstdio>

namespace structmig {
namespace {

std::uint32_t fnv1a32(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 16777619u;
  }
  return hash;
}

}  // namespace

std::string fit_identifier(std::string_view name) {
  if (name.size() <= max_identifier_bytes) return std::string(name);
  char suffix[10];
  std::snprintf(suffix, sizeof suffix, "_%08x", fnv1a32(name));
  std::size_t keep = max_identifier_bytes - 9;
  // Never cut a UTF-8 sequence in half: back up to a lead byte.
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return std::string(name.substr(0, keep)) + suffix;
}

std::string primary_key_name(std::string_view table) {
  return fit_identifier("pk_" + std::string(table));
}

std::string unique_name(std::string_view table, std::string_view column) {
  return fit_identifier("uq_" + std::string(table) + "_" + std::string(column));
}

}  // namespace structmig
