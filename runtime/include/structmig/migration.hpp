// The full API of a migration file written or edited by hand: the recorder
// with every operation and owned value (ops.hpp), the connection of a data
// migration, and the registration (migration_registration.hpp: each file in
// migrations/ ends with STRUCTMIG_MIGRATION({...}); the generated index of a
// migrations library includes every file, so their registrations land in one
// list). Generated files include the light structmig/generated.hpp.
#pragma once

#include "structmig/migration_registration.hpp"
#include "structmig/ops.hpp"
