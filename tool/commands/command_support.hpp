// What the commands share: paths, the message from an option or the
// environment, reading the models, reading and checking the history and the
// snapshot, writing a new migration with its snapshot, and refreshing the
// build directory's index and depfile.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "extract/run.hpp"
#include "history/history.hpp"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "snapshot/snapshot.hpp"

namespace structmig::commands {

inline constexpr const char* kSnapshotName = "schema.snapshot.json";

/// `path` made absolute, without . and .. components.
std::string absolute(llvm::StringRef path);

/// `option` if not empty, else the environment variable `variable` ("" if unset).
std::string option_or_environment(const std::string& option, const char* variable);

/// An error with this exact text (no prefix is added when printed if it
/// already says "error:").
llvm::Error error(const llvm::Twine& message);

/// The schema of the models, Clang's diagnostics printed on stderr; an error
/// when the models have errors ("nothing written").
llvm::Expected<extract::ExtractResult> extract_models(const ModelInput& input);

/// Every migration file of `dir`, parsed and checked (ids, parents, cycles);
/// `heads` sorted, `head` the only one ("" for none or for several).
struct CheckedHistory {
  history::History history;
  std::vector<std::string> heads;
  std::string head;
};
/// With `single_head`, several heads are an error (history_graph.hpp).
llvm::Expected<CheckedHistory> load_checked_history(const std::string& dir, bool single_head);

/// The history of `dir` with a single head and the snapshot at
/// `snapshot_path`, which must record that head (generate, revision: a new
/// migration never guesses which branch it belongs on).
struct HistoryAtSnapshot {
  CheckedHistory checked;
  snapshot::Snapshot snapshot;
};
llvm::Expected<HistoryAtSnapshot> load_history_at_snapshot(const std::string& dir,
                                                           const std::string& snapshot_path);

/// The number the next migration in `dir` gets, after creating `dir` when
/// `create` (an error names it when that fails).
llvm::Expected<unsigned> next_number_in(const std::string& dir, bool create);

/// An error when `path` exists: a new migration never replaces a file.
llvm::Error refuse_to_overwrite(const std::string& path);

/// A new migration's file, then the snapshot that records it; each written
/// only if its content changed (output::write_file_if_changed).
llvm::Error write_migration_and_snapshot(const std::string& path, const std::string& text,
                                         const std::string& snapshot_path,
                                         const std::string& snapshot_text);

/// Writes a file of the build directory (creating its directory) only if its
/// content changed (output::write_file_if_changed); appends `path` to
/// `written` when it did.
llvm::Error write_build_file(const std::string& path, const std::string& text,
                             std::vector<std::string>& written);

/// Checksums this run has already computed (of the history it loaded, of the
/// migration it wrote), by file name.
using KnownChecksums = std::map<std::string, std::string>;

/// Writes the index of every migration in `dir` with their checksums and,
/// when `depfile_path` is set, the depfile: `model_dependencies`, the
/// snapshot, the directory and each migration file. Each only if its content
/// changed; appends to `written` the path of each file written. Only the
/// migrations `known` does not name are read (and checked) again.
llvm::Error write_index_and_depfile(const std::string& dir, const std::string& index_path,
                                    const std::string& depfile_path,
                                    std::vector<std::string> model_dependencies,
                                    std::vector<std::string>& written,
                                    const KnownChecksums& known = {});

}  // namespace structmig::commands
