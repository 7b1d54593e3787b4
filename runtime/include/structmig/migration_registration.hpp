// How a migration file declares itself (the Migration struct and
// STRUCTMIG_MIGRATION), light: it needs only the recorder's declaration
// (ops_recorder.hpp). migration.hpp includes it with the full API.
#pragma once

#include <string_view>
#include <vector>

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
struct MigrationRegistrar {
  MigrationRegistrar(Migration m, std::string_view checksum) {
    if (m.checksum.empty()) m.checksum = checksum;
    registered_migrations().push_back(std::move(m));
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
#define STRUCTMIG_MIGRATION(...)                                                       \
  static const ::structmig::detail::MigrationRegistrar STRUCTMIG_DETAIL_CAT(            \
      structmig_registrar_, __COUNTER__) {                                             \
    ::structmig::Migration __VA_ARGS__, STRUCTMIG_CURRENT_CHECKSUM                     \
  }
