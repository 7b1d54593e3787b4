// How a migration file declares itself. Each file in migrations/ ends with
// STRUCTMIG_MIGRATION({...}); the generated index of a migrations library
// includes every file, so their registrations land in one list.
#pragma once

#include <string_view>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig {

struct Migration {
  std::string_view revision;              // deterministic id, 12 hex digits
  std::vector<std::string_view> parents;  // empty for the first migration
  std::string_view message;
  bool transactional = true;  // false: runs outside a transaction
  void (*upgrade)(Ops&) = nullptr;
  void (*downgrade)(Ops&) = nullptr;
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
  explicit MigrationRegistrar(Migration m) { registered_migrations().push_back(std::move(m)); }
};
}  // namespace detail

}  // namespace structmig

#define STRUCTMIG_DETAIL_CAT2(a, b) a##b
#define STRUCTMIG_DETAIL_CAT(a, b) STRUCTMIG_DETAIL_CAT2(a, b)
#define STRUCTMIG_MIGRATION(...)                                                       \
  static const ::structmig::detail::MigrationRegistrar STRUCTMIG_DETAIL_CAT(            \
      structmig_registrar_, __COUNTER__) {                                             \
    ::structmig::Migration __VA_ARGS__                                                 \
  }
