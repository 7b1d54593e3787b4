// The shared pieces of migration files (see migration_parts.hpp).
#include "render/migration_parts.hpp"

#include <cstdio>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"
#include "render/cpp_literal.hpp"

namespace structmig::render {

std::string number_text(unsigned number) {
  char text[16];
  std::snprintf(text, sizeof text, "%04u", number);
  return text;
}

std::string comment_text(std::string_view message) {
  std::string out;
  for (char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? ' ' : c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\\')) out.pop_back();
  return out;
}

std::string namespace_for(std::string_view revision) {
  return "structmig_m_" + std::string(revision);
}

std::string render_function(std::string_view name, bool uses_op, const std::string& body) {
  const std::string parameter =
      uses_op ? "structmig::Ops& op" : "[[maybe_unused]] structmig::Ops& op";
  return "void " + std::string(name) + "(" + parameter + ") {\n" + body + "}\n";
}

std::string render_registration(const Registration& r) {
  std::string parents;
  for (const std::string& parent : r.parents) {
    parents += (parents.empty() ? "" : ", ") + cpp_string_literal(parent);
  }
  const std::string ns = namespace_for(r.revision);
  std::string t = "STRUCTMIG_MIGRATION({\n";
  t += "    .revision = " + cpp_string_literal(r.revision) + ",\n";
  t += "    .parents = {" + parents + "},\n";
  t += "    .message = " + cpp_string_literal(r.message) + ",\n";
  t += std::string("    .transactional = ") + (r.transactional ? "true" : "false") + ",\n";
  t += "    .upgrade = " + ns + "::upgrade,\n";
  t += "    .downgrade = " + ns + "::downgrade,\n";
  t += "});\n";
  return t;
}

std::string short_hash(std::string_view input) {
  const auto digest = llvm::SHA256::hash(
      llvm::ArrayRef<uint8_t>(reinterpret_cast<const uint8_t*>(input.data()), input.size()));
  return llvm::toHex(digest, /*LowerCase=*/true).substr(0, 12);
}

}  // namespace structmig::render
