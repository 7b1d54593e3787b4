// Prints what the safe planner refused, Clang-style, at the model's line:
//
//   models/note.hpp:12:16: error: <reason>
//     std::int64_t votes;
//                  ^
//     note: <recipe>
//
// A column's change (type, default, NOT NULL) is reported at its field, a
// dropped column at its table's struct, a dropped enum label at the enum,
// and a dropped table, which the models no longer have, at its entry in
// migrations/schema.snapshot.json.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model_places.hpp"
#include "plan/safe_plan.hpp"

namespace llvm {
class raw_ostream;
}

namespace structmig::commands {

/// The line and column of the snapshot entry of table `table` (its
/// `"name": "…"` member line) in snapshot text, or of enum `enum_name` (its
/// `{"name": "…", "labels": …}` line); nothing when absent. Line and column 1-based.
std::optional<extract::SourcePlace> snapshot_table_place(std::string_view snapshot_text,
                                                         const std::string& table);
std::optional<extract::SourcePlace> snapshot_enum_place(std::string_view snapshot_text,
                                                        const std::string& enum_name);

/// Where `refusal` is reported (see the top of this file), falling back from
/// a column to its table and from the model to the snapshot at
/// `snapshot_path`; nothing when neither has it.
std::optional<extract::SourcePlace> refusal_place(const plan::Refusal& refusal,
                                                  const extract::ModelPlaces& places,
                                                  const std::string& snapshot_path);

/// Prints every refusal to `out` as above (the source line and caret when the
/// file can be read; `structmig: error: ` when there is no place).
void report_refusals(const std::vector<plan::Refusal>& refusals, const extract::ModelPlaces& places,
                     const std::string& snapshot_path, llvm::raw_ostream& out);

}  // namespace structmig::commands
