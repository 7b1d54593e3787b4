// Runs Clang once over the model headers: an in-memory translation unit that
// #includes each of them, parsed through a ToolInvocation over an overlay
// file system, so nothing is written to disk and every diagnostic goes to the
// caller's stream.
#include "extract/run.hpp"

#include <memory>
#include <set>
#include <utility>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include "extract/extract.hpp"

namespace structmig::extract {
namespace {

// The in-memory translation unit's name (in the working directory; it never
// exists on disk, and an existing file of that name is shadowed, not read).
constexpr llvm::StringLiteral kTranslationUnitName = "structmig-models.cpp";

// The working directory, asked once: make_absolute(path) asks again (two
// stat calls) for every path, thousands of times with thousands of models.
const std::string& working_directory() {
  static const std::string directory = [] {
    llvm::SmallString<256> cwd;
    if (llvm::sys::fs::current_path(cwd)) return std::string();
    return std::string(cwd);
  }();
  return directory;
}

std::string absolute_path(llvm::StringRef path) {
  llvm::SmallString<256> absolute(path);
  if (working_directory().empty()) {
    llvm::sys::fs::make_absolute(absolute);
  } else {
    llvm::sys::fs::make_absolute(working_directory(), absolute);
  }
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/false);
  return std::string(absolute);
}

// The canonical path of a file that was read. `..` cannot be removed
// lexically: the compiler's system include paths go through symlinks (on a
// merged-/usr system /lib/gcc/../../include is /usr/include). Clang already
// resolved it when it opened the file (the name of the open descriptor), so
// realpath() (a readlink per path component) is only the fallback.
std::string real_file_path(const clang::FileEntry& file) {
  llvm::StringRef known = file.tryGetRealPathName();
  if (!known.empty()) return known.str();
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(file.getName(), real)) return absolute_path(file.getName());
  return std::string(real);
}

std::string translation_unit_source(const std::vector<std::string>& headers) {
  std::string source;
  for (const std::string& header : headers) {
    source += "#include \"";
    source += absolute_path(header);
    source += "\"\n";
  }
  return source;
}

// Every real file the preprocessor entered, except the (in-memory)
// translation unit: canonical absolute paths, sorted.
std::vector<std::string> files_read(const clang::SourceManager& sources,
                                    const std::string& translation_unit) {
  std::set<std::string> files;
  for (unsigned i = 0; i < sources.local_sloc_entry_size(); ++i) {
    const clang::SrcMgr::SLocEntry& entry = sources.getLocalSLocEntry(i);
    if (!entry.isFile()) continue;
    const clang::FileEntry* file = entry.getFile().getContentCache().OrigEntry;
    if (file == nullptr) continue;
    if (absolute_path(file->getName()) == translation_unit) continue;
    files.insert(real_file_path(*file));
  }
  return {files.begin(), files.end()};
}

class SchemaConsumer : public clang::ASTConsumer {
 public:
  SchemaConsumer(ExtractResult& result, std::string translation_unit)
      : result_(result), translation_unit_(std::move(translation_unit)) {}

  void HandleTranslationUnit(clang::ASTContext& context) override {
    ExtractedModels models = extract_models(context);
    result_.schema = std::move(models.schema);
    result_.hints = std::move(models.hints);
    result_.bindings = std::move(models.bindings);
    result_.acknowledgements = std::move(models.acknowledgements);
    result_.places = std::move(models.places);
    result_.dependencies = files_read(context.getSourceManager(), translation_unit_);
  }

 private:
  ExtractResult& result_;
  std::string translation_unit_;
};

class SchemaAction : public clang::ASTFrontendAction {
 public:
  SchemaAction(ExtractResult& result, std::string translation_unit)
      : result_(result), translation_unit_(std::move(translation_unit)) {}

 protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance&,
                                                        llvm::StringRef) override {
    return std::make_unique<SchemaConsumer>(result_, translation_unit_);
  }

 private:
  ExtractResult& result_;
  std::string translation_unit_;
};

// What FrontendActionFactory::runInvocation does, except that Clang's
// closing "N errors generated." goes to the caller's stream too.
class SchemaToolAction : public clang::tooling::ToolAction {
 public:
  SchemaToolAction(ExtractResult& result, std::string translation_unit, llvm::raw_ostream& out, bool leak_ast)
      : result_(result),
        translation_unit_(std::move(translation_unit)),
        out_(out),
        leak_ast_(leak_ast) {}

  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> invocation,
                     clang::FileManager* files,
                     std::shared_ptr<clang::PCHContainerOperations> pch_operations,
                     clang::DiagnosticConsumer* diagnostics) override {
    invocation->getFrontendOpts().DisableFree = leak_ast_;
    clang::CompilerInstance compiler(std::move(pch_operations));
    compiler.setInvocation(std::move(invocation));
    compiler.setFileManager(files);
    compiler.setVerboseOutputStream(out_);
    SchemaAction action(result_, translation_unit_);  // after `compiler`: destroyed first
    compiler.createDiagnostics(diagnostics, /*ShouldOwnClient=*/false);
    compiler.createSourceManager(*files);
    bool succeeded = compiler.ExecuteAction(action);
    files->clearStatCache();
    return succeeded;
  }

 private:
  ExtractResult& result_;
  std::string translation_unit_;
  llvm::raw_ostream& out_;
  bool leak_ast_;
};

std::vector<std::string> command_line(const ExtractOptions& options,
                                      const std::string& translation_unit) {
  std::vector<std::string> command = {"structmig",       "-x", "c++", "-std=c++20", "-fsyntax-only",
                                      "-DSTRUCTMIG_SCAN"};
  if (!options.resource_dir.empty()) {
    command.push_back("-resource-dir");
    command.push_back(options.resource_dir);
  }
  // The model target's flags come last, so a user -std or -U wins.
  command.insert(command.end(), options.compiler_args.begin(), options.compiler_args.end());
  command.push_back(translation_unit);
  return command;
}

}  // namespace

ExtractResult extract_from_headers(const ExtractOptions& options,
                                   llvm::raw_ostream& diagnostics_out) {
  ExtractResult result;
  std::string translation_unit = absolute_path(kTranslationUnitName);

  auto real = llvm::vfs::getRealFileSystem();
  auto overlay = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(real);
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  overlay->pushOverlay(memory);
  memory->addFile(translation_unit, 0,
                  llvm::MemoryBuffer::getMemBufferCopy(translation_unit_source(options.headers),
                                                       translation_unit));
  if (auto cwd = real->getCurrentWorkingDirectory()) overlay->setCurrentWorkingDirectory(*cwd);
  auto files = llvm::makeIntrusiveRefCnt<clang::FileManager>(clang::FileSystemOptions(), overlay);

  auto printer_options = llvm::makeIntrusiveRefCnt<clang::DiagnosticOptions>();
  clang::TextDiagnosticPrinter printer(diagnostics_out, printer_options.get());
  SchemaToolAction action(result, translation_unit, diagnostics_out, options.leak_ast);
  clang::tooling::ToolInvocation invocation(command_line(options, translation_unit), &action,
                                            files.get(),
                                            std::make_shared<clang::PCHContainerOperations>());
  invocation.setDiagnosticConsumer(&printer);
  bool succeeded = invocation.run();
  diagnostics_out.flush();

  result.errors = printer.getNumErrors();
  if (!succeeded && result.errors == 0) {
    diagnostics_out << "structmig: error: the Clang front end failed on the model headers\n";
    result.errors = 1;
  }
  return result;
}

}  // namespace structmig::extract
