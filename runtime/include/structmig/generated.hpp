// What a generated migration file includes: the recorder (ops_recorder.hpp),
// the literal data its calls take (schema_data.hpp) and the registration
// (migration_registration.hpp), and nothing of the full API, so that a
// migration of many tables compiles fast: of the standard library only what
// the recorder's declarations name (<cstddef>, <optional>, <string_view>,
// <variant>); the owned Migration and its <vector> are in
// compiled_migrations.hpp, which the generated index includes. A migration
// edited by hand to use the full API (a data migration with op.connection()
// or op.update_in_batches, braced owned values) includes
// <structmig/migration.hpp> instead.
#pragma once

#include "structmig/migration_registration.hpp"
#include "structmig/ops_recorder.hpp"
#include "structmig/schema_data.hpp"
