// What a migration file declares about itself, read from its source text:
// the designated initializers of its STRUCTMIG_MIGRATION({...}) block, as the
// renderer writes them and as people edit them (fields in any order, comments,
// adjacent string literals, trailing commas, extra fields such as
// .lock_timeout). Only the fields the history needs are kept; the functions
// are not looked at. Anything else in the file is ignored.
#pragma once

#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace structmig::history {

struct MigrationDeclaration {
  std::string revision;
  std::vector<std::string> parents;     // empty for a first migration
  std::vector<std::string> depends_on;  // extra ordering, not parents
  std::string message;
  bool transactional = true;
  unsigned line = 0;  // of the STRUCTMIG_MIGRATION token

  friend bool operator==(const MigrationDeclaration&, const MigrationDeclaration&) = default;
};

/// Reads the one STRUCTMIG_MIGRATION({...}) block of `source`. Errors name the
/// place ("<path>:<line>:<col>: error: ...", or "<path>: error: ..." when the
/// file has no block): no block or two blocks, a block that is not
/// `({ .field = value, ... })`, a field given twice, .revision / .message not
/// a string literal, .parents / .depends_on not a braced list of string
/// literals, .transactional not true or false, a missing or empty .revision.
llvm::Expected<MigrationDeclaration> parse_declaration(llvm::StringRef source,
                                                       llvm::StringRef path);

}  // namespace structmig::history
