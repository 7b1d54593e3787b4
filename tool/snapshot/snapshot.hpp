// The snapshot file, migrations/schema.snapshot.json: the schema that the
// committed migration history produces and the head revision it belongs to.
// It is reviewed in diffs, so the text is canonical (fixed key order, one
// column per line, tables by name) and reading is strict: anything unexpected
// is an error that names the file, the table and the column.
#pragma once

#include <string>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "structmig/schema.hpp"

namespace structmig::snapshot {

struct Snapshot {
  std::string head;  // revision id of the newest migration; "" = no migration yet
  Schema schema;     // tables sorted by name

  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

/// Parses snapshot text. `path_for_errors` only labels the messages
/// ("<path>:<line>:<col>: error: invalid JSON: ...", "<path>: error: ...").
/// Tables come back sorted by name; columns keep the file's order.
llvm::Expected<Snapshot> parse_snapshot(llvm::StringRef text, llvm::StringRef path_for_errors);

/// Reads and parses a snapshot file. A missing file is not an error: it is the
/// state before the first migration (no head, no tables).
llvm::Expected<Snapshot> read_snapshot(llvm::StringRef path);

/// The canonical text, ending in a newline. format_snapshot(parse(x)) == x for
/// any file this function wrote.
std::string format_snapshot(const Snapshot& snapshot);

}  // namespace structmig::snapshot
