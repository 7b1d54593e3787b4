// The migrate executable of one application: its compiled-in migrations (and,
// when the generated code provides it, its compiled schema for `check`)
// handed to the structmig command-line driver. structmig_add_migrations
// defines STRUCTMIG_HAS_COMPILED_SCHEMA when the generated library defines
// structmig::compiled_schema(); without it `check` reports that it has none.
#include "commands.hpp"
#include "structmig/drift.hpp"

int main(int argc, char** argv) {
#ifdef STRUCTMIG_HAS_COMPILED_SCHEMA
  return structmig::cli::run(argc, argv, structmig::compiled_migrations(),
                             &structmig::compiled_schema());
#else
  return structmig::cli::run(argc, argv, structmig::compiled_migrations());
#endif
}
