// The migrate executable of one application: its compiled-in migrations
// handed to the structmig command-line driver.
#include "commands.hpp"

int main(int argc, char** argv) {
  return structmig::cli::run(argc, argv, structmig::compiled_migrations());
}
