// Locating annotation text in the source. The annotation string Clang keeps
// has lost its positions (and `#__VA_ARGS__` normalises whitespace), so the
// text is found again: the raw macro arguments, checked to parse to the same
// thing as the annotation string, or the string literal's bytes.
#include "extract/annotation_source.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/LiteralSupport.h>

namespace structmig::extract {
namespace {

llvm::StringRef prefix_of(AnnotationKind kind) {
  switch (kind) {
    case AnnotationKind::table:
      return "structmig:table:";
    case AnnotationKind::column:
      return "structmig:column:";
    case AnnotationKind::enumeration:
      return "structmig:enum:";
    case AnnotationKind::label:
      return "structmig:label:";
    case AnnotationKind::acknowledgement:
      return "structmig:acknowledge:";
  }
  return "structmig:";
}

// Index just past the quoted literal starting at `pos` (or the line's end).
std::size_t skip_quoted(llvm::StringRef text, std::size_t pos) {
  char quote = text[pos++];
  while (pos < text.size() && text[pos] != quote && text[pos] != '\n') {
    pos += text[pos] == '\\' ? 2 : 1;
  }
  return std::min(pos + 1, text.size());
}

// Index just past the comment starting at `pos` (`//` or `/*`).
std::size_t skip_comment(llvm::StringRef text, std::size_t pos) {
  if (text[pos + 1] == '/') {
    std::size_t end = text.find('\n', pos);
    return end == llvm::StringRef::npos ? text.size() : end;
  }
  std::size_t end = text.find("*/", pos + 2);
  return end == llvm::StringRef::npos ? text.size() : end + 2;
}

bool starts_comment(llvm::StringRef text, std::size_t pos) {
  return pos + 1 < text.size() && text[pos] == '/' &&
         (text[pos + 1] == '/' || text[pos + 1] == '*');
}

struct RawArguments {
  llvm::StringRef text;         // between the invocation's parentheses
  clang::SourceLocation begin;  // of text's first byte
};

// The arguments of the invocation of `macro_name` written at `name_location`
// (a spelling location: real characters in a file).
std::optional<RawArguments> read_macro_arguments(clang::SourceLocation name_location,
                                                 llvm::StringRef macro_name,
                                                 const clang::SourceManager& sources) {
  auto [file, offset] = sources.getDecomposedLoc(name_location);
  bool invalid = false;
  llvm::StringRef buffer = sources.getBufferData(file, &invalid);
  if (invalid || macro_name.empty() || offset > buffer.size()) return std::nullopt;
  llvm::StringRef text = buffer.substr(offset);
  if (!text.startswith(macro_name)) return std::nullopt;

  std::size_t pos = macro_name.size();
  while (pos < text.size()) {  // blanks, comments and line splices before '('
    if (std::isspace(static_cast<unsigned char>(text[pos])) != 0 || text[pos] == '\\') {
      ++pos;
    } else if (starts_comment(text, pos)) {
      pos = skip_comment(text, pos);
    } else {
      break;
    }
  }
  if (pos >= text.size() || text[pos] != '(') return std::nullopt;

  std::size_t open = pos;
  int depth = 0;
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '"' || c == '\'') {
      pos = skip_quoted(text, pos);
      continue;
    }
    if (starts_comment(text, pos)) {
      pos = skip_comment(text, pos);
      continue;
    }
    if (c == '(') {
      ++depth;
    } else if (c == ')' && --depth == 0) {
      return RawArguments{text.slice(open + 1, pos),
                          name_location.getLocWithOffset(static_cast<int>(open + 1))};
    }
    ++pos;
  }
  return std::nullopt;
}

// Walks up the macro expansions that produced the attribute at `location`
// and takes the first invocation whose raw arguments mean the same as the
// annotation string.
bool locate_in_macro(LocatedAnnotation& annotation, clang::SourceLocation location,
                     const clang::ASTContext& context) {
  const clang::SourceManager& sources = context.getSourceManager();
  std::string expected = canonical_spelling(annotation.parsed);
  for (clang::SourceLocation current = location; current.isMacroID();) {
    llvm::StringRef macro_name =
        clang::Lexer::getImmediateMacroName(current, sources, context.getLangOpts());
    clang::SourceLocation invocation = sources.getImmediateExpansionRange(current).getBegin();
    clang::SourceLocation spelled = sources.getSpellingLoc(invocation);
    if (auto raw = read_macro_arguments(spelled, macro_name, sources)) {
      ParsedAnnotation parsed = parse_annotation(raw->text);
      if (canonical_spelling(parsed) == expected) {
        annotation.parsed = std::move(parsed);
        annotation.anchor = spelled;
        for (std::size_t i = 0; i <= raw->text.size(); ++i) {
          annotation.byte_locations.push_back(raw->begin.getLocWithOffset(static_cast<int>(i)));
        }
        return true;
      }
    }
    if (invocation == current) break;
    current = invocation;
  }
  return false;
}

