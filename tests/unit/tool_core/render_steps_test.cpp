// Step comments in migration bodies, compared as exact text: one per step as
// split_steps cuts them, with the lock each statement takes; renames with
// their note; warnings above their operation.
#include "render/render_steps.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/render_migration.hpp"
#include "render/render_op.hpp"
#include "schema_builders.hpp"

namespace structmig::render {
namespace {

using namespace structmig::test;

const Column kOrganizationId = col("organization_id", "bigint", true);
const ForeignKey kKey = fk("users", {"organization_id"}, "organizations");
const Index kIndex = index("users", {{.column = "organization_id"}});

// The data declarations the body references, then the body.
std::string stepped(const std::vector<Op>& ops,
                    const std::vector<std::pair<std::size_t, std::string>>& warnings = {},
                    bool downgrade = false) {
  DataDeclarations data;
  const std::string body = render_stepped_body(ops, data, warnings, downgrade);
  return data.take() + body;
}

std::vector<Op> safe_foreign_key() {
  return {AddColumn{"users", kOrganizationId}, AddConstraint{"users", kKey, true},
          CreateIndex{"users", kIndex, true}, ValidateConstraint{"users", kKey.name}};
}

TEST(RenderSteps, OneCommentPerStepWithItsLocks) {
  EXPECT_EQ(stepped(safe_foreign_key()), R"golden(constexpr data::Column users_organization_id_column{.name = "organization_id", .type = "bigint", .nullable = true};

constexpr data::ForeignKey fk_users_organization_id_organizations_foreign_key{.name = "fk_users_organization_id_organizations", .columns = {"organization_id"}, .referenced_table = "organizations", .referenced_columns = {"id"}};

constexpr data::IndexKey ix_users_organization_id_keys[] = {{.column = "organization_id"}};
constexpr data::Index ix_users_organization_id_index{.name = "ix_users_organization_id", .keys = ix_users_organization_id_keys};

  // Step 1 of 3, in a transaction, its locks held until it commits:
  //   ACCESS EXCLUSIVE on "users" (brief: no rewrite, no scan)
  //   SHARE ROW EXCLUSIVE on "users" (brief: existing rows are checked later)
  //   SHARE ROW EXCLUSIVE on "organizations" (brief: existing rows are checked later)
  op.add_column("users", users_organization_id_column);
  op.add_foreign_key("users", fk_users_organization_id_organizations_foreign_key, {.not_valid = true});
  // Step 2 of 3, outside a transaction: SHARE UPDATE EXCLUSIVE on "users"
  //   (reads and writes go on while the index is built)
  op.create_index("users", ix_users_organization_id_index, {.concurrently = true});
  // Step 3 of 3, in a transaction, its locks held until it commits:
  //   SHARE UPDATE EXCLUSIVE on "users" (reads and writes go on while existing rows are checked)
  //   ROW SHARE on "organizations" (reads and writes go on)
  op.validate_constraint("users", "fk_users_organization_id_organizations");
)golden");
}

// A step that creates thousands of tables, each with a key to the one
// before: every lock is listed once, in the order first taken, however often
// it is taken again (finding repeats by walking the list was quadratic here).
TEST(RenderSteps, ThousandsOfLocksInOneStepEachOnceInOrder) {
  constexpr int kTables = 5000;
  std::vector<Op> ops;
  std::string expected =
      "  // Step 1 of 1, in a transaction, its locks held until it commits:\n";
  for (int i = 0; i < kTables; ++i) {
    const std::string name = "t" + std::to_string(i);
    Table created = table(name, {col("id", "bigint"), col("previous_id", "bigint", true)});
    if (i > 0) {
      const std::string previous = "t" + std::to_string(i - 1);
      created.foreign_keys = {fk(name, {"previous_id"}, previous)};
      // The new table's key locks the table before it, listed once already.
    }
    ops.push_back(CreateTable{created});
    expected += "  //   ACCESS EXCLUSIVE on \"" + name + "\" (a new table: nobody waits for it)\n";
    if (i > 0) {
      expected += "  //   SHARE ROW EXCLUSIVE on \"t" + std::to_string(i - 1) +
                  "\" (brief: the new table's key has no rows to check)\n";
    }
  }
  // The same locks again: no new line.
  ops.push_back(AddColumn{"t0", col("extra", "text", true)});
  ops.push_back(AddColumn{"t0", col("more", "text", true)});
  expected += "  //   ACCESS EXCLUSIVE on \"t0\" (brief: the table is new and empty)\n";
  DataDeclarations data;
  const std::string body = render_stepped_body(ops, data, {});
  EXPECT_EQ(body.substr(0, expected.size()), expected);
  EXPECT_EQ(body.find("  // Step", expected.size()), std::string::npos);
}

TEST(RenderSteps, CommitEndsATransaction) {
  const CheckConstraint check{.name = "ck_users_nickname_not_null",
                              .expression = "\"nickname\" IS NOT NULL"};
  const Column nullable = col("nickname", "text", true);
  const std::vector<Op> ops = {
      AddConstraint{"users", check, true},
      CommitStep{},
      ValidateConstraint{"users", check.name},
      CommitStep{},
      AlterColumn{"users", nullable, col("nickname", "text"), std::nullopt},
      DropConstraint{"users", check}};
  EXPECT_EQ(stepped(ops), R"golden(constexpr data::CheckConstraint ck_users_nickname_not_null_check{.name = "ck_users_nickname_not_null", .expression = "\"nickname\" IS NOT NULL"};

constexpr data::Column users_nickname_from{.name = "nickname", .type = "text", .nullable = true};

constexpr data::Column users_nickname_to{.name = "nickname", .type = "text"};

  // Step 1 of 3, in a transaction: ACCESS EXCLUSIVE on "users"
  //   (brief: existing rows are checked later)
  op.add_check("users", ck_users_nickname_not_null_check, {.not_valid = true});
  op.commit();
  // Step 2 of 3, in a transaction: SHARE UPDATE EXCLUSIVE on "users"
  //   (reads and writes go on while existing rows are checked)
  op.validate_constraint("users", "ck_users_nickname_not_null");
  op.commit();
  // Step 3 of 3, in a transaction, its locks held until it commits:
  //   ACCESS EXCLUSIVE on "users" (brief: the validated check spares SET NOT NULL its scan)
  //   ACCESS EXCLUSIVE on "users" (brief)
  op.alter_column("users", users_nickname_from, users_nickname_to);
  op.drop_check("users", "ck_users_nickname_not_null");
)golden");
}

TEST(RenderSteps, RenamesSayTheOldNameIsStillInUse) {
  EXPECT_EQ(stepped({RenameColumn{"users", "display_name", "full_name"}}),
            R"(  // Step 1 of 1, in a transaction: ACCESS EXCLUSIVE on "users" (brief)
  // Note: running instances of the previous release still use the old name "users"."display_name"
  op.rename_column("users", "display_name", "full_name");
)");
}

TEST(RenderSteps, RenamesBackInADowngradeSpeakOfTheReleaseRolledBack) {
  const std::string body =
      stepped({RenameColumn{"users", "full_name", "display_name"}}, {}, true);
  EXPECT_NE(body.find("  // Note: running instances of the release being rolled back still use "
                      "the old name \"users\".\"full_name\"\n"),
            std::string::npos)
      << body;
}

TEST(RenderSteps, BackfillAndNewTable) {
  const std::vector<Op> ops = {
      CreateTable{table("organizations", {col("id", "bigint")})},
      AddColumn{"users", col("locale", "text", true)},
      Backfill{.table = "users", .column = "locale", .expression = "'en'", .key = {"id"}}};
  EXPECT_EQ(stepped(ops), R"golden(constexpr data::Column organizations_columns[] = {
    {.name = "id", .type = "bigint"},
};
constexpr data::Table organizations_table{
    .name = "organizations",
    .columns = organizations_columns,
    .primary_key = {"id"},
    .primary_key_name = "pk_organizations",
};

constexpr data::Column users_locale_column{.name = "locale", .type = "text", .nullable = true};

  // Step 1 of 2, in a transaction, its locks held until it commits:
  //   ACCESS EXCLUSIVE on "organizations" (a new table: nobody waits for it)
  //   ACCESS EXCLUSIVE on "users" (brief: no rewrite, no scan)
  op.create_table(organizations_table);
  op.add_column("users", users_locale_column);
  // Step 2 of 2, outside a transaction: row locks on "users", batch by batch
  //   (each batch of 1000 rows commits on its own; reads and writes go on)
  op.backfill("users", "locale", "'en'");
)golden");
}

