// The migration history as a directed acyclic graph of revisions (a merge has
// several parents): validation, heads and bases, a deterministic topological
// order, target resolution (head, base, +N, -N, ids and id prefixes) and the
// steps between two points. Pure: no database, no I/O.
#pragma once

#include <cstddef>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/migration.hpp"

namespace structmig {

/// Root of every revision-graph error.
class RevisionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
/// No revision has this id or prefix.
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
/// An operation needs one head (or one current revision) and there are several.
class MultipleHeads : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// The parent links form a cycle.
class CycleDetected : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// A migration names a parent that does not exist.
class MissingParent : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// Two migrations declare the same revision id (or an id is empty).
class DuplicateRevision : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// +N / -N walks past the head or below base.
class RevisionOutOfRange : public RevisionError {
 public:
  using RevisionError::RevisionError;
};
/// The target lies the other way: an upgrade to an applied revision below the
/// current one, or a downgrade to a revision that is not applied.
class WrongDirection : public RevisionError {
 public:
  using RevisionError::RevisionError;
};

class RevisionGraph {
 public:
  /// Validates ids, parents and acyclicity; throws the RevisionError subclasses.
  explicit RevisionGraph(const std::vector<Migration>& migrations);

  bool contains(std::string_view revision) const;
  /// The migration with this exact id; throws UnknownRevision.
  const Migration& migration(std::string_view revision) const;
  std::vector<std::string> parents(std::string_view revision) const;
  /// Sorted by id.
  std::vector<std::string> children(std::string_view revision) const;

  /// Revisions nobody names as parent, sorted by id.
  std::vector<std::string> heads() const;
  /// Revisions without parents, sorted by id.
  std::vector<std::string> bases() const;
  /// Parents before children; among revisions ready at the same time, by id.
  const std::vector<std::string>& ordered() const { return ordered_; }
  std::size_t size() const { return ordered_.size(); }

  /// The given revisions and all their ancestors.
  std::set<std::string> ancestors(const std::vector<std::string>& revisions) const;

  /// Resolves a target to a revision id; "" means base. Targets: `head`,
  /// `base`, `+N` / `-N` relative to the single current revision, a full id,
  /// or a unique prefix of one (an exact id wins over a longer id it prefixes).
  std::string resolve(std::string_view target, const std::vector<std::string>& current_heads) const;

  /// The revisions to apply, in order, to go from current_heads up to target
  /// ("" = base). Empty when target is already a current head or base is asked
  /// for at base; WrongDirection when target is applied but below a head.
  std::vector<std::string> upgrade_steps(const std::vector<std::string>& current_heads,
                                         std::string_view target) const;
  /// The revisions to revert, in order (children first), to go from
  /// current_heads down to target ("" = base). WrongDirection when target is
  /// not applied.
  std::vector<std::string> downgrade_steps(const std::vector<std::string>& current_heads,
                                           std::string_view target) const;

  /// The head set after applying / reverting one revision (sorted).
  std::vector<std::string> heads_after_upgrade(const std::vector<std::string>& current_heads,
                                               std::string_view revision) const;
  std::vector<std::string> heads_after_downgrade(const std::vector<std::string>& current_heads,
                                                 std::string_view revision) const;

 private:
  struct Node {
    Migration migration;
    std::vector<std::string> parents;
    std::vector<std::string> children;  // sorted
  };
  const Node& node(std::string_view revision) const;
  std::string resolve_id(std::string_view id_or_prefix) const;
  std::string resolve_relative(std::string_view target,
                               const std::vector<std::string>& current_heads) const;

  std::map<std::string, Node, std::less<>> nodes_;
  std::vector<std::string> ordered_;
};

}  // namespace structmig
