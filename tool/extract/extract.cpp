// Finds the model enums and structs (a Mapper-style visitor), reads the enums
// first (column types need their names), then each table, then checks what
// spans them: duplicate names, foreign keys, name conflicts, dropped tables
// acknowledged by STRUCTMIG_ACKNOWLEDGE.
#include "extract/extract.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

#include "extract/acknowledge_reader.hpp"
#include "extract/annotation_source.hpp"
#include "extract/bind_models.hpp"
#include "extract/extract_enum.hpp"
#include "extract/extract_table.hpp"
#include "extract/resolve.hpp"

namespace structmig::extract {
namespace {

// Collects STRUCTMIG_ENUM enum and STRUCTMIG_TABLE struct definitions in
// source order, and warns about annotations that would silently do nothing.
class ModelFinder : public clang::RecursiveASTVisitor<ModelFinder> {
 public:
  explicit ModelFinder(ExtractContext& context) : context_(context) {}

  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && !record->isInvalidDecl() &&
        has_annotation(*record, AnnotationKind::table)) {
      tables_.push_back(record);
    }
    return true;
  }

  bool VisitEnumDecl(clang::EnumDecl* decl) {
    if (decl->isThisDeclarationADefinition() && !decl->isInvalidDecl() &&
        has_annotation(*decl, AnnotationKind::enumeration)) {
      enums_.push_back(decl);
    }
    return true;
  }

  bool VisitDecl(clang::Decl* decl) {
    // Most declarations (all of the standard library's) have no attribute.
    if (!decl->hasAttrs() || decl->isInvalidDecl()) return true;
    const auto* named = llvm::dyn_cast<clang::NamedDecl>(decl);
    if (has_annotation(*decl, AnnotationKind::column)) {
      if (const auto* field = llvm::dyn_cast<clang::FieldDecl>(decl)) {
        if (!has_annotation(*field->getParent(), AnnotationKind::table)) {
          context_.report(field->getLocation(), context_.ids.stray_column) << named << 1;
        }
      } else if (named != nullptr) {
        context_.report(decl->getLocation(), context_.ids.stray_column) << named << 0;
      }
    }
    if (has_annotation(*decl, AnnotationKind::label) && named != nullptr) {
      const auto* enumerator = llvm::dyn_cast<clang::EnumConstantDecl>(decl);
      if (enumerator == nullptr) {
        context_.report(decl->getLocation(), context_.ids.stray_label) << named << 0;
      } else if (!has_annotation(*llvm::cast<clang::EnumDecl>(enumerator->getDeclContext()),
                                 AnnotationKind::enumeration)) {
        context_.report(decl->getLocation(), context_.ids.stray_label) << named << 1;
      }
    }
    if (has_annotation(*decl, AnnotationKind::enumeration) && !llvm::isa<clang::EnumDecl>(decl) &&
        named != nullptr) {
      context_.report(decl->getLocation(), context_.ids.stray_enum) << named;
    }
    if (has_annotation(*decl, AnnotationKind::acknowledgement)) acknowledgements_.push_back(decl);
    return true;
  }

  const std::vector<const clang::CXXRecordDecl*>& tables() const { return tables_; }
  const std::vector<const clang::EnumDecl*>& enums() const { return enums_; }
  const std::vector<const clang::Decl*>& acknowledgements() const { return acknowledgements_; }

 private:
  ExtractContext& context_;
  std::vector<const clang::CXXRecordDecl*> tables_;
  std::vector<const clang::EnumDecl*> enums_;
  std::vector<const clang::Decl*> acknowledgements_;  // STRUCTMIG_ACKNOWLEDGE declarations
};

// Every enum with a name of its own; registers each in context.enums.
std::vector<EnumDraft> read_enums(const std::vector<const clang::EnumDecl*>& decls,
                                  ExtractContext& context) {
  std::vector<EnumDraft> enums;
  std::map<std::string, const EnumDraft*> first_enum;
  for (const clang::EnumDecl* decl : decls) {
    std::optional<EnumDraft> draft = extract_enum(*decl, context);
    context.enums[decl->getCanonicalDecl()] = draft ? draft->type.name : "";
    if (!draft) continue;
    auto first = std::find_if(enums.begin(), enums.end(), [&](const EnumDraft& other) {
      return other.type.name == draft->type.name;
    });
    if (first != enums.end()) {
      context.report(draft->name_place, context.ids.duplicate_enum) << draft->type.name;
      context.report(first->name_place.location, context.ids.previous_enum) << draft->type.name;
      continue;
    }
    enums.push_back(std::move(*draft));
  }
  return enums;
}

// Every table with a name no earlier table has.
std::vector<TableDraft> read_tables(const std::vector<const clang::CXXRecordDecl*>& records,
                                    ExtractContext& context) {
  std::vector<TableDraft> tables;
  tables.reserve(records.size());
  std::map<std::string, std::size_t> first_table;  // name → index in `tables`
  for (const clang::CXXRecordDecl* record : records) {
    std::optional<TableDraft> draft = extract_table(*record, context);
    if (!draft) continue;
    auto [first, added] = first_table.emplace(draft->table.name, tables.size());
    if (!added) {
      context.report(record->getLocation(), context.ids.duplicate_table) << draft->table.name;
      context.report(tables[first->second].record->getLocation(), context.ids.previous_table)
          << draft->table.name;
      continue;
    }
    tables.push_back(std::move(*draft));
  }
  return tables;
}

