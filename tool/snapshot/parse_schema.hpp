// Parsing the schema part of a snapshot: enums and tables with their columns,
// constraints and indexes, each checked strictly (types, unknown keys,
// duplicates, references to columns that do not exist). Internal to the
// snapshot library; snapshot.cpp drives it.
#pragma once

#include <cstddef>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "structmig/schema.hpp"

namespace structmig::snapshot {

/// One element of "enums"; `index` is its position, for errors before the
/// name is known.
llvm::Expected<EnumType> parse_enum(const llvm::json::Value& value, llvm::StringRef path,
                                    size_t index);

/// One element of "tables", checked on its own: every column a constraint,
/// index or key names is a column of the table.
llvm::Expected<Table> parse_table(const llvm::json::Value& value, llvm::StringRef path,
                                  size_t index);

/// What only the whole schema can check: every foreign key references a table
/// of the snapshot and columns of that table.
llvm::Error check_foreign_key_targets(const Schema& schema, llvm::StringRef path);

}  // namespace structmig::snapshot
