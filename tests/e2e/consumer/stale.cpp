// Must NOT compile once the model changed after the kept copy of the
// generated metadata (stale/consumer_migrations/models.hpp, put there by
// consumer_e2e.sh) was generated: the metadata's assertions stop the build.
#include <iostream>

#include <consumer_migrations/models.hpp>

int main() { std::cout << structmig::model_traits<Note>::table << "\n"; }
