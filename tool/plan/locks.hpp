// The locks each operation takes on a live PostgreSQL database, and what
// they mean for the application meanwhile, in the words a reviewer reads
// above each step of a generated migration. What an operation takes can
// depend on what came before it in the same migration (a table created
// there is empty and unused; SET NOT NULL needs no scan once a CHECK (c IS
// NOT NULL) was validated; a VALIDATE of a foreign key also locks the
// referenced table), so the operations are described in order through one
// LockContext.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig::plan {

struct LockTaken {
  std::string lock;    // ACCESS EXCLUSIVE on "users"; row locks on "users", batch by batch
  std::string effect;  // brief: no rewrite, no scan (may be empty)
  friend bool operator==(const LockTaken&, const LockTaken&) = default;
};

class LockContext {
 public:
  /// `downgrade`: the operations roll a release back (which changes who
  /// still uses an old name).
  explicit LockContext(bool downgrade = false) : downgrade_(downgrade) {}

  /// The locks `op` takes, given the operations recorded before it.
  std::vector<LockTaken> locks(const Op& op) const;
  /// What a reviewer must know beyond the locks: a rename leaves running
  /// instances of the previous release (in a downgrade: of the release being
  /// rolled back) on the old name.
  std::optional<std::string> note(const Op& op) const;
  /// Call after describing `op`, before the next one.
  void record(const Op& op);

 private:
  bool downgrade_ = false;
  std::set<std::string> created_tables_;
  /// (table, constraint) → the tables it references, for VALIDATE of a
  /// constraint added in this migration (a foreign key's referenced table).
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> referenced_;
  /// (table, check) → expression of checks added in this migration.
  std::map<std::pair<std::string, std::string>, std::string> checks_;
  /// (table, expression) of checks validated in this migration.
  std::set<std::pair<std::string, std::string>> validated_checks_;
};

}  // namespace structmig::plan
