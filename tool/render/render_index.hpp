// The index of a migrations library: one generated .cpp in the build directory
// that #includes every migration file, so their registrations land in one
// translation unit and a file the build just wrote is compiled in the same
// build without re-running CMake.
#pragma once

#include <string>
#include <vector>

namespace structmig::render {

/// `migration_paths` are absolute and already in migration order (see
/// list_migration_files); they are written verbatim inside #include "...".
std::string render_index(const std::vector<std::string>& migration_paths);

}  // namespace structmig::render
