// How the migrate command line prints revisions: the one-line forms of
// `current` and `heads` ("<rev> (head) <message>"), Alembic-style history
// lines ("<parents> -> <rev> (head), <message>"), the multi-line blocks of
// --verbose and `show`, and revision ranges (-r A:B). Plain text, stable, one
// item per line, so scripts can parse it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig::cli {

/// "base", or the heads joined by ", ", each graph head marked " (head)".
std::string describe_position(const RevisionGraph& graph, const std::vector<std::string>& heads);

/// "<rev> (head) <message>" (no "(head)" when it is not a head of the graph;
/// "<rev> (unknown to this program)" when the graph does not have it).
std::string revision_line(const RevisionGraph& graph, const std::string& revision);

/// "<parents or <base>> -> <rev>[ (head)][ (branchpoint)][ (mergepoint)]
/// [ (current)], <message>".
std::string history_line(const RevisionGraph& graph, const std::string& revision,
                         const std::set<std::string>& current);

/// Rev, Parent, Depends on, Branches into, Transactional, timeouts, Checksum,
/// then the message indented; every line ends with '\n'.
std::string revision_block(const RevisionGraph& graph, const std::string& revision,
                           const std::set<std::string>& current);

/// The upgrade and downgrade SQL of a migration, rendered without a database
/// (a data migration shows what it records before its first query).
std::string sql_block(const Migration& migration);

/// The revisions of a range "A:B" (either side may be empty: base / every
/// head), both ends included, newest first.
std::vector<std::string> revisions_in_range(const RevisionGraph& graph, std::string_view range);

}  // namespace structmig::cli
