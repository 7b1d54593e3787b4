// The shared pieces of migration files (see migration_parts.hpp).
#include "render/migration_parts.hpp"

#include <cstdio>

#include "render/cpp_literal.hpp"
#include "structmig/spelling.hpp"

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
  std::vector<std::string> parents;
  for (const std::string& parent : r.parents) parents.push_back(cpp_string_literal(parent));
  const std::string ns = namespace_for(r.revision);
  std::string t = "STRUCTMIG_MIGRATION({\n";
  t += "    .revision = " + cpp_string_literal(r.revision) + ",\n";
  t += "    .parents = {" + join(parents) + "},\n";
  t += "    .message = " + cpp_string_literal(r.message) + ",\n";
  t += std::string("    .transactional = ") + (r.transactional ? "true" : "false") + ",\n";
  t += "    .upgrade = " + ns + "::upgrade,\n";
  t += "    .downgrade = " + ns + "::downgrade,\n";
  t += "});\n";
  return t;
}

std::vector<std::string> parents_of(std::string_view parent) {
  if (parent.empty()) return {};
  return {std::string(parent)};
}

MigrationFile render_file(const MigrationText& m) {
  const Registration& r = m.registration;
  const std::string number = number_text(m.number);
  const std::string ns = namespace_for(r.revision);
  MigrationFile file{.revision = r.revision, .file_name = number + "_" + m.slug + ".cpp", .text = {}};
  std::string& t = file.text;
  t += "// Migration " + number + ": " + comment_text(r.message) + "\n";
  t += "//\n";
  t += m.about;
  for (const std::string& header : m.includes) t += "#include <" + header + ">\n";
  t += "\n";
  t += "namespace " + ns + " {\n";
  t += "\n";
  t += "using namespace structmig;\n";
  t += "\n";
  t += m.upgrade.data;
  t += render_function("upgrade", m.upgrade.uses_op, m.upgrade.body);
  t += "\n";
  t += m.downgrade.data;
  t += render_function("downgrade", m.downgrade.uses_op, m.downgrade.body);
  t += "\n";
  t += "}  // namespace " + ns + "\n";
  t += "\n";
  t += render_registration(r);
  return file;
}

}  // namespace structmig::render
