// A small C++ tokenizer for reading migration files without Clang: enough of
// the lexical grammar to find and read the STRUCTMIG_MIGRATION({...}) block
// of a file that a person may have edited. Comments and preprocessor lines
// are skipped, string literals (with prefixes, escapes and raw strings) are
// decoded, everything else is an identifier, a number or one punctuation
// character. Positions are 1-based lines and byte columns.
#pragma once

#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace structmig::history {

struct Token {
  enum class Kind { identifier, string, character, number, punctuation };
  Kind kind;
  std::string text;  // a string literal's decoded value; otherwise the spelling
  unsigned line = 0;
  unsigned column = 0;
};

/// The tokens of `source`, or an error "<path>:<line>:<col>: error: ..." for
/// an unterminated comment or literal. With `from`, only the tokens from the
/// first identifier `from` on: the ones before are read (errors and positions
/// stay the same) but not kept, so finding a block at the end of a large file
/// costs no token storage.
llvm::Expected<std::vector<Token>> tokenize(llvm::StringRef source, llvm::StringRef path,
                                            llvm::StringRef from = {});

}  // namespace structmig::history
