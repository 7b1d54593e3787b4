// Reads `acknowledge(...)` arguments, the model's visible consent to a change
// the safe planner would otherwise refuse, and `backfill("SQL")`:
//   column:    acknowledge(rewrite)
//   table:     acknowledge(drop_column(old_column)[, drop_column(other)])
//   enum:      acknowledge(drop_label("old label"))
//   namespace: STRUCTMIG_ACKNOWLEDGE(drop_table(old_table))
// Each kind belongs where the object it concerns is written; one written
// elsewhere, unknown, or of the wrong shape is reported at its character.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/annotation_reading.hpp"

namespace structmig::extract {

/// Where an acknowledge(...) is written.
enum class AcknowledgeLevel { column, table, enumeration, namespace_scope };

struct AcknowledgementSpec {
  std::string kind;  // "rewrite", "drop_column", "drop_label", "drop_table"
  std::string name;  // the column, label or table it names; empty for rewrite
  Place place;       // the whole `drop_column(x)`
};

/// The acknowledgements of one `acknowledge(...)` item written at `level`;
/// nothing (after reporting) when any of them is wrong.
std::optional<std::vector<AcknowledgementSpec>> read_acknowledge(
    const LocatedAnnotation& annotation, const AnnotationItem& item, AcknowledgeLevel level,
    ExtractContext& context);

/// The items of a STRUCTMIG_ACKNOWLEDGE(...) annotation: every item is an
/// acknowledgement written at namespace scope (drop_table(t)).
std::optional<std::vector<AcknowledgementSpec>> read_namespace_acknowledgements(
    const LocatedAnnotation& annotation, ExtractContext& context);

/// `backfill("SQL")`: one non-empty SQL expression.
std::optional<std::string> read_backfill(const LocatedAnnotation& annotation,
                                         const AnnotationItem& item, ExtractContext& context);

/// "acknowledge(drop_column(body))", as the model would write it.
std::string spelling_of(const AcknowledgementSpec& acknowledgement);

}  // namespace structmig::extract
