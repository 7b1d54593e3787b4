// structmig (generate), what the build's migrations_autogen target runs, in
// its phases: read and check the history (one head, the snapshot at that
// head); extract the models; diff against the snapshot; plan it safely for a
// live database, failing with nothing written (in check mode too) when the
// planner refuses a change the models do not acknowledge, each refusal at the
// model's line; in check mode report drift, otherwise write the migration and
// then the snapshot (each atomically, the snapshot last, so an interrupted run
// never records a schema without its migration); finally refresh the
// generated sources of the build directory (metadata header,
// compiled_schema(), index) and the depfile, each only if its content
// changed: a model touched or reformatted without a schema change writes no
// file, so nothing rebuilds, and the tool says so in one line.
#include <optional>
#include <string>
#include <vector>

#include "commands/command_support.hpp"
#include "commands/commands.hpp"
#include "commands/generated_sources.hpp"
#include "commands/report_refusals.hpp"
#include "structmig/describe.hpp"
#include "structmig/diff.hpp"
#include "history/checksum.hpp"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "plan/safe_plan.hpp"
#include "render/render_migration.hpp"
#include "snapshot/snapshot.hpp"

namespace structmig::commands {
namespace {

llvm::Error drift_error(const diff::Plan& plan, const std::string& snapshot_path) {
  std::string text = "structmig: error: the models differ from " + snapshot_path + ":\n";
  for (const std::string& line : diff::describe(plan.upgrade)) text += "  " + line + "\n";
  text +=
      "structmig: build locally without -DSTRUCTMIG_CHECK=ON (the migrations_autogen target "
      "writes the migration), then commit migrations/*.cpp and " +
      llvm::sys::path::filename(snapshot_path).str() + ".";
  return error(text);
}

llvm::Error refused_error(std::size_t count) {
  return error("structmig: " + llvm::Twine(count) + (count == 1 ? " change was" : " changes were") +
               " refused (see above); nothing written");
}

// The new migration, then the snapshot at its revision; the migration's
// checksum goes into `checksums` (the index needs it).
llvm::Error write_migration(const plan::SafePlan& safe, const diff::Plan& plan,
                            const std::string& dir, const std::string& parent,
                            const std::string& message, const Schema& schema,
                            KnownChecksums& checksums) {
  auto number = next_number_in(dir, /*create=*/true);
  if (!number) return number.takeError();
  const render::MigrationFile file = render::render_migration(safe, plan, parent, message, *number);
  const std::string migration_path = dir + "/" + file.file_name;
  if (auto err = refuse_to_overwrite(migration_path)) return err;
  if (auto err = write_migration_and_snapshot(migration_path, file.text, dir + "/" + kSnapshotName,
                                              snapshot::format_snapshot(file.revision, schema))) {
    return err;
  }
  checksums[file.file_name] = history::source_checksum(file.text);
  llvm::outs() << "structmig: wrote " << migration_path << " (revision " << file.revision << ")\n";
  for (const std::string& line : diff::describe(plan.upgrade)) llvm::outs() << "  " << line << "\n";
  // Said loudly at build time, and written into the migration as comments.
  for (const diff::Warning& warning : plan.warnings) {
    llvm::errs() << migration_path << ": warning: " << warning.text << "\n";
  }
  return llvm::Error::success();
}

// Without a new migration, one line: what the run wrote in the build
// directory, usually nothing (a model touched or reformatted).
void report_no_migration(const std::vector<std::string>& written) {
  llvm::outs() << "structmig: the models match the snapshot; ";
  if (written.empty()) {
    llvm::outs() << "no file written\n";
    return;
  }
  llvm::outs() << "wrote";
  for (std::size_t i = 0; i < written.size(); ++i) {
    llvm::outs() << (i == 0 ? " " : ", ") << llvm::sys::path::filename(written[i]);
  }
  llvm::outs() << "\n";
}

}  // namespace

llvm::Error run_generate(const GenerateOptions& options) {
  const std::string dir = absolute(options.migrations_dir);
  const std::string snapshot_path = dir + "/" + kSnapshotName;

  // 1. The history: every file readable, one head, the snapshot at that head.
  //    Generation never guesses which branch a new migration belongs on.
  auto loaded = load_history_at_snapshot(dir, snapshot_path);
  if (!loaded) return loaded.takeError();
  const CheckedHistory& checked = loaded->checked;
  const snapshot::Snapshot& before = loaded->snapshot;

  // 2. The schema the models describe now, and the difference.
  auto extracted = extract_models(options.models);
  if (!extracted) return extracted.takeError();
  const diff::Plan plan = diff::diff_schemas(before.schema, extracted->schema, extracted->hints);

  // 3. The safe plan. A change it refuses (a table rewrite, lost data) that
  //    the models do not acknowledge fails the build here, at the model's
  //    line, before anything is written: in check mode too.
  const plan::SafePlan safe =
      plan::plan_safely(plan, before.schema, extracted->schema, extracted->acknowledgements);
  if (!safe.refusals.empty()) {
    report_refusals(safe.refusals, extracted->places, snapshot_path, llvm::errs());
    return refused_error(safe.refusals.size());
  }

  // 4. Check mode writes nothing in the source tree; otherwise the migration.
  KnownChecksums checksums;  // of every migration read in 1 or written here
  for (const history::MigrationSource& source : checked.history.migrations) {
    checksums[history::file_name(source.path)] = source.checksum;
  }
  if (!plan.empty()) {
    if (options.check) return drift_error(plan, snapshot_path);
    // The build passes no message; a user names the migration at build time
    // with STRUCTMIG_MESSAGE="…" cmake --build …
    const std::string message = option_or_environment(options.message, "STRUCTMIG_MESSAGE");
    if (auto err = write_migration(safe, plan, dir, before.head, message, extracted->schema,
                                   checksums)) {
      return err;
    }
  }

  // 5. The build directory's sources from the models (in check mode too:
  //    nothing of it is in the source tree), the index of every migration,
  //    then the depfile; each written only if its content changed.
  std::vector<std::string> written;
  if (auto err = write_generated_sources({options.metadata_header_path, options.schema_source_path},
                                         *extracted, options.models.headers, written)) {
    return err;
  }
  if (auto err = write_index_and_depfile(dir, options.index_path, options.depfile_path,
                                         std::move(extracted->dependencies), written,
                                         checksums)) {
    return err;
  }
  if (plan.empty()) report_no_migration(written);
  return llvm::Error::success();
}

}  // namespace structmig::commands
