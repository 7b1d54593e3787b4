// Writes the metadata header and compiled_schema() (see generated_sources.hpp).
#include "commands/generated_sources.hpp"

#include "commands/command_support.hpp"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "render/migration_dir.hpp"
#include "render/render_compiled_schema.hpp"
#include "render/render_metadata.hpp"

namespace structmig::commands {
namespace {

llvm::Error write(const std::string& path, const std::string& text) {
  const llvm::StringRef parent = llvm::sys::path::parent_path(path);
  if (std::error_code ec = llvm::sys::fs::create_directories(parent)) {
    return error("structmig: error: cannot create " + parent + ": " + ec.message());
  }
  return render::write_file_atomically(path, text);
}

}  // namespace

llvm::Error write_generated_sources(const GeneratedSourcePaths& paths,
                                    const extract::ExtractResult& models,
                                    const std::vector<std::string>& model_headers) {
  const std::string header = paths.metadata_header.empty() ? "" : absolute(paths.metadata_header);
  if (!header.empty()) {
    std::vector<std::string> includes;
    for (const std::string& model : model_headers) includes.push_back(absolute(model));
    if (auto err = write(header, render::render_metadata_header(models.bindings, includes))) {
      return err;
    }
  }
  if (paths.schema_source.empty()) return llvm::Error::success();
  return write(absolute(paths.schema_source),
               render::render_compiled_schema(models.schema, header));
}

}  // namespace structmig::commands
