// The locks each operation is described with, and how earlier operations of
// the same migration change the description.
#include "plan/locks.hpp"

#include <gtest/gtest.h>

#include "schema_builders.hpp"

namespace structmig::plan {
namespace {

using namespace structmig::test;

TEST(Locks, ForeignKeyLocksBothTables) {
  const ForeignKey key = fk("tickets", {"user_id"}, "users");
  LockContext context;
  EXPECT_EQ(context.locks(AddConstraint{"tickets", key, false}),
            (std::vector<LockTaken>{
                {"SHARE ROW EXCLUSIVE on \"tickets\"", "every row is checked: writes wait"},
                {"SHARE ROW EXCLUSIVE on \"users\"", "every row is checked: writes wait"}}));
  context.record(AddConstraint{"tickets", key, true});
  EXPECT_EQ(context.locks(ValidateConstraint{"tickets", key.name}),
            (std::vector<LockTaken>{{"SHARE UPDATE EXCLUSIVE on \"tickets\"",
                                     "reads and writes go on while existing rows are checked"},
                                    {"ROW SHARE on \"users\"", "reads and writes go on"}}));
}

// Every kind of constraint through the one AddConstraint: its kind's lock on
// its table (and on the tables it references), and what the options spare.
TEST(Locks, EachKindOfConstraintAdded) {
  const ForeignKey key = fk("tickets", {"user_id"}, "users");
  const UniqueConstraint unique{.name = "uq_tickets_code", .columns = {"code"}};
  const CheckConstraint check{.name = "ck_tickets_code", .expression = "code <> ''"};
  const auto on = [](const std::string& lock, const std::string& table, const std::string& effect) {
    return LockTaken{lock + " on \"" + table + "\"", effect};
  };
  const std::string later = "brief: existing rows are checked later";
  LockContext context;
  EXPECT_EQ(context.locks(AddConstraint{"tickets", key, true}),
            (std::vector<LockTaken>{on("SHARE ROW EXCLUSIVE", "tickets", later),
                                    on("SHARE ROW EXCLUSIVE", "users", later)}));
  EXPECT_EQ(context.locks(AddConstraint{"tickets", unique}),
            (std::vector<LockTaken>{
                on("ACCESS EXCLUSIVE", "tickets", "its index is built: reads and writes wait")}));
  EXPECT_EQ(context.locks(AddConstraint{"tickets", unique, false, unique.name}),
            (std::vector<LockTaken>{
                on("ACCESS EXCLUSIVE", "tickets", "brief: adopts the unique index built before")}));
  EXPECT_EQ(context.locks(AddConstraint{"tickets", check}),
            (std::vector<LockTaken>{
                on("ACCESS EXCLUSIVE", "tickets", "every row is checked: reads and writes wait")}));
  EXPECT_EQ(context.locks(AddConstraint{"tickets", check, true}),
            (std::vector<LockTaken>{on("ACCESS EXCLUSIVE", "tickets", later)}));

  context.record(CreateTable{table("tickets", {col("id", "bigint")})});
  const std::string fresh = "brief: the table is new and empty";
  EXPECT_EQ(context.locks(AddConstraint{"tickets", key}),
            (std::vector<LockTaken>{on("SHARE ROW EXCLUSIVE", "tickets", fresh),
                                    on("SHARE ROW EXCLUSIVE", "users", fresh)}));
  EXPECT_EQ(context.locks(AddConstraint{"tickets", unique}),
            (std::vector<LockTaken>{on("ACCESS EXCLUSIVE", "tickets", fresh)}));
  EXPECT_EQ(context.locks(AddConstraint{"tickets", check}),
            (std::vector<LockTaken>{on("ACCESS EXCLUSIVE", "tickets", fresh)}));
}

TEST(Locks, EachKindOfConstraintDropped) {
  LockContext context;
  EXPECT_EQ(context.locks(DropConstraint{"tickets", fk("tickets", {"user_id"}, "users")}),
            (std::vector<LockTaken>{
                {"ACCESS EXCLUSIVE on \"tickets\"", "brief"},
                {"ACCESS EXCLUSIVE on \"users\"", "brief: the key's triggers on it are dropped"}}));
  EXPECT_EQ(context.locks(DropConstraint{"tickets", UniqueConstraint{.name = "uq_tickets_code"}}),
            (std::vector<LockTaken>{{"ACCESS EXCLUSIVE on \"tickets\"", "brief"}}));
  EXPECT_EQ(context.locks(DropConstraint{"tickets", CheckConstraint{.name = "ck_tickets_code"}}),
            (std::vector<LockTaken>{{"ACCESS EXCLUSIVE on \"tickets\"", "brief"}}));
}

TEST(Locks, NewTablesAreEmpty) {
  LockContext context;
  const Index ix = index("notes", {{.column = "title"}});
  EXPECT_EQ(context.locks(CreateIndex{"notes", ix, false})[0].effect,
            "writes wait while the index is built");
  context.record(CreateTable{table("notes", {col("id", "bigint"), col("title", "text")})});
  EXPECT_EQ(context.locks(CreateIndex{"notes", ix, false})[0].effect,
            "brief: the table is new and empty");
}

TEST(Locks, SetNotNullIsBriefOnlyAfterAValidatedCheck) {
  const CheckConstraint check{.name = "ck_t_n_not_null", .expression = "\"n\" IS NOT NULL"};
  const AlterColumn set_not_null{"t", col("n", "text", true), col("n", "text"), std::nullopt};
  LockContext context;
  EXPECT_EQ(context.locks(set_not_null)[0].effect,
            "SET NOT NULL scans every row: reads and writes wait");
  context.record(AddConstraint{"t", check, true});
  EXPECT_EQ(context.locks(set_not_null)[0].effect,
            "SET NOT NULL scans every row: reads and writes wait");
  context.record(ValidateConstraint{"t", check.name});
  EXPECT_EQ(context.locks(set_not_null)[0].effect,
            "brief: the validated check spares SET NOT NULL its scan");
}

TEST(Locks, RewritesSaySo) {
  LockContext context;
  EXPECT_EQ(context.locks(AlterColumn{"t", col("n", "text"), col("n", "integer"), "n::integer"}),
            (std::vector<LockTaken>{{"ACCESS EXCLUSIVE on \"t\"",
                                     "the table is rewritten: reads and writes wait until it is "
                                     "done"}}));
  EXPECT_EQ(context.locks(AddColumn{"t", col("u", "uuid", false, "gen_random_uuid()")})[0].effect,
            "the table is rewritten: reads and writes wait until it is done");
  EXPECT_EQ(context
                .locks(AlterColumn{"t", col("n", "character varying(10)"),
                                   col("n", "character varying(20)"), std::nullopt})[0]
                .effect,
            "brief: the new type keeps every value as it is");
}

TEST(Locks, BackfillAndConcurrentIndexes) {
  LockContext context;
  EXPECT_EQ(
      context.locks(Backfill{.table = "t", .column = "c", .expression = "1", .batch_size = 500}),
      (std::vector<LockTaken>{{"row locks on \"t\", batch by batch",
                               "each batch of 500 rows commits on its own; reads and writes "
                               "go on"}}));
  EXPECT_EQ(
      context.locks(DropIndex{"t", {.name = "ix"}, true}),
      (std::vector<LockTaken>{{"SHARE UPDATE EXCLUSIVE on \"t\"", "reads and writes go on"}}));
}

TEST(Locks, RenameNotes) {
  EXPECT_EQ(LockContext().note(RenameTable{"users", "accounts"}),
            "running instances of the previous release still use the old name \"users\"");
  EXPECT_EQ(LockContext(true).note(RenameTable{"accounts", "users"}),
            "running instances of the release being rolled back still use the old name "
            "\"accounts\"");
  EXPECT_EQ(LockContext().note(AddColumn{"t", col("n", "text")}), std::nullopt);
}

}  // namespace
}  // namespace structmig::plan
