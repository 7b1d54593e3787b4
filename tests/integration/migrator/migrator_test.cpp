// The Migrator against a real server on a linear history: upgrade/downgrade
// round trips compared with read_schema(), relative and revision targets,
// current() and history(), a failing step in the middle of a chain,
// non-transactional steps, the advisory lock and the bookkeeping's escaping.
// Branches and merges: graph_test; checksums: integrity_test; timeouts:
// steps_test; data migrations: data_migration_test.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "history_fixture.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig {
namespace {

using history::column_values;
using history::DatabaseTest;
using history::id;
using history::expected_after;
using history::kPriority;
using history::kTickets;
using history::kUsers;
using history::migrations;
using history::schema_of;
using history::table_exists;
using Ids = std::vector<std::string>;

using MigratorTest = DatabaseTest;

Ids revisions_of(const std::vector<StepEvent>& events) {
  Ids out;
  for (const auto& e : events) out.push_back(e.revision);
  return out;
}

bool lock_is_free(const std::string& conninfo) {
  Connection other = Connection::open(conninfo);
  const std::string key = std::to_string(kMigrationLockKey);
  const bool got = other.exec("SELECT pg_try_advisory_lock(" + key + ")").text(0, 0) == "t";
  if (got) other.exec("SELECT pg_advisory_unlock(" + key + ")");
  return got;
}

TEST_F(MigratorTest, UpgradeHeadDowngradeBaseUpgradeHeadAgain) {
  Migrator migrator(db(), migrations());
  EXPECT_TRUE(migrator.current().empty());
  EXPECT_TRUE(migrator.history().empty());

  auto applied = migrator.upgrade();
  EXPECT_EQ(revisions_of(applied), (Ids{id(kUsers), id(kTickets), id(kPriority)}));
  EXPECT_EQ(schema_of(db()), expected_after(3));
  EXPECT_EQ(migrator.current(), (Ids{id(kPriority)}));

  auto reverted = migrator.downgrade("base");
  EXPECT_EQ(revisions_of(reverted), (Ids{id(kPriority), id(kTickets), id(kUsers)}));
  EXPECT_EQ(schema_of(db()), expected_after(0));
  EXPECT_TRUE(migrator.current().empty());
  EXPECT_TRUE(table_exists(db(), "structmig_version"));
  EXPECT_TRUE(table_exists(db(), "structmig_history"));

  migrator.upgrade("head");
  EXPECT_EQ(schema_of(db()), expected_after(3));
  EXPECT_TRUE(migrator.upgrade("head").empty());  // already there
}

TEST_F(MigratorTest, RelativeAndRevisionTargets) {
  Migrator migrator(db(), migrations());
  EXPECT_EQ(revisions_of(migrator.upgrade("+1")), (Ids{id(kUsers)}));
  EXPECT_EQ(schema_of(db()), expected_after(1));
  EXPECT_EQ(revisions_of(migrator.upgrade("+2")), (Ids{id(kTickets), id(kPriority)}));
  EXPECT_EQ(schema_of(db()), expected_after(3));
  EXPECT_EQ(revisions_of(migrator.downgrade("-1")), (Ids{id(kPriority)}));
  EXPECT_EQ(schema_of(db()), expected_after(2));
  EXPECT_EQ(migrator.current(), (Ids{id(kTickets)}));
  EXPECT_EQ(revisions_of(migrator.downgrade(kUsers)), (Ids{id(kTickets)}));
  EXPECT_EQ(schema_of(db()), expected_after(1));
  EXPECT_EQ(revisions_of(migrator.upgrade("3c4d")), (Ids{id(kTickets), id(kPriority)}));
  EXPECT_EQ(schema_of(db()), expected_after(3));
  EXPECT_EQ(revisions_of(migrator.downgrade("-3")), (Ids{id(kPriority), id(kTickets), id(kUsers)}));
  EXPECT_EQ(schema_of(db()), expected_after(0));
}

TEST_F(MigratorTest, BadTargetsChangeNothing) {
  Migrator migrator(db(), migrations());
  migrator.upgrade("+1");
  EXPECT_THROW(migrator.upgrade("+3"), RevisionOutOfRange);
  EXPECT_THROW(migrator.downgrade("-2"), RevisionOutOfRange);
  EXPECT_THROW(migrator.upgrade("nonsense"), UnknownRevision);
  EXPECT_THROW(migrator.downgrade(kPriority), WrongDirection);
  EXPECT_THROW(migrator.upgrade("base"), WrongDirection);
  EXPECT_EQ(migrator.current(), (Ids{id(kUsers)}));
  EXPECT_EQ(schema_of(db()), expected_after(1));
  EXPECT_TRUE(lock_is_free(conninfo()));
}

TEST_F(MigratorTest, HistoryRecordsEveryStepInOrder) {
  std::vector<StepEvent> events;
  Migrator migrator(db(), migrations(),
                    MigratorOptions{[&](const StepEvent& e) { events.push_back(e); }});
  migrator.upgrade();
  migrator.downgrade("-2");

  const auto rows = migrator.history();
  ASSERT_EQ(rows.size(), 5u);
  const Ids expected_revisions{id(kUsers), id(kTickets), id(kPriority), id(kPriority),
                               id(kTickets)};
  const Ids expected_directions{"upgrade", "upgrade", "upgrade", "downgrade", "downgrade"};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].revision, expected_revisions[i]) << i;
    EXPECT_EQ(rows[i].direction, expected_directions[i]) << i;
    EXPECT_GE(rows[i].duration_ms, 0.0) << i;
    ASSERT_TRUE(rows[i].checksum.has_value()) << i;
    EXPECT_EQ(*rows[i].checksum, history::checksum_of(rows[i].revision)) << i;
    EXPECT_FALSE(rows[i].applied_at.empty()) << i;
    if (i > 0) {
      EXPECT_GT(rows[i].id, rows[i - 1].id);
    }
  }
  EXPECT_EQ(rows[0].message, "create users");
  EXPECT_EQ(rows[2].message, "add tickets priority");

  ASSERT_EQ(events.size(), 5u);
  EXPECT_EQ(events[0].revision, id(kUsers));
  EXPECT_EQ(events[0].message, "create users");
  EXPECT_EQ(events[0].direction, Direction::upgrade);
  EXPECT_EQ(events[4].direction, Direction::downgrade);
  EXPECT_GT(events[0].duration.count(), 0.0);
  EXPECT_EQ(column_values(db(), "SELECT revision FROM structmig_version"), (Ids{id(kUsers)}));
}

