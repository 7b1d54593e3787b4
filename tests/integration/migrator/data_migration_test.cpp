// Data migrations against a real server: a migration that asks for the
// connection sees what it recorded before (the session flushes it), queries
// freely inside its transaction, and a failure anywhere rolls it all back;
// update_in_batches over 2,500 rows in batches of 1,000, invisible to other
// sessions until the step commits in a transactional migration and committed
// batch by batch in a non-transactional one; uuid and composite text keys; a
// failed non-transactional batch run that says how many batches it committed
// and a rerun that continues after the last key it committed, even when its
// where clause still selects every row (bigint and composite text keys).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using history::create_big;
using history::DatabaseTest;
using history::id;
using history::drop_big;
using history::kUsers;
using history::table_exists;
using history::version_rows;
using Ids = std::vector<std::string>;

// Migrations are plain functions; what they observe is left here.
std::string g_conninfo;
std::string g_count_seen;
std::vector<std::size_t> g_progress;
std::vector<std::string> g_visible;  // done rows another session saw at each progress call
std::size_t g_updated = 0;

class DataMigrationTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    g_conninfo = conninfo();
    g_count_seen.clear();
    g_progress.clear();
    g_visible.clear();
    g_updated = 0;
  }
};

Table items_table() {
  return Table{.name = "items",
               .columns = {history::column("id", "bigint"), history::column("name", "text")},
               .primary_key = {"id"},
               .primary_key_name = "pk_items"};
}

void nothing(Ops&) {}
void drop_items(Ops& ops) { ops.drop_table("items"); }

void seed_and_count(Ops& op) {
  op.create_table(items_table());
  op.execute("INSERT INTO items (id, name) SELECT g, 'n' || g FROM generate_series(1, 3) g");
  g_count_seen = op.connection().exec("SELECT count(*) FROM items").text(0, 0);
  op.add_column("items", history::column("flag", "boolean", true));
  op.execute("UPDATE items SET name = 'seen " + g_count_seen + "', flag = true");
}

void seed_then_bad_statement(Ops& op) {
  op.create_table(items_table());
  op.connection().exec("SELECT 1");
  op.execute("INSERT INTO nosuch VALUES (1)");
}

void seed_then_bad_query(Ops& op) {
  op.create_table(items_table());
  op.connection().exec("SELECT * FROM nosuch");
}

void seed_then_throw(Ops& op) {
  op.create_table(items_table());
  op.connection().exec("INSERT INTO items VALUES (1, 'x')");
  throw std::runtime_error("the data is not what this migration expects");
}

void seed_swallow_and_continue(Ops& op) {
  op.create_table(items_table());
  op.execute("INSERT INTO nosuch VALUES (1)");
  try {
    op.connection();
  } catch (const MigrationError&) {  // a migration must not be able to ignore this
  }
  op.execute("CREATE TABLE later (id bigint)");
}

std::vector<Migration> users_then(Migration next) {
  return {Migration{kUsers, {}, "create users", true, &history::create_users, &history::drop_users},
          std::move(next)};
}

TEST_F(DataMigrationTest, QueriesSeeWhatTheMigrationRecordedBefore) {
  Migrator migrator(
      db(), users_then(Migration{
                "d1d1d1d1d1d1", {kUsers}, "seed items", true, &seed_and_count, &drop_items}));
  migrator.upgrade("head");
  EXPECT_EQ(g_count_seen, "3");
  EXPECT_EQ(db().exec("SELECT string_agg(DISTINCT name, ',') || ' ' || bool_and(flag) FROM items")
                .text(0, 0),
            "seen 3 true");
  EXPECT_EQ(version_rows(db()), (Ids{"d1d1d1d1d1d1"}));
  EXPECT_EQ(migrator.history().back().direction, "upgrade");
  migrator.downgrade("-1");
  EXPECT_FALSE(table_exists(db(), "items"));
}

TEST_F(DataMigrationTest, AFailingStatementAfterTheQueryRollsBackEverything) {
  Migrator migrator(
      db(), users_then(Migration{
                "d2d2d2d2d2d2", {kUsers}, "seed items", true, &seed_then_bad_statement, &nothing}));
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "42P01");
    EXPECT_EQ(e.statement_index(), std::optional<std::size_t>(1));  // counted across the flush
    EXPECT_EQ(e.statement(), "INSERT INTO nosuch VALUES (1)");
  }
  EXPECT_FALSE(table_exists(db(), "items"));
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));
  EXPECT_EQ(db().exec("SELECT 1").text(0, 0), "1");  // no transaction left open
}

