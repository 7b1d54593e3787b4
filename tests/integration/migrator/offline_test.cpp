// Offline SQL against a real server: a script rendered without a database and
// applied with `psql -v ON_ERROR_STOP=1 -f` gives the same schema (read back
// with read_schema()) and the same structmig_version as the online run — from
// base, for FROM:TO, for a downgrade range (and from the heads without FROM),
// across a merge and with a non-transactional step; the script refuses a
// database not at FROM; update_in_batches renders as a loop (committing each
// batch outside a transaction); a data migration whose C++ needs the
// database is a marked stop, named in a warning, that the migrator resumes.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graph_fixture.hpp"
#include "pg_cluster.hpp"
#include "structmig/offline.hpp"

namespace structmig {
namespace {

using history::column_values;
using history::create_big;
using history::DatabaseTest;
using history::drop_big;
using history::kPriority;
using history::kTickets;
using history::kUsers;
using history::migrations;
using history::schema_of;
using history::version_rows;
using Ids = std::vector<std::string>;

std::string id(std::string_view revision) { return std::string(revision); }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class OfflineTest : public DatabaseTest {
 protected:
  /// A second fresh database for the online run to compare with.
  Connection& online() {
    if (!online_) {
      online_.emplace(Connection::open(testing::PgCluster::instance().fresh_database("online")));
    }
    return *online_;
  }

  /// Runs the script with psql against db(); returns psql's exit code and
  /// keeps its output in psql_output_.
  int apply_with_psql(const std::string& script) {
    const auto dir = std::filesystem::path(testing::PgCluster::instance().directory());
    const auto file = dir / ("script-" + std::to_string(++scripts_) + ".sql");
    const auto log = dir / ("script-" + std::to_string(scripts_) + ".log");
    std::ofstream(file) << script;
    const std::string command = "/usr/bin/psql \"" + conninfo() +
                                "\" -X -q -v ON_ERROR_STOP=1 -f '" + file.string() + "' >'" +
                                log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(log);
    psql_output_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  void expect_same_as_online() {
    EXPECT_EQ(schema_of(db()), schema_of(online()));
    EXPECT_EQ(version_rows(db()), version_rows(online()));
    const std::string history =
        "SELECT revision || ' ' || direction || ' ' || coalesce(checksum, '-') "
        "FROM structmig_history ORDER BY id";
    EXPECT_EQ(column_values(db(), history), column_values(online(), history));
  }

  std::string psql_output_;

 private:
  std::optional<Connection> online_;
  int scripts_ = 0;
};

TEST_F(OfflineTest, UpgradeFromBaseMatchesTheOnlineRun) {
  const std::string script = render_upgrade_sql(migrations(), "head");
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), migrations()).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(kPriority)}));
  EXPECT_EQ(schema_of(db()), history::expected_after(3));
  // The lock was released at the end, and the online migrator agrees it is at head.
  EXPECT_TRUE(Migrator(db(), migrations()).upgrade("head").empty());
}

TEST_F(OfflineTest, FromToRangeContinuesFromARevision) {
  Migrator(db(), migrations()).upgrade(kUsers);
  const std::string script = render_upgrade_sql(migrations(), std::string(kUsers) + ":head");
  EXPECT_FALSE(contains(script, "CREATE TABLE \"users\""));
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), migrations()).upgrade(kUsers);
  Migrator(online(), migrations()).upgrade("head");
  expect_same_as_online();
}

TEST_F(OfflineTest, DowngradeRangeMatchesTheOnlineRun) {
  Migrator(db(), migrations()).upgrade("head");
  Migrator(online(), migrations()).upgrade("head");
  const std::string script = render_downgrade_sql(migrations(), "head:" + std::string(kUsers));
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), migrations()).downgrade(kUsers);
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));

  const std::string to_base = render_downgrade_sql(migrations(), std::string(kUsers) + ":-1");
  ASSERT_EQ(apply_with_psql(to_base), 0) << psql_output_ << to_base;
  Migrator(online(), migrations()).downgrade("base");
  expect_same_as_online();
  EXPECT_TRUE(version_rows(db()).empty());
}

