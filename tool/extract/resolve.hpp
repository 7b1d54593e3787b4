// The checks that need every table: foreign keys against the tables they
// reference, and names that PostgreSQL keeps in one name space (tables,
// indexes, unique constraints and primary keys anywhere; the constraints of
// one table).
#pragma once

#include <vector>

#include "extract/extract_context.hpp"
#include "extract/extract_table.hpp"

namespace structmig::extract {

/// Checks every draft's foreign keys (referenced table and columns exist,
/// column counts and types match, the referenced columns are the primary key
/// or unique) and adds the good ones to their table, referenced columns
/// filled in.
void resolve_foreign_keys(std::vector<TableDraft>& drafts, ExtractContext& context);

/// Reports every name used a second time (at the later one, with a note at
/// the first).
void check_name_conflicts(const std::vector<TableDraft>& drafts, ExtractContext& context);

}  // namespace structmig::extract