TEST_F(DataMigrationTest, AFailingQueryOfTheMigrationIsReportedAndRolledBack) {
  Migrator migrator(
      db(), users_then(Migration{
                "d3d3d3d3d3d3", {kUsers}, "seed items", true, &seed_then_bad_query, &nothing}));
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "42P01");
    EXPECT_FALSE(e.statement_index().has_value());
    EXPECT_EQ(
        std::string(e.what()).rfind("migration d3d3d3d3d3d3 (seed items) failed in step 1: ERROR 42P01", 0),
        0u)
        << e.what();
    EXPECT_EQ(e.statement(), "SELECT * FROM nosuch");
  }
  EXPECT_FALSE(table_exists(db(), "items"));
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));
}

TEST_F(DataMigrationTest, AnExceptionFromTheMigrationsCodeRollsBack) {
  Migrator migrator(db(),
                    users_then(Migration{
                        "d4d4d4d4d4d4", {kUsers}, "seed items", true, &seed_then_throw, &nothing}));
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_TRUE(std::string(e.what()).find("the data is not what this migration expects") !=
                std::string::npos)
        << e.what();
    EXPECT_EQ(e.revision(), "d4d4d4d4d4d4");
  }
  EXPECT_FALSE(table_exists(db(), "items"));
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));
}

TEST_F(DataMigrationTest, ASwallowedFailureStillFailsTheStep) {
  Migrator migrator(
      db(),
      users_then(Migration{
          "d5d5d5d5d5d5", {kUsers}, "seed items", true, &seed_swallow_and_continue, &nothing}));
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "42P01");
    EXPECT_EQ(e.statement_index(), std::optional<std::size_t>(1));
  }
  EXPECT_FALSE(table_exists(db(), "items"));
  EXPECT_FALSE(table_exists(db(), "later"));
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));
}

// ---- update_in_batches ------------------------------------------------------

// Over table big (history::create_big).
void record_progress(std::size_t rows_done) {
  g_progress.push_back(rows_done);
  Connection other = Connection::open(g_conninfo);
  g_visible.push_back(other.exec("SELECT count(*) FROM big WHERE done").text(0, 0));
}

