// structmig_state, the one row the lock-free start-up check reads: written by
// the locked upgrade, deleted by the triggers whenever anything else writes
// the version or the history (an older release, an offline script, a stamp,
// a hand edit), added to a database that an older release created, and never
// trusted when it does not match the program: pending migrations, unknown
// revisions and changed checksums are still found.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "history_fixture.hpp"
#include "migrator/state_row.hpp"
#include "structmig/startup.hpp"

namespace structmig {
namespace {

using history::column_values;
using history::DatabaseTest;
using history::id;
using history::kPriority;
using history::kTickets;
using history::kUsers;
using history::migrations;
using history::table_exists;
using Ids = std::vector<std::string>;

using StateRowTest = DatabaseTest;

/// structmig_state as "heads|digest" lines.
Ids state_rows(Connection& db) {
  return column_values(db, "SELECT heads || '|' || digest FROM structmig_state");
}

std::string expected_row(const std::vector<Migration>& list, const Ids& heads) {
  const detail::StateRow row = detail::state_row_at(RevisionGraph(list), heads);
  return row.heads + "|" + row.digest;
}

/// migrations() without its last migration (kPriority).
std::vector<Migration> first_two() {
  auto list = migrations();
  std::erase_if(list, [](const Migration& m) { return m.revision == kPriority; });
  return list;
}

/// Drops what this release adds to the bookkeeping: the tables as an older
/// release created and left them (version, history, progress), at head.
void make_older(Connection& db) {
  db.exec("DROP TABLE structmig_state; DROP FUNCTION structmig_state_outdated() CASCADE");
}

TEST_F(StateRowTest, TheUpgradeWritesTheRowOfWhereItLeftTheDatabase) {
  Migrator(db(), migrations()).upgrade("+2");
  EXPECT_EQ(state_rows(db()), (Ids{expected_row(migrations(), {id(kTickets)})}));
  EXPECT_EQ(state_rows(db()),
            (Ids{"12:2b3c4d5e6f70|" +
                 detail::state_row_at(RevisionGraph(migrations()), {id(kTickets)}).digest}));
  Migrator(db(), migrations()).upgrade("head");
  EXPECT_EQ(state_rows(db()), (Ids{expected_row(migrations(), {id(kPriority)})}));
}

TEST_F(StateRowTest, AnyWriteToTheVersionOrTheHistoryDeletesTheRow) {
  for (const std::string write :
       {"UPDATE structmig_version SET revision = revision",
        "DELETE FROM structmig_version WHERE false",
        "INSERT INTO structmig_history (revision, direction, message, duration_ms) "
        "VALUES ('x', 'stamp', 'by hand', 0)",
        "TRUNCATE structmig_history"}) {
    Migrator(db(), migrations()).upgrade("head");
    ASSERT_EQ(state_rows(db()).size(), 1u);
    db().exec(write);
    EXPECT_TRUE(state_rows(db()).empty()) << write;
  }
}

TEST_F(StateRowTest, AnOlderReleasesStampIsNotHiddenByTheRow) {
  Migrator(db(), migrations()).upgrade("head");
  // An older release's downgrade by hand: the schema and the version row,
  // nothing of structmig_state.
  db().exec(
      "ALTER TABLE tickets DROP COLUMN priority; DELETE FROM structmig_version; "
      "INSERT INTO structmig_version VALUES ('" +
      id(kTickets) + "')");
  const DatabaseStatus status = Migrator(db(), migrations()).status();
  EXPECT_EQ(status.heads, (Ids{id(kTickets)}));
  EXPECT_EQ(status.pending, (Ids{id(kPriority)}));
  StartupOptions verify;
  verify.mode = StartupMode::verify;
  EXPECT_THROW(ensure_at_head(conninfo(), migrations(), verify), NotAtHead);
  // The start-up API applies the migration and writes the row again.
  EXPECT_EQ(upgrade_to_head(conninfo(), migrations()).applied.size(), 1u);
  EXPECT_EQ(state_rows(db()), (Ids{expected_row(migrations(), {id(kPriority)})}));
}

TEST_F(StateRowTest, StampAndDowngradeLeaveNoRow) {
  Migrator(db(), migrations()).upgrade("head");
  Migrator(db(), migrations()).stamp(kTickets);
  EXPECT_TRUE(state_rows(db()).empty());
  EXPECT_EQ(Migrator(db(), migrations()).status().pending, (Ids{id(kPriority)}));
  Migrator(db(), migrations()).stamp("head");
  EXPECT_TRUE(state_rows(db()).empty());
  EXPECT_TRUE(Migrator(db(), migrations()).upgrade("head").empty());  // the locked run, no step
  EXPECT_EQ(state_rows(db()), (Ids{expected_row(migrations(), {id(kPriority)})}));
  Migrator(db(), migrations()).downgrade("-1");
  EXPECT_TRUE(state_rows(db()).empty());
  EXPECT_EQ(Migrator(db(), migrations()).status().pending, (Ids{id(kPriority)}));
}

TEST_F(StateRowTest, PendingUnknownAndChangedAreStillFound) {
  Migrator(db(), first_two()).upgrade("head");  // the row says: at kTickets, head of first_two
  EXPECT_EQ(Migrator(db(), migrations()).status().pending, (Ids{id(kPriority)}));
  EXPECT_EQ(upgrade_to_head(conninfo(), migrations()).applied.size(), 1u);

  // A program that does not know kPriority (an older release) at its head:
  // the row's heads are not its heads.
  const DatabaseStatus older = Migrator(db(), first_two()).status();
  EXPECT_EQ(older.unknown, (Ids{id(kPriority)}));
  EXPECT_THROW(Migrator(db(), first_two()).upgrade("head"), UnknownAppliedRevision);

  // A program whose applied kUsers changed since: same heads, other digest.
  auto changed = migrations();
  for (auto& m : changed) {
    if (m.revision == kUsers) m.checksum = "beef00000001";
  }
  EXPECT_EQ(Migrator(db(), changed).status().changed_checksums.size(), 1u);
  EXPECT_THROW(Migrator(db(), changed).upgrade("head"), ChecksumMismatch);
  EXPECT_THROW(upgrade_to_head(conninfo(), changed), ChecksumMismatch);
  // The row is still the one of the unchanged program, which is at head.
  EXPECT_TRUE(upgrade_to_head(conninfo(), migrations()).already_at_head);
}

TEST_F(StateRowTest, ADatabaseOfAnOlderReleaseGetsTheTableTheTriggersAndTheRow) {
  Migrator(db(), migrations()).upgrade("head");
  make_older(db());
  ASSERT_FALSE(table_exists(db(), "structmig_state"));
  // Without the table the lock-free reads still answer from the version and
  // the history.
  const DatabaseStatus status = Migrator(db(), migrations()).status();
  EXPECT_TRUE(status.initialized);
  EXPECT_EQ(status.heads, (Ids{id(kPriority)}));
  EXPECT_TRUE(status.pending.empty());
  StartupOptions verify;
  verify.mode = StartupMode::verify;
  EXPECT_TRUE(ensure_at_head(conninfo(), migrations(), verify).already_at_head);
  EXPECT_FALSE(table_exists(db(), "structmig_state"));  // verify writes nothing

  // The start-up API at head takes the locked run once, which adds them.
  EXPECT_TRUE(upgrade_to_head(conninfo(), migrations()).already_at_head);
  EXPECT_EQ(state_rows(db()), (Ids{expected_row(migrations(), {id(kPriority)})}));
  EXPECT_EQ(column_values(db(),
                          "SELECT tgrelid::regclass::text FROM pg_trigger WHERE tgname = "
                          "'structmig_state_outdated' ORDER BY 1"),
            (Ids{"structmig_history", "structmig_version"}));
  db().exec("DELETE FROM structmig_version WHERE false");
  EXPECT_TRUE(state_rows(db()).empty());
}

TEST_F(StateRowTest, TheBookkeepingTablesStayOutOfTheSchema) {
  Migrator(db(), migrations()).upgrade("head");
  EXPECT_EQ(history::schema_of(db()), history::expected_after(3));
}

}  // namespace
}  // namespace structmig
