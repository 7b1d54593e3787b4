// Turns one STRUCTMIG_TABLE struct into a table draft: reads the table
// annotation and every field, checks the table on its own (column names, the
// primary key, the columns its constraints and indexes name) and names every
// key, constraint and index. Foreign keys are resolved later, across tables.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "extract/acknowledge_reader.hpp"
#include "extract/constraint_specs.hpp"
#include "extract/extract_context.hpp"
#include "structmig/schema.hpp"

namespace clang {
class CXXRecordDecl;
class FieldDecl;
}  // namespace clang

namespace structmig::extract {

/// Something with a name in the database, for the name-conflict checks.
struct NamedObject {
  enum class Kind { table, primary_key, unique, index, check, foreign_key, exclude };

  Kind kind = Kind::table;
  std::string name;
  std::string table;  // the table it belongs to (a table: itself)
  Place place;        // its explicit name, else what declares it
};

/// A foreign key as declared; `key.referenced_columns` is empty when it
/// references the other table's primary key.
struct ForeignKeyDraft {
  ForeignKey key;
  ForeignKeySpec spec;
};

struct TableDraft {
  Table table;  // foreign_keys stays empty: resolve_foreign_keys fills it
  const clang::CXXRecordDecl* record = nullptr;
  std::vector<const clang::FieldDecl*> fields;  // table.columns' fields, same order
  std::vector<ForeignKeyDraft> foreign_keys;
  std::vector<NamedObject> names;  // the table, its keys, constraints and indexes
  std::optional<RenameSpec> renamed_from;
  std::vector<std::pair<std::string, std::string>> column_renames;  // new name → old name
  std::vector<AcknowledgementSpec> dropped_columns;  // acknowledge(drop_column(c)), c not a column
  std::set<std::string> rewrite_columns;             // columns with acknowledge(rewrite)
  std::map<std::string, std::string> backfills;      // column → its backfill("SQL")
};

/// The table `record` (a definition with a STRUCTMIG_TABLE annotation)
/// declares, or nothing when it is too broken to name one. Mistakes are
/// reported; the result is only meaningful when none were.
std::optional<TableDraft> extract_table(const clang::CXXRecordDecl& record,
                                        ExtractContext& context);

}  // namespace structmig::extract
