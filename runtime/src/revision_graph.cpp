// Building, validating and walking the revision graph; see revision_graph.hpp.
#include "structmig/revision_graph.hpp"

#include <algorithm>
#include <charconv>
#include <queue>

namespace structmig {
namespace {

std::string join(const std::vector<std::string>& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string describe_heads(const std::vector<std::string>& heads) {
  return heads.empty() ? std::string("base") : join(heads);
}

template <typename Set>
std::vector<std::string> filter_ordered(const std::vector<std::string>& ordered, const Set& keep) {
  std::vector<std::string> out;
  for (const auto& revision : ordered) {
    if (keep.count(revision) != 0) out.push_back(revision);
  }
  return out;
}

}  // namespace

RevisionGraph::RevisionGraph(const std::vector<Migration>& migrations) {
  for (const auto& m : migrations) {
    if (m.revision.empty()) {
      throw DuplicateRevision("a migration has an empty revision id (message: \"" +
                              std::string(m.message) + "\")");
    }
    Node n{m, {}, {}};
    for (auto parent : m.parents) n.parents.emplace_back(parent);
    if (!nodes_.emplace(std::string(m.revision), std::move(n)).second) {
      throw DuplicateRevision("revision id " + std::string(m.revision) +
                              " is declared by more than one migration");
    }
  }
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
  }
  for (auto& entry : nodes_) std::sort(entry.second.children.begin(), entry.second.children.end());

  // Kahn's algorithm; a min-heap on the id makes the order deterministic.
  std::map<std::string, std::size_t, std::less<>> waiting;
  std::priority_queue<std::string, std::vector<std::string>, std::greater<>> ready;
  for (const auto& [revision, n] : nodes_) {
    waiting[revision] = n.parents.size();
    if (n.parents.empty()) ready.push(revision);
  }
  while (!ready.empty()) {
    std::string revision = ready.top();
    ready.pop();
    for (const auto& child : nodes_.at(revision).children) {
      if (--waiting[child] == 0) ready.push(child);
    }
    ordered_.push_back(std::move(revision));
  }
  if (ordered_.size() != nodes_.size()) {
    std::vector<std::string> stuck;
    for (const auto& [revision, count] : waiting) {
      if (count != 0) stuck.push_back(revision);
    }
    throw CycleDetected("the parent links form a cycle through: " + join(stuck));
  }
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

std::vector<std::string> RevisionGraph::children(std::string_view revision) const {
  return node(revision).children;
}

std::vector<std::string> RevisionGraph::heads() const {
  std::vector<std::string> out;
  for (const auto& [revision, n] : nodes_) {
    if (n.children.empty()) out.push_back(revision);
  }
  return out;
}

std::vector<std::string> RevisionGraph::bases() const {
  std::vector<std::string> out;
  for (const auto& [revision, n] : nodes_) {
    if (n.parents.empty()) out.push_back(revision);
  }
  return out;
}

std::set<std::string> RevisionGraph::ancestors(const std::vector<std::string>& revisions) const {
  std::set<std::string> seen;
  std::vector<std::string> stack(revisions.begin(), revisions.end());
  while (!stack.empty()) {
    std::string revision = std::move(stack.back());
    stack.pop_back();
    if (!seen.insert(revision).second) continue;
    for (const auto& parent : node(revision).parents) stack.push_back(parent);
  }
  return seen;
}

std::string RevisionGraph::resolve(std::string_view target,
                                   const std::vector<std::string>& current_heads) const {
  if (target == "base") return "";
  if (target == "head") {
    auto all = heads();
    if (all.size() > 1) {
      throw MultipleHeads("the history has several heads (" + join(all) +
                          "); name one revision as the target (merging branches is not "
                          "supported yet)");
    }
    return all.empty() ? std::string() : all.front();
  }
  if (!target.empty() && (target.front() == '+' || target.front() == '-')) {
    return resolve_relative(target, current_heads);
  }
  return resolve_id(target);
}

std::string RevisionGraph::resolve_id(std::string_view id_or_prefix) const {
  if (id_or_prefix.empty()) throw UnknownRevision("empty revision target");
  if (contains(id_or_prefix)) return std::string(id_or_prefix);
  std::vector<std::string> candidates;
  for (auto it = nodes_.lower_bound(id_or_prefix);
       it != nodes_.end() &&
       std::string_view(it->first).substr(0, id_or_prefix.size()) == id_or_prefix;
       ++it) {
    candidates.push_back(it->first);
  }
  if (candidates.empty()) {
    throw UnknownRevision("no revision matches \"" + std::string(id_or_prefix) + "\"");
  }
  if (candidates.size() > 1) {
    std::string message = "revision prefix \"" + std::string(id_or_prefix) +
                          "\" is ambiguous; candidates: " + join(candidates);
    throw AmbiguousRevision(message, std::move(candidates));
  }
  return candidates.front();
}

std::string RevisionGraph::resolve_relative(std::string_view target,
                                            const std::vector<std::string>& current_heads) const {
  const bool up = target.front() == '+';
  std::string_view digits = target.substr(1);
  std::size_t steps = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), steps);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    throw UnknownRevision("invalid relative target \"" + std::string(target) +
                          "\" (expected +N or -N)");
  }
  if (current_heads.size() > 1) {
    throw MultipleHeads(
        "relative target " + std::string(target) +
        " needs a single current revision, but the database is at several: " + join(current_heads));
  }
  std::string at = current_heads.empty() ? std::string() : current_heads.front();
  if (!at.empty()) node(at);  // an unknown current revision is reported as such
  for (std::size_t walked = 0; walked < steps; ++walked) {
    std::vector<std::string> next = up ? (at.empty() ? bases() : children(at))
                                       : (at.empty() ? std::vector<std::string>{} : parents(at));
    if (!up && !at.empty() && next.empty()) {
      next.push_back("");  // one step below a first revision is base
    }
    if (next.empty()) {
      throw RevisionOutOfRange("relative target " + std::string(target) + " from " +
                               describe_heads(current_heads) + " goes " +
                               (up ? "past the head" : "below base") + " after " +
                               std::to_string(walked) + " step(s)");
    }
    if (next.size() > 1) {
      if (up) {
        throw MultipleHeads("relative target " + std::string(target) +
                            " is ambiguous: " + (at.empty() ? std::string("base") : at) +
                            " is followed by several branches (" + join(next) + ")");
      }
      std::string message = "relative target " + std::string(target) + " is ambiguous: " + at +
                            " is a merge of " + join(next);
      throw AmbiguousRevision(message, next);
    }
    at = next.front();
  }
  return at;
}