TEST_F(OfflineTest, MergeHistoryEndsWithOneVersionRow) {
  const std::string script = render_upgrade_sql(graph::diamond(), "head");
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), graph::diamond()).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(graph::kTop)}));

  const std::string down = render_downgrade_sql(graph::diamond(), "head:-2");
  ASSERT_EQ(apply_with_psql(down), 0) << psql_output_ << down;
  Migrator(online(), graph::diamond()).downgrade("-2");
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(graph::kLeft), id(graph::kRight)}));
}

void index_concurrently(Ops& ops) {
  ops.execute("CREATE INDEX CONCURRENTLY ix_users_name ON users (name)");
}
void drop_index_concurrently(Ops& ops) { ops.execute("DROP INDEX CONCURRENTLY ix_users_name"); }

std::vector<Migration> with_concurrent_index() {
  auto list = migrations();
  Migration index{"5e5e5e5e5e5e", {kPriority},         "index users name",
                  false,          &index_concurrently, &drop_index_concurrently};
  index.lock_timeout = "3s";
  list.push_back(index);
  return list;
}

TEST_F(OfflineTest, NonTransactionalStepRunsOutsideBeginCommit) {
  OfflineOptions options;
  options.statement_timeout = "1min";
  const std::string script = render_upgrade_sql(with_concurrent_index(), "head", options);
  EXPECT_TRUE(contains(script, "SET LOCAL statement_timeout = '1min';\nCREATE TABLE \"users\""))
      << script;
  EXPECT_TRUE(contains(script,
                       "SET lock_timeout = '3s';\nSET statement_timeout = '1min';\n"
                       "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\n"
                       "INSERT INTO structmig_progress (revision, direction, steps_done) VALUES "
                       "('5e5e5e5e5e5e', 'upgrade', 1) ON CONFLICT"))
      << script;
  EXPECT_TRUE(contains(script, "RESET lock_timeout;\nRESET statement_timeout;\nBEGIN;\n"))
      << script;
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), with_concurrent_index()).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(db().exec("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                      "'ix_users_name'::regclass")
                .text(0, 0),
            "t");
}

// A script cannot retry: a step that fails (here a unique index over
// duplicates) stops psql with the steps before it committed. The script
// records those steps in structmig_progress as the online run does, so the
// migrator, run once the cause is fixed, resumes at the failed step instead
// of sending the committed ones again.
void stepped_unique_index(Ops& ops) {
  ops.add_column("users", history::column("nickname", "text", true));
  ops.execute("INSERT INTO markers VALUES (1)");
  ops.commit();
  ops.create_index("users", {.name = "ux_users_name", .keys = {{.column = "name"}}, .unique = true},
                   {.concurrently = true});
  ops.execute("INSERT INTO markers VALUES (3)");
}

TEST_F(OfflineTest, AFailedScriptLeavesProgressSoTheOnlineRunResumes) {
  auto list = migrations();
  list.push_back(Migration{"6f6f6f6f6f6f",
                           {kPriority},
                           "unique users name",
                           true,
                           &stepped_unique_index,
                           &history::drop_priority});
  Migrator(db(), migrations()).upgrade("head");
  db().exec(
      "CREATE TABLE markers (step integer);"
      "INSERT INTO users (id, email, name) VALUES (1, 'a', 'same'), (2, 'b', 'same')");
  const std::string script = render_upgrade_sql(list, std::string(kPriority) + ":head");
  EXPECT_NE(apply_with_psql(script), 0) << script;
  EXPECT_TRUE(contains(psql_output_, "could not create unique index")) << psql_output_;
  EXPECT_EQ(column_values(db(), "SELECT step::text FROM markers"), Ids{"1"});
  EXPECT_EQ(column_values(db(), "SELECT steps_done::text FROM structmig_progress"), Ids{"1"});

  db().exec("UPDATE users SET name = 'other' WHERE id = 2");
  std::vector<std::string> log;
  MigratorOptions options;
  options.log = [&](const std::string& line) { log.push_back(line); };
  Migrator(db(), list, options).upgrade("head");  // step 1's ADD COLUMN would fail if resent
  EXPECT_EQ(column_values(db(), "SELECT step::text FROM markers ORDER BY step"), (Ids{"1", "3"}));
  EXPECT_EQ(version_rows(db()), Ids{"6f6f6f6f6f6f"});
  EXPECT_EQ(column_values(db(), "SELECT count(*)::text FROM structmig_progress"), Ids{"0"});
  ASSERT_FALSE(log.empty());
  EXPECT_TRUE(
      contains(log.front(), "resuming migration 6f6f6f6f6f6f (unique users name) at step 2"))
      << log.front();
}

