// Reading an enum: the STRUCTMIG_ENUM annotation (name, renamed_from), then
// each enumerator's STRUCTMIG_LABEL (spelling, renamed_from), then the checks
// PostgreSQL would make: labels non-empty, at most 63 bytes, distinct.
#include "extract/extract_enum.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

#include <clang/AST/Decl.h>

#include "extract/annotation_reading.hpp"
#include "extract/argument_readers.hpp"
#include "structmig/naming.hpp"

namespace structmig::extract {
namespace {

constexpr std::array<std::string_view, 2> kEnumArguments = {"acknowledge", "renamed_from"};
constexpr std::array<std::string_view, 1> kLabelArguments = {"renamed_from"};

struct Label {
  std::string spelling;
  Place place;  // its string, else the enumerator
  std::optional<RenameSpec> renamed_from;
  bool broken = false;
};

Label read_label(const clang::EnumConstantDecl& enumerator, ExtractContext& context) {
  Label label;
  label.spelling = enumerator.getName().str();
  label.place = Place{enumerator.getLocation(), {}};
  std::set<std::string> seen;
  for (const LocatedAnnotation& annotation :
       find_annotations(enumerator, AnnotationKind::label, context.ast)) {
    if (!annotation.parsed.ok()) {
      report_malformed(annotation, context);
      label.broken = true;
      continue;
    }
    for (const AnnotationItem& item : annotation.parsed.items) {
      if (item.is_string()) {
        AnnotationItem as_named = item;
        as_named.name = "label";
        if (!first_time(seen, annotation, as_named, context)) {
          label.broken = true;
          continue;
        }
        label.spelling = item.value->text;
        label.place = place_of(annotation, *item.value);
      } else if (item.name == "renamed_from") {
        if (!first_time(seen, annotation, item, context)) continue;
        label.renamed_from = read_renamed_from(annotation, item, context);
      } else {
        report_unknown_argument(annotation, item.offset, item.name, kLabelArguments, context);
      }
    }
  }
  return label;
}

// Checks the labels and fills `draft` with the good ones.
void add_labels(const std::vector<Label>& labels, EnumDraft& draft, ExtractContext& context) {
  std::map<std::string, Place> first_place;
  for (const Label& label : labels) {
    if (label.broken) continue;
    if (label.spelling.empty()) {
      context.report(label.place, context.ids.empty_label);
      continue;
    }
    if (label.spelling.size() > max_identifier_bytes) {
      context.report(label.place, context.ids.label_too_long)
          << label.spelling << static_cast<unsigned>(label.spelling.size());
      continue;
    }
    auto [first, inserted] = first_place.emplace(label.spelling, label.place);
    if (!inserted) {
      context.report(label.place, context.ids.duplicate_label) << label.spelling << draft.type.name;
      context.report(first->second.location, context.ids.previous_label) << label.spelling;
      continue;
    }
    draft.type.labels.push_back(label.spelling);
    if (!label.renamed_from) continue;
    if (label.renamed_from->old_name == label.spelling) {
      context.report(label.renamed_from->place, context.ids.renamed_from_itself)
          << "label" << label.spelling;
    } else {
      draft.label_renames.emplace_back(label.spelling, label.renamed_from->old_name);
    }
  }
}

// acknowledge(drop_label("x")) is for a label the enum no longer has; each once.
void keep_dropped_labels(std::vector<AcknowledgementSpec> dropped, EnumDraft& draft,
                         ExtractContext& context) {
  const std::vector<std::string>& labels = draft.type.labels;
  std::set<std::string> seen;
  for (AcknowledgementSpec& acknowledgement : dropped) {
    if (std::find(labels.begin(), labels.end(), acknowledgement.name) != labels.end()) {
      context.report(acknowledgement.place, context.ids.acknowledged_still_in_model)
          << spelling_of(acknowledgement)
          << "label '" + acknowledgement.name + "' of enum '" + draft.type.name + "'";
      continue;
    }
    if (!seen.insert(acknowledgement.name).second) {
      context.report(acknowledgement.place, context.ids.duplicate_argument)
          << spelling_of(acknowledgement);
      continue;
    }
    draft.dropped_labels.push_back(std::move(acknowledgement));
  }
}

}  // namespace

std::optional<EnumDraft> extract_enum(const clang::EnumDecl& decl, ExtractContext& context) {
  std::vector<LocatedAnnotation> annotations =
      find_annotations(decl, AnnotationKind::enumeration, context.ast);
  if (annotations.empty()) return std::nullopt;
  if (decl.isDependentContext()) {
    context.report(decl.getLocation(), context.ids.enum_in_template);
    return std::nullopt;
  }
  const LocatedAnnotation& annotation = annotations.front();
  if (!annotation.parsed.ok()) {
    report_malformed(annotation, context);
    return std::nullopt;
  }
  const std::vector<AnnotationItem>& items = annotation.parsed.items;
  if (items.empty() || !has_no_arguments(items[0]) || items[0].name.empty()) {
    clang::SourceLocation where =
        items.empty() ? annotation.anchor : annotation.location_of(items[0].offset);
    context.report(where, context.ids.missing_enum_name);
    return std::nullopt;
  }

  EnumDraft draft;
  draft.decl = &decl;
  draft.type.name = items[0].name;
  draft.name_place = place_of(annotation, items[0]);
  std::set<std::string> seen;
  std::vector<AcknowledgementSpec> dropped_labels;
  for (std::size_t i = 1; i < items.size(); ++i) {
    const AnnotationItem& item = items[i];
    if (item.name == "acknowledge") {
      auto acknowledgements =
          read_acknowledge(annotation, item, AcknowledgeLevel::enumeration, context);
      if (acknowledgements) {
        dropped_labels.insert(dropped_labels.end(), acknowledgements->begin(),
                              acknowledgements->end());
      }
    } else if (item.name != "renamed_from") {
      if (item.is_string()) {
        report_stray_string(annotation, item, context);
      } else {
        report_unknown_argument(annotation, item.offset, item.name, kEnumArguments, context);
      }
    } else if (first_time(seen, annotation, item, context)) {
      draft.renamed_from = read_renamed_from(annotation, item, context);
    }
  }
  if (draft.renamed_from && draft.renamed_from->old_name == draft.type.name) {
    context.report(draft.renamed_from->place, context.ids.renamed_from_itself)
        << "enum" << draft.type.name;
    draft.renamed_from.reset();
  }

  std::vector<Label> labels;
  for (const clang::EnumConstantDecl* enumerator : decl.enumerators()) {
    labels.push_back(read_label(*enumerator, context));
  }
  add_labels(labels, draft, context);
  keep_dropped_labels(std::move(dropped_labels), draft, context);
  return draft;
}

}  // namespace structmig::extract
