// Loading the migration files of a directory (see history.hpp).
#include "history/history.hpp"

#include <system_error>

#include "history/checksum.hpp"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace structmig::history {

const MigrationSource* History::find(std::string_view revision) const {
  for (const MigrationSource& source : migrations) {
    if (source.declaration.revision == revision) return &source;
  }
  return nullptr;
}

MigrationSource read_migration_source(std::string path, llvm::StringRef text,
                                      MigrationDeclaration declaration) {
  return {std::move(path), std::move(declaration), source_checksum(text)};
}

llvm::Expected<History> load_history(llvm::StringRef directory,
                                     const std::vector<std::string>& files) {
  History history{directory.str(), {}};
  llvm::Error errors = llvm::Error::success();
  for (const std::string& path : files) {
    // Binary read: the checksum normalises line endings itself.
    auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!buffer) {
      errors = llvm::joinErrors(
          std::move(errors),
          llvm::createStringError(
              buffer.getError(),
              (path + ": error: cannot read: " + buffer.getError().message()).c_str()));
      continue;
    }
    const llvm::StringRef text = (*buffer)->getBuffer();
    auto declaration = parse_declaration(text, path);
    if (!declaration) {
      errors = llvm::joinErrors(std::move(errors), declaration.takeError());
      continue;
    }
    history.migrations.push_back(read_migration_source(path, text, std::move(*declaration)));
  }
  if (errors) return errors;
  return history;
}

std::string file_name(llvm::StringRef path) { return llvm::sys::path::filename(path).str(); }

std::string describe_migration(const MigrationSource& source) {
  return source.declaration.revision + " (" + file_name(source.path) + ", \"" +
         source.declaration.message + "\")";
}

}  // namespace structmig::history