TEST_F(OfflineTest, TheScriptRefusesADatabaseNotAtFrom) {
  Migrator(db(), migrations()).upgrade(kTickets);
  const std::string script = render_upgrade_sql(migrations(), std::string(kUsers) + ":head");
  EXPECT_NE(apply_with_psql(script), 0);
  EXPECT_TRUE(contains(psql_output_,
                       "this script starts at 1a2b3c4d5e6f, but the database is at "
                       "2b3c4d5e6f70"))
      << psql_output_;
  EXPECT_EQ(version_rows(db()), (Ids{id(kTickets)}));
  EXPECT_EQ(schema_of(db()), history::expected_after(2));
}

// ---- data migrations -----------------------------------------------------

// update_in_batches over the 2,500 rows of big (history::create_big) in
// batches of 1,000, between a step before it and one after it; the downgrade
// undoes it in batches too.
void mark_done(Ops& op) {
  op.add_column("big", history::column("note", "text", true));
  op.update_in_batches(BatchUpdate{.table = "big",
                                   .set = "done = true, note = 'batch ' || id",
                                   .where = "NOT done",
                                   .key = "id",
                                   .batch_size = 1000});
  op.execute("UPDATE big SET note = note || ' after' WHERE id = 2500");
}
void mark_undone(Ops& op) {
  op.update_in_batches(
      BatchUpdate{.table = "big", .set = "done = false", .where = "done", .batch_size = 1000});
  op.drop_column("big", "note");
}

std::vector<Migration> batch_history(bool transactional) {
  return {Migration{"b1b1b1b1b1b1", {}, "create big", true, &create_big, &drop_big},
          Migration{"b2b2b2b2b2b2",
                    {"b1b1b1b1b1b1"},
                    "mark big done",
                    transactional,
                    &mark_done,
                    &mark_undone}};
}

std::string count_of(Connection& db, const std::string& sql) { return db.exec(sql).text(0, 0); }

// The transactions that last wrote the rows of big.
const std::string kWriters = "SELECT count(DISTINCT xmin::text)::text FROM big";

TEST_F(OfflineTest, UpdateInBatchesRendersAsOneLoopInTheStepsTransaction) {
  const std::string script = render_upgrade_sql(batch_history(true), "head");
  EXPECT_TRUE(contains(script, "DO $structmig$")) << script;
  EXPECT_FALSE(contains(script, "    COMMIT;\n  END LOOP;")) << script;
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), batch_history(true)).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM big WHERE done"), "2500");
  EXPECT_EQ(count_of(db(), "SELECT note FROM big WHERE id = 2500"), "batch 2500 after");
  EXPECT_EQ(count_of(db(), kWriters), "1");  // one step, one transaction
}

TEST_F(OfflineTest, UpdateInBatchesOfANonTransactionalMigrationCommitsEachBatch) {
  const std::string script = render_upgrade_sql(batch_history(false), "head");
  EXPECT_TRUE(contains(script, "    COMMIT;\n  END LOOP;")) << script;
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), batch_history(false)).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM big WHERE done"), "2500");
  EXPECT_EQ(count_of(db(), kWriters), "4");  // three batches, then the step after them
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM structmig_progress"), "0");

  // Down again from the head, without FROM: the batches undo it.
  const std::string down = render_downgrade_sql(batch_history(false), "-1");
  ASSERT_EQ(apply_with_psql(down), 0) << psql_output_ << down;
  Migrator(online(), batch_history(false)).downgrade("-1");
  expect_same_as_online();
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM big WHERE done"), "0");
}

// A failed non-transactional script: its batches saved the last key they
// committed, as online, so a rerun — the online migrator or the same script —
// continues after it and, with the default where "true", updates each row
// exactly once (a counter column).
void nothing(Ops&) {}
void count_rows(Ops& op) {
  op.update_in_batches(
      BatchUpdate{.table = "counted", .set = "updates = updates + 1", .batch_size = 100});
}
void count_rows_between_steps(Ops& op) {
  op.add_column("counted", history::column("later", "integer", true));  // step 1
  count_rows(op);
  op.execute("UPDATE counted SET later = updates");  // step 2
}

