// How single steps run, against a real server: non-transactional migrations
// (CREATE INDEX CONCURRENTLY; what a failure leaves and says), lock_timeout
// and statement_timeout from the run and from the migration (the
// migration's wins; SET LOCAL inside a transaction, SET/RESET around a
// non-transactional step), and the connection check on the migrator's session.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using history::DatabaseTest;
using history::id;
using history::kPriority;
using history::kTickets;
using history::kUsers;
using history::migrations;
using history::table_exists;
using history::version_rows;
using Ids = std::vector<std::string>;
using Clock = std::chrono::steady_clock;

using StepsTest = DatabaseTest;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

void nothing(Ops&) {}
void index_concurrently(Ops& ops) {
  ops.execute("INSERT INTO users (id, email) SELECT g, 'u' || g FROM generate_series(1, 500) g");
  ops.execute("CREATE INDEX CONCURRENTLY ix_users_name ON users (name)");
}
void drop_index_concurrently(Ops& ops) { ops.execute("DROP INDEX CONCURRENTLY ix_users_name"); }
void concurrently_twice(Ops& ops) {
  ops.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)");
  ops.execute("CREATE TABLE after_the_index (id bigint)");
  ops.execute("CREATE INDEX CONCURRENTLY ix_users_email ON users (email)");
}

std::vector<Migration> users_then(Migration next) {
  return {Migration{kUsers, {}, "create users", true, &history::create_users, &history::drop_users},
          std::move(next)};
}

TEST_F(StepsTest, NonTransactionalMigrationBuildsAnIndexConcurrently) {
  Migrator migrator(db(), users_then(Migration{"5e5e5e5e5e5e",
                                               {kUsers},
                                               "index users name",
                                               false,
                                               &index_concurrently,
                                               &drop_index_concurrently}));
  migrator.upgrade("head");
  EXPECT_EQ(db().exec("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                      "'ix_users_name'::regclass")
                .text(0, 0),
            "t");
  EXPECT_EQ(version_rows(db()), (Ids{"5e5e5e5e5e5e"}));
  migrator.downgrade("-1");
  EXPECT_FALSE(table_exists(db(), "ix_users_name"));
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));
}

TEST_F(StepsTest, TheSameInATransactionalMigrationFails) {
  // Proof that the non-transactional path above really runs outside a transaction.
  Migrator migrator(
      db(),
      users_then(Migration{
          "5e5e5e5e5e5e", {kUsers}, "index users name", true, &index_concurrently, &nothing}));
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "25001");  // active_sql_transaction
  }
  EXPECT_EQ(db().exec("SELECT count(*) FROM users").text(0, 0), "0");  // rolled back
}

TEST_F(StepsTest, NonTransactionalFailureSaysWhatStayedApplied) {
  Migrator migrator(
      db(), users_then(Migration{
                "6f6f6f6f6f6f", {kUsers}, "index twice", false, &concurrently_twice, &nothing}));
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.sqlstate(), "42P07");
    EXPECT_EQ(e.statement_index(), std::optional<std::size_t>(2));
    EXPECT_TRUE(contains(what, "migration 6f6f6f6f6f6f (index twice) failed in step 3 at statement 3"))
        << what;
    EXPECT_TRUE(contains(what, "statement: CREATE INDEX CONCURRENTLY ix_users_email")) << what;
    EXPECT_TRUE(contains(e.note(),
                         "steps 1-2, before the failure, are committed and recorded: a rerun "
                         "resumes at step 3"))
        << e.note();
    EXPECT_TRUE(contains(e.note(), "structmig_version was not changed")) << e.note();
    EXPECT_TRUE(contains(what, e.note())) << what;
  }
  EXPECT_TRUE(table_exists(db(), "ix_users_email"));
  EXPECT_TRUE(table_exists(db(), "after_the_index"));
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));
  EXPECT_EQ(migrator.history().size(), 1u);
}

/// Another session holding an ACCESS EXCLUSIVE lock on tickets in an open
/// transaction. The server ends it after 15 s, so a timeout that does not
/// work makes a test fail instead of hang.
class TicketsLocked {
 public:
  explicit TicketsLocked(const std::string& conninfo) : holder_(Connection::open(conninfo)) {
    holder_.exec("SET idle_in_transaction_session_timeout = '15s'");
    holder_.exec("BEGIN");
    holder_.exec("LOCK TABLE tickets IN ACCESS EXCLUSIVE MODE");
  }
  ~TicketsLocked() {
    try {
      holder_.exec("ROLLBACK");
    } catch (const DatabaseError&) {  // already ended by the server
    }
  }

 private:
  Connection holder_;
};

