// The build directory's generated sources that come from the models rather
// than the history: the row-mapping metadata header (render_metadata) and the
// definition of compiled_schema() (render_compiled_schema). Rewritten on every
// run, like the index, so the build sees them newer than what it depends on.
#pragma once

#include <string>
#include <vector>

#include "extract/run.hpp"
#include "llvm/Support/Error.h"

namespace structmig::commands {

struct GeneratedSourcePaths {
  std::string metadata_header;  // "" = none
  std::string schema_source;    // "" = none
};

/// Writes what `paths` asks for from the extracted models; `model_headers`
/// are included by the metadata header (made absolute).
llvm::Error write_generated_sources(const GeneratedSourcePaths& paths,
                                    const extract::ExtractResult& models,
                                    const std::vector<std::string>& model_headers);

}  // namespace structmig::commands