void create_counted(Connection& db) {
  db.exec(
      "CREATE TABLE counted (id bigint PRIMARY KEY, updates integer NOT NULL DEFAULT 0);"
      "INSERT INTO counted (id) SELECT g FROM generate_series(1, 2000) g;"
      "CREATE SEQUENCE updates_seen;"
      "CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "IF nextval('updates_seen') > 1500 THEN RAISE EXCEPTION 'too many updates'; END IF; "
      "RETURN NEW; END $$;"
      "CREATE TRIGGER fail_late BEFORE UPDATE ON counted FOR EACH ROW EXECUTE FUNCTION "
      "fail_late()");
}

TEST_F(OfflineTest, AFailedScriptsBatchesAreContinuedByTheOnlineMigrator) {
  create_counted(db());
  const std::vector<Migration> history{
      Migration{"e1e1e1e1e1e1", {}, "count rows", false, &count_rows_between_steps, &nothing}};
  const std::string script = render_upgrade_sql(history, "head");
  EXPECT_NE(apply_with_psql(script), 0) << script;
  EXPECT_TRUE(contains(psql_output_, "too many updates")) << psql_output_;
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM counted WHERE updates = 1"), "1500");
  EXPECT_EQ(count_of(db(), "SELECT steps_done || ' ' || batch_key::text FROM structmig_progress"),
            "1 {1500}");

  db().exec("DROP TRIGGER fail_late ON counted");
  Migrator(db(), history).upgrade("head");  // step 1 skipped, the batches continue
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM counted WHERE updates = 1 AND later = 1"),
            "2000");
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM structmig_progress"), "0");
  EXPECT_EQ(version_rows(db()), (Ids{"e1e1e1e1e1e1"}));
}

TEST_F(OfflineTest, ARerunOfAFailedScriptContinuesAfterTheSavedKey) {
  create_counted(db());
  const std::vector<Migration> history{
      Migration{"e2e2e2e2e2e2", {}, "count rows", false, &count_rows, &nothing}};
  const std::string script = render_upgrade_sql(history, "head");
  EXPECT_NE(apply_with_psql(script), 0) << script;
  EXPECT_EQ(count_of(db(), "SELECT steps_done || ' ' || batch_key::text FROM structmig_progress"),
            "0 {1500}");

  db().exec("DROP TRIGGER fail_late ON counted");
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM counted WHERE updates = 1"), "2000");
  EXPECT_EQ(count_of(db(), "SELECT max(updates) FROM counted"), "1");
  EXPECT_EQ(count_of(db(), "SELECT count(*) FROM structmig_progress"), "0");
  EXPECT_EQ(version_rows(db()), (Ids{"e2e2e2e2e2e2"}));
}

// A data migration whose C++ needs the database: step 1 is rendered, its
// step 2 (which reads the database between two statements) is not, and
// nothing after it.
void count_titles(Ops& ops) {
  ops.add_column("tickets", history::column("seen", "bigint", true));
  ops.commit();
  ops.execute("UPDATE tickets SET title = upper(title)");
  const std::string count = ops.connection().exec("SELECT count(*) FROM tickets").text(0, 0);
  ops.execute("UPDATE tickets SET seen = " + count);
}
void uncount_titles(Ops& ops) { ops.drop_column("tickets", "seen"); }
void create_later(Ops& ops) { ops.execute("CREATE TABLE later (id integer)"); }
void drop_later(Ops& ops) { ops.execute("DROP TABLE later"); }

std::vector<Migration> with_data_migration(bool transactional) {
  auto list = migrations();
  list.push_back(Migration{
      "dada00000001", {kPriority}, "count titles", transactional, &count_titles, &uncount_titles});
  list.push_back(Migration{
      "dada00000002", {"dada00000001"}, "create later", true, &create_later, &drop_later});
  return list;
}

