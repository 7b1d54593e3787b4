// The migration history as a directed acyclic graph of revisions: validation,
// heads and bases, a deterministic topological order, target resolution
// (head, heads, base, +N, -N, ids and id prefixes) and the steps between two
// points. Pure: no database, no I/O.
//
// A revision *requires* its parents (a merge has several) and the revisions it
// names in `depends_on`. Both kinds of edge order the history, and both count
// when deciding what must be applied first, what must be reverted with a
// revision, and which revisions are heads (nothing requires them). They differ
// only in what they say: a parent is the revision a migration was written on
// top of; a dependency is a revision of another branch it needs.
//
// The database's position is the set of its applied heads (structmig_version
// rows): the applied revisions that no other applied revision requires.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/error.hpp"
#include "structmig/migration.hpp"

namespace structmig {

/// Root of every revision-graph error (a HistoryError).
class RevisionError : public HistoryError {
 public:
  using HistoryError::HistoryError;
};
/// No revision has this id or prefix (or the target is malformed).
class UnknownRevision : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// A prefix matches several revisions; the message lists them.
class AmbiguousRevision : public RevisionError {
 public:
  AmbiguousRevision(const std::string& message, std::vector<std::string> candidates)
      : RevisionError(message), candidates_(std::move(candidates)) {}
  const std::vector<std::string>& candidates() const noexcept { return candidates_; }

 private:
  std::vector<std::string> candidates_;
};
/// `head` was asked for and the history has several heads; the message lists them.
class MultipleHeads : public RevisionError {
 public:
  MultipleHeads(const std::string& message, std::vector<std::string> heads)
      : RevisionError(message), heads_(std::move(heads)) {}
  const std::vector<std::string>& heads() const noexcept { return heads_; }

 private:
  std::vector<std::string> heads_;
};
/// The parent or dependency links form a cycle.
class CycleDetected : public RevisionError {
 public:
  CycleDetected(const std::string& message, std::vector<std::string> revisions)
      : RevisionError(message), revisions_(std::move(revisions)) {}
  /// The revisions on the cycle or waiting behind it, sorted.
  const std::vector<std::string>& revisions() const noexcept { return revisions_; }

 private:
  std::vector<std::string> revisions_;
};
/// A migration names a parent or a dependency that does not exist.
class MissingParent : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// Two migrations declare the same revision id (or an id is empty).
class DuplicateRevision : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// +N / -N asks for more steps than there are to apply / to revert.
class RevisionOutOfRange : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// The target lies the other way: an upgrade to an applied revision below the
/// current heads, or a downgrade to a revision that is not applied.
class WrongDirection : public RevisionError {
 public:
  using RevisionError::RevisionError;
};

class RevisionGraph {
 public:
  /// Validates ids, parents, dependencies and acyclicity; throws the
  /// RevisionError subclasses.
  explicit RevisionGraph(const std::vector<Migration>& migrations);

  bool contains(std::string_view revision) const;
  /// The migration with this exact id; throws UnknownRevision.
  const Migration& migration(std::string_view revision) const;
  /// In declaration order.
  std::vector<std::string> parents(std::string_view revision) const;
  /// `depends_on` without the revisions that are also parents, sorted.
  std::vector<std::string> dependencies(std::string_view revision) const;
  /// The revisions naming this one as parent, sorted.
  std::vector<std::string> children(std::string_view revision) const;
  /// The revisions naming this one in depends_on, sorted.
  std::vector<std::string> dependents(std::string_view revision) const;

  /// Revisions nothing requires (neither as parent nor as dependency), sorted.
  std::vector<std::string> heads() const;
  /// Revisions that require nothing, sorted.
  std::vector<std::string> bases() const;
  /// Revisions with several children, sorted.
  std::vector<std::string> branch_points() const;
  /// Required revisions before the revisions requiring them; among revisions
  /// ready at the same time, by id.
  const std::vector<std::string>& ordered() const { return ordered_; }
  std::size_t size() const { return ordered_.size(); }

  /// The given revisions and everything they require, transitively.
  std::set<std::string> ancestors(const std::vector<std::string>& revisions) const;
  /// The given revisions and everything requiring them, transitively.
  std::set<std::string> descendants(const std::vector<std::string>& revisions) const;
  /// The heads of a set of applied revisions: those no other member requires
  /// (what structmig_version holds), sorted.
  std::vector<std::string> heads_of(const std::set<std::string>& applied) const;

  /// Resolves an absolute target to revisions (sorted; empty = base):
  /// `head` (the single head; MultipleHeads when there are several), `heads`
  /// (every head), `base`, a full id or a unique prefix of one (an exact id
  /// wins over a longer id it prefixes). Relative targets throw UnknownRevision
  /// (they need a position: use the *_steps functions).
  std::vector<std::string> resolve(std::string_view target) const;
  /// A full id or unique prefix; UnknownRevision / AmbiguousRevision list
  /// the candidates.
  std::string resolve_revision(std::string_view id_or_prefix) const;

  /// The revisions to apply, in order, to go from current_heads up to target:
  /// any absolute target (everything it requires that is not applied yet) or
  /// `+N` (the next N revisions of the upgrade to every head). Empty when the
  /// target is already applied as a current head; WrongDirection when it is
  /// applied but below one.
  std::vector<std::string> upgrade_steps(const std::vector<std::string>& current_heads,
                                         std::string_view target) const;
  /// The revisions to revert, in order (requirers first), to go from
  /// current_heads down to target: `base` (everything), a revision (every
  /// applied revision requiring it, so it becomes a head again; other branches
  /// stay), or `-N` (the last N revisions applied, in reverse order).
  /// WrongDirection when the target is not applied.
  std::vector<std::string> downgrade_steps(const std::vector<std::string>& current_heads,
                                           std::string_view target) const;
  /// The heads the database would have at target (for stamp): an absolute
  /// target's revisions, or the heads after +N / -N steps from current_heads.
  std::vector<std::string> heads_at(const std::vector<std::string>& current_heads,
                                    std::string_view target) const;

  /// The head set after applying / reverting one revision (sorted).
  std::vector<std::string> heads_after_upgrade(const std::vector<std::string>& current_heads,
                                               std::string_view revision) const;
  std::vector<std::string> heads_after_downgrade(const std::vector<std::string>& current_heads,
                                                 std::string_view revision) const;

 private:
  struct Node {
    Migration migration;
    std::vector<std::string> parents;       // declaration order
    std::vector<std::string> dependencies;  // sorted, without parents
    std::vector<std::string> children;      // sorted
    std::vector<std::string> dependents;    // sorted
  };
  const Node& node(std::string_view revision) const;
  void link();
  void order();
  std::vector<std::string> requirements(const Node& n) const;
  std::vector<std::string> requirers(const Node& n) const;

  std::map<std::string, Node, std::less<>> nodes_;
  std::vector<std::string> ordered_;
};

/// True for `+N` / `-N` targets (the sign and at least one character).
bool is_relative_target(std::string_view target);

}  // namespace structmig
