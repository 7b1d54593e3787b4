// The structmig commands, each a function of its options that returns an
// error instead of exiting (main turns errors into messages and exit codes):
//  - generate (what the build runs): models vs snapshot -> a new migration,
//    or in check mode a drift report; always the index and depfile, and, when
//    asked, the row-mapping metadata header and compiled_schema();
//  - merge: a merge migration joining the history's heads, and the snapshot
//    rewritten from the models;
//  - revision: an empty hand-written migration on the head; the snapshot's
//    head moves, its schema stays.
// Every command first reads and checks the whole history (tool/history).
#pragma once

#include <string>
#include <vector>

#include "llvm/Support/Error.h"

namespace structmig::commands {

/// Where the models are and how to parse them.
struct ModelInput {
  std::vector<std::string> headers;
  std::string flags_file;                  // one compiler flag per line; may be ""
  std::vector<std::string> compiler_args;  // after "--" on the command line
  std::string resource_dir;
};

struct GenerateOptions {
  ModelInput models;
  std::string migrations_dir;
  std::string index_path;            // "" = no index
  std::string depfile_path;          // "" = no depfile (needs an index)
  std::string metadata_header_path;  // "" = none (render/render_metadata.hpp)
  std::string schema_source_path;    // "" = none (render/render_compiled_schema.hpp)
  std::string message;               // "" = $STRUCTMIG_MESSAGE, else derived
  bool check = false;
};

struct MergeOptions {
  ModelInput models;
  std::string migrations_dir;
  std::string message;  // "" = $STRUCTMIG_MESSAGE, else "merge <heads>"
};

struct RevisionOptions {
  std::string migrations_dir;
  std::string message;  // "" = $STRUCTMIG_MESSAGE; one of them is required
  bool non_transactional = false;
};

llvm::Error run_generate(const GenerateOptions& options);
llvm::Error run_merge(const MergeOptions& options);
llvm::Error run_revision(const RevisionOptions& options);

/// Prints each error as a line (or lines) on stderr, the prefix chosen by its
/// type: the tool's own errors (llvm::StringError, which every stage creates
/// with its place: "<file>:<line>:<col>: error: ...", "<file>: error: ...",
/// "structmig: ...") as they are; any other (an LLVM library's) after
/// "structmig: error: ".
void print_errors(llvm::Error error);

}  // namespace structmig::commands
