// Writes the metadata header and compiled_schema() (see generated_sources.hpp).
#include "commands/generated_sources.hpp"

#include "commands/command_support.hpp"
#include "render/render_compiled_schema.hpp"
#include "render/render_metadata.hpp"

namespace structmig::commands {
llvm::Error write_generated_sources(const GeneratedSourcePaths& paths,
                                    const extract::ExtractResult& models,
                                    const std::vector<std::string>& model_headers,
                                    std::vector<std::string>& written) {
  const std::string header = paths.metadata_header.empty() ? "" : absolute(paths.metadata_header);
  if (!header.empty()) {
    std::vector<std::string> includes;
    for (const std::string& model : model_headers) includes.push_back(absolute(model));
    if (auto err = write_build_file(
            header, render::render_metadata_header(models.bindings, includes), written)) {
      return err;
    }
  }
  if (paths.schema_source.empty()) return llvm::Error::success();
  return write_build_file(absolute(paths.schema_source),
                          render::render_compiled_schema(models.schema), written);
}

}  // namespace structmig::commands
