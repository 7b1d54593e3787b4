// Build-time helper of the tool_core tests: renders the fixture history into
// the directory given as its argument, with the same calls the tool makes
// (number, render, atomic write, list, checksum, index), so the test
// executable can compile the result. Each migration is the safe plan of its
// logical plan (rendered_fixture.hpp). After the generated migrations come a
// hand-written one (structmig revision, outside a transaction) and a merge of
// the last two revisions, so those files are compiled too; and the fixture
// schema as compiled_schema() (compiled_schema.cpp).
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "structmig/diff.hpp"
#include "history/history.hpp"
#include "output/migration_dir.hpp"
#include "render/render_compiled_schema.hpp"
#include "render/render_index.hpp"
#include "render/render_merge.hpp"
#include "render/render_migration.hpp"
#include "render/render_revision.hpp"
#include "rendered_fixture.hpp"

int main(int argc, char** argv) {
  using namespace structmig;
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " <output directory>\n";
    return 2;
  }
  const std::string dir = argv[1];
  const auto fail = [](llvm::Error error) {
    std::cerr << llvm::toString(std::move(error)) << "\n";
    return 1;
  };

  std::string parent;
  for (const auto& [logical, safe, message] : tool_core_fixture::rendered_fixture_migrations()) {
    // The fixture acknowledges everything it changes, as a model would.
    for (const plan::Refusal& refusal : safe.refusals) {
      std::cerr << "refused: " << refusal.reason << "\n";
    }
    if (!safe.refusals.empty()) return 1;
    const unsigned number = output::next_migration_number(output::list_migration_files(dir));
    const render::MigrationFile file =
        render::render_migration(safe, logical, parent, message, number);
    if (llvm::Error error = output::write_file_atomically(dir + "/" + file.file_name, file.text)) {
      return fail(std::move(error));
    }
    parent = file.revision;
  }
  const unsigned revision_number = output::next_migration_number(output::list_migration_files(dir));
  const render::MigrationFile hand_written = render::render_revision(
      parent, "Backfill \"priorities\"", /*transactional=*/false, revision_number);
  const render::MigrationFile merge =
      render::render_merge({hand_written.revision, parent}, "", revision_number + 1);
  for (const render::MigrationFile* file : {&hand_written, &merge}) {
    if (llvm::Error error =
            output::write_file_atomically(dir + "/" + file->file_name, file->text)) {
      return fail(std::move(error));
    }
  }

  const std::vector<std::string> files = output::list_migration_files(dir);
  auto history = history::load_history(dir, files);
  if (!history) return fail(history.takeError());
  std::vector<render::IndexEntry> entries;
  for (const history::MigrationSource& source : history->migrations) {
    entries.push_back({source.path, source.checksum});
  }
  const std::string index = render::render_index(entries);
  if (llvm::Error error = output::write_file_atomically(dir + "/index.cpp", index)) {
    return fail(std::move(error));
  }
  const std::string schema =
      render::render_compiled_schema(tool_core_fixture::rendered_fixture_schema());
  if (llvm::Error error = output::write_file_atomically(dir + "/compiled_schema.cpp", schema)) {
    return fail(std::move(error));
  }
  return 0;
}
