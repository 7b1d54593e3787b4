// How a migration file declares itself, light (generated files include it
// through structmig/generated.hpp): each file in migrations/ ends with
// STRUCTMIG_MIGRATION({...}); the generated index of a migrations library
// includes every file, so their registrations land in one list. The macro's
// argument is literal data (migration_data.hpp), declared constexpr; its
// registration converts it to the owned Migration below. migration.hpp
// includes this header with the full API.
#pragma once

#include <string_view>
#include <vector>

#include "structmig/migration_data.hpp"
#include "structmig/ops_recorder.hpp"

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
/// data's own when set, else `checksum`. Throws std::invalid_argument for
/// a parent or dependency after a nullptr (names must be contiguous).
Migration migration_from_data(const data::Migration& m, std::string_view checksum);
/// Appends migration_from_data(m, checksum) to registered_migrations();
/// the one call of a migration's registration (out of line, in the runtime).
void register_migration(const data::Migration& m, const char* checksum);
struct MigrationRegistrar {
  MigrationRegistrar(const data::Migration& m, const char* checksum) {
    register_migration(m, checksum);
  }
};
}  // namespace detail

}  // namespace structmig

#define STRUCTMIG_DETAIL_CAT2(a, b) a##b
#define STRUCTMIG_DETAIL_CAT(a, b) STRUCTMIG_DETAIL_CAT2(a, b)
// The generated index defines STRUCTMIG_CURRENT_CHECKSUM (the checksum of the
// file's source) before it includes each migration file.
#ifndef STRUCTMIG_CURRENT_CHECKSUM
#define STRUCTMIG_CURRENT_CHECKSUM ""
#endif
// One __COUNTER__ value names both the data and its registrar.
#define STRUCTMIG_DETAIL_MIGRATION(id, ...)                                            \
  static constexpr ::structmig::data::Migration STRUCTMIG_DETAIL_CAT(                   \
      structmig_migration_, id) __VA_ARGS__;                                           \
  static const ::structmig::detail::MigrationRegistrar STRUCTMIG_DETAIL_CAT(            \
      structmig_registrar_, id) {                                                      \
    STRUCTMIG_DETAIL_CAT(structmig_migration_, id), STRUCTMIG_CURRENT_CHECKSUM          \
  }
#define STRUCTMIG_MIGRATION(...) STRUCTMIG_DETAIL_MIGRATION(__COUNTER__, __VA_ARGS__)
