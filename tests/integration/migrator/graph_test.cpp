// The Migrator on branched histories against a real server: a diamond
// (branch and merge) upgraded and downgraded step by step with the version
// rows checked at each point, every target form (heads, +N/-N, prefixes,
// ambiguous and unknown ones), depends_on ordering, and stamp.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "graph_fixture.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig {
namespace {

using graph::kLeft;
using graph::kMerge;
using graph::kRight;
using graph::kRoot;
using graph::kTop;
using history::column_values;
using history::DatabaseTest;
using history::table_names;
using history::version_rows;
using Ids = std::vector<std::string>;

using GraphTest = DatabaseTest;

std::string id(std::string_view revision) { return std::string(revision); }

Ids revisions_of(const std::vector<StepEvent>& events) {
  Ids out;
  for (const auto& e : events) out.push_back(e.revision);
  return out;
}

TEST_F(GraphTest, UpgradeAcrossAMergeAppliesBothBranchesAndLeavesOneRow) {
  Migrator migrator(db(), graph::diamond());
  const auto applied = migrator.upgrade("head");
  EXPECT_EQ(revisions_of(applied), (Ids{id(kRoot), id(kLeft), id(kRight), id(kMerge), id(kTop)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kTop)}));
  EXPECT_EQ(table_names(db()), (Ids{"tags", "ticket_tags", "tickets", "users"}));
  EXPECT_EQ(column_values(db(), "SELECT revision FROM structmig_history ORDER BY id"),
            (Ids{id(kRoot), id(kLeft), id(kRight), id(kMerge), id(kTop)}));
}

TEST_F(GraphTest, DiamondOneStepAtATimeUpAndDown) {
  Migrator migrator(db(), graph::diamond());
  const std::vector<std::pair<Ids, Ids>> up{
      {{id(kRoot)}, {"users"}},
      {{id(kLeft)}, {"tickets", "users"}},
      {{id(kLeft), id(kRight)}, {"tags", "tickets", "users"}},
      {{id(kMerge)}, {"tags", "ticket_tags", "tickets", "users"}},
      {{id(kTop)}, {"tags", "ticket_tags", "tickets", "users"}},
  };
  for (const auto& [rows, tables] : up) {
    ASSERT_EQ(migrator.upgrade("+1").size(), 1u);
    EXPECT_EQ(version_rows(db()), rows);
    EXPECT_EQ(migrator.current(), rows);
    EXPECT_EQ(table_names(db()), tables);
  }
  EXPECT_THROW(migrator.upgrade("+1"), RevisionOutOfRange);

  // Down again: below the merge both branch heads are rows again.
  for (auto it = up.rbegin() + 1; it != up.rend(); ++it) {
    ASSERT_EQ(migrator.downgrade("-1").size(), 1u);
    EXPECT_EQ(version_rows(db()), it->first);
    EXPECT_EQ(table_names(db()), it->second);
  }
  ASSERT_EQ(migrator.downgrade("-1").size(), 1u);
  EXPECT_TRUE(version_rows(db()).empty());
  EXPECT_TRUE(table_names(db()).empty());
}

TEST_F(GraphTest, DowngradeToOneBranchKeepsTheOther) {
  Migrator migrator(db(), graph::diamond());
  migrator.upgrade("head");
  EXPECT_EQ(revisions_of(migrator.downgrade(kLeft)), (Ids{id(kTop), id(kMerge)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kLeft), id(kRight)}));
  EXPECT_EQ(table_names(db()), (Ids{"tags", "tickets", "users"}));
  // Up again through the merge from two rows.
  EXPECT_EQ(revisions_of(migrator.upgrade("head")), (Ids{id(kMerge), id(kTop)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kTop)}));
  EXPECT_EQ(revisions_of(migrator.downgrade("base")),
            (Ids{id(kTop), id(kMerge), id(kRight), id(kLeft), id(kRoot)}));
  EXPECT_TRUE(version_rows(db()).empty());
}

TEST_F(GraphTest, SeveralHeadsNeedHeadsOrARevision) {
  Migrator migrator(db(), graph::two_heads());
  try {
    migrator.upgrade("head");
    FAIL() << "expected MultipleHeads";
  } catch (const MultipleHeads& e) {
    EXPECT_EQ(e.heads(), (Ids{id(kLeft), id(kRight)}));
    EXPECT_NE(std::string(e.what()).find(id(kLeft) + ", " + id(kRight)), std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(version_rows(db()).empty());
  EXPECT_EQ(revisions_of(migrator.upgrade(kRight)), (Ids{id(kRoot), id(kRight)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kRight)}));
  EXPECT_EQ(revisions_of(migrator.upgrade("heads")), (Ids{id(kLeft)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kLeft), id(kRight)}));
  EXPECT_TRUE(migrator.upgrade("heads").empty());
}

TEST_F(GraphTest, DependencyIsAppliedFirstAndRevertedAfterItsDependent) {
  Migrator migrator(db(), graph::with_dependency());
  EXPECT_EQ(revisions_of(migrator.upgrade("head")),
            (Ids{id(kRoot), id(graph::kReports), id(graph::kAudit)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(graph::kAudit)}));
  EXPECT_EQ(table_names(db()), (Ids{"audit", "reports", "users"}));
  EXPECT_EQ(revisions_of(migrator.downgrade(graph::kReports)), (Ids{id(graph::kAudit)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(graph::kReports)}));
  EXPECT_EQ(revisions_of(migrator.downgrade(kRoot)), (Ids{id(graph::kReports)}));
  // Upgrading straight to the dependent brings its dependency along.
  EXPECT_EQ(revisions_of(migrator.upgrade(graph::kAudit)),
            (Ids{id(graph::kReports), id(graph::kAudit)}));
}

