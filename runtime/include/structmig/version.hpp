// structmig's version, from the top CMakeLists.txt's project(VERSION), the one
// place it is written; `structmig --version` and `<app>_migrate --version`
// print it.
#pragma once

#include <string_view>

namespace structmig {

/// "MAJOR.MINOR.PATCH" of the structmig release this runtime was built from.
std::string_view version() noexcept;

}  // namespace structmig
