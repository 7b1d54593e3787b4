// Renames in the diff: those the model marks (renamed_from hints) for enums,
// tables, columns and labels, with everything that names them following;
// constraint and index renames that a table rename brings; hints that are
// already applied or ambiguous; and the warnings for drops that look like
// unmarked renames.
#include <gtest/gtest.h>

#include "structmig/diff.hpp"
#include "schema_builders.hpp"

namespace structmig::diff {
namespace {

using namespace structmig::test;

TEST(DiffRenames, EnumRenamedWithItsColumns) {
  const Table before = table("t", {col("id", "bigint"), col("s", "state"), col("ss", "state[]")});
  const Table now = table(
      "t", {col("id", "bigint"), col("s", "document_status"), col("ss", "document_status[]")});
  const Plan plan = diff_schemas(schema({before}, {enum_type("state", {"a", "b"})}),
                                 schema({now}, {enum_type("document_status", {"a", "b"})}),
                                 RenameHints{.enums = {{"document_status", "state"}}});
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{RenameEnum{"state", "document_status"}}));
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{RenameEnum{"document_status", "state"}}));
  EXPECT_TRUE(plan.warnings.empty());
}

// The table is renamed, other tables' keys follow it, and the names the
// convention derives from the table name are renamed rather than rebuilt.
TEST(DiffRenames, TableRenamedWithItsConstraintsAndIndexes) {
  Table users = table("users", {col("id", "bigint"), col("email", "text")});
  users.uniques = {unique("users", {"email"})};
  users.indexes = {index("users", {{.column = "email"}, {.column = "id"}})};
  Table accounts = table("accounts", {col("id", "bigint"), col("email", "text")});
  accounts.uniques = {unique("accounts", {"email"})};
  accounts.indexes = {index("accounts", {{.column = "email"}, {.column = "id"}})};
  Table tickets = table("tickets", {col("id", "bigint"), col("user_id", "bigint")});
  tickets.foreign_keys = {fk("tickets", {"user_id"}, "users")};
  Table tickets_now = tickets;
  tickets_now.foreign_keys = {fk("tickets", {"user_id"}, "accounts")};

  const Plan plan = diff_schemas(schema({users, tickets}), schema({accounts, tickets_now}),
                                 RenameHints{.tables = {{"accounts", "users"}}});
  const std::vector<Op> expected = {
      RenameTable{"users", "accounts"},
      RenameConstraint{"accounts", "pk_users", "pk_accounts"},
      RenameConstraint{"accounts", "uq_users_email", "uq_accounts_email"},
      RenameConstraint{"tickets", "fk_tickets_user_id_users", "fk_tickets_user_id_accounts"},
      RenameIndex{"accounts", "ix_users_email_id", "ix_accounts_email_id"},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
  EXPECT_TRUE(plan.warnings.empty());
}

// Key, unique, index and foreign-key column lists follow the column, in its
// table and in the tables that reference it.
TEST(DiffRenames, ColumnRenamedWithEverythingThatNamesIt) {
  Table notes = table("notes", {col("id", "bigint"), col("body", "text")}, {"id", "body"});
  notes.uniques = {unique("notes", {"body"})};
  notes.indexes = {index("notes", {{.column = "body"}, {.expression = "lower(body)"}})};
  Table refs =
      table("refs", {col("id", "bigint"), col("note_id", "bigint"), col("note_body", "text")});
  refs.foreign_keys = {fk("refs", {"note_id", "note_body"}, "notes", {"id", "body"})};

  Table notes_now =
      table("notes", {col("id", "bigint"), col("details", "text")}, {"id", "details"});
  notes_now.uniques = {unique("notes", {"details"})};
  notes_now.indexes = {index("notes", {{.column = "details"}, {.expression = "lower(body)"}})};
  Table refs_now = refs;
  refs_now.foreign_keys[0].referenced_columns = {"id", "details"};

  const Plan plan = diff_schemas(schema({notes, refs}), schema({notes_now, refs_now}),
                                 RenameHints{.columns = {{{"notes", "details"}, "body"}}});
  const std::vector<Op> expected = {
      RenameColumn{"notes", "body", "details"},
      RenameConstraint{"notes", "uq_notes_body", "uq_notes_details"},
      RenameIndex{"notes", notes.indexes[0].name, notes_now.indexes[0].name},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_TRUE(plan.warnings.empty());
}

TEST(DiffRenames, EnumLabelRenamed) {
  const Plan plan =
      diff_schemas(schema({}, {enum_type("document_status", {"draft", "live"})}),
                   schema({}, {enum_type("document_status", {"draft", "published"})}),
                   RenameHints{.enum_labels = {{{"document_status", "published"}, "live"}}});
  EXPECT_EQ(plan.upgrade,
            (std::vector<Op>{RenameEnumLabel{"document_status", "live", "published"}}));
  EXPECT_EQ(plan.downgrade,
            (std::vector<Op>{RenameEnumLabel{"document_status", "published", "live"}}));
}

// Enums, then tables, then columns (of the table by its new name), then labels
// (of the enum by its new name); each kind sees the names the others gave.
TEST(DiffRenames, EveryKindAtOnceInOrder) {
  const Table before = table("old_t", {col("id", "bigint"), col("a", "state")});
  const Table now = table("t", {col("id", "bigint"), col("b", "document_status")});
  const RenameHints hints{.tables = {{"t", "old_t"}},
                          .columns = {{{"t", "b"}, "a"}},
                          .enums = {{"document_status", "state"}},
                          .enum_labels = {{{"document_status", "published"}, "live"}}};
  const Plan plan =
      diff_schemas(schema({before}, {enum_type("state", {"draft", "live"})}),
                   schema({now}, {enum_type("document_status", {"draft", "published"})}), hints);
  const std::vector<Op> expected = {
      RenameEnum{"state", "document_status"},
      RenameTable{"old_t", "t"},
      RenameColumn{"t", "a", "b"},
      RenameEnumLabel{"document_status", "live", "published"},
      RenameConstraint{"t", "pk_old_t", "pk_t"},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

// renamed_from stays in the model after the migration that used it: the next
// diff finds the old names gone and does nothing.
TEST(DiffRenames, HintsAlreadyAppliedAreIgnored) {
  const Schema now = schema({table("t", {col("id", "bigint"), col("b", "document_status")})},
                            {enum_type("document_status", {"draft", "published"})});
  const RenameHints hints{.tables = {{"t", "old_t"}},
                          .columns = {{{"t", "b"}, "a"}},
                          .enums = {{"document_status", "state"}},
                          .enum_labels = {{{"document_status", "published"}, "live"}}};
  const Plan plan = diff_schemas(now, now, hints);
  EXPECT_TRUE(plan.empty());
  EXPECT_TRUE(plan.warnings.empty());
}

// Hints that point at nothing in the model are ignored too.
TEST(DiffRenames, HintsForNamesNotInTheModelAreIgnored) {
  const Schema before = schema({table("t", {col("id", "bigint"), col("a", "text")})});
  const Plan plan =
      diff_schemas(before, before,
                   RenameHints{.tables = {{"elsewhere", "t"}}, .columns = {{{"t", "zzz"}, "a"}}});
  EXPECT_TRUE(plan.empty());
}

TEST(DiffRenames, HintWhoseOldAndNewNamesBothExistIsIgnoredWithAWarning) {
  const Table before =
      table("notes", {col("id", "bigint"), col("body", "text"), col("details", "text")});
  const Table now = table("notes", {col("id", "bigint"), col("details", "text")});
  const Plan plan = diff_schemas(schema({before}), schema({now}),
                                 RenameHints{.columns = {{{"notes", "details"}, "body"}}});
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{DropColumn{"notes", before.columns[1]}}));
  EXPECT_EQ(plan.warnings,
            (std::vector<Warning>{{"ignored renamed_from(body) on notes.details: both "
                                   "notes.body and notes.details already exist in the "
                                   "snapshot; nothing is renamed",
                                   std::nullopt}}));

  const Table users = table("users", {col("id", "bigint")});
  const Table accounts = table("accounts", {col("id", "bigint")});
  const Plan tables = diff_schemas(schema({users, accounts}), schema({accounts}),
                                   RenameHints{.tables = {{"accounts", "users"}}});
  EXPECT_EQ(tables.upgrade, (std::vector<Op>{DropTable{users}}));
  EXPECT_EQ(tables.warnings,
            (std::vector<Warning>{{"ignored renamed_from(users) on table accounts: both tables "
                                   "users and accounts already exist in the snapshot; nothing "
                                   "is renamed",
                                   std::nullopt}}));
}

TEST(DiffRenameSuspicions, ColumnDroppedAndAddedWithTheSameType) {
  const Table before = table("tickets", {col("id", "bigint"), col("body", "text")});
  const Table now = table("tickets", {col("id", "bigint"), col("details", "text")});
  const Plan plan = diff_schemas(schema({before}), schema({now}));
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{AddColumn{"tickets", now.columns[1]},
                                           DropColumn{"tickets", before.columns[1]}}));
  // The warning belongs to the drop that loses the data.
  EXPECT_EQ(plan.warnings,
            (std::vector<Warning>{
                {"column tickets.body was dropped and tickets.details added with the same type "
                 "(text): if this is a rename, add renamed_from(body) to the tickets.details "
                 "annotation, otherwise the data in tickets.body is lost",
                 1}}));
}