TEST_F(GraphTest, PrefixTargetsAndTheirErrors) {
  Migrator migrator(db(), graph::diamond());
  EXPECT_EQ(revisions_of(migrator.upgrade("b0")), (Ids{id(kRoot), id(kLeft)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kLeft)}));

  try {
    migrator.upgrade("");
    FAIL() << "expected UnknownRevision";
  } catch (const UnknownRevision&) {
  }
  try {
    migrator.upgrade("ff");
    FAIL() << "expected UnknownRevision";
  } catch (const UnknownRevision& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("\"ff\""), std::string::npos) << what;
    EXPECT_NE(what.find(id(kRoot) + ", " + id(kLeft)), std::string::npos) << what;
  }
  EXPECT_EQ(version_rows(db()), (Ids{id(kLeft)}));
  EXPECT_EQ(revisions_of(migrator.upgrade("e0")), (Ids{id(kRight), id(kMerge), id(kTop)}));
}

void nothing(Ops&) {}

TEST_F(GraphTest, AmbiguousPrefixListsTheCandidatesAndChangesNothing) {
  const std::vector<Migration> twins{
      Migration{"ab0000000001", {}, "first", true, &nothing, &nothing},
      Migration{"ab0000000002", {"ab0000000001"}, "second", true, &nothing, &nothing},
  };
  Migrator migrator(db(), twins);
  try {
    migrator.upgrade("ab");
    FAIL() << "expected AmbiguousRevision";
  } catch (const AmbiguousRevision& e) {
    EXPECT_EQ(e.candidates(), (Ids{"ab0000000001", "ab0000000002"}));
    EXPECT_NE(std::string(e.what()).find("ab0000000001, ab0000000002"), std::string::npos)
        << e.what();
  }
  EXPECT_TRUE(version_rows(db()).empty());
  EXPECT_EQ(revisions_of(migrator.upgrade("ab0000000002")), (Ids{"ab0000000001", "ab0000000002"}));
}

TEST_F(GraphTest, RelativeTargetsCountMigrations) {
  Migrator migrator(db(), graph::diamond());
  EXPECT_EQ(revisions_of(migrator.upgrade("+3")), (Ids{id(kRoot), id(kLeft), id(kRight)}));
  EXPECT_THROW(migrator.upgrade("+3"), RevisionOutOfRange);
  EXPECT_THROW(migrator.upgrade("-1"), WrongDirection);
  EXPECT_THROW(migrator.downgrade("+1"), WrongDirection);
  EXPECT_THROW(migrator.downgrade("-4"), RevisionOutOfRange);
  EXPECT_EQ(version_rows(db()), (Ids{id(kLeft), id(kRight)}));
  EXPECT_EQ(revisions_of(migrator.downgrade("-2")), (Ids{id(kRight), id(kLeft)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kRoot)}));
}

TEST_F(GraphTest, StampSetsTheVersionWithoutRunningAnything) {
  Migrator migrator(db(), graph::diamond());
  EXPECT_EQ(migrator.stamp("head"), (Ids{id(kTop)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kTop)}));
  EXPECT_TRUE(table_names(db()).empty());  // nothing ran
  EXPECT_TRUE(migrator.upgrade("head").empty());

  EXPECT_EQ(migrator.stamp("-2"), (Ids{id(kLeft), id(kRight)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kLeft), id(kRight)}));
  EXPECT_EQ(migrator.stamp("c0"), (Ids{id(kRight)}));
  EXPECT_EQ(version_rows(db()), (Ids{id(kRight)}));
  EXPECT_EQ(migrator.stamp("base"), Ids{});
  EXPECT_TRUE(version_rows(db()).empty());

  const auto rows = migrator.history();
  ASSERT_EQ(rows.size(), 5u);
  for (const auto& row : rows) EXPECT_EQ(row.direction, "stamp");
  EXPECT_EQ(rows[0].revision, id(kTop));
  EXPECT_EQ(rows[0].message, "add tickets priority");
  EXPECT_EQ(rows[4].revision, "base");
  EXPECT_THROW(migrator.stamp("nosuch"), UnknownRevision);
  EXPECT_TRUE(version_rows(db()).empty());
}

TEST_F(GraphTest, StampRepairsADatabaseAtAnUnknownRevision) {
  Migrator migrator(db(), graph::diamond());
  migrator.upgrade("+1");
  db().exec("UPDATE structmig_version SET revision = 'ffffffffffff'");
  EXPECT_THROW(migrator.upgrade("head"), UnknownAppliedRevision);
  EXPECT_THROW(migrator.stamp("+1"), UnknownAppliedRevision);  // relative needs a known position
  EXPECT_EQ(migrator.stamp(kRoot), (Ids{id(kRoot)}));
  EXPECT_EQ(revisions_of(migrator.upgrade("+1")), (Ids{id(kLeft)}));
}

}  // namespace
}  // namespace structmig
