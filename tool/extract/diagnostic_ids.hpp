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

    // Annotation text.
    malformed_annotation = error("malformed structmig annotation: %0");
    unknown_argument = error("unknown annotation argument '%0'; expected one of: %1");
    unknown_argument_suggest = error("unknown annotation argument '%0'; did you mean '%1'?");
    duplicate_argument = error("duplicate annotation argument '%0'");
    argument_shape = error("annotation argument '%0' %1");
    unknown_choice = error("unknown %0 '%1'; expected one of: %2");
    unknown_choice_suggest = error("unknown %0 '%1'; did you mean '%2'?");
    renamed_from_itself = error("%0 '%1' cannot be renamed from itself");

    // Structs and fields.
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
    unannotated_enum =
        error("enum %0 is not a STRUCTMIG_ENUM; annotate it to store it as a PostgreSQL enum");
    varchar_not_string = error(
        "varchar(N) needs a std::string (or std::vector<std::string>) field, but column '%0' "
        "has type %1");
    varchar_length = error("varchar length must be between 1 and 10485760");
    identity_not_integer = error(
        "identity needs an integer column (smallint, integer or bigint), but column '%0' has "
        "type %1");
    identity_with_default = error("column '%0' cannot have both identity and default(...)");
    identity_nullable =
        error("identity column '%0' cannot be nullable (its type is std::optional)");
    defaulted_without_default = error(
        "column '%0' has type %1, but no default(...): structmig::defaulted leaves an empty field "
        "to the column's server default; add default(\"SQL\") to the column, or use the plain "
        "type");
    duplicate_table = error("duplicate table name '%0'");
    previous_table = note("table '%0' first declared here");
    duplicate_column = error("duplicate column name '%0' in table '%1'");
    previous_column = note("column '%0' first declared here");
    stray_column = warning(
        "STRUCTMIG_COLUMN has no effect on %0: %select{only non-static data members are "
        "columns|its struct has no STRUCTMIG_TABLE annotation}1");

    // Keys, constraints and indexes of one table.
    no_primary_key = error(
        "table '%0' has no primary key; mark a field STRUCTMIG_COLUMN(primary_key) or add "
        "primary_key(...) to STRUCTMIG_TABLE");
    primary_key_twice = error(
        "primary key of table '%0' is declared both on column '%1' and in the table's "
        "primary_key(...)");
    table_primary_key_here = note("table primary key declared here");
    unknown_column = error("%0(...) names unknown column '%1' of table '%2'");
    unknown_column_suggest =
        error("%0(...) names unknown column '%1' of table '%2'; did you mean '%3'?");
    column_repeated = error("column '%0' appears more than once in %1(...)");
    primary_key_nullable =
        error("primary key column '%0' cannot be nullable (its type is std::optional)");
    unnamed_check_twice = error(
        "column '%0' already has an unnamed check; name this one, as in "
        "check(\"...\", name = \"ck_...\")");
    expression_unknown_column = error(
        "%select{check constraint|index expression|index predicate}0 refers to unknown column "
        "'%1' of table '%2'");
    expression_unknown_column_suggest = error(
        "%select{check constraint|index expression|index predicate}0 refers to unknown column "
        "'%1' of table '%2'; did you mean '%3'?");

    // Across tables.
    foreign_key_unknown_table = error("foreign key references unknown table '%0'");
    foreign_key_unknown_table_suggest =
        error("foreign key references unknown table '%0'; did you mean '%1'?");
    foreign_key_unknown_column = error("foreign key references unknown column '%0' of table '%1'");
    foreign_key_unknown_column_suggest =
        error("foreign key references unknown column '%0' of table '%1'; did you mean '%2'?");
    foreign_key_count_mismatch =
        error("foreign key has %0 column%s0 but references %1 column%s1 of table '%2' (%3)");
    foreign_key_type_mismatch =
        error("foreign key column '%0' has type '%1' but the referenced column '%2' has type '%3'");
    foreign_key_not_unique = error(
        "foreign key references (%0) of table '%1', which is neither its primary key nor "
        "unique; PostgreSQL needs a primary key or unique constraint on exactly those columns");
    name_conflict = error(
        "%0 name '%1' is already used by %2; %select{tables, indexes, unique constraints and "
        "primary keys share one name space in PostgreSQL|the constraints of a table need "
        "distinct names}3");
    name_first_used = note("'%0' first used here");

    // Enums.
    missing_enum_name = error(
        "STRUCTMIG_ENUM needs the enum type's name as its first argument, as in "
        "STRUCTMIG_ENUM(ticket_status)");
    enum_in_template = error("STRUCTMIG_ENUM cannot be used on an enum of a template");
    duplicate_enum = error("duplicate enum name '%0'");
    previous_enum = note("enum '%0' first declared here");
    enum_is_table = error(
        "enum name '%0' is also the name of a table; PostgreSQL gives every table a type of the "
        "same name");
    empty_label = error("enum label cannot be empty");
    duplicate_label = error("duplicate label '%0' in enum '%1'");
    previous_label = note("label '%0' first declared here");
    label_too_long = error("enum label '%0' is %1 bytes long; PostgreSQL allows at most 63");
    stray_label = warning(
        "STRUCTMIG_LABEL has no effect on %0: %select{only enumerators have labels|its enum has "
        "no STRUCTMIG_ENUM annotation}1");
    stray_enum = warning("STRUCTMIG_ENUM has no effect on %0: only enum types are enums");

    // Acknowledgements of changes the safe planner would refuse.
    misplaced_acknowledgement = error("acknowledge(%0) does not belong on %1; write it %2");
    acknowledged_still_in_model = error(
        "%0 acknowledges dropping %1, which the model still has; remove the acknowledgement, or "
        "remove %1 from the model");
    backfill_nullable = error(
        "backfill(...) fills a new NOT NULL column, but column '%0' is nullable (its type is "
        "std::optional)");
  }

  unsigned malformed_annotation;
  unsigned unknown_argument;
  unsigned unknown_argument_suggest;
  unsigned duplicate_argument;
  unsigned argument_shape;
  unsigned unknown_choice;
  unsigned unknown_choice_suggest;
  unsigned renamed_from_itself;

  unsigned missing_table_name;
  unsigned multiple_table_annotations;
  unsigned table_on_template;
  unsigned table_on_union;
  unsigned table_with_bases;
  unsigned unsupported_member;
  unsigned unsupported_type;
  unsigned unannotated_enum;
  unsigned varchar_not_string;
  unsigned varchar_length;
  unsigned identity_not_integer;
  unsigned identity_with_default;
  unsigned identity_nullable;
  unsigned defaulted_without_default;
  unsigned duplicate_table;
  unsigned previous_table;
  unsigned duplicate_column;
  unsigned previous_column;
  unsigned stray_column;

  unsigned no_primary_key;
  unsigned primary_key_twice;
  unsigned table_primary_key_here;
  unsigned unknown_column;
  unsigned unknown_column_suggest;
  unsigned column_repeated;
  unsigned primary_key_nullable;
  unsigned unnamed_check_twice;
  unsigned expression_unknown_column;
  unsigned expression_unknown_column_suggest;

  unsigned foreign_key_unknown_table;
  unsigned foreign_key_unknown_table_suggest;
  unsigned foreign_key_unknown_column;
  unsigned foreign_key_unknown_column_suggest;
  unsigned foreign_key_count_mismatch;
  unsigned foreign_key_type_mismatch;
  unsigned foreign_key_not_unique;
  unsigned name_conflict;
  unsigned name_first_used;

  unsigned missing_enum_name;
  unsigned enum_in_template;
  unsigned duplicate_enum;
  unsigned previous_enum;
  unsigned enum_is_table;
  unsigned empty_label;
  unsigned duplicate_label;
  unsigned previous_label;
  unsigned label_too_long;
  unsigned stray_label;
  unsigned stray_enum;

  unsigned misplaced_acknowledgement;
  unsigned acknowledged_still_in_model;
  unsigned backfill_nullable;
};

}  // namespace structmig::extract