// The string literal tokens of `annotate("...")` for an attribute written
// directly in a file.
std::vector<clang::Token> annotation_string_tokens(const clang::Attr& attr,
                                                   const clang::ASTContext& context) {
  const clang::SourceManager& sources = context.getSourceManager();
  const clang::LangOptions& language = context.getLangOpts();
  clang::SourceLocation cursor = attr.getLocation();
  std::vector<clang::Token> strings;
  bool found_paren = false;
  // `[[`, `clang`, `::`, `annotate` or `__attribute__((annotate` come first.
  for (int i = 0; i < 6 && !found_paren; ++i) {
    auto token = clang::Lexer::findNextToken(cursor, sources, language);
    if (!token) return strings;
    found_paren = token->is(clang::tok::l_paren);
    cursor = token->getLocation();
  }
  if (!found_paren) return strings;
  while (auto token = clang::Lexer::findNextToken(cursor, sources, language)) {
    if (!clang::tok::isStringLiteral(token->getKind())) break;
    strings.push_back(*token);
    cursor = token->getLocation();
  }
  return strings;
}

// Maps every byte of the annotation text to its place inside the string
// literal(s) of `[[clang::annotate("structmig:column:...")]]`.
bool locate_in_literal(LocatedAnnotation& annotation, const clang::AnnotateAttr& attr,
                       std::size_t prefix_size, const clang::ASTContext& context) {
  const clang::SourceManager& sources = context.getSourceManager();
  const clang::LangOptions& language = context.getLangOpts();
  const clang::TargetInfo& target = context.getTargetInfo();
  std::vector<clang::Token> tokens = annotation_string_tokens(attr, context);
  if (tokens.empty()) return false;
  clang::StringLiteralParser whole(tokens, sources, language, target);
  if (whole.hadError || whole.GetString() != attr.getAnnotation()) return false;

  std::vector<clang::SourceLocation> locations;  // of every decoded byte, plus the end
  for (std::size_t t = 0; t < tokens.size(); ++t) {
    clang::StringLiteralParser one(tokens[t], sources, language, target);
    if (one.hadError) return false;
    unsigned length = one.GetStringLength();
    unsigned count = t + 1 == tokens.size() ? length + 1 : length;  // the end once, at the last
    for (unsigned byte = 0; byte < count; ++byte) {
      unsigned offset = one.getOffsetOfStringByte(tokens[t], byte);
      locations.push_back(tokens[t].getLocation().getLocWithOffset(static_cast<int>(offset)));
    }
  }
  if (locations.size() != attr.getAnnotation().size() + 1) return false;
  annotation.byte_locations.assign(locations.begin() + static_cast<long>(prefix_size),
                                   locations.end());
  return true;
}

}  // namespace

clang::SourceLocation LocatedAnnotation::location_of(std::size_t offset) const {
  if (byte_locations.empty()) return anchor;
  return byte_locations[std::min(offset, byte_locations.size() - 1)];
}

clang::CharSourceRange LocatedAnnotation::range_of(std::size_t begin, std::size_t end) const {
  if (byte_locations.empty()) return clang::CharSourceRange::getCharRange(anchor, anchor);
  return clang::CharSourceRange::getCharRange(location_of(begin), location_of(end));
}

bool has_annotation(const clang::Decl& decl, AnnotationKind kind) {
  for (const auto* attr : decl.specific_attrs<clang::AnnotateAttr>()) {
    if (attr->getAnnotation().startswith(prefix_of(kind))) return true;
  }
  return false;
}

std::vector<LocatedAnnotation> find_annotations(const clang::Decl& decl, AnnotationKind kind,
                                                clang::ASTContext& context) {
  llvm::StringRef prefix = prefix_of(kind);
  // An annotation on an earlier declaration is inherited by the definition;
  // count it only when the definition has none of its own.
  bool has_own = false;
  for (const auto* attr : decl.specific_attrs<clang::AnnotateAttr>()) {
    has_own = has_own || (!attr->isInherited() && attr->getAnnotation().startswith(prefix));
  }
  std::vector<LocatedAnnotation> annotations;
  for (const auto* attr : decl.specific_attrs<clang::AnnotateAttr>()) {
    llvm::StringRef text = attr->getAnnotation();
    if (!text.consume_front(prefix) || (has_own && attr->isInherited())) continue;
    LocatedAnnotation annotation;
    annotation.kind = kind;
    annotation.parsed = parse_annotation(text);
    annotation.anchor = context.getSourceManager().getExpansionLoc(attr->getLocation());
    if (attr->getLocation().isMacroID()) {
      locate_in_macro(annotation, attr->getLocation(), context);
    } else {
      locate_in_literal(annotation, *attr, prefix.size(), context);
    }
    annotations.push_back(std::move(annotation));
  }
  return annotations;
}

}  // namespace structmig::extract
