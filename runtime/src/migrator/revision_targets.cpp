// Target resolution and step planning on the revision graph: what `head`,
// `heads`, `base`, `+N`, `-N` and (prefixes of) ids mean, and which revisions
// an upgrade or downgrade to them runs, in which order; see revision_graph.hpp.
#include <algorithm>
#include <charconv>

#include "structmig/spelling.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig {
namespace {


constexpr std::size_t kCandidatesShown = 12;

std::string describe_heads(const std::vector<std::string>& heads) {
  return heads.empty() ? std::string("base") : join(heads);
}

std::vector<std::string> filter_ordered(const std::vector<std::string>& ordered,
                                        const std::set<std::string>& keep) {
  std::vector<std::string> out;
  for (const auto& revision : ordered) {
    if (keep.count(revision) != 0) out.push_back(revision);
  }
  return out;
}

struct Relative {
  bool up = true;
  std::size_t steps = 0;
};

Relative parse_relative(std::string_view target) {
  std::string_view digits = target.substr(1);
  Relative relative{target.front() == '+', 0};
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), relative.steps);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size()) {
    throw UnknownRevision("invalid relative target \"" + std::string(target) +
                          "\" (expected +N or -N)");
  }
  return relative;
}

}  // namespace

bool is_relative_target(std::string_view target) {
  return target.size() > 1 && (target.front() == '+' || target.front() == '-');
}

std::vector<std::string> RevisionGraph::resolve(std::string_view target) const {
  if (target == "base") return {};
  if (target == "heads") return heads();
  if (target == "head") {
    auto all = heads();
    if (all.size() > 1) {
      throw MultipleHeads("the history has several heads (" + join(all) +
                              "); name one of them as the target, use `heads` for all of them, "
                              "or add a migration that merges them",
                          all);
    }
    return all;
  }
  if (!target.empty() && (target.front() == '+' || target.front() == '-')) {
    parse_relative(target);  // a malformed one is reported as such
    throw UnknownRevision("relative target " + std::string(target) +
                          " needs a current position (use it with upgrade or downgrade)");
  }
  return {resolve_revision(target)};
}

std::string RevisionGraph::resolve_revision(std::string_view id_or_prefix) const {
  if (id_or_prefix.empty()) throw UnknownRevision("empty revision target");
  if (contains(id_or_prefix)) return std::string(id_or_prefix);
  std::vector<std::string> candidates;
  for (auto it = nodes_.lower_bound(id_or_prefix);
       it != nodes_.end() &&
       std::string_view(it->first).substr(0, id_or_prefix.size()) == id_or_prefix;
       ++it) {
    candidates.push_back(it->first);
  }
  if (candidates.size() > 1) {
    std::string message = "revision prefix \"" + std::string(id_or_prefix) +
                          "\" is ambiguous; candidates: " + join(candidates);
    throw AmbiguousRevision(message, std::move(candidates));
  }
  if (candidates.empty()) {
    std::string message = "no revision matches \"" + std::string(id_or_prefix) + "\"";
    if (nodes_.empty()) {
      message += " (there are no migrations)";
    } else {
      std::vector<std::string> known;
      for (const auto& entry : nodes_) {
        if (known.size() == kCandidatesShown) break;
        known.push_back(entry.first);
      }
      message += "; known revisions: " + join(known);
      if (nodes_.size() > known.size()) {
        message += " and " + std::to_string(nodes_.size() - known.size()) + " more";
      }
      message += "; other targets: head, heads, base, +N, -N";
    }
    throw UnknownRevision(message);
  }
  return candidates.front();
}

std::vector<std::string> RevisionGraph::upgrade_steps(const std::vector<std::string>& current_heads,
                                                      std::string_view target) const {
  const std::set<std::string> applied = ancestors(current_heads);
  if (is_relative_target(target)) {
    const Relative relative = parse_relative(target);
    if (!relative.up) {
      throw WrongDirection("relative target " + std::string(target) + " goes down; use downgrade");
    }
    std::vector<std::string> steps;  // toward every head, in the graph's order
    for (const auto& revision : ordered_) {
      if (applied.count(revision) == 0) steps.push_back(revision);
    }
    if (relative.steps > steps.size()) {
      throw RevisionOutOfRange("relative target " + std::string(target) + " from " +
                               describe_heads(current_heads) + " goes past the head: only " +
                               std::to_string(steps.size()) + " migration(s) are left to apply");
    }
    steps.resize(relative.steps);
    return steps;
  }
  const std::vector<std::string> goal = resolve(target);
  if (goal.empty()) {
    if (applied.empty()) return {};
    throw WrongDirection("base is below the current revision " + describe_heads(current_heads) +
                         "; use downgrade");
  }
  for (const auto& wanted : goal) {
    if (applied.count(wanted) != 0 &&
        std::find(current_heads.begin(), current_heads.end(), wanted) == current_heads.end()) {
      throw WrongDirection("revision " + wanted + " is below the current revision " +
                           describe_heads(current_heads) + "; use downgrade");
    }
  }
  std::set<std::string> needed = ancestors(goal);
  for (const auto& revision : applied) needed.erase(revision);
  return filter_ordered(ordered_, needed);
}

std::vector<std::string> RevisionGraph::downgrade_steps(
    const std::vector<std::string>& current_heads, std::string_view target) const {
  const std::set<std::string> applied = ancestors(current_heads);
  auto newest_first = filter_ordered(ordered_, applied);
  std::reverse(newest_first.begin(), newest_first.end());
  if (is_relative_target(target)) {
    const Relative relative = parse_relative(target);
    if (relative.up) {
      throw WrongDirection("relative target " + std::string(target) + " goes up; use upgrade");
    }
    if (relative.steps > newest_first.size()) {
      throw RevisionOutOfRange("relative target " + std::string(target) + " from " +
                               describe_heads(current_heads) + " goes below base: only " +
                               std::to_string(newest_first.size()) + " migration(s) are applied");
    }
    newest_first.resize(relative.steps);
    return newest_first;
  }
  const std::vector<std::string> goal = resolve(target);
  if (goal.empty()) return newest_first;
  for (const auto& wanted : goal) {
    if (applied.count(wanted) == 0) {
      throw WrongDirection("revision " + wanted + " is not applied (the database is at " +
                           describe_heads(current_heads) + "); use upgrade");
    }
  }
  std::set<std::string> revert = descendants(goal);
  for (const auto& keep : goal) revert.erase(keep);
  std::vector<std::string> steps;
  for (const auto& revision : newest_first) {
    if (revert.count(revision) != 0) steps.push_back(revision);
  }
  return steps;
}

std::vector<std::string> RevisionGraph::heads_at(const std::vector<std::string>& current_heads,
                                                 std::string_view target) const {
  if (!is_relative_target(target)) return heads_of(ancestors(resolve(target)));
  std::set<std::string> applied = ancestors(current_heads);
  if (target.front() == '+') {
    for (const auto& revision : upgrade_steps(current_heads, target)) applied.insert(revision);
  } else {
    for (const auto& revision : downgrade_steps(current_heads, target)) applied.erase(revision);
  }
  return heads_of(applied);
}

}  // namespace structmig
