// Finds the structmig annotations on a declaration and ties their argument
// text back to the source: for a macro (STRUCTMIG_COLUMN( varchar(20) )) the
// raw text between its parentheses, for a plain [[clang::annotate("...")]]
// the bytes of the string literal, so every offset the parser reports has an
// exact file:line:col.
#pragma once

#include <cstddef>
#include <vector>

#include <clang/Basic/SourceLocation.h>

#include "extract/annotation_parser.hpp"

namespace clang {
class ASTContext;
class Decl;
}  // namespace clang

namespace structmig::extract {

/// STRUCTMIG_TABLE, STRUCTMIG_COLUMN, STRUCTMIG_ENUM, STRUCTMIG_LABEL,
/// STRUCTMIG_ACKNOWLEDGE.
enum class AnnotationKind { table, column, enumeration, label, acknowledgement };

/// One annotation: its parsed arguments and where each byte of them is.
struct LocatedAnnotation {
  AnnotationKind kind = AnnotationKind::column;
  ParsedAnnotation parsed;
  // Where the annotation as a whole is reported: the macro name, or the
  // attribute.
  clang::SourceLocation anchor;
  // The location of each byte of the parsed text plus one past its end;
  // empty when the text could not be found in the source (say, built by a
  // user macro), and then every offset is reported at `anchor`.
  std::vector<clang::SourceLocation> byte_locations;

  bool exact() const { return !byte_locations.empty(); }
  clang::SourceLocation location_of(std::size_t offset) const;
  clang::CharSourceRange range_of(std::size_t begin, std::size_t end) const;
};

/// Whether `decl` carries a structmig annotation of `kind` (cheap: no parsing).
bool has_annotation(const clang::Decl& decl, AnnotationKind kind);

/// The structmig annotations of `kind` on `decl`, in attribute order.
std::vector<LocatedAnnotation> find_annotations(const clang::Decl& decl, AnnotationKind kind,
                                                clang::ASTContext& context);

}  // namespace structmig::extract