void mark_done(Ops& op) {
  g_updated = op.update_in_batches(BatchUpdate{.table = "big",
                                               .set = "done = true",
                                               .where = "NOT done",
                                               .key = "id",
                                               .batch_size = 1000,
                                               .progress = &record_progress});
}
void mark_undone(Ops& op) {
  op.update_in_batches(
      BatchUpdate{.table = "big", .set = "done = false", .where = "done", .batch_size = 1000});
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

TEST_F(DataMigrationTest, UpdateInBatchesInATransactionalMigration) {
  Migrator migrator(db(), batch_history(true));
  migrator.upgrade("head");
  EXPECT_EQ(g_updated, 2500u);
  EXPECT_EQ(g_progress, (std::vector<std::size_t>{1000, 2000, 2500}));
  EXPECT_EQ(g_visible, (Ids{"0", "0", "0"}));  // nothing committed before the step
  EXPECT_EQ(db().exec("SELECT count(*) FROM big WHERE done").text(0, 0), "2500");
  EXPECT_EQ(version_rows(db()), (Ids{"b2b2b2b2b2b2"}));
  migrator.downgrade("-1");
  EXPECT_EQ(db().exec("SELECT count(*) FROM big WHERE done").text(0, 0), "0");
}

TEST_F(DataMigrationTest, UpdateInBatchesInANonTransactionalMigrationCommitsEachBatch) {
  Migrator migrator(db(), batch_history(false));
  migrator.upgrade("head");
  EXPECT_EQ(g_updated, 2500u);
  EXPECT_EQ(g_progress, (std::vector<std::size_t>{1000, 2000, 2500}));
  EXPECT_EQ(g_visible, (Ids{"1000", "2000", "2500"}));
  EXPECT_EQ(version_rows(db()), (Ids{"b2b2b2b2b2b2"}));
}

// ---- update_in_batches on other keys ----------------------------------------

void mark_uuid_rows(Ops& op) {
  g_updated = op.update_in_batches(BatchUpdate{.table = "tokens",
                                               .set = "done = true",
                                               .where = "NOT done",
                                               .key = "id",
                                               .batch_size = 1000,
                                               .progress = [](std::size_t rows) {
                                                 g_progress.push_back(rows);
                                               }});
}

TEST_F(DataMigrationTest, UpdateInBatchesOnAUuidKey) {
  db().exec(
      "CREATE TABLE tokens (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), done boolean NOT NULL "
      "DEFAULT false); INSERT INTO tokens (done) SELECT false FROM generate_series(1, 2500)");
  Migrator migrator(db(), {Migration{"c1c1c1c1c1c1", {}, "mark tokens", true, &mark_uuid_rows,
                                     &nothing}});
  migrator.upgrade("head");
  EXPECT_EQ(g_updated, 2500u);
  EXPECT_EQ(g_progress, (std::vector<std::size_t>{1000, 2000, 2500}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM tokens WHERE done").text(0, 0), "2500");
}

void mark_members(Ops& op) {
  g_updated = op.update_in_batches(BatchUpdate{.table = "members",
                                               .set = "seen = true",
                                               .key = {"org", "member"},
                                               .batch_size = 7,
                                               .progress = [](std::size_t rows) {
                                                 g_progress.push_back(rows);
                                               }});
}

TEST_F(DataMigrationTest, UpdateInBatchesOnACompositeTextKey) {
  // Text keys that sort differently by byte and by collation, several rows
  // per org: every row is visited exactly once, in (org, member) order.
  db().exec(
      "CREATE TABLE members (org text NOT NULL, member integer NOT NULL, seen boolean NOT NULL "
      "DEFAULT false, visits integer NOT NULL DEFAULT 0, PRIMARY KEY (org, member));"
      "INSERT INTO members (org, member) SELECT o, m FROM unnest(ARRAY['acme', 'Acme', 'b''x', "
      "'b x', 'zeta', 'éclair']) o, generate_series(1, 5) m");
  db().exec(
      "CREATE FUNCTION count_visit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "NEW.visits := OLD.visits + 1; RETURN NEW; END $$;"
      "CREATE TRIGGER count_visit BEFORE UPDATE ON members FOR EACH ROW EXECUTE FUNCTION "
      "count_visit()");
  Migrator migrator(db(),
                    {Migration{"c2c2c2c2c2c2", {}, "mark members", false, &mark_members, &nothing}});
  migrator.upgrade("head");
  EXPECT_EQ(g_updated, 30u);
  EXPECT_EQ(g_progress, (std::vector<std::size_t>{7, 14, 21, 28, 30}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM members WHERE seen AND visits = 1").text(0, 0), "30");
}

// A non-transactional run that fails in its 16th batch (a trigger raises on
// the 1,501st row it sees), then a rerun once the cause is gone.
void ledger_upgrade(Ops& op) {
  op.add_column("ledger", history::column("done", "boolean", true));  // step 1
  g_updated = op.update_in_batches(BatchUpdate{.table = "ledger",
                                               .set = "done = true",
                                               .where = "done IS NULL",
                                               .key = "id",
                                               .batch_size = 100,
                                               .progress = [](std::size_t rows) {
                                                 g_progress.push_back(rows);
                                               }});
  op.execute("ALTER TABLE ledger ALTER COLUMN done SET NOT NULL");  // step 2
}

TEST_F(DataMigrationTest, AFailedNonTransactionalBatchRunSaysWhatIsCommittedAndARerunContinues) {
  db().exec(
      "CREATE TABLE ledger (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n integer NOT NULL);"
      "INSERT INTO ledger (n) SELECT g FROM generate_series(1, 2000) g;"
      "CREATE TABLE fail_control (after integer);"
      "INSERT INTO fail_control VALUES (1500);"
      "CREATE SEQUENCE updates_seen;"
      "CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "IF nextval('updates_seen') > (SELECT coalesce(after, 2147483647) FROM fail_control) THEN "
      "RAISE EXCEPTION 'too many updates'; END IF; RETURN NEW; END $$;"
      "CREATE TRIGGER fail_late BEFORE UPDATE ON ledger FOR EACH ROW EXECUTE FUNCTION "
      "fail_late()");
  const std::vector<Migration> history{
      Migration{"c3c3c3c3c3c3", {}, "mark ledger", false, &ledger_upgrade, &nothing}};
  {
    Migrator migrator(db(), history);
    try {
      migrator.upgrade("head");
      FAIL() << "expected a MigrationError";
    } catch (const MigrationError& e) {
      const std::string what = e.what();
      EXPECT_EQ(e.sqlstate(), "P0001");
      EXPECT_NE(what.find("update_in_batches on \"ledger\": batch 16 failed; 15 batches (1500 "
                          "rows) before it stay committed"),
                std::string::npos)
          << what;
      EXPECT_NE(what.find("step 1, before the failure, is committed and recorded: a rerun "
                          "resumes at step 2"),
                std::string::npos)
          << what;
    }
  }
  EXPECT_EQ(db().exec("SELECT count(*) FROM ledger WHERE done").text(0, 0), "1500");
  EXPECT_TRUE(version_rows(db()).empty());
  EXPECT_EQ(db().exec("SELECT max(steps_done) FROM structmig_progress").text(0, 0), "1");

  db().exec("UPDATE fail_control SET after = NULL");
  g_progress.clear();
  g_updated = 0;
  Migrator migrator(db(), history);
  migrator.upgrade("head");  // step 1 (ADD COLUMN) is skipped: running it again would fail
  EXPECT_EQ(g_updated, 500u);  // only the rows the failed run left
  EXPECT_EQ(g_progress, (std::vector<std::size_t>{100, 200, 300, 400, 500}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM ledger WHERE done").text(0, 0), "2000");
  EXPECT_EQ(db().exec("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'ledger'::regclass "
                      "AND attname = 'done'")
                .text(0, 0),
            "t");
  EXPECT_EQ(version_rows(db()), (Ids{"c3c3c3c3c3c3"}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM structmig_progress").text(0, 0), "0");
}

// ---- a rerun continues after the last committed batch ----------------------

// Makes every UPDATE of `table` after the first `after` rows raise.
void fail_after_updates(Connection& db, const std::string& table, int after) {
  db.exec("CREATE SEQUENCE updates_seen;"
          "CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
          "IF nextval('updates_seen') > " +
          std::to_string(after) +
          " THEN RAISE EXCEPTION 'too many updates'; END IF; RETURN NEW; END $$;"
          "CREATE TRIGGER fail_late BEFORE UPDATE ON " +
          table + " FOR EACH ROW EXECUTE FUNCTION fail_late()");
}

// Runs `history` expecting a failure whose message has `expected`.
void expect_failure(Connection& db, const std::vector<Migration>& history,
                    const std::string& expected) {
  Migrator migrator(db, history);
  try {
    migrator.upgrade("head");
    FAIL() << "expected a MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "P0001");
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
}

// Every row counts its updates; the default where ("true") selects them all.
void count_updates(Ops& op) {
  g_updated = op.update_in_batches(BatchUpdate{.table = "counted",
                                               .set = "updates = updates + 1",
                                               .key = "id",
                                               .batch_size = 100,
                                               .progress = [](std::size_t rows) {
                                                 g_progress.push_back(rows);
                                               }});
}

TEST_F(DataMigrationTest, ARerunContinuesAfterTheLastCommittedBatchOnABigintKey) {
  db().exec(
      "CREATE TABLE counted (id bigint PRIMARY KEY, updates integer NOT NULL DEFAULT 0);"
      "INSERT INTO counted (id) SELECT g FROM generate_series(1, 2000) g");
  fail_after_updates(db(), "counted", 1500);  // batch 16 of 100 rows fails
  const std::vector<Migration> history{
      Migration{"c5c5c5c5c5c5", {}, "count updates", false, &count_updates, &nothing}};
  expect_failure(db(), history,
                 "update_in_batches on \"counted\": batch 16 failed; 15 batches (1500 rows) "
                 "before it stay committed (each batch commits on its own outside a "
                 "transaction, with the last key it reached); a rerun of the migration "
                 "continues after that key");
  EXPECT_EQ(db().exec("SELECT count(*) FROM counted WHERE updates = 1").text(0, 0), "1500");
  EXPECT_EQ(db().exec("SELECT steps_done || ' ' || batch_key::text FROM structmig_progress")
                .text(0, 0),
            "0 {1500}");  // the last key of batch 15, saved with it

  db().exec("DROP TRIGGER fail_late ON counted");
  g_progress.clear();
  Migrator(db(), history).upgrade("head");
  EXPECT_EQ(g_updated, 500u);  // only the rows after the saved key
  EXPECT_EQ(g_progress, (std::vector<std::size_t>{100, 200, 300, 400, 500}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM counted WHERE updates = 1").text(0, 0), "2000");
  EXPECT_EQ(db().exec("SELECT max(updates) FROM counted").text(0, 0), "1");  // none twice
  EXPECT_EQ(version_rows(db()), (Ids{"c5c5c5c5c5c5"}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM structmig_progress").text(0, 0), "0");
}

// A step before the batches (its counter column) and one after them.
void count_member_updates(Ops& op) {
  op.add_column("people", history::column("updates", "integer", false, "0"));  // step 1
  g_updated = op.update_in_batches(BatchUpdate{.table = "people",
                                               .set = "updates = updates + 1",
                                               .key = {"org", "member"},
                                               .batch_size = 7,
                                               .progress = [](std::size_t rows) {
                                                 g_progress.push_back(rows);
                                               }});
  op.execute("ALTER TABLE people ADD CONSTRAINT updated_once CHECK (updates = 1)");  // step 2
}

TEST_F(DataMigrationTest, ARerunContinuesAfterTheLastCommittedBatchOnACompositeTextKey) {
  // Text keys that sort differently by byte and by collation, and members
  // '1' … '10' that sort as text ('10' before '2').
  db().exec(
      "CREATE TABLE people (org text NOT NULL, member text NOT NULL, PRIMARY KEY (org, member));"
      "INSERT INTO people SELECT o, m::text FROM unnest(ARRAY['acme', 'Acme', 'b''x', 'b x', "
      "'zeta', 'éclair']) o, generate_series(1, 10) m");
  fail_after_updates(db(), "people", 21);  // batch 4 of 7 rows fails
  const std::vector<Migration> history{
      Migration{"c6c6c6c6c6c6", {}, "count member updates", false, &count_member_updates,
                &nothing}};
  expect_failure(db(), history,
                 "update_in_batches on \"people\": batch 4 failed; 3 batches (21 rows) before "
                 "it stay committed");
  EXPECT_EQ(db().exec("SELECT count(*) FROM people WHERE updates = 1").text(0, 0), "21");
  EXPECT_EQ(db().exec("SELECT steps_done || ' ' || batch_key::text FROM structmig_progress")
                .text(0, 0),
            "1 " + db().exec("SELECT ARRAY[org, member]::text FROM people ORDER BY org, member "
                             "OFFSET 20 LIMIT 1")
                       .text(0, 0));

  db().exec("DROP TRIGGER fail_late ON people");
  g_progress.clear();
  Migrator(db(), history).upgrade("head");  // step 1 skipped, then the rows left
  EXPECT_EQ(g_updated, 39u);
  EXPECT_EQ(g_progress, (std::vector<std::size_t>{7, 14, 21, 28, 35, 39}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM people WHERE updates = 1").text(0, 0), "60");
  EXPECT_EQ(version_rows(db()), (Ids{"c6c6c6c6c6c6"}));
  EXPECT_EQ(db().exec("SELECT count(*) FROM structmig_progress").text(0, 0), "0");
}

TEST_F(DataMigrationTest, AProgressTableFromBeforeSavedKeysGetsTheirColumns) {
  db().exec(
      "CREATE TABLE structmig_progress (revision text NOT NULL, direction text NOT NULL, "
      "steps_done integer NOT NULL, updated_at timestamptz NOT NULL DEFAULT now(), "
      "PRIMARY KEY (revision, direction))");
  Migrator(db(), batch_history(false)).upgrade("head");
  EXPECT_EQ(db().exec("SELECT count(*) FROM big WHERE done").text(0, 0), "2500");
  EXPECT_EQ(db().exec("SELECT count(*) FROM pg_attribute WHERE attrelid = "
                      "'structmig_progress'::regclass AND attname IN ('batch', 'batch_key')")
                .text(0, 0),
            "2");
}

TEST_F(DataMigrationTest, AFailedBatchInATransactionalMigrationSaysItWasRolledBack) {
  db().exec(
      "CREATE TABLE ledger (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), n integer NOT NULL);"
      "INSERT INTO ledger (n) SELECT g FROM generate_series(1, 300) g;"
      "CREATE SEQUENCE updates_seen;"
      "CREATE FUNCTION fail_late() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
      "IF nextval('updates_seen') > 150 THEN RAISE EXCEPTION 'too many updates'; END IF; "
      "RETURN NEW; END $$;"
      "CREATE TRIGGER fail_late BEFORE UPDATE ON ledger FOR EACH ROW EXECUTE FUNCTION "
      "fail_late()");
  Migrator migrator(
      db(), {Migration{"c4c4c4c4c4c4", {}, "mark ledger", true, &ledger_upgrade, &nothing}});
  try {
    migrator.upgrade("head");
    FAIL() << "expected a MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "update_in_batches on \"ledger\": batch 2 failed; 1 batch (100 rows) before "
                  "it ran in this step's transaction and was rolled back with it"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(db().exec("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                      "'ledger' AND column_name = 'done'")
                .text(0, 0),
            "0");
  EXPECT_EQ(db().exec("SELECT count(*) FROM structmig_progress").text(0, 0), "0");  // no key saved
}

}  // namespace
}  // namespace structmig