TEST_F(OfflineTest, ADataMigrationIsAMarkedStopNamedInAWarning) {
  Migrator(db(), migrations()).upgrade("head");
  db().exec(
      "INSERT INTO users (id, email) VALUES (1, 'a');"
      "INSERT INTO tickets (id, user_id, title) VALUES (1, 1, 'one'), (2, 1, 'two')");
  std::vector<std::string> warnings;
  OfflineOptions options;
  options.warn = [&](const std::string& warning) { warnings.push_back(warning); };
  const std::string script =
      render_upgrade_sql(with_data_migration(true), std::string(kPriority) + ":head", options);
  ASSERT_EQ(warnings.size(), 1u) << script;
  EXPECT_TRUE(contains(warnings[0], "migration dada00000001 (count titles)")) << warnings[0];
  EXPECT_TRUE(contains(warnings[0], "in step 2 of its upgrade")) << warnings[0];
  EXPECT_TRUE(contains(warnings[0], "<app>_migrate upgrade dada00000002")) << warnings[0];
  EXPECT_TRUE(contains(script, "\n-- STOP: migration dada00000001 (count titles)")) << script;
  EXPECT_TRUE(contains(script, "ADD COLUMN \"seen\"")) << script;
  EXPECT_FALSE(contains(script, "upper(title)")) << script;  // the unfinished step runs online
  EXPECT_FALSE(contains(script, "CREATE TABLE later")) << script;

  EXPECT_EQ(apply_with_psql(script), 3) << psql_output_;  // psql's exit code for a failed script
  EXPECT_TRUE(contains(psql_output_, "structmig: stop: migration dada00000001 (count titles)"))
      << psql_output_;
  EXPECT_EQ(column_values(db(), "SELECT steps_done::text FROM structmig_progress"), Ids{"1"});
  EXPECT_EQ(version_rows(db()), Ids{id(kPriority)});
  EXPECT_EQ(
      column_values(db(), "SELECT title || ' ' || coalesce(seen, 0) FROM tickets ORDER BY id"),
      (Ids{"one 0", "two 0"}));
  EXPECT_FALSE(history::table_exists(db(), "later"));

  // The lock was released; the online run resumes at step 2 and goes on.
  Migrator(db(), with_data_migration(true)).upgrade("head");
  EXPECT_EQ(column_values(db(), "SELECT title || ' ' || seen FROM tickets ORDER BY id"),
            (Ids{"ONE 2", "TWO 2"}));
  EXPECT_EQ(version_rows(db()), Ids{"dada00000002"});
  EXPECT_TRUE(history::table_exists(db(), "later"));

  // Outside a transaction every statement before the query is a step of its
  // own, so the script renders both and stops at step 3.
  warnings.clear();
  const std::string steps =
      render_upgrade_sql(with_data_migration(false), std::string(kPriority) + ":head", options);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_TRUE(contains(warnings[0], "in step 3 of its upgrade")) << warnings[0];
  EXPECT_TRUE(contains(steps, "upper(title)")) << steps;
  EXPECT_FALSE(contains(steps, "SET seen")) << steps;
}

TEST_F(OfflineTest, DowngradeWithoutFromStartsAtTheHeads) {
  Migrator(db(), migrations()).upgrade("head");
  const std::string script = render_downgrade_sql(migrations(), "-1");
  EXPECT_EQ(
      script.rfind("-- structmig downgrade from 3c4d5e6f7081 to 2b3c4d5e6f70: 1 migration(s)", 0),
      0u)
      << script;
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  EXPECT_EQ(version_rows(db()), (Ids{id(kTickets)}));
  EXPECT_EQ(schema_of(db()), history::expected_after(2));
  // The script still checks where the database is.
  EXPECT_NE(apply_with_psql(script), 0);
  EXPECT_TRUE(contains(psql_output_,
                       "this script starts at 3c4d5e6f7081, but the database is at "
                       "2b3c4d5e6f70"))
      << psql_output_;
  // Two heads: from both.
  const std::string two = render_downgrade_sql(graph::two_heads(), "base");
  EXPECT_TRUE(contains(two, "to base: 3 migration(s)")) << two;
}

TEST_F(OfflineTest, RangesAndTargetsAreChecked) {
  EXPECT_THROW(render_downgrade_sql(migrations(), "nosuch"), UnknownRevision);
  EXPECT_THROW(render_upgrade_sql(migrations(), "nosuch"), UnknownRevision);
  EXPECT_THROW(render_upgrade_sql(migrations(), "head:" + std::string(kUsers)), WrongDirection);
  EXPECT_THROW(render_upgrade_sql(graph::two_heads(), "head"), MultipleHeads);
  const std::string two = render_upgrade_sql(migrations(), "+2");
  EXPECT_TRUE(contains(two, "-- upgrade 2b3c4d5e6f70: create tickets")) << two;
  EXPECT_FALSE(contains(two, "add tickets priority")) << two;
  // Checksums go into the history rows.
  EXPECT_TRUE(contains(two, "'c0ffee000002'")) << two;
}

}  // namespace
}  // namespace structmig
