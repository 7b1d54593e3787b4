// One STRUCTMIG_ENUM enum → one PostgreSQL enum type: its name, its labels in
// declaration order (the enumerator's name unless STRUCTMIG_LABEL spells it
// otherwise) and the renamed_from marks of the type and its labels.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "extract/acknowledge_reader.hpp"
#include "extract/constraint_specs.hpp"
#include "extract/extract_context.hpp"
#include "structmig/schema.hpp"

namespace clang {
class EnumDecl;
}

namespace structmig::extract {

struct EnumDraft {
  EnumType type;
  const clang::EnumDecl* decl = nullptr;
  Place name_place;  // where the enum's name is written
  std::optional<RenameSpec> renamed_from;
  std::vector<std::pair<std::string, std::string>> label_renames;  // label → old label
  std::vector<AcknowledgementSpec> dropped_labels;  // acknowledge(drop_label("x")), x not a label
};

/// The enum type `decl` (a definition with a STRUCTMIG_ENUM annotation)
/// declares, or nothing when it has no usable name. Mistakes are reported.
std::optional<EnumDraft> extract_enum(const clang::EnumDecl& decl, ExtractContext& context);

}  // namespace structmig::extract
