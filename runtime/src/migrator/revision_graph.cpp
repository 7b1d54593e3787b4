// Building and validating the revision graph, and the structural queries
// (heads, bases, ancestors, descendants); see revision_graph.hpp. Target
// resolution and step planning live in revision_targets.cpp.
#include "structmig/revision_graph.hpp"

#include <algorithm>
#include <queue>

#include "structmig/spelling.hpp"

namespace structmig {
namespace {

// Every revision reachable from `start` (included) along `next` edges.
template <typename Next>
std::set<std::string> reachable(const std::vector<std::string>& start, Next next) {
  std::set<std::string> seen;
  std::vector<std::string> stack(start.begin(), start.end());
  while (!stack.empty()) {
    std::string revision = std::move(stack.back());
    stack.pop_back();
    if (!seen.insert(revision).second) continue;
    for (auto& following : next(revision)) stack.push_back(std::move(following));
  }
  return seen;
}

}  // namespace


RevisionGraph::RevisionGraph(const std::vector<Migration>& migrations) {
  for (const auto& m : migrations) {
    if (m.revision.empty()) {
      throw DuplicateRevision("a migration has an empty revision id (message: \"" +
                              std::string(m.message) + "\")");
    }
    Node n{m, {}, {}, {}, {}};
    for (auto parent : m.parents) n.parents.emplace_back(parent);
    if (!nodes_.emplace(std::string(m.revision), std::move(n)).second) {
      throw DuplicateRevision("revision id " + std::string(m.revision) +
                              " is declared by more than one migration");
    }
  }
  link();
  order();
}

// Checks every parent and dependency exists and records the reverse edges.
void RevisionGraph::link() {
  for (auto& [revision, n] : nodes_) {
    std::set<std::string> seen;
    for (const auto& parent : n.parents) {
      if (!seen.insert(parent).second) {
        throw DuplicateRevision("revision " + revision + " names parent " + parent + " twice");
      }
      auto it = nodes_.find(parent);
      if (it == nodes_.end()) {
        throw MissingParent("revision " + revision + " names parent " + parent +
                            ", which does not exist");
      }
      it->second.children.push_back(revision);
    }
    std::set<std::string> dependencies;
    for (auto dependency : n.migration.depends_on) {
      const std::string id(dependency);
      if (nodes_.find(id) == nodes_.end()) {
        throw MissingParent("revision " + revision + " depends on " + id +
                            ", which does not exist");
      }
      if (seen.count(id) == 0) dependencies.insert(id);  // a parent is required anyway
    }
    n.dependencies.assign(dependencies.begin(), dependencies.end());
    for (const auto& dependency : n.dependencies) {
      nodes_.find(dependency)->second.dependents.push_back(revision);
    }
  }
  for (auto& entry : nodes_) {
    std::sort(entry.second.children.begin(), entry.second.children.end());
    std::sort(entry.second.dependents.begin(), entry.second.dependents.end());
  }
}

// Kahn's algorithm over both kinds of edge; a min-heap on the id makes the
// order deterministic.
void RevisionGraph::order() {
  std::map<std::string, std::size_t, std::less<>> waiting;
  std::priority_queue<std::string, std::vector<std::string>, std::greater<>> ready;
  for (const auto& [revision, n] : nodes_) {
    waiting[revision] = n.parents.size() + n.dependencies.size();
    if (waiting[revision] == 0) ready.push(revision);
  }
  while (!ready.empty()) {
    std::string revision = ready.top();
    ready.pop();
    for (const auto& next : requirers(nodes_.at(revision))) {
      if (--waiting[next] == 0) ready.push(next);
    }
    ordered_.push_back(std::move(revision));
  }
  if (ordered_.size() != nodes_.size()) {
    std::vector<std::string> stuck;
    for (const auto& [revision, count] : waiting) {
      if (count != 0) stuck.push_back(revision);
    }
    throw CycleDetected("the parent and dependency links form a cycle through: " + join(stuck),
                        stuck);
  }
}

std::vector<std::string> RevisionGraph::requirements(const Node& n) const {
  std::vector<std::string> out = n.parents;
  out.insert(out.end(), n.dependencies.begin(), n.dependencies.end());
  return out;
}

std::vector<std::string> RevisionGraph::requirers(const Node& n) const {
  std::vector<std::string> out = n.children;
  out.insert(out.end(), n.dependents.begin(), n.dependents.end());
  return out;
}

bool RevisionGraph::contains(std::string_view revision) const {
  return nodes_.find(revision) != nodes_.end();
}

const RevisionGraph::Node& RevisionGraph::node(std::string_view revision) const {
  auto it = nodes_.find(revision);
  if (it == nodes_.end()) throw UnknownRevision("unknown revision " + std::string(revision));
  return it->second;
}

const Migration& RevisionGraph::migration(std::string_view revision) const {
  return node(revision).migration;
}

std::vector<std::string> RevisionGraph::parents(std::string_view revision) const {
  return node(revision).parents;
}

std::vector<std::string> RevisionGraph::dependencies(std::string_view revision) const {
  return node(revision).dependencies;
}

std::vector<std::string> RevisionGraph::children(std::string_view revision) const {
  return node(revision).children;
}

std::vector<std::string> RevisionGraph::dependents(std::string_view revision) const {
  return node(revision).dependents;
}

std::vector<std::string> RevisionGraph::heads() const {
  std::vector<std::string> out;
  for (const auto& [revision, n] : nodes_) {
    if (n.children.empty() && n.dependents.empty()) out.push_back(revision);
  }
  return out;
}

std::vector<std::string> RevisionGraph::bases() const {
  std::vector<std::string> out;
  for (const auto& [revision, n] : nodes_) {
    if (n.parents.empty() && n.dependencies.empty()) out.push_back(revision);
  }
  return out;
}

std::vector<std::string> RevisionGraph::branch_points() const {
  std::vector<std::string> out;
  for (const auto& [revision, n] : nodes_) {
    if (n.children.size() > 1) out.push_back(revision);
  }
  return out;
}

std::set<std::string> RevisionGraph::ancestors(const std::vector<std::string>& revisions) const {
  return reachable(revisions, [&](const std::string& r) { return requirements(node(r)); });
}

std::set<std::string> RevisionGraph::descendants(const std::vector<std::string>& revisions) const {
  return reachable(revisions, [&](const std::string& r) { return requirers(node(r)); });
}

std::vector<std::string> RevisionGraph::heads_of(const std::set<std::string>& applied) const {
  std::vector<std::string> out;
  for (const auto& revision : applied) {
    const auto next = requirers(node(revision));
    const bool required = std::any_of(next.begin(), next.end(),
                                      [&](const std::string& r) { return applied.count(r) != 0; });
    if (!required) out.push_back(revision);
  }
  return out;
}

std::vector<std::string> RevisionGraph::heads_after_upgrade(
    const std::vector<std::string>& current_heads, std::string_view revision) const {
  std::set<std::string> applied = ancestors(current_heads);
  for (const auto& required : ancestors({std::string(revision)})) applied.insert(required);
  return heads_of(applied);
}

std::vector<std::string> RevisionGraph::heads_after_downgrade(
    const std::vector<std::string>& current_heads, std::string_view revision) const {
  std::set<std::string> applied = ancestors(current_heads);
  // Reverting a revision reverts whatever requires it, too.
  for (const auto& requirer : descendants({std::string(revision)})) applied.erase(requirer);
  return heads_of(applied);
}

}  // namespace structmig
