// structmig: the generator's command line. Three commands, each a function in
// tool/commands/; this file only parses arguments and turns errors into exit
// codes:
//   structmig [options] <model headers> [-- <compiler flags>]      generate
//   structmig merge [options] <model headers> [-- <compiler flags>]
//   structmig revision -m "message" [--non-transactional]
// Everything after "--" is handed to Clang with the models.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif

#include <stdexcept>
#include <string>
#include <vector>

#include "commands/commands.hpp"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"
#include "structmig/error.hpp"
#include "structmig/version.hpp"

namespace cl = llvm::cl;
using namespace structmig;

namespace {

cl::OptionCategory category("structmig options");

cl::SubCommand merge_command(
    "merge",
    "Join the heads of the migration history after a git merge: write a merge migration whose "
    "parents are all heads (no operations) and rewrite the snapshot (head: the merge; schema: "
    "the models, which hold every branch's changes). With one head it writes nothing. The "
    "build's migrations_merge target runs it.");
cl::SubCommand revision_command(
    "revision",
    "Write an empty migration on top of the head, to fill in by hand (data migrations with "
    "op.update_in_batches or op.connection(), raw SQL with op.execute). Only the snapshot's "
    "head changes, so a model change still becomes a generated migration after it. No models "
    "are read. The build's migrations_revision target runs it.");

// Options of generate (the top level) and, where they make sense, of the verbs.
cl::list<std::string> model_headers(cl::Positional, cl::desc("<model headers>"), cl::OneOrMore,
                                    cl::sub(*cl::TopLevelSubCommand), cl::sub(merge_command),
                                    cl::cat(category));
cl::opt<std::string> migrations_dir("migrations", cl::desc("The migrations directory"),
                                    cl::value_desc("dir"), cl::Required,
                                    cl::sub(*cl::TopLevelSubCommand), cl::sub(merge_command),
                                    cl::sub(revision_command), cl::cat(category));
cl::opt<std::string> index_path("index",
                                cl::desc("Write the index of all migrations (a .cpp that defines "
                                         "each file's checksum and includes it) here"),
                                cl::value_desc("file"), cl::sub(*cl::TopLevelSubCommand),
                                cl::cat(category));
cl::opt<std::string> depfile_path(
    "depfile",
    cl::desc("Write a Makefile depfile (target: the index; dependencies: what the models "
             "read, the snapshot, the migrations directory and every migration file) here"),
    cl::value_desc("file"), cl::sub(*cl::TopLevelSubCommand), cl::cat(category));
cl::opt<std::string> metadata_header_path(
    "metadata-header",
    cl::desc("Write the models' row-mapping metadata (model_traits, enum_traits; see "
             "structmig/orm_traits.hpp), a header that includes every model, here"),
    cl::value_desc("file"), cl::sub(*cl::TopLevelSubCommand), cl::cat(category));
cl::opt<std::string> schema_source_path(
    "schema-source",
    cl::desc("Write the definition of structmig::compiled_schema() (the models' schema, for "
             "drift checks) here; it includes the --metadata-header"),
    cl::value_desc("file"), cl::sub(*cl::TopLevelSubCommand), cl::cat(category));
cl::opt<std::string> flags_file("flags-file",
                                cl::desc("Compiler flags for the models, one per line"),
                                cl::value_desc("file"), cl::sub(*cl::TopLevelSubCommand),
                                cl::sub(merge_command), cl::cat(category));
cl::opt<std::string> resource_dir("resource-dir", cl::desc("Clang's resource directory"),
                                  cl::init(STRUCTMIG_DEFAULT_RESOURCE_DIR),
                                  cl::sub(*cl::TopLevelSubCommand), cl::sub(merge_command),
                                  cl::cat(category));
cl::opt<std::string> message(
    "message",
    cl::desc("Message (and file name) of the new migration, also -m; default: "
             "$STRUCTMIG_MESSAGE, else derived from the changes (generate) or "
             "\"merge <heads>\" (merge); revision needs one"),
    cl::sub(*cl::TopLevelSubCommand), cl::sub(merge_command), cl::sub(revision_command),
    cl::cat(category));
cl::alias message_short("m", cl::desc("Alias for --message"), cl::aliasopt(message));
cl::opt<bool> check_mode("check",
                         cl::desc("Write no migration; fail when the models differ from the "
                                  "snapshot or the history has several heads (CI)"),
                         cl::sub(*cl::TopLevelSubCommand), cl::cat(category));
cl::opt<bool> non_transactional(
    "non-transactional",
    cl::desc("The migration runs outside a transaction (CREATE INDEX CONCURRENTLY, batches "
             "that commit as they go); also $STRUCTMIG_NON_TRANSACTIONAL=1"),
    cl::sub(revision_command), cl::cat(category));

constexpr const char* kOverview =
    "structmig: generate PostgreSQL migrations from annotated C++ structs\n"
    "\n"
    "  structmig --migrations DIR [options] <model headers> [-- <compiler flags>]\n"
    "      generate (the build's migrations_autogen target): compare the models with\n"
    "      DIR/schema.snapshot.json and write the migration for the difference, then the\n"
    "      snapshot; --check writes nothing and fails on a difference (CI)\n"
    "  structmig merge --migrations DIR [-m MESSAGE] <model headers> [-- <compiler flags>]\n"
    "      join the heads of the history after a git merge (migrations_merge target)\n"
    "  structmig revision --migrations DIR -m MESSAGE [--non-transactional]\n"
    "      an empty migration to fill in by hand (migrations_revision target)\n"
    "\n"
    "  Every command first reads each migration file in DIR (its STRUCTMIG_MIGRATION block)\n"
    "  and checks the history: unique revision ids, parents that exist, no cycles, and --\n"
    "  except for merge -- one head, recorded as the snapshot's head.\n"
    "  `structmig <command> --help` lists a command's options.\n";

commands::ModelInput model_input(std::vector<std::string> compiler_args) {
  return {.headers = {model_headers.begin(), model_headers.end()},
          .flags_file = flags_file,
          .compiler_args = std::move(compiler_args),
          .resource_dir = resource_dir};
}

// The subcommand chosen on the command line.
llvm::Error run_command(std::vector<std::string> compiler_args) {
  if (merge_command) {
    return commands::run_merge({.models = model_input(std::move(compiler_args)),
                                .migrations_dir = migrations_dir,
                                .message = message});
  }
  if (revision_command) {
    return commands::run_revision({.migrations_dir = migrations_dir,
                                   .message = message,
                                   .non_transactional = non_transactional});
  }
  return commands::run_generate({.models = model_input(std::move(compiler_args)),
                                 .migrations_dir = migrations_dir,
                                 .index_path = index_path,
                                 .depfile_path = depfile_path,
                                 .metadata_header_path = metadata_header_path,
                                 .schema_source_path = schema_source_path,
                                 .message = message,
                                 .check = check_mode});
}

}  // namespace