std::vector<std::string> RevisionGraph::upgrade_steps(const std::vector<std::string>& current_heads,
                                                      std::string_view target) const {
  const std::set<std::string> applied = ancestors(current_heads);
  if (target.empty()) {
    if (applied.empty()) return {};
    throw WrongDirection("base is below the current revision " + describe_heads(current_heads) +
                         "; use downgrade");
  }
  const std::string wanted(target);
  if (applied.count(wanted) != 0) {
    if (std::find(current_heads.begin(), current_heads.end(), wanted) != current_heads.end()) {
      return {};
    }
    throw WrongDirection("revision " + wanted + " is below the current revision " +
                         describe_heads(current_heads) + "; use downgrade");
  }
  std::set<std::string> needed = ancestors({wanted});
  for (const auto& revision : applied) needed.erase(revision);
  return filter_ordered(ordered_, needed);
}

std::vector<std::string> RevisionGraph::downgrade_steps(
    const std::vector<std::string>& current_heads, std::string_view target) const {
  std::set<std::string> revert = ancestors(current_heads);
  if (!target.empty()) {
    const std::string wanted(target);
    node(wanted);
    if (revert.count(wanted) == 0) {
      throw WrongDirection("revision " + wanted + " is not applied (the database is at " +
                           describe_heads(current_heads) + "); use upgrade");
    }
    for (const auto& keep : ancestors({wanted})) revert.erase(keep);
  }
  auto steps = filter_ordered(ordered_, revert);
  std::reverse(steps.begin(), steps.end());
  return steps;
}

std::vector<std::string> RevisionGraph::heads_after_upgrade(
    const std::vector<std::string>& current_heads, std::string_view revision) const {
  const auto& n = node(revision);
  std::set<std::string> out(current_heads.begin(), current_heads.end());
  for (const auto& parent : n.parents) out.erase(parent);
  out.insert(std::string(revision));
  return {out.begin(), out.end()};
}

std::vector<std::string> RevisionGraph::heads_after_downgrade(
    const std::vector<std::string>& current_heads, std::string_view revision) const {
  const auto& n = node(revision);
  std::vector<std::string> others;
  for (const auto& head : current_heads) {
    if (head != revision) others.push_back(head);
  }
  // A parent becomes a head again unless another remaining head still needs it.
  const std::set<std::string> still_applied = ancestors(others);
  std::set<std::string> out(others.begin(), others.end());
  for (const auto& parent : n.parents) {
    if (still_applied.count(parent) == 0) out.insert(parent);
  }
  return {out.begin(), out.end()};
}

}  // namespace structmig
