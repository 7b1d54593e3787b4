// How a migration is cut into steps, without a database: split_steps()
// (CommitStep ends a group, a concurrent index build or drop and a backfill
// are steps of their own, every op is one in a non-transactional migration,
// empty groups vanish) and the offline script of a stepped migration, which
// must show the same steps: each transactional one in BEGIN … COMMIT opened by
// SET LOCAL lock_timeout, each other one outside any transaction block after
// SET lock_timeout, and the version written only by the last; batched updates
// counted as the migrator counts them, and the script cut at a query from C++.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/offline.hpp"
#include "structmig/ops.hpp"

namespace structmig {
namespace {

Op add_label() {
  return AddColumn{"items", Column{.name = "label", .type = "text", .nullable = true}};
}
Op check_not_valid() {
  return AddConstraint{"items", CheckConstraint{.name = "ck_items_qty", .expression = "qty >= 0"},
                       true};
}
Op index_concurrently() {
  return CreateIndex{"items", {.name = "ix_items_label", .keys = {{.column = "label"}}}, true};
}
Op index_plain() {
  return CreateIndex{"items", {.name = "ix_items_qty", .keys = {{.column = "qty"}}}};
}
Op drop_index_concurrently() { return DropIndex{"items", {.name = "ix_items_old"}, true}; }
Op validate() { return ValidateConstraint{"items", "ck_items_qty"}; }
Op backfill() { return Backfill{"items", "label", "'L' || id"}; }
Op not_null() { return ExecuteSql{"ALTER TABLE items ALTER COLUMN label SET NOT NULL"}; }

TEST(SplitSteps, OneGroupWithoutBoundaries) {
  const std::vector<Op> ops{add_label(), check_not_valid(), index_plain()};
  EXPECT_EQ(split_steps(ops), (std::vector<Step>{{true, ops}}));
}

TEST(SplitSteps, TheSafeRecipeGivesOneStepPerPhase) {
  const std::vector<Op> ops{add_label(), check_not_valid(), CommitStep{}, index_concurrently(),
                            validate(),  CommitStep{},      backfill(),   not_null()};
  EXPECT_EQ(split_steps(ops), (std::vector<Step>{{true, {add_label(), check_not_valid()}},
                                                 {false, {index_concurrently()}},
                                                 {true, {validate()}},
                                                 {false, {backfill()}},
                                                 {true, {not_null()}}}));
}

TEST(SplitSteps, EmptyGroupsVanish) {
  const std::vector<Op> ops{CommitStep{}, CommitStep{},         add_label(), CommitStep{},
                            CommitStep{}, index_concurrently(), CommitStep{}};
  EXPECT_EQ(split_steps(ops),
            (std::vector<Step>{{true, {add_label()}}, {false, {index_concurrently()}}}));
  EXPECT_TRUE(split_steps({}).empty());
  EXPECT_TRUE(split_steps({CommitStep{}}).empty());
}

TEST(SplitSteps, ANonTransactionalMigrationRunsEveryOpOnItsOwn) {
  const std::vector<Op> ops{add_label(), CommitStep{}, index_concurrently(), not_null()};
  EXPECT_EQ(split_steps(ops, /*transactional_migration=*/false),
            (std::vector<Step>{
                {false, {add_label()}}, {false, {index_concurrently()}}, {false, {not_null()}}}));
}

TEST(SplitSteps, WhatRunsOutsideATransaction) {
  EXPECT_TRUE(runs_outside_transaction(index_concurrently()));
  EXPECT_TRUE(runs_outside_transaction(drop_index_concurrently()));
  EXPECT_TRUE(runs_outside_transaction(backfill()));
  EXPECT_FALSE(runs_outside_transaction(index_plain()));
  EXPECT_FALSE(runs_outside_transaction(validate()));
  EXPECT_FALSE(runs_outside_transaction(CommitStep{}));
}

// ---- the offline script of the same recipe --------------------------------

void recipe(Ops& op) {
  for (const Op& o : {add_label(), check_not_valid(), Op{CommitStep{}}, index_concurrently(),
                      validate(), Op{CommitStep{}}, backfill(), not_null()}) {
    op.add(o);
  }
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

bool starts_with(const std::string& line, std::string_view prefix) {
  return line.rfind(prefix, 0) == 0;
}

TEST(OfflineSteps, EachStepSetsItsLockTimeoutAndConcurrentWorkIsOutsideBeginCommit) {
  const std::vector<Migration> migrations{
      {.revision = "aaaaaaaaaaaa", .message = "recipe", .upgrade = &recipe}};
  OfflineOptions options;
  options.lock_timeout = "750ms";
  const std::string script = render_upgrade_sql(migrations, "head", options);
  const std::vector<std::string> lines = lines_of(script);

  bool in_transaction = false;
  bool in_do_block = false;
  int transactional_steps = 0;
  int other_steps = 0;
  int version_writes_outside_last_step = 0;
  int steps_seen = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (starts_with(line, "DO $structmig$")) in_do_block = true;
    if (in_do_block) {
      if (starts_with(line, "$structmig$")) in_do_block = false;
      continue;  // PL/pgSQL's own BEGIN/END and COMMIT are not the script's
    }
    if (starts_with(line, "-- step ")) {
      ++steps_seen;
      EXPECT_FALSE(in_transaction) << "a step starts inside the previous one's transaction";
      ASSERT_LT(i + 2, lines.size());
      if (line.find("in a transaction") != std::string::npos) {
        ++transactional_steps;
        EXPECT_EQ(lines[i + 1], "BEGIN;");
        EXPECT_EQ(lines[i + 2], "SET LOCAL lock_timeout = '750ms';");
      } else {
        ++other_steps;
        EXPECT_EQ(lines[i + 1], "SET lock_timeout = '750ms';") << line;
      }
    }
    if (line == "BEGIN;") in_transaction = true;
    if (line == "COMMIT;") in_transaction = false;
    if (line.find("CONCURRENTLY") != std::string::npos) {
      EXPECT_FALSE(in_transaction) << "inside BEGIN … COMMIT: " << line;
    }
    if (starts_with(line, "INSERT INTO structmig_version") && steps_seen != 5) {
      ++version_writes_outside_last_step;
    }
  }
  EXPECT_EQ(transactional_steps, 3) << script;
  EXPECT_EQ(other_steps, 2) << script;
  EXPECT_EQ(version_writes_outside_last_step, 0) << script;
  EXPECT_NE(script.find("-- upgrade aaaaaaaaaaaa: recipe (5 step(s))"), std::string::npos);
  // The backfill's DO block commits per batch, so it must not be in a transaction
  // block: it sits right after its step's SET statements.
  EXPECT_NE(script.find("SET statement_timeout = '0';\nDO $structmig$\nDECLARE\n  last record;"),
            std::string::npos)
      << script;
}

// update_in_batches in a script: in a transactional migration its loop is
// part of the current step (no step of its own, no COMMIT in it); in a
// non-transactional one it commits each batch between the steps and is not
// counted, as the migrator counts them.
void batched(Ops& op) {
  op.execute("SELECT 'before'");
  op.update_in_batches({.table = "t", .set = "done = true", .where = "NOT done"});
  op.commit();
  op.execute("SELECT 'after'");
}

TEST(OfflineSteps, BatchedUpdatesAreStepsAsTheMigratorCountsThem) {
  const std::string in_transaction = render_upgrade_sql(
      {{.revision = "aaaaaaaaaaaa", .message = "batched", .upgrade = &batched}}, "head");
  EXPECT_NE(in_transaction.find("-- step 1 of 2, in a transaction\nBEGIN;\n"
                                "SET LOCAL lock_timeout = '2s';\n"
                                "SET LOCAL statement_timeout = '0';\n"
                                "SELECT 'before';\nDO $structmig$"),
            std::string::npos)
      << in_transaction;
  EXPECT_EQ(in_transaction.find("    COMMIT;\n"), std::string::npos) << in_transaction;
  EXPECT_NE(in_transaction.find("-- step 2 of 2, in a transaction"), std::string::npos);

  const std::string outside = render_upgrade_sql({{.revision = "aaaaaaaaaaaa",
                                                   .message = "batched",
                                                   .transactional = false,
                                                   .upgrade = &batched}},
                                                 "head");
  EXPECT_NE(outside.find("SELECT 'before';\nINSERT INTO structmig_progress"), std::string::npos)
      << outside;
  EXPECT_NE(outside.find("-- update_in_batches, outside a transaction, each batch committed"),
            std::string::npos)
      << outside;
  EXPECT_NE(outside.find("    COMMIT;\n  END LOOP;"), std::string::npos) << outside;
  EXPECT_NE(outside.find("-- step 2 of 2, outside a transaction\n"), std::string::npos) << outside;
}

// A query from C++ in the second group: the first group is rendered and
// recorded as step 1; the second (its statement before the query included)
// is left to the online run.
void queries(Ops& op) {
  op.execute("SELECT 'first'");
  op.commit();
  op.execute("SELECT 'second'");
  op.connection();
  op.execute("SELECT 'third'");
}

TEST(OfflineSteps, AQueryFromCxxStopsTheScriptAfterTheStepsBeforeIt) {
  std::vector<std::string> warnings;
  OfflineOptions options;
  options.warn = [&](const std::string& warning) { warnings.push_back(warning); };
  const std::string script = render_upgrade_sql(
      {{.revision = "aaaaaaaaaaaa", .message = "queries", .upgrade = &queries}}, "head", options);
  EXPECT_NE(script.find("-- step 1, in a transaction\n"), std::string::npos) << script;
  EXPECT_NE(script.find("SELECT 'first';\nINSERT INTO structmig_progress"), std::string::npos)
      << script;
  EXPECT_EQ(script.find("'second'"), std::string::npos) << script;
  EXPECT_EQ(script.find("'third'"), std::string::npos) << script;
  EXPECT_EQ(script.find("INSERT INTO structmig_version"), std::string::npos) << script;
  EXPECT_NE(script.find("\\quit\n"), std::string::npos) << script;
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("migration aaaaaaaaaaaa (queries) runs C++ against the database in "
                             "step 2 of its upgrade"),
            std::string::npos)
      << warnings[0];
}

}  // namespace
}  // namespace structmig
