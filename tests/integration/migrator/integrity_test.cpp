// Integrity checks of the Migrator against a real server: the migration's
// source checksum recorded with every step, an applied migration whose
// checksum changed stopping the upgrade (and the option accepting it), and a
// database at a revision this program does not know.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using history::checksum_of;
using history::column_values;
using history::DatabaseTest;
using history::id;
using history::kPriority;
using history::kTickets;
using history::kUsers;
using history::migrations;
using history::table_exists;
using history::version_rows;
using Ids = std::vector<std::string>;

using IntegrityTest = DatabaseTest;

/// migrations() with kUsers's source changed since it was applied.
std::vector<Migration> with_users_changed() {
  auto list = migrations();
  for (auto& m : list) {
    if (m.revision == kUsers) m.checksum = "beef00000001";
  }
  return list;
}

TEST_F(IntegrityTest, EveryStepRecordsTheMigrationsChecksum) {
  Migrator migrator(db(), migrations());
  migrator.upgrade("head");
  migrator.downgrade("-1");
  const auto rows = migrator.history();
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) {
    ASSERT_TRUE(row.checksum.has_value()) << row.revision;
    EXPECT_EQ(*row.checksum, checksum_of(row.revision)) << row.revision;
  }
  EXPECT_EQ(rows[3].direction, "downgrade");
}

TEST_F(IntegrityTest, AMigrationWithoutChecksumRecordsNull) {
  auto list = migrations();
  for (auto& m : list) m.checksum = {};
  Migrator migrator(db(), list);
  migrator.upgrade("+1");
  ASSERT_EQ(migrator.history().size(), 1u);
  EXPECT_FALSE(migrator.history()[0].checksum.has_value());
}

TEST_F(IntegrityTest, ChangedChecksumStopsTheUpgradeNamingTheMigration) {
  Migrator(db(), migrations()).upgrade("+2");
  Migrator changed(db(), with_users_changed());
  try {
    changed.upgrade("head");
    FAIL() << "expected ChecksumMismatch";
  } catch (const ChecksumMismatch& e) {
    const std::string what = e.what();
    ASSERT_EQ(e.changes().size(), 1u);
    EXPECT_EQ(e.changes()[0],
              (ChecksumChange{id(kUsers), "create users", "c0ffee000001", "beef00000001"}));
    for (const char* part : {"1a2b3c4d5e6f", "create users", "c0ffee000001", "beef00000001",
                             "--accept-checksums", "accept_changed_checksums"}) {
      EXPECT_NE(what.find(part), std::string::npos) << part << "\n" << what;
    }
  }
  EXPECT_EQ(version_rows(db()), (Ids{id(kTickets)}));  // nothing applied
  EXPECT_EQ(changed.history().size(), 2u);
  EXPECT_EQ(changed.status().changed_checksums.size(), 1u);
  // Still applied one step down; a change in a migration that is not applied
  // is no concern.
  Migrator(db(), migrations()).downgrade("-1");
  EXPECT_THROW(Migrator(db(), with_users_changed()).upgrade("head"), ChecksumMismatch);
  Migrator(db(), migrations()).downgrade("base");
  EXPECT_EQ(Migrator(db(), with_users_changed()).upgrade("head").size(), 3u);
}

TEST_F(IntegrityTest, AcceptingRecordsTheNewChecksumAndCarriesOn) {
  Migrator(db(), migrations()).upgrade("+2");
  MigratorOptions options;
  options.accept_changed_checksums = true;
  Migrator accepting(db(), with_users_changed(), options);
  EXPECT_EQ(accepting.upgrade("head").size(), 1u);
  EXPECT_EQ(version_rows(db()), (Ids{id(kPriority)}));
  EXPECT_EQ(column_values(db(),
                          "SELECT revision || ' ' || direction || ' ' || checksum FROM "
                          "structmig_history WHERE direction = 'checksum'"),
            (Ids{id(kUsers) + " checksum beef00000001"}));
  // From now on the new checksum is the recorded one.
  EXPECT_TRUE(Migrator(db(), with_users_changed()).upgrade("head").empty());
  EXPECT_TRUE(Migrator(db(), with_users_changed()).status().changed_checksums.empty());
  EXPECT_THROW(Migrator(db(), migrations()).upgrade("head"), ChecksumMismatch);
}

TEST_F(IntegrityTest, AcceptingAtHeadOnlyRecords) {
  Migrator(db(), migrations()).upgrade("head");
  MigratorOptions options;
  options.accept_changed_checksums = true;
  EXPECT_TRUE(Migrator(db(), with_users_changed(), options).upgrade("head").empty());
  EXPECT_EQ(column_values(db(),
                          "SELECT count(*) FROM structmig_history WHERE direction = "
                          "'checksum'"),
            (Ids{"1"}));
}

TEST_F(IntegrityTest, UnknownAppliedRevisionIsAClearErrorNotACrash) {
  Migrator migrator(db(), migrations());
  migrator.upgrade("+1");
  db().exec("UPDATE structmig_version SET revision = 'ffffffffffff'");
  for (auto run : {+[](Migrator& m) { m.upgrade("head"); }, +[](Migrator& m) { m.downgrade("-1"); },
                   +[](Migrator& m) { m.upgrade("+1"); }}) {
    try {
      run(migrator);
      FAIL() << "expected UnknownAppliedRevision";
    } catch (const UnknownAppliedRevision& e) {
      EXPECT_EQ(e.revisions(), (Ids{"ffffffffffff"}));
      EXPECT_EQ(std::string(e.what()),
                "the database is at revision ffffffffffff, which this program does not know — "
                "was it migrated by a newer release?");
    }
  }
  EXPECT_EQ(migrator.current(), (Ids{"ffffffffffff"}));
  const DatabaseStatus status = migrator.status();
  EXPECT_EQ(status.unknown, (Ids{"ffffffffffff"}));
  EXPECT_TRUE(status.pending.empty());
  // The lock was released every time.
  EXPECT_EQ(db().exec("SELECT pg_try_advisory_lock(" + std::to_string(kMigrationLockKey) + ")")
                .text(0, 0),
            "t");
}

TEST_F(IntegrityTest, StatusReadsWithoutChangingAnything) {
  Migrator migrator(db(), migrations());
  DatabaseStatus fresh = migrator.status();
  EXPECT_FALSE(fresh.initialized);
  EXPECT_EQ(fresh.pending, (Ids{id(kUsers), id(kTickets), id(kPriority)}));
  EXPECT_FALSE(table_exists(db(), "structmig_version"));
  migrator.upgrade("+1");
  DatabaseStatus partly = migrator.status();
  EXPECT_TRUE(partly.initialized);
  EXPECT_EQ(partly.heads, (Ids{id(kUsers)}));
  EXPECT_EQ(partly.pending, (Ids{id(kTickets), id(kPriority)}));
  EXPECT_TRUE(partly.changed_checksums.empty());
}

}  // namespace
}  // namespace structmig
