// The words of every refusal (see refusals.hpp). Identifiers are written in
// double quotes as PostgreSQL would; annotations exactly as a model spells them.
#include "plan/refusals.hpp"

namespace structmig::plan {
namespace {

std::string quoted(const std::string& name) { return "\"" + name + "\""; }

std::string column_of(const std::string& table, const std::string& column) {
  return quoted(table) + "." + quoted(column);
}

}  // namespace

Refusal rewriting_type_change_refusal(const std::string& table, const Column& from,
                                      const Column& to) {
  return Refusal{
      .kind = RefusalKind::rewriting_type_change,
      .table = table,
      .column = to.name,
      .reason = "changing " + column_of(table, to.name) + " from " + from.type + " to " + to.type +
                " rewrites the whole table under an ACCESS EXCLUSIVE lock: reads and writes wait "
                "until every row is rewritten.",
      .recipe =
          "add a new column of the new type, backfill it, move the application over and "
          "drop the old column in a later release; or, if the table is small or the wait "
          "is accepted, acknowledge the rewrite with acknowledge(rewrite) on the column: "
          "STRUCTMIG_COLUMN(..., acknowledge(rewrite)).",
  };
}

Refusal volatile_default_refusal(const std::string& table, const Column& column,
                                 const std::string& what) {
  const std::string cause =
      what == "identity" ? "as an identity column" : "with the volatile default " + what + "()";
  return Refusal{
      .kind = RefusalKind::volatile_default,
      .table = table,
      .column = column.name,
      .reason = "adding " + column_of(table, column.name) + " " + cause +
                " rewrites the whole table under an ACCESS EXCLUSIVE lock (every existing row "
                "gets a value of its own): reads and writes wait until it is done.",
      .recipe =
          "add the column as std::optional without that default, fill the existing rows "
          "in batches (a data migration) and set the default and NOT NULL in a later "
          "migration; or acknowledge the rewrite with acknowledge(rewrite) on the column: "
          "STRUCTMIG_COLUMN(..., acknowledge(rewrite)).",
  };
}

Refusal not_null_without_default_refusal(const std::string& table, const Column& column) {
  return Refusal{
      .kind = RefusalKind::not_null_without_default,
      .table = table,
      .column = column.name,
      .reason = "adding " + column_of(table, column.name) +
                " NOT NULL without a default fails as soon as the table has a row: PostgreSQL "
                "has no value to give the existing rows.",
      .recipe =
          "say what existing rows get with backfill(\"SQL\") on the column (it is then "
          "added nullable, filled in batches and made NOT NULL through a validated check, "
          "without a long lock): STRUCTMIG_COLUMN(..., backfill(\"SQL\")); or give it a "
          "default(\"...\"), or make it std::optional.",
  };
}

Refusal backfill_without_key_refusal(const std::string& table, const Column& column) {
  return Refusal{
      .kind = RefusalKind::not_null_without_default,
      .table = table,
      .column = column.name,
      .reason = "the backfill of " + column_of(table, column.name) +
                " needs the table's primary key to walk the rows in batches, and " + quoted(table) +
                " has none.",
      .recipe =
          "give the table a primary key in an earlier migration, or give the column a "
          "default(\"...\") or make it std::optional.",
  };
}

Refusal drop_table_refusal(const std::string& table) {
  return Refusal{
      .kind = RefusalKind::drop_table,
      .table = table,
      .column = "",
      .reason = "dropping table " + quoted(table) +
                " deletes every row it holds, and running instances of the previous release "
                "that still use it fail.",
      .recipe =
          "release code that no longer uses the table first, keep a backup of what it "
          "holds if needed, then acknowledge the drop in a model header: "
          "STRUCTMIG_ACKNOWLEDGE(drop_table(" +
          table + "));",
  };
}

Refusal drop_column_refusal(const std::string& table, const std::string& column) {
  return Refusal{
      .kind = RefusalKind::drop_column,
      .table = table,
      .column = column,
      .reason = "dropping " + column_of(table, column) +
                " deletes its values in every row, and running instances of the previous "
                "release that still read or write it fail.",
      .recipe =
          "release code that no longer uses the column first, then acknowledge the drop "
          "on the table: STRUCTMIG_TABLE(" +
          table + ", ..., acknowledge(drop_column(" + column +
          "))); if the column was renamed, mark it renamed_from(...) instead.",
  };
}

Refusal drop_enum_label_refusal(const std::string& enum_name, const std::string& label) {
  return Refusal{
      .kind = RefusalKind::drop_enum_label,
      .table = enum_name,
      .column = label,
      .reason = "removing label \"" + label + "\" from enum " + quoted(enum_name) +
                " recreates the type and converts every column that uses it under an ACCESS "
                "EXCLUSIVE lock, and fails if a row still holds the label.",
      .recipe =
          "move the rows that hold the label to another one first (a data migration), "
          "then acknowledge the removal on the enum: STRUCTMIG_ENUM(" +
          enum_name + ", acknowledge(drop_label(\"" + label +
          "\"))); if the label was renamed, mark it with STRUCTMIG_LABEL(\"...\") and "
          "renamed_from(...) instead.",
  };
}

}  // namespace structmig::plan
