// The checks made before a database is touched: revisions in
// structmig_version that this program does not know, and applied migrations
// whose source changed since (their recorded checksum differs from the
// compiled one); and the history rows that accept such a change.
#pragma once

#include <string>
#include <vector>

#include "migrator/database_state.hpp"
#include "structmig/migrator.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig::detail {

/// The heads that are not in the graph, sorted.
std::vector<std::string> unknown_revisions(const RevisionGraph& graph,
                                           const std::vector<std::string>& heads);
/// Throws UnknownAppliedRevision when there are any.
void require_known(const RevisionGraph& graph, const std::vector<std::string>& heads);

/// Applied revisions (the heads must be known) whose latest recorded checksum
/// differs from the compiled one, in the graph's order. A revision without a
/// recorded or without a compiled checksum is not compared.
std::vector<ChecksumChange> changed_checksums(const RevisionGraph& graph,
                                              const RecordedState& state);

/// One history row (direction "checksum") per change, recording the compiled
/// checksum.
std::vector<std::string> accept_checksum_statements(const std::vector<ChecksumChange>& changes);

}  // namespace structmig::detail
