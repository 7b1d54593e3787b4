// The diagnostics extraction reports about model mistakes, registered as
// custom IDs on the translation unit's DiagnosticsEngine so they print like
// Clang's own (`file:line:col: error: ...`) and count as errors.
#pragma once

#include <clang/Basic/Diagnostic.h>

namespace structmig::extract {

struct DiagnosticIds {
  explicit DiagnosticIds(clang::DiagnosticsEngine& engine) {
    using Level = clang::DiagnosticsEngine::Level;
    auto error = [&](const auto& format) { return engine.getCustomDiagID(Level::Error, format); };
    auto warning = [&](const auto& format) {
      return engine.getCustomDiagID(Level::Warning, format);
    };
    auto note = [&](const auto& format) { return engine.getCustomDiagID(Level::Note, format); };
    malformed_annotation = error("malformed structmig annotation: %0");
    unknown_argument = error("unknown annotation argument '%0'; expected one of: %1");
    unknown_argument_suggest = error("unknown annotation argument '%0'; did you mean '%1'?");
    duplicate_argument = error("duplicate annotation argument '%0'");
    argument_shape = error("annotation argument '%0' %1");
    missing_table_name = error(
        "STRUCTMIG_TABLE needs the table name as its first argument, as in "
        "STRUCTMIG_TABLE(tickets)");
    multiple_table_annotations = error("more than one STRUCTMIG_TABLE annotation on %0");
    table_on_template = error("STRUCTMIG_TABLE cannot be used on a class template");
    table_on_union = error("STRUCTMIG_TABLE cannot be used on a union");
    table_with_bases = error(
        "table struct %0 cannot have base classes; declare every column in the struct itself");
    unsupported_member =
        error("%select{a bit-field|an anonymous struct or union}0 cannot be a column");
    unsupported_type = error("unsupported C++ type %0 for column '%1'; supported: %2");
    varchar_not_string = error("varchar(N) needs a std::string field, but column '%0' has type %1");
    varchar_length = error("varchar length must be between 1 and 10485760");
    duplicate_table = error("duplicate table name '%0'");
    previous_table = note("table '%0' first declared here");
    duplicate_column = error("duplicate column name '%0' in table '%1'");
    previous_column = note("column '%0' first declared here");
    no_primary_key = error(
        "table '%0' has no primary key; mark a field STRUCTMIG_COLUMN(primary_key) or add "
        "primary_key(...) to STRUCTMIG_TABLE");
    primary_key_twice = error(
        "primary key of table '%0' is declared both on column '%1' and in the table's "
        "primary_key(...)");
    table_primary_key_here = note("table primary key declared here");
    primary_key_unknown_column = error("primary_key(...) names unknown column '%0' of table '%1'");
    primary_key_unknown_column_suggest =
        error("primary_key(...) names unknown column '%0' of table '%1'; did you mean '%2'?");
    primary_key_repeated = error("column '%0' appears more than once in primary_key(...)");
    primary_key_nullable =
        error("primary key column '%0' cannot be nullable (its type is std::optional)");
    stray_column = warning(
        "STRUCTMIG_COLUMN has no effect on %0: %select{only non-static data members are "
        "columns|its struct has no STRUCTMIG_TABLE annotation}1");
  }

  unsigned malformed_annotation;
  unsigned unknown_argument;
  unsigned unknown_argument_suggest;
  unsigned duplicate_argument;
  unsigned argument_shape;
  unsigned missing_table_name;
  unsigned multiple_table_annotations;
  unsigned table_on_template;
  unsigned table_on_union;
  unsigned table_with_bases;
  unsigned unsupported_member;
  unsigned unsupported_type;
  unsigned varchar_not_string;
  unsigned varchar_length;
  unsigned duplicate_table;
  unsigned previous_table;
  unsigned duplicate_column;
  unsigned previous_column;
  unsigned no_primary_key;
  unsigned primary_key_twice;
  unsigned table_primary_key_here;
  unsigned primary_key_unknown_column;
  unsigned primary_key_unknown_column_suggest;
  unsigned primary_key_repeated;
  unsigned primary_key_nullable;
  unsigned stray_column;
};

}  // namespace structmig::extract
