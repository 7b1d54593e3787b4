// Checks of the migration history before anything is generated, with errors
// that name the files involved and say what to do: duplicate revision ids,
// parents or .depends_on entries no migration declares, cycles (all found by
// the runtime's RevisionGraph, which this builds from the declarations), more
// than one head (branches merged in git), and a snapshot whose recorded head
// is not the history's head.
#pragma once

#include <string>
#include <vector>

#include "history/history.hpp"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "structmig/revision_graph.hpp"

namespace structmig::history {

/// The validated graph of `history` (Migration values without functions).
/// It refers to the strings of `history`, which must outlive it unchanged.
/// As at run time, .depends_on entries are edges too: a revision another one
/// depends on is no head.
llvm::Expected<RevisionGraph> build_graph(const History& history);

/// The one head of the history, "" when there are no migrations. Several
/// heads are an error naming each head (revision, file, message) and the fix:
///   the history has 2 heads (branches were merged in git); run the
///   migrations_merge target (structmig merge) to join them
llvm::Expected<std::string> single_head(const History& history, const RevisionGraph& graph);

/// The revisions of several heads, with their files; "" when there is one.
std::string describe_heads(const History& history, const std::vector<std::string>& heads);

/// The snapshot at `snapshot_path` records `snapshot_head`; it must be `head`,
/// the history's single head ("" for no migrations and no snapshot head).
/// Otherwise an error that names the files and what to do.
llvm::Error check_snapshot_head(const History& history, llvm::StringRef head,
                                llvm::StringRef snapshot_head, llvm::StringRef snapshot_path);

}  // namespace structmig::history
