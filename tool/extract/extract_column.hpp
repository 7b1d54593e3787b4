// One field → one column draft: reads the field's STRUCTMIG_COLUMN
// annotations, maps its C++ type, and collects the constraints and indexes it
// declares (as specs, named later with the table).
#pragma once

#include <optional>
#include <vector>

#include "extract/constraint_specs.hpp"
#include "extract/extract_context.hpp"
#include "structmig/schema.hpp"

namespace clang {
class FieldDecl;
}

namespace structmig::extract {

/// A column and what the table-wide steps need to know about its field.
struct ColumnDraft {
  Column column;
  const clang::FieldDecl* field = nullptr;
  std::optional<Place> primary_key;  // where `primary_key` is written
  std::optional<UniqueSpec> unique;
  std::vector<IndexSpec> indexes;
  std::vector<CheckSpec> checks;
  std::optional<ForeignKeySpec> references;
  std::optional<RenameSpec> renamed_from;
  std::optional<Place> acknowledge_rewrite;  // where acknowledge(rewrite) is written
  std::optional<std::string> backfill;       // backfill("SQL")
};

/// The column `field` declares, or nothing when it cannot be one (reported).
/// `broken` is set when an annotation mistake may hide part of the model (the
/// primary key, say), so consequential errors are not reported.
std::optional<ColumnDraft> extract_column(const clang::FieldDecl& field, bool& broken,
                                          ExtractContext& context);

}  // namespace structmig::extract
