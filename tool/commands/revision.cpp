// structmig revision -m "message": an empty migration on top of the head, to
// be filled in by hand (data migrations, raw SQL, CREATE INDEX CONCURRENTLY
// with --non-transactional). The snapshot's head moves to it; its schema does
// not change, because the migration's effect is unknown to the tool -- a model
// change still becomes a generated migration, after this one.
#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "history/history_graph.hpp"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "output/migration_dir.hpp"
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

  auto checked = load_checked_history(dir, /*single_head=*/true);
  if (!checked) return checked.takeError();
  auto before = snapshot::read_snapshot(snapshot_path);
  if (!before) return before.takeError();
  if (auto err = history::check_snapshot_head(checked->history, checked->head, before->head,
                                              snapshot_path)) {
    return err;
  }

  if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
    return error("structmig: error: cannot create " + dir + ": " + ec.message());
  }
  const render::MigrationFile file =
      render::render_revision(checked->head, message, transactional,
                              output::next_migration_number(output::list_migration_files(dir)));
  const std::string path = dir + "/" + file.file_name;
  if (const history::MigrationSource* same = checked->history.find(file.revision)) {
    return error("structmig: error: revision " + file.revision + " is already declared by " +
                 same->path + "; give the migration another message");
  }
  if (llvm::sys::fs::exists(path)) return error("structmig: error: refusing to overwrite " + path);

  if (auto err = output::write_file_if_changed(path, file.text).takeError()) return err;
  const snapshot::Snapshot after{file.revision, before->schema};
  if (auto err = output::write_file_if_changed(snapshot_path, snapshot::format_snapshot(after))
                     .takeError()) {
    return err;
  }
  llvm::outs() << "structmig: wrote " << path << " (revision " << file.revision << ", parent "
               << (checked->head.empty() ? "none" : checked->head)
               << (!transactional ? ", runs outside a transaction" : "") << ")\n"
               << "structmig: fill in upgrade() and downgrade(); the snapshot's head is now "
               << file.revision << "\n";
  return llvm::Error::success();
}

}  // namespace structmig::commands
