// Constraint and index names: readable prefixes, deterministic, and never
// longer than PostgreSQL keeps (it silently truncates, which makes collisions).
#include "structmig/naming.hpp"

#include <cstdio>

#include "structmig/fnv1a.hpp"

namespace structmig {
namespace {

std::string joined(std::string_view prefix, std::string_view table,
                   const std::vector<std::string>& parts) {
  std::string name = std::string(prefix) + std::string(table);
  for (const std::string& part : parts) name += "_" + part;
  return name;
}

}  // namespace

std::string short_hash(std::string_view text) {
  char buffer[9];
  std::snprintf(buffer, sizeof buffer, "%08x", fnv1a32(text));
  return buffer;
}

std::string fit_identifier(std::string_view name) {
  if (name.size() <= max_identifier_bytes) return std::string(name);
  std::size_t keep = max_identifier_bytes - 9;
  // Never cut a UTF-8 sequence in half: back up to a lead byte.
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return std::string(name.substr(0, keep)) + "_" + short_hash(name);
}

std::string primary_key_name(std::string_view table) {
  return fit_identifier("pk_" + std::string(table));
}

std::string unique_name(std::string_view table, const std::vector<std::string>& columns) {
  return fit_identifier(joined("uq_", table, columns));
}

std::string foreign_key_name(std::string_view table, const std::vector<std::string>& columns,
                             std::string_view referenced_table) {
  return fit_identifier(joined("fk_", table, columns) + "_" + std::string(referenced_table));
}

std::string exclude_name(std::string_view table, const std::vector<std::string>& columns) {
  return fit_identifier(joined("ex_", table, columns));
}

std::string check_name(std::string_view table, std::string_view label, std::string_view expression) {
  std::string suffix = label.empty() ? short_hash(expression) : std::string(label);
  return fit_identifier("ck_" + std::string(table) + "_" + suffix);
}

std::string index_name(std::string_view table, const std::vector<IndexKey>& keys, bool unique) {
  std::vector<std::string> parts;
  for (const IndexKey& key : keys) {
    parts.push_back(key.expression.empty() ? key.column : "expr" + short_hash(key.expression));
  }
  return fit_identifier(joined(unique ? "ux_" : "ix_", table, parts));
}

}  // namespace structmig