// The third of four steps fails at its second statement.
void add_priority_then_duplicate_title(Ops& ops) {
  ops.add_column("tickets", history::priority_column());
  ops.add_column("tickets", history::column("title", "text"));
}
void create_audit(Ops& ops) { ops.execute("CREATE TABLE audit (id bigint)"); }
void nothing(Ops&) {}

TEST_F(MigratorTest, FailingStepKeepsEarlierStepsAndNamesRevisionStatementAndSqlstate) {
  std::vector<Migration> chain{
      Migration{kUsers, {}, "create users", true, &history::create_users, &history::drop_users},
      Migration{kTickets,
                {kUsers},
                "create tickets",
                true,
                &history::create_tickets,
                &history::drop_tickets},
      Migration{"3f9a2c1b7e04",
                {kTickets},
                "add tickets priority",
                true,
                &add_priority_then_duplicate_title,
                &nothing},
      Migration{"4a0b1c2d3e4f", {"3f9a2c1b7e04"}, "create audit", true, &create_audit, &nothing},
  };
  std::vector<std::string> progressed;
  Migrator migrator(db(), chain,
                    MigratorOptions{[&](const StepEvent& e) { progressed.push_back(e.revision); }});
  try {
    migrator.upgrade();
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    const std::string what = e.what();
    EXPECT_EQ(e.revision(), "3f9a2c1b7e04");
    EXPECT_EQ(e.migration_message(), "add tickets priority");
    EXPECT_EQ(e.sqlstate(), "42701");
    ASSERT_TRUE(e.statement_index().has_value());
    EXPECT_EQ(*e.statement_index(), 1u);
    EXPECT_EQ(e.statement(), "ALTER TABLE \"tickets\" ADD COLUMN \"title\" text NOT NULL");
    EXPECT_EQ(what,
              "migration 3f9a2c1b7e04 (add tickets priority) failed in step 1 at statement 2: ERROR 42701: "
              "column \"title\" of relation \"tickets\" already exists\n"
              "  statement: ALTER TABLE \"tickets\" ADD COLUMN \"title\" text NOT NULL\n"
              "  this step was rolled back; structmig_version was not changed");
  }
  EXPECT_EQ(progressed, (Ids{id(kUsers), id(kTickets)}));
  EXPECT_EQ(migrator.current(), (Ids{id(kTickets)}));
  EXPECT_EQ(schema_of(db()), expected_after(2));  // the failing step's first column rolled back
  EXPECT_FALSE(table_exists(db(), "audit"));      // the step after it never ran
  EXPECT_EQ(column_values(db(), "SELECT revision FROM structmig_history ORDER BY id"),
            (Ids{id(kUsers), id(kTickets)}));
  EXPECT_TRUE(lock_is_free(conninfo()));
  EXPECT_EQ(db().exec("SELECT 5").text(0, 0), "5");  // no transaction left open
}

void bad_sql(Ops& ops) { ops.execute("CREATE TABLE broken (id bigint"); }

TEST_F(MigratorTest, SyntaxErrorInRawSqlIsReportedWithItsStatement) {
  std::vector<Migration> chain{
      Migration{kUsers, {}, "create users", true, &history::create_users, &history::drop_users},
      Migration{"badbadbad000", {kUsers}, "raw sql", true, &bad_sql, &nothing},
  };
  Migrator migrator(db(), chain);
  try {
    migrator.upgrade();
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "42601");
    EXPECT_NE(std::string(e.what()).find("migration badbadbad000 (raw sql) failed in step 1 at statement 1"),
              std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find("statement: CREATE TABLE broken (id bigint"),
              std::string::npos)
        << e.what();
  }
  EXPECT_EQ(migrator.current(), (Ids{id(kUsers)}));
}

