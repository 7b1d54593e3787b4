// The checksum of a migration's source: what the generated index hands to the
// runtime (STRUCTMIG_CURRENT_CHECKSUM), so it can tell that a migration it has
// already applied was edited afterwards. SHA-256 in lowercase hex (64
// characters) of the file with every CRLF read as LF, so a checkout with
// Windows line endings does not count as an edit.
#pragma once

#include <string>

#include "llvm/ADT/StringRef.h"

namespace structmig::history {

std::string source_checksum(llvm::StringRef source);

}  // namespace structmig::history
