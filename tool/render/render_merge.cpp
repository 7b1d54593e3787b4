// Renders merge migrations (see render_merge.hpp).
#include "render/render_merge.hpp"

#include <algorithm>

#include "structmig/diff.hpp"
#include "render/migration_parts.hpp"
#include "render/slug.hpp"

namespace structmig::render {
namespace {

std::vector<std::string> sorted_unique(std::vector<std::string> heads) {
  std::sort(heads.begin(), heads.end());
  heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
  return heads;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

}  // namespace

std::string merge_revision_id(std::vector<std::string> heads) {
  return short_hash("merge\n" + join(sorted_unique(std::move(heads)), "\n"));
}

MigrationFile render_merge(std::vector<std::string> heads, std::string_view message,
                           unsigned number) {
  heads = sorted_unique(std::move(heads));
  std::string text_message(trim(message));
  if (text_message.empty()) text_message = "merge " + join(heads, ", ");
  std::string slug = slug_for(diff::Plan{}, text_message);
  if (slug != "merge" && slug.rfind("merge_", 0) != 0) slug = "merge_" + slug;

  MigrationFile file;
  file.revision = merge_revision_id(heads);
  file.file_name = number_text(number) + "_" + slug + ".cpp";
  const std::string ns = namespace_for(file.revision);

  std::string& t = file.text;
  t += "// Migration " + number_text(number) + ": " + comment_text(text_message) + "\n";
  t += "//\n";
  t += "// Written by `structmig merge`: it joins these heads of the migration history\n";
  t += "// (branches merged in git) into one, and changes nothing in the database:\n";
  for (const std::string& head : heads) t += "//   " + head + "\n";
  t += "// Commit it together with migrations/schema.snapshot.json.\n";
  t += "#include <structmig/generated.hpp>\n";
  t += "\n";
  t += "namespace " + ns + " {\n";
  t += "\n";
  t += "using namespace structmig;\n";
  t += "\n";
  t += render_function("upgrade", /*uses_op=*/false, "");
  t += "\n";
  t += render_function("downgrade", /*uses_op=*/false, "");
  t += "\n";
  t += "}  // namespace " + ns + "\n";
  t += "\n";
  t += render_registration({.revision = file.revision, .parents = heads, .message = text_message});
  return file;
}

}  // namespace structmig::render
