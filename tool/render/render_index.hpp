// The index of a migrations library: one generated .cpp in the build directory
// that #includes every migration file, so their registrations land in one
// translation unit and a file the build just wrote is compiled in the same
// build without re-running CMake. Before each #include it defines
// STRUCTMIG_CURRENT_CHECKSUM as that file's checksum (history/checksum.hpp),
// which the file's STRUCTMIG_MIGRATION hands to the runtime, so the runtime can
// tell that a migration it already applied has been edited since.
//
// clang-format off
//   #include <structmig/compiled_migrations.hpp>
//
//   #undef STRUCTMIG_CURRENT_CHECKSUM
//   #define STRUCTMIG_CURRENT_CHECKSUM "9f86d081884c7d65…"
//   #include "/abs/migrations/0001_create_tickets.cpp"
//   …
//   #undef STRUCTMIG_CURRENT_CHECKSUM
//   #define STRUCTMIG_CURRENT_CHECKSUM ""
//
//   const std::vector<structmig::Migration>& structmig::compiled_migrations() {…}
// clang-format on
#pragma once

#include <string>
#include <vector>

namespace structmig::render {

struct IndexEntry {
  std::string path;      // absolute; written verbatim inside #include "..."
  std::string checksum;  // lowercase hex
};

/// `entries` are already in migration order (see list_migration_files).
std::string render_index(const std::vector<IndexEntry>& entries);

}  // namespace structmig::render