TEST(RenderSteps, WarningGoesAboveItsOperation) {
  const std::string body = stepped(
      {AddColumn{"users", kOrganizationId}, DropColumn{"users", col("nickname", "text")}},
      {{1, "data is lost"}});
  EXPECT_NE(body.find("  // WARNING: data is lost\n  op.drop_column(\"users\", \"nickname\");"),
            std::string::npos)
      << body;
}

// The file of a safe plan: named after the logical plan, its revision over
// the safe operations, deterministic.
TEST(RenderMigrationOfASafePlan, NamedByTheLogicalPlanIdentifiedByTheSafeOne) {
  const diff::Plan logical{.upgrade = {AddColumn{"users", kOrganizationId},
                                       CreateIndex{"users", kIndex}, AddConstraint{"users", kKey}},
                           .downgrade = {DropConstraint{"users", kKey}, DropIndex{"users", kIndex},
                                         DropColumn{"users", kOrganizationId}}};
  const plan::SafePlan safe{
      .upgrade = safe_foreign_key(),
      .downgrade = {DropIndex{"users", kIndex, true}, DropConstraint{"users", kKey},
                    DropColumn{"users", kOrganizationId}}};
  const MigrationFile file = render_migration(safe, logical, "a1b2c3d4e5f6", "", 4);
  EXPECT_EQ(file.file_name, "0004_add_users_organization_id_and_2_more.cpp");
  EXPECT_EQ(file.revision, revision_id("a1b2c3d4e5f6", safe));
  EXPECT_NE(file.revision, revision_id("a1b2c3d4e5f6", logical));
  EXPECT_EQ(render_migration(safe, logical, "a1b2c3d4e5f6", "", 4).text, file.text);
  EXPECT_NE(file.text.find("op.validate_constraint(\"users\", \"" + kKey.name + "\");"),
            std::string::npos);
  EXPECT_NE(file.text.find("void downgrade(structmig::Ops& op) {\n  // Step 1 of 2, outside a "
                           "transaction: SHARE UPDATE EXCLUSIVE on \"users\" (reads and writes "
                           "go on)\n  op.drop_index(\"users\", \"ix_users_organization_id\", "
                           "{.concurrently = true});\n"),
            std::string::npos)
      << file.text;
}

// What a revision id hashes comes out of the stepped body too: its data
// declarations and its calls alone are render_body()'s text, comments and
// warnings left out.
TEST(RenderSteps, CallsAloneAreRenderBody) {
  std::vector<Op> ops = safe_foreign_key();
  ops.push_back(CommitStep{});
  ops.push_back(CreateTable{table("tickets", {col("id", "bigint"), col("title", "text")}, {"id"})});
  DataDeclarations data;
  std::string calls;
  const std::string body = render_stepped_body(ops, data, {{1, "a warning"}}, false, &calls);
  EXPECT_NE(body, calls);
  EXPECT_EQ(data.take() + calls, render_body(ops));
}

}  // namespace
}  // namespace structmig::render
