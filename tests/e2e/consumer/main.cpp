// Prints the migrations compiled into this program, one per line:
// revision, checksum of its source file, message.
#include <iostream>

#include <structmig/migration.hpp>

int main() {
  for (const structmig::Migration& m : structmig::compiled_migrations()) {
    std::cout << m.revision << " " << m.checksum << " " << m.message << "\n";
  }
}
