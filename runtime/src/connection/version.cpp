// structmig::version(): STRUCTMIG_VERSION is defined for this file alone by
// runtime/CMakeLists.txt from the project's version.
#include "structmig/version.hpp"

namespace structmig {

std::string_view version() noexcept { return STRUCTMIG_VERSION; }

}  // namespace structmig
