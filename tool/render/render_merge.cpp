// Renders merge migrations (see render_merge.hpp).
#include "render/render_merge.hpp"

#include <algorithm>

#include "structmig/diff.hpp"
#include "render/migration_parts.hpp"
#include "render/revision_id.hpp"
#include "render/slug.hpp"
#include "structmig/spelling.hpp"

namespace structmig::render {
namespace {

std::vector<std::string> sorted_unique(std::vector<std::string> heads) {
  std::sort(heads.begin(), heads.end());
  heads.erase(std::unique(heads.begin(), heads.end()), heads.end());
  return heads;
}

}  // namespace

std::string merge_revision_id(std::vector<std::string> heads) {
  RevisionHash hash;
  hash.part("merge");
  for (const std::string& head : sorted_unique(std::move(heads))) hash.part(head);
  return hash.id();
}

MigrationFile render_merge(std::vector<std::string> heads, std::string_view message,
                           unsigned number) {
  heads = sorted_unique(std::move(heads));
  std::string text_message(trim(message));
  if (text_message.empty()) text_message = "merge " + join(heads);
  std::string slug = slug_for(diff::Plan{}, text_message);
  if (slug != "merge" && slug.rfind("merge_", 0) != 0) slug = "merge_" + slug;

  std::string about =
      "// Written by `structmig merge`: it joins these heads of the migration history\n"
      "// (branches merged in git) into one, and changes nothing in the database:\n";
  for (const std::string& head : heads) about += "//   " + head + "\n";
  about += "// Commit it together with migrations/schema.snapshot.json.\n";
  std::string revision = merge_revision_id(heads);
  return render_file({.number = number,
                      .slug = std::move(slug),
                      .about = std::move(about),
                      .includes = {"structmig/generated.hpp"},
                      .upgrade = {},
                      .downgrade = {},
                      .registration = {.revision = std::move(revision),
                                       .parents = std::move(heads),
                                       .message = text_message}});
}

}  // namespace structmig::render