int main(int argc, char** argv) {
#ifdef M_MMAP_THRESHOLD
  // The AST and the output texts (megabytes each at thousands of tables, grown
  // by doubling) are allocated and freed many times: glibc would map each big
  // block afresh and hand freed memory back, faulting the same pages in again.
  // Keep them in the heap instead (measured: tests/bench, docs/architecture.md).
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  mallopt(M_TOP_PAD, 16 << 20);
#endif
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
  for (cl::SubCommand* sub : {&*cl::TopLevelSubCommand, &merge_command, &revision_command}) {
    cl::HideUnrelatedOptions(category, *sub);
  }
  // --version: structmig's, not the LLVM it was built with.
  cl::SetVersionPrinter(
      [](llvm::raw_ostream& out) { out << "structmig " << structmig::version() << '\n'; });
  cl::ParseCommandLineOptions(static_cast<int>(own_args.size()), own_args.data(), kOverview);

  if (revision_command && !compiler_args.empty()) {
    llvm::errs() << "structmig: error: revision reads no models; drop the arguments after --\n";
    return 2;
  }
  // The renderer throws structmig::InvalidOperation for a model it cannot
  // write as a migration (a key of more than 32 columns), the runtime's code
  // another structmig::Error (IrreversibleOp from reverse(), …).
  llvm::Error result = [&]() -> llvm::Error {
    try {
      return run_command(std::move(compiler_args));
    } catch (const structmig::Error& error) {
      return llvm::createStringError(std::errc::invalid_argument,
                                     "structmig: error: %s", error.what());
    }
  }();
  if (result) {
    commands::print_errors(std::move(result));
    return 1;
  }
  return 0;
}