TEST(DiffRenameSuspicions, NoWarningWhenHinted) {
  const Table before = table("tickets", {col("id", "bigint"), col("body", "text")});
  const Table now = table("tickets", {col("id", "bigint"), col("details", "text")});
  const Plan plan = diff_schemas(schema({before}), schema({now}),
                                 RenameHints{.columns = {{{"tickets", "details"}, "body"}}});
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{RenameColumn{"tickets", "body", "details"}}));
  EXPECT_TRUE(plan.warnings.empty());
}

TEST(DiffRenameSuspicions, NoWarningWhenTypeOrNullabilityDiffers) {
  const Table before =
      table("tickets", {col("id", "bigint"), col("body", "text"), col("n", "integer")});
  const Table now = table("tickets", {col("id", "bigint"), col("details", "character varying(20)"),
                                      col("m", "integer", true)});
  EXPECT_TRUE(diff_schemas(schema({before}), schema({now})).warnings.empty());
}

TEST(DiffRenameSuspicions, TableDroppedAndCreatedWithTheSameColumns) {
  const Table tickets = table("tickets", {col("id", "bigint"), col("title", "text")});
  const Table issues = table("issues", {col("title", "text"), col("id", "bigint", true)});
  const Plan plan = diff_schemas(schema({tickets}), schema({issues}));
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{CreateTable{issues}, DropTable{tickets}}));
  EXPECT_EQ(plan.warnings,
            (std::vector<Warning>{
                {"table tickets was dropped and issues created with the same columns: if this is a "
                 "rename, add renamed_from(tickets) to the STRUCTMIG_TABLE annotation of issues, "
                 "otherwise the data in tickets is lost",
                 1}}));

  const Plan hinted = diff_schemas(schema({tickets}), schema({issues}),
                                   RenameHints{.tables = {{"issues", "tickets"}}});
  EXPECT_TRUE(hinted.warnings.empty());
  EXPECT_EQ(hinted.upgrade.front(), (Op{RenameTable{"tickets", "issues"}}));

  const Table other = table("issues", {col("id", "bigint"), col("title", "integer")});
  EXPECT_TRUE(diff_schemas(schema({tickets}), schema({other})).warnings.empty());
}

}  // namespace
}  // namespace structmig::diff
