// The owned list of a program's migrations: structmig::Migration and
// compiled_migrations(), which the generated index of a migrations library
// defines. The index includes this header (then every migration file, which
// include the light structmig/generated.hpp); a migration file does not need
// it, so its <vector> stays out of them. migration.hpp includes it with the
// full API.
#pragma once

#include <string_view>
#include <vector>

#include "structmig/migration_data.hpp"
#include "structmig/migration_registration.hpp"

namespace structmig {

struct Migration {
  std::string_view revision;              // deterministic id, 12 hex digits
  std::vector<std::string_view> parents;  // empty for the first; several for a merge
  std::string_view message;
  bool transactional = true;  // false: runs outside a transaction (CREATE INDEX CONCURRENTLY)
  void (*upgrade)(Ops&) = nullptr;
  void (*downgrade)(Ops&) = nullptr;
  /// Other revisions that must be applied before this one, without being its
  /// parents (a migration of one branch that needs a table of another).
  std::vector<std::string_view> depends_on = {};
  /// PostgreSQL settings for this migration's session while it runs
  /// ("5s", "0" = none); empty: the run's own setting.
  std::string_view lock_timeout = {};
  std::string_view statement_timeout = {};
  /// Retries of a step after a lock timeout; negative: the run's setting.
  int lock_retries = -1;
  /// Checksum of the migration's source file, set by the generated index
  /// (empty for migrations that are not compiled from a file).
  std::string_view checksum = {};
};

/// Every migration compiled into this program, in registration order.
/// Defined by the generated index of a migrations library.
const std::vector<Migration>& compiled_migrations();

namespace detail {
/// The list the registrations of one program's migrations are appended to.
inline std::vector<Migration>& registered_migrations() {
  static std::vector<Migration> list;
  return list;
}
/// The owned migration of a migration file's data: text pointers become
/// views of the same (static) text, nullptr empty; the checksum is the
/// data's own when set, else `checksum`. Throws InvalidOperation for
/// a parent or dependency after a nullptr (names must be contiguous).
Migration migration_from_data(const data::Migration& m, std::string_view checksum);
}  // namespace detail

}  // namespace structmig
