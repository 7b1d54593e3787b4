// A migration's registration as literal data: what a migration file's
// STRUCTMIG_MIGRATION({...}) declares, with the fields, names and defaults of
// structmig::Migration (migration.hpp), but every one a constant, so the
// macro declares it `constexpr` at namespace scope and the registration of a
// migration is one call with its address (no std::vector temporaries in the
// index's static initialisation). Follows schema_data.hpp: text is a
// `const char*`, nullptr (or "") means none; parents and depends_on are
// inline data::Names (`.parents = {"a1b2c3d4e5f6"}`, at most 32: more do not
// compile, "too many initializers").
#pragma once

#include "structmig/schema_data.hpp"

namespace structmig {

class Ops;

namespace data {

struct Migration {
  Text revision = nullptr;
  Names parents = {};
  Text message = nullptr;
  bool transactional = true;
  void (*upgrade)(Ops&) = nullptr;
  void (*downgrade)(Ops&) = nullptr;
  Names depends_on = {};
  Text lock_timeout = nullptr;
  Text statement_timeout = nullptr;
  int lock_retries = -1;
  Text checksum = nullptr;
};

}  // namespace data
}  // namespace structmig