TEST_F(StepsTest, RunLockTimeoutFailsTheStepWith55P03AndTheVersionStays) {
  Migrator(db(), migrations()).upgrade("+2");
  MigratorOptions options;
  options.lock_timeout = "200ms";
  options.lock_retries = 0;  // retries have their own test (lock_discipline_test)
  Migrator migrator(db(), migrations(), options);
  {
    TicketsLocked locked(conninfo());
    const auto started = Clock::now();
    try {
      migrator.upgrade("head");
      FAIL() << "expected MigrationError";
    } catch (const MigrationError& e) {
      EXPECT_EQ(e.sqlstate(), "55P03") << e.what();
      EXPECT_EQ(e.revision(), id(kPriority));
      EXPECT_EQ(e.statement_index(), std::optional<std::size_t>(0));
    }
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(10));
  }
  EXPECT_EQ(version_rows(db()), (Ids{id(kTickets)}));
  EXPECT_EQ(db().exec("SHOW lock_timeout").text(0, 0), "0");  // SET LOCAL ended with the step
  EXPECT_EQ(migrator.upgrade("head").size(), 1u);             // without the lock it goes through
}

TEST_F(StepsTest, TheMigrationsOwnLockTimeoutWinsOverTheRuns) {
  Migrator(db(), migrations()).upgrade("+2");
  auto list = migrations();
  for (auto& m : list) {
    if (m.revision == kPriority) m.lock_timeout = "100ms";
  }
  MigratorOptions options;
  options.lock_timeout = "1min";  // would outlast the holder if it won
  options.lock_retries = 0;
  Migrator migrator(db(), list, options);
  TicketsLocked locked(conninfo());
  const auto started = Clock::now();
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "55P03") << e.what();
  }
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(10));
  EXPECT_EQ(version_rows(db()), (Ids{id(kTickets)}));
}

void add_column_outside_a_transaction(Ops& ops) {
  ops.add_column("tickets", history::column("archived", "boolean", true));
}

TEST_F(StepsTest, NonTransactionalStepSetsAndResetsItsTimeouts) {
  Migration slow{
      "7a7a7a7a7a7a", {kTickets}, "add archived", false, &add_column_outside_a_transaction,
      &nothing};
  slow.lock_timeout = "150ms";
  slow.lock_retries = 0;
  std::vector<Migration> list = migrations();
  list.erase(list.begin());  // without kPriority
  list.push_back(slow);
  Migrator migrator(db(), list);
  migrator.upgrade("+2");
  {
    TicketsLocked locked(conninfo());
    try {
      migrator.upgrade("head");
      FAIL() << "expected MigrationError";
    } catch (const MigrationError& e) {
      EXPECT_EQ(e.sqlstate(), "55P03") << e.what();
      EXPECT_EQ(e.step_index(), std::optional<std::size_t>(0));
      EXPECT_TRUE(contains(e.note(), "outside a transaction")) << e.note();
    }
    EXPECT_EQ(db().exec("SHOW lock_timeout").text(0, 0), "0");  // RESET after the failure
  }
  EXPECT_EQ(migrator.upgrade("head").size(), 1u);
  EXPECT_EQ(db().exec("SHOW lock_timeout").text(0, 0), "0");  // and after success
  EXPECT_EQ(version_rows(db()), (Ids{"7a7a7a7a7a7a"}));
}

void sleep_long(Ops& ops) { ops.execute("SELECT pg_sleep(30)"); }

TEST_F(StepsTest, StatementTimeoutCancelsALongStatement) {
  for (bool transactional : {true, false}) {
    Migration slow{"8b8b8b8b8b8b", {kUsers}, "sleep", transactional, &sleep_long, &nothing};
    slow.statement_timeout = "200ms";
    Migrator migrator(db(), users_then(slow));
    const auto started = Clock::now();
    try {
      migrator.upgrade("head");
      FAIL() << "expected MigrationError";
    } catch (const MigrationError& e) {
      EXPECT_EQ(e.sqlstate(), "57014") << e.what();  // query_canceled
    }
    EXPECT_LT(Clock::now() - started, std::chrono::seconds(10));
    EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));
    EXPECT_EQ(db().exec("SHOW statement_timeout").text(0, 0), "0");
  }
}

TEST_F(StepsTest, AnInvalidTimeoutIsReportedWithTheMigration) {
  MigratorOptions options;
  options.lock_timeout = "soon";
  Migrator migrator(db(), migrations(), options);
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "") << e.what();  // found before anything reached the server
    EXPECT_EQ(e.revision(), id(kUsers));
    EXPECT_FALSE(e.statement_index().has_value());
    EXPECT_TRUE(contains(e.what(), "lock_timeout \"soon\" is not a duration")) << e.what();
  }
  EXPECT_TRUE(version_rows(db()).empty());
}

TEST_F(StepsTest, TheMigratorsSessionChecksItsClient) {
  Migrator(db(), migrations()).upgrade("+1");
  EXPECT_EQ(db().exec("SHOW client_connection_check_interval").text(0, 0), "1s");
}

}  // namespace
}  // namespace structmig