// A table's row type has the table's name: no enum may have it too.
void check_enum_names(const std::vector<EnumDraft>& enums, const std::vector<TableDraft>& tables,
                      ExtractContext& context) {
  for (const EnumDraft& draft : enums) {
    for (const TableDraft& table : tables) {
      if (table.table.name != draft.type.name) continue;
      context.report(draft.name_place, context.ids.enum_is_table) << draft.type.name;
      context.report(table.record->getLocation(), context.ids.previous_table) << table.table.name;
    }
  }
}

// The tables STRUCTMIG_ACKNOWLEDGE(drop_table(t)) names: each once, and none
// the models still declare.
std::set<std::string> read_dropped_tables(const std::vector<const clang::Decl*>& decls,
                                          const std::vector<TableDraft>& tables,
                                          ExtractContext& context) {
  std::set<std::string> dropped;
  for (const clang::Decl* decl : decls) {
    for (const LocatedAnnotation& annotation :
         find_annotations(*decl, AnnotationKind::acknowledgement, context.ast)) {
      auto acknowledgements = read_namespace_acknowledgements(annotation, context);
      if (!acknowledgements) continue;
      for (const AcknowledgementSpec& acknowledgement : *acknowledgements) {
        auto named = [&](const TableDraft& table) {
          return table.table.name == acknowledgement.name;
        };
        if (std::any_of(tables.begin(), tables.end(), named)) {
          context.report(acknowledgement.place, context.ids.acknowledged_still_in_model)
              << spelling_of(acknowledgement) << "table '" + acknowledgement.name + "'";
        } else if (!dropped.insert(acknowledgement.name).second) {
          context.report(acknowledgement.place, context.ids.duplicate_argument)
              << spelling_of(acknowledgement);
        }
      }
    }
  }
  return dropped;
}

// Where `location` is written (the expansion of a macro: where it is invoked).
SourcePlace source_place(clang::SourceLocation location, const clang::SourceManager& sources) {
  clang::PresumedLoc presumed = sources.getPresumedLoc(sources.getExpansionLoc(location));
  if (presumed.isInvalid()) return {};
  return {presumed.getFilename(), presumed.getLine(), presumed.getColumn()};
}

// The places of a table's columns, their acknowledge(rewrite) and
// backfill(...), and the table's acknowledge(drop_column(c)).
void add_column_marks(const TableDraft& draft, const clang::SourceManager& sources,
                      ExtractedModels& models) {
  const std::string& table = draft.table.name;
  for (std::size_t i = 0; i < draft.table.columns.size(); ++i) {
    std::pair<std::string, std::string> key{table, draft.table.columns[i].name};
    models.places.columns[key] = source_place(draft.fields[i]->getLocation(), sources);
  }
  for (const std::string& column : draft.rewrite_columns) {
    models.acknowledgements.rewrites.emplace(table, column);
  }
  for (const auto& [column, sql] : draft.backfills) {
    models.acknowledgements.backfills[{table, column}] = sql;
  }
  for (const AcknowledgementSpec& dropped : draft.dropped_columns) {
    models.acknowledgements.dropped_columns.emplace(table, dropped.name);
  }
}

void sort_bindings(ModelBindings& bindings) {
  std::sort(bindings.enums.begin(), bindings.enums.end(),
            [](const EnumBinding& a, const EnumBinding& b) { return a.name < b.name; });
  std::sort(bindings.tables.begin(), bindings.tables.end(),
            [](const TableBinding& a, const TableBinding& b) { return a.table < b.table; });
}

}  // namespace

ExtractedModels extract_models(clang::ASTContext& ast) {
  ExtractContext context(ast);
  ModelFinder finder(context);
  finder.TraverseDecl(ast.getTranslationUnitDecl());

  std::vector<EnumDraft> enums = read_enums(finder.enums(), context);
  std::vector<TableDraft> tables = read_tables(finder.tables(), context);
  check_enum_names(enums, tables, context);
  resolve_foreign_keys(tables, context);
  check_name_conflicts(tables, context);

  ExtractedModels models;
  const clang::SourceManager& sources = ast.getSourceManager();
  models.acknowledgements.dropped_tables =
      read_dropped_tables(finder.acknowledgements(), tables, context);
  for (EnumDraft& draft : enums) {
    const std::string& name = draft.type.name;
    models.places.enums[name] = source_place(draft.decl->getLocation(), sources);
    for (const AcknowledgementSpec& label : draft.dropped_labels) {
      models.acknowledgements.dropped_labels.emplace(name, label.name);
    }
    if (draft.renamed_from) models.hints.enums[name] = draft.renamed_from->old_name;
    for (const auto& [label, old_label] : draft.label_renames) {
      models.hints.enum_labels[{name, label}] = old_label;
    }
    models.bindings.enums.push_back(bind_enum(draft, ast));
    models.schema.enums.push_back(std::move(draft.type));
  }
  models.schema.tables.reserve(tables.size());
  models.bindings.tables.reserve(tables.size());
  TypeSpellings spellings(ast);
  for (TableDraft& draft : tables) {
    const std::string& name = draft.table.name;
    models.places.tables[name] = source_place(draft.record->getLocation(), sources);
    add_column_marks(draft, sources, models);
    if (draft.renamed_from) models.hints.tables[name] = draft.renamed_from->old_name;
    for (const auto& [column, old_column] : draft.column_renames) {
      models.hints.columns[{name, column}] = old_column;
    }
    models.bindings.tables.push_back(bind_table(draft, spellings));
    models.schema.tables.push_back(std::move(draft.table));
  }
  sort_schema(models.schema);
  sort_bindings(models.bindings);
  return models;
}

Schema extract_schema(clang::ASTContext& context) { return extract_models(context).schema; }

}  // namespace structmig::extract
