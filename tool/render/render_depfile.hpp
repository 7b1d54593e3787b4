// The Makefile-style depfile the build reads (CMake DEPFILE): the index
// depends on every file the models read, the snapshot, the migrations
// directory (its time changes when a file is added or removed) and each
// migration file (an edit changes its checksum in the index): "<index>:",
// then each dependency on a continuation line of its own.
#pragma once

#include <string>
#include <vector>

namespace structmig::render {

/// `target:` then one dependency per continuation line, spaces, '#' and '\'
/// escaped with '\' and '$' doubled, ending in a newline.
std::string render_depfile(const std::string& target, const std::vector<std::string>& deps);

}  // namespace structmig::render
