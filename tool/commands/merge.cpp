// structmig merge: after a git merge the history has several heads (one per
// branch) and the models hold every branch's changes. This writes the merge
// migration (parents = the heads, no operations) and rewrites the snapshot:
// head = the merge, schema = the models'. The snapshot was in conflict in git
// and is not trusted; what it said is only compared with the models, so the
// output shows what the merge records beyond the side that was kept.
#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "structmig/describe.hpp"
#include "structmig/diff.hpp"
#include "history/history_graph.hpp"
#include "llvm/Support/raw_ostream.h"
#include "render/render_merge.hpp"
#include "snapshot/snapshot.hpp"

namespace structmig::commands {
namespace {

// What the new snapshot records beyond the one that was there (one branch's
// side, if the conflict was resolved by taking a side).
void describe_change(const std::string& snapshot_path, const extract::ExtractResult& models) {
  auto kept = snapshot::read_snapshot(snapshot_path);
  if (!kept) {
    llvm::outs() << "structmig: the old snapshot could not be read ("
                 << llvm::toString(kept.takeError()) << "); it is replaced\n";
    return;
  }
  const diff::Plan plan = diff::diff_schemas(kept->schema, models.schema, models.hints);
  if (plan.empty()) {
    llvm::outs() << "structmig: the snapshot's schema is unchanged (the models match the "
                    "snapshot that was kept)\n";
    return;
  }
  llvm::outs() << "structmig: compared with the snapshot that was kept (head "
               << (kept->head.empty() ? "none" : kept->head)
               << "), the snapshot now also records the other branches' changes:\n";
  for (const std::string& line : diff::describe(plan.upgrade)) llvm::outs() << "  " << line << "\n";
  llvm::outs() << "structmig: these must be exactly what the merged branches' migrations do; "
                  "a model change of your own belongs in a migration after the merge.\n";
}

}  // namespace

llvm::Error run_merge(const MergeOptions& options) {
  const std::string dir = absolute(options.migrations_dir);
  const std::string snapshot_path = dir + "/" + kSnapshotName;

  auto checked = load_checked_history(dir, /*single_head=*/false);
  if (!checked) return checked.takeError();
  if (checked->heads.size() < 2) {
    llvm::outs() << "structmig: nothing to merge: the history has "
                 << (checked->heads.empty() ? "no migrations"
                                            : "one head, " + checked->heads.front())
                 << "; nothing written\n";
    return llvm::Error::success();
  }

  auto models = extract_models(options.models);
  if (!models) return models.takeError();

  const std::string message = option_or_environment(options.message, "STRUCTMIG_MESSAGE");
  auto number = next_number_in(dir, /*create=*/false);
  if (!number) return number.takeError();
  const render::MigrationFile file = render::render_merge(checked->heads, message, *number);
  const std::string path = dir + "/" + file.file_name;
  if (checked->history.find(file.revision) != nullptr) {
    return error("structmig: error: the merge revision " + file.revision +
                 " is already declared by " + checked->history.find(file.revision)->path);
  }
  if (auto err = refuse_to_overwrite(path)) return err;

  describe_change(snapshot_path, *models);
  if (auto err = write_migration_and_snapshot(
          path, file.text, snapshot_path,
          snapshot::format_snapshot({file.revision, models->schema}))) {
    return err;
  }
  llvm::outs() << "structmig: wrote " << path << " (revision " << file.revision << "), joining "
               << checked->heads.size()
               << " heads:" << history::describe_heads(checked->history, checked->heads) << "\n"
               << "structmig: rewrote " << snapshot_path << " (head " << file.revision
               << "); commit both\n";
  return llvm::Error::success();
}

}  // namespace structmig::commands
