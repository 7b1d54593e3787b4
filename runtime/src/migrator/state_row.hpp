// The one row of structmig_state: where the database stands (its heads) and a
// digest of the checksums of every applied migration, as the locked run
// verified them. The lock-free start-up check reads this row alone (one table,
// no index: the cheapest read in a fresh session) and compares it with the row
// it would write itself at the program's heads; any other answer is doubtful
// and goes to the full read or the locked run. Triggers delete the row when
// anything changes structmig_version or structmig_history (an older release,
// an offline script, a stamp, a hand edit), so a row that is there is current.
#pragma once

#include <string>
#include <vector>

#include "structmig/revision_graph.hpp"

namespace structmig::detail {

struct StateRow {
  /// The heads, sorted, each as its length, ':' and the id, separated by ' '
  /// ("" at base): readable and unambiguous whatever a revision id contains.
  std::string heads;
  /// "v1:" and 16 hex digits: FNV-1a 64 over every applied revision (the
  /// heads and all they require, in id order) with its compiled checksum.
  std::string digest;

  bool operator==(const StateRow&) const = default;
};

/// The row for a database at `heads` (all known to `graph`), whose applied
/// migrations carry the checksums `graph` compiles (or none recorded).
StateRow state_row_at(const RevisionGraph& graph, const std::vector<std::string>& heads);

}  // namespace structmig::detail
