// How a migration file declares itself, light (generated files include it
// through structmig/generated.hpp; nothing of the standard library): each
// file in migrations/ ends with STRUCTMIG_MIGRATION({...}); the generated
// index of a migrations library includes every file, so their registrations
// land in one list. The macro's argument is literal data
// (migration_data.hpp), declared constexpr; its registration, out of line in
// the runtime, converts it to the owned Migration of compiled_migrations.hpp,
// which only the index (and migration.hpp) includes.
#pragma once

#include "structmig/migration_data.hpp"

namespace structmig {

namespace detail {
/// Appends the owned migration of `m` (compiled_migrations.hpp:
/// migration_from_data(m, checksum)) to registered_migrations(); the one
/// call of a migration's registration (out of line, in the runtime).
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
