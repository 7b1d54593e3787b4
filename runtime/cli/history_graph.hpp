// `history --graph`: the revision graph as a picture, in Graphviz dot or in
// Mermaid (which review tools render in Markdown). Base on top, each
// revision a box labelled with its id, message and marks, parent → child
// edges solid, depends_on edges dashed. Marks: a head is drawn blue and bold,
// a branch point as a trapezium widening downwards, a merge point as one
// narrowing downwards (a hexagon when it is both), a current revision filled
// green; the label also says (head), (branchpoint), (mergepoint), (current) as
// `history` does. Deterministic: nodes and edges in the graph's order.
#pragma once

#include <set>
#include <string>

#include "structmig/revision_graph.hpp"

namespace structmig::cli {

std::string graph_dot(const RevisionGraph& graph, const std::set<std::string>& current);
std::string graph_mermaid(const RevisionGraph& graph, const std::set<std::string>& current);

}  // namespace structmig::cli
