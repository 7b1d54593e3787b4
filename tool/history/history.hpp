// The migration history as the files in migrations/ declare it: for each
// file, its path, what its STRUCTMIG_MIGRATION block says (declaration.hpp)
// and its checksum (checksum.hpp). Read before anything is generated, so that
// the tool only ever adds to a history it understands.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "history/declaration.hpp"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace structmig::history {

struct MigrationSource {
  std::string path;  // as given (the tool gives absolute paths)
  MigrationDeclaration declaration;
  std::string checksum;
};

struct History {
  std::string directory;                    // for messages
  std::vector<MigrationSource> migrations;  // in file order

  /// The migration declaring `revision`, or null (the first, if several do).
  const MigrationSource* find(std::string_view revision) const;
};

/// One migration file's source text, already read.
MigrationSource read_migration_source(std::string path, llvm::StringRef text,
                                      MigrationDeclaration declaration);

/// Reads and parses every file of `files` (paths in migration order, as
/// output::list_migration_files gives them). The errors of all unreadable or
/// unparsable files are reported together.
llvm::Expected<History> load_history(llvm::StringRef directory,
                                     const std::vector<std::string>& files);

/// The file name of `path`, and "<revision> (<file name>, \"<message>\")" for
/// messages that point a person at a migration.
std::string file_name(llvm::StringRef path);
std::string describe_migration(const MigrationSource& source);

}  // namespace structmig::history
