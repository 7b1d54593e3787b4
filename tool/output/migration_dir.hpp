// The migrations directory on disk: which files are migrations, the number the
// next one gets, and writing files so that a reader (the build, an editor, a
// crash half-way) never sees a half-written one and a file whose content did
// not change is never rewritten (every file the tool writes, in the source
// tree or the build directory, goes through write_file_if_changed).
#pragma once

#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace structmig::output {

/// Absolute paths of the regular files in `dir` named <4 or more digits>_*.cpp,
/// ordered by that number (then by name). Anything else is ignored, and a
/// missing or unreadable directory gives an empty list.
std::vector<std::string> list_migration_files(llvm::StringRef dir);

/// 1 + the highest number among `files` (paths or names as listed above);
/// 1 when there is none.
unsigned next_migration_number(const std::vector<std::string>& files);

/// Writes `text` to a temporary file next to `path` and renames it over
/// `path`. On failure the temporary file is removed and the error names `path`.
llvm::Error write_file_atomically(llvm::StringRef path, llvm::StringRef text);

/// How the tool writes every file: when `path` already holds exactly `text`
/// (byte for byte) it is left alone — same bytes, same timestamp, so nothing
/// that depends on it rebuilds; otherwise write_file_atomically. True when
/// the file was written.
llvm::Expected<bool> write_file_if_changed(llvm::StringRef path, llvm::StringRef text);

}  // namespace structmig::output
