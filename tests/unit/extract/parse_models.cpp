// Parses in-memory model code with tooling::buildASTFromCodeWithArgs and a
// DiagnosticConsumer that records (severity, line, column, message).
#include "parse_models.hpp"

#include <memory>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/SmallString.h>

#include "extract/extract.hpp"

namespace structmig::extract::testing {
namespace {

std::string_view without_leading_newline(std::string_view code) {
  if (!code.empty() && code.front() == '\n') code.remove_prefix(1);
  return code;
}

const char* severity_name(clang::DiagnosticsEngine::Level level) {
  switch (level) {
    case clang::DiagnosticsEngine::Note:
      return "note";
    case clang::DiagnosticsEngine::Remark:
      return "remark";
    case clang::DiagnosticsEngine::Warning:
      return "warning";
    case clang::DiagnosticsEngine::Error:
      return "error";
    case clang::DiagnosticsEngine::Fatal:
      return "fatal";
    case clang::DiagnosticsEngine::Ignored:
      break;
  }
  return "ignored";
}

class CapturingConsumer : public clang::DiagnosticConsumer {
 public:
  explicit CapturingConsumer(std::vector<CapturedDiagnostic>& out) : out_(out) {}

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    CapturedDiagnostic captured;
    captured.severity = severity_name(level);
    llvm::SmallString<256> message;
    info.FormatDiagnostic(message);
    captured.message = std::string(message);
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      clang::PresumedLoc presumed = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (presumed.isValid()) {
        captured.line = presumed.getLine();
        captured.column = presumed.getColumn();
      }
    }
    out_.push_back(std::move(captured));
  }

 private:
  std::vector<CapturedDiagnostic>& out_;
};

}  // namespace

std::ostream& operator<<(std::ostream& out, const CapturedDiagnostic& diagnostic) {
  return out << diagnostic.line << ':' << diagnostic.column << ": " << diagnostic.severity << ": "
             << diagnostic.message;
}

std::vector<CapturedDiagnostic> ModelParse::with_severity(std::string_view severity) const {
  std::vector<CapturedDiagnostic> selected;
  for (const CapturedDiagnostic& diagnostic : diagnostics) {
    if (diagnostic.severity == severity) selected.push_back(diagnostic);
  }
  return selected;
}

ModelParse parse_models(std::string_view code) {
  ModelParse parse;
  CapturingConsumer consumer(parse.diagnostics);
  std::vector<std::string> args = {"-std=c++20",
                                   "-DSTRUCTMIG_SCAN",
                                   "-I" STRUCTMIG_TEST_RUNTIME_INCLUDE,
                                   "-resource-dir",
                                   STRUCTMIG_TEST_CLANG_RESOURCE_DIR,
                                   "-include",
                                   "structmig/model.hpp",
                                   "-include",
                                   "chrono",
                                   "-include",
                                   "cstddef",
                                   "-include",
                                   "cstdint",
                                   "-include",
                                   "optional",
                                   "-include",
                                   "string",
                                   "-include",
                                   "vector"};
  std::unique_ptr<clang::ASTUnit> ast = clang::tooling::buildASTFromCodeWithArgs(
      without_leading_newline(code), args, "models.cpp", "structmig-test",
      std::make_shared<clang::PCHContainerOperations>(),
      clang::tooling::getClangStripDependencyFileAdjuster(), clang::tooling::FileContentMappings(),
      &consumer);
  if (ast == nullptr) {
    parse.diagnostics.push_back({"fatal", 0, 0, "buildASTFromCodeWithArgs failed"});
    return parse;
  }
  ExtractedModels models = extract_models(ast->getASTContext());
  parse.schema = std::move(models.schema);
  parse.hints = std::move(models.hints);
  parse.bindings = std::move(models.bindings);
  parse.acknowledgements = std::move(models.acknowledgements);
  parse.places = std::move(models.places);
  return parse;
}

Position position_of(std::string_view code, std::string_view needle, int occurrence) {
  code = without_leading_newline(code);
  std::size_t at = std::string_view::npos;
  for (int i = 0; i < occurrence; ++i) {
    at = code.find(needle, at == std::string_view::npos ? 0 : at + 1);
    if (at == std::string_view::npos) return {};
  }
  Position position{1, 1};
  for (std::size_t i = 0; i < at; ++i) {
    if (code[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

}  // namespace structmig::extract::testing
