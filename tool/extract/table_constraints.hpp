// The keys, constraints and indexes of one table, from the specs its
// annotation and its columns declare: the columns they name are checked
// against the table's columns (and the identifiers of their SQL text, where
// detectable), and each gets its name, explicit or by the convention of
// structmig/naming.hpp.
#pragma once

#include <optional>
#include <vector>

#include "extract/constraint_specs.hpp"
#include "extract/extract_column.hpp"
#include "extract/extract_table.hpp"

namespace structmig::extract {

/// What STRUCTMIG_TABLE(...) itself declares.
struct TableSpecs {
  std::optional<PrimaryKeySpec> primary_key;
  std::vector<UniqueSpec> uniques;
  std::vector<IndexSpec> indexes;
  std::vector<CheckSpec> checks;
  std::vector<ForeignKeySpec> foreign_keys;
  std::vector<ExcludeSpec> excludes;
};

/// Fills draft.table's primary key, unique constraints, checks and indexes,
/// and draft.foreign_keys, from the table's specs and then each column's (in
/// field order); records every name in draft.names. `annotation_broken`: a
/// mistake in an annotation may hide the primary key, so a missing one is
/// not reported.
void build_constraints(TableSpecs specs, const std::vector<ColumnDraft>& columns,
                       bool annotation_broken, TableDraft& draft, ExtractContext& context);

}  // namespace structmig::extract
