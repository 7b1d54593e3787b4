// The build directory's generated sources that come from the models rather
// than the history: the row-mapping metadata header (render_metadata) and the
// definition of compiled_schema() (render_compiled_schema). Like the index,
// each is written only when its content changed (output::write_file_if_changed):
// a model touched without a schema change leaves both untouched, and Ninja
// (custom commands restat their outputs) rebuilds nothing after them.
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
/// are included by the metadata header (made absolute). Appends to `written`
/// the path of each file whose content changed (the others are not touched).
llvm::Error write_generated_sources(const GeneratedSourcePaths& paths,
                                    const extract::ExtractResult& models,
                                    const std::vector<std::string>& model_headers,
                                    std::vector<std::string>& written);

}  // namespace structmig::commands
