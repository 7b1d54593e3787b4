// structmig revision -m "message": an empty migration on top of the head, to
// be filled in by hand (data migrations, raw SQL, CREATE INDEX CONCURRENTLY
// with --non-transactional). The snapshot's head moves to it; its schema does
// not change, because the migration's effect is unknown to the tool -- a model
// change still becomes a generated migration, after this one.
#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "llvm/Support/raw_ostream.h"
#include "render/render_revision.hpp"
#include "render/slug.hpp"
#include "snapshot/snapshot.hpp"

namespace structmig::commands {
namespace {

// STRUCTMIG_NON_TRANSACTIONAL=1 (or true, yes, on) asks for --non-transactional,
// so the migrations_revision target can pass it at build time.
bool non_transactional_from_environment() {
  const std::string value =
      llvm::StringRef(option_or_environment("", "STRUCTMIG_NON_TRANSACTIONAL")).lower();
  return value == "1" || value == "true" || value == "yes" || value == "on";
}

}  // namespace

llvm::Error run_revision(const RevisionOptions& options) {
  const std::string dir = absolute(options.migrations_dir);
  const std::string snapshot_path = dir + "/" + kSnapshotName;

  const std::string message = option_or_environment(options.message, "STRUCTMIG_MESSAGE");
  const bool transactional = !options.non_transactional && !non_transactional_from_environment();
  if (render::trim(message).empty()) {
    return error(
        "structmig: error: a hand-written migration needs a message: structmig revision -m "
        "\"backfill ticket priorities\" (with the migrations_revision target: "
        "STRUCTMIG_MESSAGE=\"...\" cmake --build <build dir> --target migrations_revision)");
  }

  auto loaded = load_history_at_snapshot(dir, snapshot_path);
  if (!loaded) return loaded.takeError();
  const CheckedHistory& checked = loaded->checked;

  auto number = next_number_in(dir, /*create=*/true);
  if (!number) return number.takeError();
  const render::MigrationFile file =
      render::render_revision(checked.head, message, transactional, *number);
  const std::string path = dir + "/" + file.file_name;
  if (const history::MigrationSource* same = checked.history.find(file.revision)) {
    return error("structmig: error: revision " + file.revision + " is already declared by " +
                 same->path + "; give the migration another message");
  }
  if (auto err = refuse_to_overwrite(path)) return err;

  if (auto err = write_migration_and_snapshot(
          path, file.text, snapshot_path,
          snapshot::format_snapshot({file.revision, loaded->snapshot.schema}))) {
    return err;
  }
  llvm::outs() << "structmig: wrote " << path << " (revision " << file.revision << ", parent "
               << (checked.head.empty() ? "none" : checked.head)
               << (!transactional ? ", runs outside a transaction" : "") << ")\n"
               << "structmig: fill in upgrade() and downgrade(); the snapshot's head is now "
               << file.revision << "\n";
  return llvm::Error::success();
}

}  // namespace structmig::commands
