// Readers for the annotation arguments that STRUCTMIG_TABLE and
// STRUCTMIG_COLUMN share in some form: unique, index, check, references /
// foreign_key, primary_key(...), comment and renamed_from. Each returns its
// spec, or nothing after reporting what is wrong with the argument.
#pragma once

#include <optional>

#include "extract/annotation_reading.hpp"
#include "extract/constraint_specs.hpp"

namespace structmig::extract {

/// Whether an argument is written on a column or on the table.
enum class Level { column, table };

/// Column: `unique` | `unique(name = "x")`; table: `unique(a, b[, name = "x"])`.
std::optional<UniqueSpec> read_unique(const LocatedAnnotation& annotation,
                                      const AnnotationItem& item, Level level,
                                      ExtractContext& context);

/// Column: `index` | `index(unique, using = gin, where = "…", name = "x")`;
/// table: `index(a, "lower(b)", …[, unique][, using = …][, where = "…"][, name = "x"])`.
std::optional<IndexSpec> read_index(const LocatedAnnotation& annotation, const AnnotationItem& item,
                                    Level level, ExtractContext& context);

/// `check("expr"[, name = "full_name" | name = label])`.
/// exclude("column WITH operator", …, using = method, where = "…", name = "…"):
/// table level only.
std::optional<ExcludeSpec> read_exclude(const LocatedAnnotation& annotation,
                                        const AnnotationItem& item, ExtractContext& context);
std::optional<CheckSpec> read_check(const LocatedAnnotation& annotation, const AnnotationItem& item,
                                    ExtractContext& context);

/// Column: `references(users.id | users[, on_delete = …][, on_update = …][, name = "x"])`.
std::optional<ForeignKeySpec> read_references(const LocatedAnnotation& annotation,
                                              const AnnotationItem& item, ExtractContext& context);

/// Table: `foreign_key(a, b, references = orgs(id, region) | orgs[, on_delete = …]…)`.
std::optional<ForeignKeySpec> read_foreign_key(const LocatedAnnotation& annotation,
                                               const AnnotationItem& item, ExtractContext& context);

/// Table: `primary_key(a, b[, name = "x"])`.
std::optional<PrimaryKeySpec> read_table_primary_key(const LocatedAnnotation& annotation,
                                                     const AnnotationItem& item,
                                                     ExtractContext& context);

/// `comment("text")`.
std::optional<std::string> read_comment(const LocatedAnnotation& annotation,
                                        const AnnotationItem& item, ExtractContext& context);

/// `renamed_from(old)` or `renamed_from("old")`.
std::optional<RenameSpec> read_renamed_from(const LocatedAnnotation& annotation,
                                            const AnnotationItem& item, ExtractContext& context);

}  // namespace structmig::extract
