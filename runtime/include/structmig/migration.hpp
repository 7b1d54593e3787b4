// The full API of a migration file written or edited by hand: the recorder
// with every operation and owned value (ops.hpp), the connection of a data
// migration, the registration (migration_registration.hpp: each file in
// migrations/ ends with STRUCTMIG_MIGRATION({...}); the generated index of a
// migrations library includes every file, so their registrations land in one
// list) and that list (compiled_migrations.hpp). Generated files include the
// light structmig/generated.hpp.
#pragma once

#include "structmig/compiled_migrations.hpp"
#include "structmig/migration_registration.hpp"
#include "structmig/ops.hpp"
