// SHA-256 of a migration's normalised source (see checksum.hpp).
#include "history/checksum.hpp"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SHA256.h"

namespace structmig::history {

std::string source_checksum(llvm::StringRef source) {
  if (!source.contains('\r')) {  // nothing to normalise: hash the text as it is
    return llvm::toHex(llvm::SHA256::hash(llvm::arrayRefFromStringRef(source)), /*LowerCase=*/true);
  }
  std::string normalised;
  normalised.reserve(source.size());
  for (size_t i = 0; i < source.size(); ++i) {
    if (source[i] == '\r' && i + 1 < source.size() && source[i + 1] == '\n') continue;
    normalised += source[i];
  }
  const auto digest = llvm::SHA256::hash(llvm::arrayRefFromStringRef(normalised));
  return llvm::toHex(digest, /*LowerCase=*/true);
}

}  // namespace structmig::history
