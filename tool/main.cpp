// structmig: the generator's command line, run by the build. It says its
// phases out loud: extract the schema from the model headers, read the
// committed snapshot, diff, then either report drift (--check) or render and
// write the new migration and the snapshot (snapshot last, each file written
// atomically). It always refreshes the build directory's index and depfile.
#include <cstdlib>
#include <string>
#include <vector>

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "diff/describe.hpp"
#include "diff/diff.hpp"
#include "extract/run.hpp"
#include "render/migration_dir.hpp"
#include "render/render_index.hpp"
#include "render/render_migration.hpp"
#include "snapshot/snapshot.hpp"

namespace cl = llvm::cl;
using namespace structmig;

namespace {

cl::OptionCategory category("structmig options");
cl::list<std::string> model_headers(cl::Positional, cl::desc("<model headers>"), cl::OneOrMore,
                                    cl::cat(category));
cl::opt<std::string> migrations_dir("migrations", cl::desc("The migrations directory"),
                                    cl::value_desc("dir"), cl::Required, cl::cat(category));
cl::opt<std::string> index_path("index",
                                cl::desc("Write the index of all migrations (a .cpp) here"),
                                cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> depfile_path("depfile",
                                  cl::desc("Write a Makefile depfile (target: the index) here"),
                                  cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> flags_file("flags-file",
                                cl::desc("Compiler flags for the models, one per line"),
                                cl::value_desc("file"), cl::cat(category));
cl::opt<std::string> resource_dir("resource-dir", cl::desc("Clang's resource directory"),
                                  cl::init(STRUCTMIG_DEFAULT_RESOURCE_DIR), cl::cat(category));
cl::opt<std::string> message("message",
                             cl::desc("Message (and file name) of a new migration; default: "
                                      "$STRUCTMIG_MESSAGE, else derived from the changes"),
                             cl::cat(category));
cl::alias message_short("m", cl::aliasopt(message));
cl::opt<bool> check_mode("check",
                         cl::desc("Write no migration; fail when the models differ from the "
                                  "snapshot (CI)"),
                         cl::cat(category));

constexpr const char* snapshot_name = "schema.snapshot.json";

int fail(const llvm::Twine& text) {
  llvm::errs() << "structmig: error: " << text << "\n";
  return 1;
}

llvm::Expected<std::vector<std::string>> read_flags(llvm::StringRef path) {
  std::vector<std::string> flags;
  if (path.empty()) return flags;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer) {
    return llvm::createStringError(buffer.getError(),
                                   "cannot read flags file " + path + ": " +
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

std::string absolute(llvm::StringRef path) {
  llvm::SmallString<256> out(path);
  llvm::sys::fs::make_absolute(out);
  llvm::sys::path::remove_dots(out, /*remove_dot_dot=*/true);
  return std::string(out.str());
}

// Make-style escaping for a depfile path.
std::string depfile_escape(llvm::StringRef path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#' || c == '\\') out += '\\';
    if (c == '$') out += '$';
    out += c;
  }
  return out;
}

// The index depends on everything the models read, the snapshot, and the
// migrations directory itself (its time changes when a file is added).
llvm::Error write_depfile(const std::string& target, std::vector<std::string> deps) {
  std::string text = depfile_escape(target) + ":";
  for (const std::string& dep : deps) text += " \\\n  " + depfile_escape(dep);
  text += "\n";
  return render::write_file_atomically(depfile_path, text);
}

int report_drift(const diff::Plan& plan, llvm::StringRef snapshot_path) {
  llvm::errs() << "structmig: error: the models differ from " << snapshot_path << ":\n";
  for (const std::string& line : diff::describe(plan.upgrade)) llvm::errs() << "  " << line << "\n";
  llvm::errs() << "structmig: build locally without -DSTRUCTMIG_CHECK=ON (the migrations_autogen "
                  "target writes the migration), then commit migrations/*.cpp and "
               << llvm::sys::path::filename(snapshot_path) << ".\n";
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  // Everything after "--" is passed to Clang as model compile flags.
  std::vector<const char*> own_args;
  std::vector<std::string> compiler_args;
  bool after_dashes = false;
  for (int i = 0; i < argc; ++i) {
    if (after_dashes) {
      compiler_args.emplace_back(argv[i]);
    } else if (i > 0 && llvm::StringRef(argv[i]) == "--") {
      after_dashes = true;
    } else {
      own_args.push_back(argv[i]);
    }
  }
  cl::HideUnrelatedOptions(category);
  cl::ParseCommandLineOptions(static_cast<int>(own_args.size()), own_args.data(),
                              "structmig: generate PostgreSQL migrations from annotated C++ "
                              "structs\n\n  structmig --migrations DIR [options] <model headers> "
                              "[-- <compiler flags>]\n");

  auto flags = read_flags(flags_file);
  if (!flags) return fail(llvm::toString(flags.takeError()));
  flags->insert(flags->end(), compiler_args.begin(), compiler_args.end());

  const std::string dir = absolute(migrations_dir);
  const std::string snapshot_path = dir + "/" + snapshot_name;

  // 1. Extract the schema the models describe now.
  extract::ExtractOptions options;
  for (const std::string& header : model_headers) options.headers.push_back(absolute(header));
  options.compiler_args = std::move(*flags);
  options.resource_dir = resource_dir;
  extract::ExtractResult extracted = extract::extract_from_headers(options, llvm::errs());
  if (extracted.errors > 0) {
    llvm::errs() << "structmig: " << extracted.errors << " error(s) in the models; nothing written\n";
    return 1;
  }

  // 2. The schema the committed history produces.
  auto before = snapshot::read_snapshot(snapshot_path);
  if (!before) return fail(llvm::toString(before.takeError()));

  // 3. Diff.
  diff::Plan plan = diff::diff_schemas(before->schema, extracted.schema, extracted.hints);

  // 4. Check mode writes nothing in the source tree.
  if (check_mode && !plan.empty()) return report_drift(plan, snapshot_path);

  // 5. Generate: the migration first, the snapshot last, so an interrupted run
  //    never records a schema without the migration that produces it.
  if (!check_mode && !plan.empty()) {
    if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
      return fail("cannot create " + dir + ": " + ec.message());
    }
    const auto existing = render::list_migration_files(dir);
    // The build passes no message; a user names the migration at build time
    // with STRUCTMIG_MESSAGE="…" cmake --build …
    std::string text = message;
    if (text.empty()) {
      if (const char* from_env = std::getenv("STRUCTMIG_MESSAGE")) text = from_env;
    }
    render::MigrationFile file = render::render_migration(plan, before->head, text,
                                                          render::next_migration_number(existing));
    const std::string migration_path = dir + "/" + file.file_name;
    if (llvm::sys::fs::exists(migration_path)) {
      return fail("refusing to overwrite " + migration_path);
    }
    if (auto err = render::write_file_atomically(migration_path, file.text)) {
      return fail(llvm::toString(std::move(err)));
    }
    snapshot::Snapshot after{file.revision, extracted.schema};
    if (auto err = render::write_file_atomically(snapshot_path, snapshot::format_snapshot(after))) {
      return fail(llvm::toString(std::move(err)));
    }
    llvm::outs() << "structmig: wrote " << migration_path << " (revision " << file.revision
                 << ")\n";
    for (const std::string& line : diff::describe(plan.upgrade)) llvm::outs() << "  " << line << "\n";
    // Said loudly at build time, and written into the migration as comments.
    for (const std::string& warning : plan.warnings) {
      llvm::errs() << migration_path << ": warning: " << warning << "\n";
    }
  }

  // 6. The build directory's index of every migration, then the depfile.
  if (!index_path.empty()) {
    const std::string index = absolute(index_path);
    if (auto err = render::write_file_atomically(
            index, render::render_index(render::list_migration_files(dir)))) {
      return fail(llvm::toString(std::move(err)));
    }
    if (!depfile_path.empty()) {
      std::vector<std::string> deps = extracted.dependencies;
      if (llvm::sys::fs::exists(snapshot_path)) deps.push_back(snapshot_path);
      deps.push_back(dir);
      if (auto err = write_depfile(index, std::move(deps))) {
        return fail(llvm::toString(std::move(err)));
      }
    }
  }
  return 0;
}