void create_index_concurrently(Ops& ops) {
  ops.execute("CREATE INDEX CONCURRENTLY users_name_idx ON users (name)");
}
void drop_index_concurrently(Ops& ops) { ops.execute("DROP INDEX CONCURRENTLY users_name_idx"); }
void concurrently_then_fail(Ops& ops) {
  ops.execute("CREATE INDEX CONCURRENTLY users_email_idx ON users (email)");
  ops.execute("CREATE INDEX CONCURRENTLY users_email_idx ON users (email)");
}

TEST_F(MigratorTest, NonTransactionalStepRunsOutsideATransaction) {
  std::vector<Migration> chain{
      Migration{kUsers, {}, "create users", true, &history::create_users, &history::drop_users},
      Migration{"5e5e5e5e5e5e",
                {kUsers},
                "index users name",
                false,
                &create_index_concurrently,
                &drop_index_concurrently},
  };
  Migrator migrator(db(), chain);
  migrator.upgrade();
  EXPECT_TRUE(table_exists(db(), "users_name_idx"));
  EXPECT_EQ(migrator.current(), (Ids{"5e5e5e5e5e5e"}));
  const auto rows = migrator.history();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].message, "index users name");
  migrator.downgrade("-1");
  EXPECT_FALSE(table_exists(db(), "users_name_idx"));
  EXPECT_EQ(migrator.current(), (Ids{id(kUsers)}));
}

TEST_F(MigratorTest, FailingNonTransactionalStepKeepsWhatRanAndRecordsNothing) {
  std::vector<Migration> chain{
      Migration{kUsers, {}, "create users", true, &history::create_users, &history::drop_users},
      Migration{"6f6f6f6f6f6f", {kUsers}, "index twice", false, &concurrently_then_fail, &nothing},
  };
  Migrator migrator(db(), chain);
  try {
    migrator.upgrade();
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "42P07");
    EXPECT_EQ(e.statement_index(), std::optional<std::size_t>(1));
  }
  EXPECT_TRUE(table_exists(db(), "users_email_idx"));  // no transaction to undo it
  EXPECT_EQ(migrator.current(), (Ids{id(kUsers)}));
  EXPECT_EQ(migrator.history().size(), 1u);
}

TEST_F(MigratorTest, LockIsHeldDuringARunAndReleasedAfterwards) {
  std::vector<bool> free_during;
  Migrator migrator(db(), migrations(), MigratorOptions{[&](const StepEvent&) {
                      free_during.push_back(lock_is_free(conninfo()));
                    }});
  EXPECT_TRUE(lock_is_free(conninfo()));
  migrator.upgrade();
  EXPECT_EQ(free_during, (std::vector<bool>{false, false, false}));
  EXPECT_TRUE(lock_is_free(conninfo()));
}

TEST_F(MigratorTest, QuotesAndBackslashesInMessagesAreStoredVerbatim) {
  const std::string_view message = "it's a \\ test; DROP TABLE users; --";
  std::vector<Migration> chain{
      Migration{"7a7a'7a7a7a7", {}, message, true, &history::create_users, &history::drop_users}};
  Migrator migrator(db(), chain);
  migrator.upgrade();
  const auto rows = migrator.history();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].message, message);
  EXPECT_EQ(rows[0].revision, "7a7a'7a7a7a7");
  EXPECT_EQ(migrator.current(), (Ids{"7a7a'7a7a7a7"}));
  EXPECT_TRUE(table_exists(db(), "users"));
}

TEST_F(MigratorTest, UnknownRevisionInTheDatabaseIsReported) {
  Migrator migrator(db(), migrations());
  migrator.upgrade("+1");
  db().exec("UPDATE structmig_version SET revision = 'ffffffffffff'");
  try {
    migrator.upgrade();
    FAIL() << "expected UnknownAppliedRevision";
  } catch (const UnknownAppliedRevision& e) {
    EXPECT_NE(std::string(e.what()).find("ffffffffffff"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(lock_is_free(conninfo()));
}

TEST_F(MigratorTest, SeveralHeadsAreRefusedForHead) {
  std::vector<Migration> branched{
      Migration{kUsers, {}, "create users", true, &history::create_users, &history::drop_users},
      Migration{"aaaaaaaaaaaa", {kUsers}, "left", true, &nothing, &nothing},
      Migration{"bbbbbbbbbbbb", {kUsers}, "right", true, &nothing, &nothing},
  };
  Migrator migrator(db(), branched);
  EXPECT_THROW(migrator.upgrade(), MultipleHeads);
  EXPECT_TRUE(migrator.current().empty());
}

TEST_F(MigratorTest, InvalidHistoryIsRejectedBeforeTouchingTheDatabase) {
  std::vector<Migration> broken{Migration{kTickets, {kUsers}, "orphan", true, &nothing, &nothing}};
  EXPECT_THROW(Migrator(db(), broken), MissingParent);
  EXPECT_FALSE(table_exists(db(), "structmig_version"));
}

}  // namespace
}  // namespace structmig
