// The shared steps of the commands (see command_support.hpp).
#include "commands/command_support.hpp"

#include <cstdlib>
#include <system_error>

#include "history/history_graph.hpp"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "output/migration_dir.hpp"
#include "render/render_depfile.hpp"
#include "render/render_index.hpp"

namespace structmig::commands {
namespace {

llvm::Expected<std::vector<std::string>> read_flags(llvm::StringRef path) {
  std::vector<std::string> flags;
  if (path.empty()) return flags;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    return error("structmig: error: cannot read flags file " + path + ": " +
                 buffer.getError().message());
  }
  llvm::SmallVector<llvm::StringRef, 32> lines;
  (*buffer)->getBuffer().split(lines, '\n', -1, false);
  for (llvm::StringRef line : lines) {
    line = line.trim();
    if (!line.empty()) flags.push_back(line.str());
  }
  return flags;
}

}  // namespace

std::string absolute(llvm::StringRef path) {
  // The working directory is asked once: make_absolute(path) asks again (two
  // stat calls) for every relative path, and there is one per model header.
  static const std::string working_directory = [] {
    llvm::SmallString<256> cwd;
    if (llvm::sys::fs::current_path(cwd)) return std::string();
    return std::string(cwd);
  }();
  llvm::SmallString<256> out(path);
  if (working_directory.empty()) {
    llvm::sys::fs::make_absolute(out);
  } else {
    llvm::sys::fs::make_absolute(working_directory, out);
  }
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  return std::string(out.str());
}

std::string option_or_environment(const std::string& option, const char* variable) {
  if (!option.empty()) return option;
  const char* value = std::getenv(variable);
  return value == nullptr ? "" : value;
}

llvm::Error error(const llvm::Twine& message) {
  return llvm::createStringError(std::errc::invalid_argument, message.str().c_str());
}

llvm::Expected<extract::ExtractResult> extract_models(const ModelInput& input) {
  auto flags = read_flags(input.flags_file);
  if (!flags) return flags.takeError();
  extract::ExtractOptions options;
  for (const std::string& header : input.headers) options.headers.push_back(absolute(header));
  options.compiler_args = std::move(*flags);
  options.compiler_args.insert(options.compiler_args.end(), input.compiler_args.begin(),
                               input.compiler_args.end());
  options.resource_dir = input.resource_dir;
  options.leak_ast = true;  // one parse per run of the tool: exiting frees it
  extract::ExtractResult extracted = extract::extract_from_headers(options, llvm::errs());
  if (extracted.errors > 0) {
    return error("structmig: " + llvm::Twine(extracted.errors) +
                 " error(s) in the models; nothing written");
  }
  return extracted;
}

llvm::Expected<CheckedHistory> load_checked_history(const std::string& dir, bool single_head) {
  auto loaded = history::load_history(dir, output::list_migration_files(dir));
  if (!loaded) return loaded.takeError();
  CheckedHistory checked{std::move(*loaded), {}, ""};
  auto graph = history::build_graph(checked.history);
  if (!graph) return graph.takeError();
  checked.heads = graph->heads();
  if (checked.heads.size() == 1) checked.head = checked.heads.front();
  if (single_head) {
    auto head = history::single_head(checked.history, *graph);
    if (!head) return head.takeError();
  }
  return checked;
}

llvm::Expected<HistoryAtSnapshot> load_history_at_snapshot(const std::string& dir,
                                                           const std::string& snapshot_path) {
  auto checked = load_checked_history(dir, /*single_head=*/true);
  if (!checked) return checked.takeError();
  auto snapshot = snapshot::read_snapshot(snapshot_path);
  if (!snapshot) return snapshot.takeError();
  if (auto err = history::check_snapshot_head(checked->history, checked->head, snapshot->head,
                                              snapshot_path)) {
    return std::move(err);
  }
  return HistoryAtSnapshot{std::move(*checked), std::move(*snapshot)};
}

llvm::Expected<unsigned> next_number_in(const std::string& dir, bool create) {
  if (create) {
    if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
      return error("structmig: error: cannot create " + dir + ": " + ec.message());
    }
  }
  return output::next_migration_number(output::list_migration_files(dir));
}

llvm::Error refuse_to_overwrite(const std::string& path) {
  if (llvm::sys::fs::exists(path)) return error("structmig: error: refusing to overwrite " + path);
  return llvm::Error::success();
}

llvm::Error write_migration_and_snapshot(const std::string& path, const std::string& text,
                                         const std::string& snapshot_path,
                                         const std::string& snapshot_text) {
  if (auto written = output::write_file_if_changed(path, text); !written) {
    return written.takeError();
  }
  return output::write_file_if_changed(snapshot_path, snapshot_text).takeError();
}

llvm::Error write_build_file(const std::string& path, const std::string& text,
                             std::vector<std::string>& written) {
  const llvm::StringRef parent = llvm::sys::path::parent_path(path);
  if (std::error_code ec = llvm::sys::fs::create_directories(parent)) {
    return error("structmig: error: cannot create " + parent + ": " + ec.message());
  }
  auto changed = output::write_file_if_changed(path, text);
  if (!changed) return changed.takeError();
  if (*changed) written.push_back(path);
  return llvm::Error::success();
}

llvm::Error write_index_and_depfile(const std::string& dir, const std::string& index_path,
                                    const std::string& depfile_path,
                                    std::vector<std::string> model_dependencies,
                                    std::vector<std::string>& written,
                                    const KnownChecksums& known) {
  if (index_path.empty()) return llvm::Error::success();
  const std::vector<std::string> files = output::list_migration_files(dir);
  // A migration of thousands of tables is megabytes to read, tokenize and
  // hash: what this run loaded or wrote is not read again.
  std::vector<std::string> unknown;
  for (const std::string& file : files) {
    if (known.count(history::file_name(file)) == 0) unknown.push_back(file);
  }
  auto loaded = history::load_history(dir, unknown);
  if (!loaded) return loaded.takeError();
  std::vector<render::IndexEntry> entries;
  entries.reserve(files.size());
  auto next_loaded = loaded->migrations.begin();
  for (const std::string& file : files) {
    if (auto checksum = known.find(history::file_name(file)); checksum != known.end()) {
      entries.push_back({file, checksum->second});
    } else {
      entries.push_back({next_loaded->path, next_loaded->checksum});
      ++next_loaded;
    }
  }
  const std::string index = absolute(index_path);
  if (auto err = write_build_file(index, render::render_index(entries), written)) return err;
  if (depfile_path.empty()) return llvm::Error::success();

  std::vector<std::string> deps = std::move(model_dependencies);
  const std::string snapshot_path = dir + "/" + kSnapshotName;
  if (llvm::sys::fs::exists(snapshot_path)) deps.push_back(snapshot_path);
  deps.push_back(dir);
  deps.insert(deps.end(), files.begin(), files.end());
  return write_build_file(absolute(depfile_path), render::render_depfile(index, deps), written);
}

void print_errors(llvm::Error err) {
  llvm::handleAllErrors(
      std::move(err),
      [](const llvm::StringError& own) { llvm::errs() << own.getMessage() << "\n"; },
      [](const llvm::ErrorInfoBase& other) {
        llvm::errs() << "structmig: error: " << other.message() << "\n";
      });
}

}  // namespace structmig::commands
