// Tests of the revision graph without a database: validation (duplicates,
// missing parents and dependencies, cycles), heads/bases/order on chains,
// branches, a merge and depends_on, every target form (head, heads, base, +N,
// -N, ids, prefixes, ambiguous and unknown ones) and the upgrade/downgrade
// step lists with the head sets they leave.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "structmig/revision_graph.hpp"

namespace structmig {
namespace {

using Ids = std::vector<std::string>;

Migration mig(std::string_view revision, std::vector<std::string_view> parents = {},
              std::vector<std::string_view> depends_on = {}) {
  Migration m{revision, std::move(parents), "message of a migration", true, nullptr, nullptr};
  m.depends_on = std::move(depends_on);
  return m;
}

// a1 <- b2 <- c3 <- d4
std::vector<Migration> chain() {
  return {mig("c3aaaa", {"b2aaaa"}), mig("a1aaaa"), mig("d4aaaa", {"c3aaaa"}),
          mig("b2aaaa", {"a1aaaa"})};
}

// root <- b1, root <- c1, merge has parents c1 and b1, top <- merge
std::vector<Migration> diamond() {
  return {mig("root00"), mig("b10000", {"root00"}), mig("c10000", {"root00"}),
          mig("merge0", {"c10000", "b10000"}), mig("top000", {"merge0"})};
}

// root -> left, root -> right: two heads
std::vector<Migration> branches() {
  return {mig("root00"), mig("left00", {"root00"}), mig("right0", {"root00"})};
}

// r0 -> c1 (depends on f1), r0 -> f1: by id c1 would come first; the
// dependency puts f1 before it, and f1 is no head (c1 requires it).
std::vector<Migration> with_dependency() {
  return {mig("r00000"), mig("c10000", {"r00000"}, {"f10000"}), mig("f10000", {"r00000"})};
}

Ids sorted(std::set<std::string> set) { return Ids(set.begin(), set.end()); }

TEST(RevisionGraph, EmptyHistoryHasNoHeadsAndResolvesHeadToBase) {
  RevisionGraph graph({});
  EXPECT_TRUE(graph.heads().empty());
  EXPECT_TRUE(graph.bases().empty());
  EXPECT_EQ(graph.resolve("head"), Ids{});
  EXPECT_EQ(graph.resolve("heads"), Ids{});
  EXPECT_EQ(graph.resolve("base"), Ids{});
  EXPECT_TRUE(graph.upgrade_steps({}, "head").empty());
  EXPECT_TRUE(graph.downgrade_steps({}, "base").empty());
}

TEST(RevisionGraph, LinearChainOrderHeadsAndBases) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.ordered(), (Ids{"a1aaaa", "b2aaaa", "c3aaaa", "d4aaaa"}));
  EXPECT_EQ(graph.heads(), (Ids{"d4aaaa"}));
  EXPECT_EQ(graph.bases(), (Ids{"a1aaaa"}));
  EXPECT_EQ(graph.children("b2aaaa"), (Ids{"c3aaaa"}));
  EXPECT_EQ(graph.parents("b2aaaa"), (Ids{"a1aaaa"}));
  EXPECT_TRUE(graph.branch_points().empty());
  EXPECT_EQ(graph.size(), 4u);
}

TEST(RevisionGraph, MergeIsOrderedAfterBothParentsWithTiesById) {
  RevisionGraph graph(diamond());
  EXPECT_EQ(graph.ordered(), (Ids{"root00", "b10000", "c10000", "merge0", "top000"}));
  EXPECT_EQ(graph.heads(), (Ids{"top000"}));
  EXPECT_EQ(graph.bases(), (Ids{"root00"}));
  EXPECT_EQ(graph.children("root00"), (Ids{"b10000", "c10000"}));
  EXPECT_EQ(graph.parents("merge0"), (Ids{"c10000", "b10000"}));
  EXPECT_EQ(graph.branch_points(), (Ids{"root00"}));
}

TEST(RevisionGraph, OrderDoesNotDependOnDeclarationOrder) {
  auto forward = diamond();
  auto backward = std::vector<Migration>(forward.rbegin(), forward.rend());
  EXPECT_EQ(RevisionGraph(forward).ordered(), RevisionGraph(backward).ordered());
  auto dependency = with_dependency();
  auto reversed = std::vector<Migration>(dependency.rbegin(), dependency.rend());
  EXPECT_EQ(RevisionGraph(dependency).ordered(), RevisionGraph(reversed).ordered());
}

TEST(RevisionGraph, DependencyIsOrderedFirstAndIsNoHead) {
  RevisionGraph graph(with_dependency());
  EXPECT_EQ(graph.ordered(), (Ids{"r00000", "f10000", "c10000"}));
  EXPECT_EQ(graph.heads(), (Ids{"c10000"}));
  EXPECT_EQ(graph.parents("c10000"), (Ids{"r00000"}));
  EXPECT_EQ(graph.dependencies("c10000"), (Ids{"f10000"}));
  EXPECT_EQ(graph.dependents("f10000"), (Ids{"c10000"}));
  EXPECT_TRUE(graph.children("f10000").empty());
  EXPECT_EQ(graph.resolve("head"), (Ids{"c10000"}));
}

TEST(RevisionGraph, DependencyIsAppliedBeforeAndRevertedAfter) {
  RevisionGraph graph(with_dependency());
  EXPECT_EQ(graph.upgrade_steps({}, "c10000"), (Ids{"r00000", "f10000", "c10000"}));
  EXPECT_EQ(graph.upgrade_steps({"r00000"}, "c1"), (Ids{"f10000", "c10000"}));
  EXPECT_EQ(graph.heads_after_upgrade({"f10000"}, "c10000"), (Ids{"c10000"}));
  // Reverting the dependency reverts what depends on it, first.
  EXPECT_EQ(graph.downgrade_steps({"c10000"}, "r00000"), (Ids{"c10000", "f10000"}));
  EXPECT_EQ(graph.downgrade_steps({"c10000"}, "f10000"), (Ids{"c10000"}));
  EXPECT_EQ(graph.heads_after_downgrade({"c10000"}, "c10000"), (Ids{"f10000"}));
  EXPECT_EQ(graph.heads_after_downgrade({"c10000"}, "f10000"), (Ids{"r00000"}));
  EXPECT_EQ(sorted(graph.ancestors({"c10000"})), (Ids{"c10000", "f10000", "r00000"}));
  EXPECT_EQ(sorted(graph.descendants({"f10000"})), (Ids{"c10000", "f10000"}));
}

TEST(RevisionGraph, DependencyThatIsAlsoAParentCountsOnce) {
  RevisionGraph graph({mig("a1"), mig("b2", {"a1"}, {"a1"})});
  EXPECT_TRUE(graph.dependencies("b2").empty());
  EXPECT_EQ(graph.ordered(), (Ids{"a1", "b2"}));
}

TEST(RevisionGraph, DuplicateIdIsRejected) {
  EXPECT_THROW(RevisionGraph({mig("a1"), mig("a1")}), DuplicateRevision);
  EXPECT_THROW(RevisionGraph({mig("")}), DuplicateRevision);
  EXPECT_THROW(RevisionGraph({mig("a1"), mig("b2", {"a1", "a1"})}), DuplicateRevision);
}

TEST(RevisionGraph, MissingParentOrDependencyIsRejectedWithItsName) {
  try {
    RevisionGraph graph({mig("a1"), mig("b2", {"zz99"})});
    FAIL() << "expected MissingParent";
  } catch (const MissingParent& e) {
    EXPECT_NE(std::string(e.what()).find("zz99"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("b2"), std::string::npos) << e.what();
  }
  try {
    RevisionGraph graph({mig("a1"), mig("b2", {"a1"}, {"yy88"})});
    FAIL() << "expected MissingParent";
  } catch (const MissingParent& e) {
    EXPECT_NE(std::string(e.what()).find("b2 depends on yy88"), std::string::npos) << e.what();
  }
}

TEST(RevisionGraph, CyclesAreDetected) {
  EXPECT_THROW(RevisionGraph({mig("a1", {"a1"})}), CycleDetected);
  try {
    RevisionGraph graph({mig("root"), mig("a1", {"c3"}), mig("b2", {"a1"}), mig("c3", {"b2"})});
    FAIL() << "expected CycleDetected";
  } catch (const CycleDetected& e) {
    EXPECT_NE(std::string(e.what()).find("a1, b2, c3"), std::string::npos) << e.what();
    EXPECT_EQ(e.revisions(), (std::vector<std::string>{"a1", "b2", "c3"}));  // not from the text
  }
  // A cycle with no base at all.
  EXPECT_THROW(RevisionGraph({mig("a1", {"b2"}), mig("b2", {"a1"})}), CycleDetected);
  // A cycle through a dependency: a1 depends on its own child.
  EXPECT_THROW(RevisionGraph({mig("a1", {}, {"b2"}), mig("b2", {"a1"})}), CycleDetected);
}

TEST(RevisionGraph, ErrorsShareOneBaseClass) {
  EXPECT_THROW(RevisionGraph({mig("a1", {"a1"})}), RevisionError);
  EXPECT_THROW(RevisionGraph({mig("a1", {"a1"})}), HistoryError);
  EXPECT_THROW(RevisionGraph({mig("a1", {"a1"})}), Error);
  EXPECT_THROW(RevisionGraph({mig("a1", {"x"})}), RevisionError);
  EXPECT_THROW(RevisionGraph({mig("a1"), mig("a1")}), RevisionError);
}

TEST(RevisionGraph, ResolvesHeadHeadsAndBase) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.resolve("head"), (Ids{"d4aaaa"}));
  EXPECT_EQ(graph.resolve("heads"), (Ids{"d4aaaa"}));
  EXPECT_EQ(graph.resolve("base"), Ids{});
  EXPECT_EQ(RevisionGraph(branches()).resolve("heads"), (Ids{"left00", "right0"}));
}

TEST(RevisionGraph, HeadWithSeveralHeadsThrowsMultipleHeadsNamingThem) {
  RevisionGraph graph(branches());
  try {
    graph.resolve("head");
    FAIL() << "expected MultipleHeads";
  } catch (const MultipleHeads& e) {
    EXPECT_EQ(e.heads(), (Ids{"left00", "right0"}));
    EXPECT_NE(std::string(e.what()).find("left00, right0"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("heads"), std::string::npos) << e.what();
  }
  EXPECT_THROW(graph.upgrade_steps({}, "head"), MultipleHeads);
}

TEST(RevisionGraph, ResolvesFullIdsAndUniquePrefixes) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.resolve("c3aaaa"), (Ids{"c3aaaa"}));
  EXPECT_EQ(graph.resolve("c3"), (Ids{"c3aaaa"}));
  EXPECT_EQ(graph.resolve_revision("c"), "c3aaaa");
}

TEST(RevisionGraph, ExactIdWinsOverLongerIdItPrefixes) {
  RevisionGraph graph({mig("ab"), mig("abcd", {"ab"})});
  EXPECT_EQ(graph.resolve_revision("ab"), "ab");
  EXPECT_EQ(graph.resolve_revision("abc"), "abcd");
}

TEST(RevisionGraph, AmbiguousPrefixListsCandidates) {
  RevisionGraph graph({mig("ab12"), mig("ab34", {"ab12"}), mig("cd56", {"ab34"})});
  try {
    graph.resolve("ab");
    FAIL() << "expected AmbiguousRevision";
  } catch (const AmbiguousRevision& e) {
    EXPECT_EQ(e.candidates(), (Ids{"ab12", "ab34"}));
    EXPECT_NE(std::string(e.what()).find("ab12, ab34"), std::string::npos) << e.what();
  }
  EXPECT_THROW(graph.upgrade_steps({}, "ab"), AmbiguousRevision);
  EXPECT_THROW(graph.downgrade_steps({"cd56"}, "ab"), AmbiguousRevision);
}

TEST(RevisionGraph, UnknownIdsAndPrefixesListTheKnownRevisions) {
  RevisionGraph graph(chain());
  try {
    graph.resolve("zz");
    FAIL() << "expected UnknownRevision";
  } catch (const UnknownRevision& e) {
    EXPECT_NE(std::string(e.what()).find("\"zz\""), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("a1aaaa, b2aaaa, c3aaaa, d4aaaa"), std::string::npos)
        << e.what();
  }
  EXPECT_THROW(graph.resolve("d4aaaab"), UnknownRevision);  // longer than any id
  EXPECT_THROW(graph.resolve(""), UnknownRevision);
  EXPECT_THROW(graph.migration("nope"), UnknownRevision);
  EXPECT_THROW(graph.upgrade_steps({"nope"}, "+1"), UnknownRevision);
  EXPECT_THROW(graph.resolve("+1"), UnknownRevision);  // relative needs a position
}

TEST(RevisionGraph, RelativeUpCountsMigrations) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.upgrade_steps({}, "+1"), (Ids{"a1aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({}, "+4"), (Ids{"a1aaaa", "b2aaaa", "c3aaaa", "d4aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({"b2aaaa"}, "+1"), (Ids{"c3aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({"b2aaaa"}, "+2"), (Ids{"c3aaaa", "d4aaaa"}));
  EXPECT_TRUE(graph.upgrade_steps({"b2aaaa"}, "+0").empty());
}

TEST(RevisionGraph, RelativeDownCountsMigrationsDownToBase) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.downgrade_steps({"d4aaaa"}, "-1"), (Ids{"d4aaaa"}));
  EXPECT_EQ(graph.downgrade_steps({"d4aaaa"}, "-3"), (Ids{"d4aaaa", "c3aaaa", "b2aaaa"}));
  EXPECT_EQ(graph.downgrade_steps({"d4aaaa"}, "-4").size(), 4u);
  EXPECT_EQ(graph.heads_at({"d4aaaa"}, "-4"), Ids{});
  EXPECT_EQ(graph.heads_at({"a1aaaa"}, "-1"), Ids{});
  EXPECT_EQ(graph.heads_at({"d4aaaa"}, "-1"), (Ids{"c3aaaa"}));
  EXPECT_EQ(graph.heads_at({"b2aaaa"}, "+2"), (Ids{"d4aaaa"}));
}

TEST(RevisionGraph, RelativeOutOfRangeAndWrongWay) {
  RevisionGraph graph(chain());
  EXPECT_THROW(graph.upgrade_steps({"d4aaaa"}, "+1"), RevisionOutOfRange);
  EXPECT_THROW(graph.upgrade_steps({}, "+5"), RevisionOutOfRange);
  EXPECT_THROW(graph.upgrade_steps({"b2aaaa"}, "+3"), RevisionOutOfRange);
  EXPECT_THROW(graph.downgrade_steps({"d4aaaa"}, "-5"), RevisionOutOfRange);
  EXPECT_THROW(graph.downgrade_steps({}, "-1"), RevisionOutOfRange);
  EXPECT_THROW(RevisionGraph({}).upgrade_steps({}, "+1"), RevisionOutOfRange);
  EXPECT_THROW(graph.upgrade_steps({}, "-1"), WrongDirection);
  EXPECT_THROW(graph.downgrade_steps({"d4aaaa"}, "+1"), WrongDirection);
}

TEST(RevisionGraph, MalformedRelativeTargets) {
  RevisionGraph graph(chain());
  EXPECT_THROW(graph.upgrade_steps({}, "+"), UnknownRevision);
  EXPECT_THROW(graph.downgrade_steps({"d4aaaa"}, "-x"), UnknownRevision);
  EXPECT_THROW(graph.upgrade_steps({}, "+1a"), UnknownRevision);
  EXPECT_THROW(graph.downgrade_steps({"d4aaaa"}, "--1"), UnknownRevision);
}

TEST(RevisionGraph, RelativeAcrossBranchesFollowsTheGraphOrder) {
  RevisionGraph split(branches());
  EXPECT_EQ(split.upgrade_steps({"root00"}, "+1"), (Ids{"left00"}));
  EXPECT_EQ(split.upgrade_steps({"root00"}, "+2"), (Ids{"left00", "right0"}));
  EXPECT_EQ(split.heads_at({"root00"}, "+2"), (Ids{"left00", "right0"}));
  EXPECT_EQ(split.downgrade_steps({"left00", "right0"}, "-1"), (Ids{"right0"}));

  RevisionGraph graph(diamond());
  EXPECT_EQ(graph.downgrade_steps({"top000"}, "-1"), (Ids{"top000"}));
  // Below the merge both branch heads come back.
  EXPECT_EQ(graph.downgrade_steps({"top000"}, "-2"), (Ids{"top000", "merge0"}));
  EXPECT_EQ(graph.heads_at({"top000"}, "-2"), (Ids{"b10000", "c10000"}));
  EXPECT_EQ(graph.heads_at({"top000"}, "-3"), (Ids{"b10000"}));
  EXPECT_EQ(graph.upgrade_steps({"b10000"}, "+1"), (Ids{"c10000"}));
  EXPECT_EQ(graph.upgrade_steps({"b10000"}, "+2"), (Ids{"c10000", "merge0"}));
}

TEST(RevisionGraph, UpgradeStepsOnAChain) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.upgrade_steps({}, "d4aaaa"), (Ids{"a1aaaa", "b2aaaa", "c3aaaa", "d4aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({"b2aaaa"}, "d4aaaa"), (Ids{"c3aaaa", "d4aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({"b2aaaa"}, "c3aaaa"), (Ids{"c3aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({"b2aaaa"}, "head"), (Ids{"c3aaaa", "d4aaaa"}));
  EXPECT_TRUE(graph.upgrade_steps({"d4aaaa"}, "d4aaaa").empty());
  EXPECT_TRUE(graph.upgrade_steps({}, "base").empty());
  EXPECT_THROW(graph.upgrade_steps({"d4aaaa"}, "b2aaaa"), WrongDirection);
  EXPECT_THROW(graph.upgrade_steps({"d4aaaa"}, "base"), WrongDirection);
}

TEST(RevisionGraph, DowngradeStepsOnAChain) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.downgrade_steps({"d4aaaa"}, "base"),
            (Ids{"d4aaaa", "c3aaaa", "b2aaaa", "a1aaaa"}));
  EXPECT_EQ(graph.downgrade_steps({"d4aaaa"}, "b2aaaa"), (Ids{"d4aaaa", "c3aaaa"}));
  EXPECT_TRUE(graph.downgrade_steps({"d4aaaa"}, "d4aaaa").empty());
  EXPECT_TRUE(graph.downgrade_steps({}, "base").empty());
  EXPECT_THROW(graph.downgrade_steps({"b2aaaa"}, "c3aaaa"), WrongDirection);
}

TEST(RevisionGraph, StepsThroughAMerge) {
  RevisionGraph graph(diamond());
  EXPECT_EQ(graph.upgrade_steps({}, "top000"),
            (Ids{"root00", "b10000", "c10000", "merge0", "top000"}));
  EXPECT_EQ(graph.upgrade_steps({"b10000"}, "merge0"), (Ids{"c10000", "merge0"}));
  EXPECT_EQ(graph.upgrade_steps({"b10000", "c10000"}, "head"), (Ids{"merge0", "top000"}));
  // Down to one branch's revision: only what requires it goes; the other branch stays.
  EXPECT_EQ(graph.downgrade_steps({"top000"}, "b10000"), (Ids{"top000", "merge0"}));
  EXPECT_EQ(graph.heads_at({"top000"}, "b10000"), (Ids{"b10000"}));
  EXPECT_EQ(graph.downgrade_steps({"b10000", "c10000"}, "root00"), (Ids{"c10000", "b10000"}));
}

TEST(RevisionGraph, UpgradeToEveryHeadOfABranchedHistory) {
  RevisionGraph graph(branches());
  EXPECT_EQ(graph.upgrade_steps({}, "heads"), (Ids{"root00", "left00", "right0"}));
  EXPECT_EQ(graph.upgrade_steps({"left00"}, "heads"), (Ids{"right0"}));
  EXPECT_TRUE(graph.upgrade_steps({"left00", "right0"}, "heads").empty());
  EXPECT_EQ(graph.upgrade_steps({"left00"}, "right0"), (Ids{"right0"}));
}

TEST(RevisionGraph, HeadsAfterEachStep) {
  RevisionGraph graph(diamond());
  Ids heads;
  for (const auto& revision : graph.upgrade_steps(heads, "merge0")) {
    heads = graph.heads_after_upgrade(heads, revision);
  }
  EXPECT_EQ(heads, (Ids{"merge0"}));
  EXPECT_EQ(graph.heads_after_upgrade({"root00"}, "b10000"), (Ids{"b10000"}));
  EXPECT_EQ(graph.heads_after_upgrade({"b10000"}, "c10000"), (Ids{"b10000", "c10000"}));
  EXPECT_EQ(graph.heads_after_downgrade({"merge0"}, "merge0"), (Ids{"b10000", "c10000"}));
  EXPECT_EQ(graph.heads_after_downgrade({"b10000", "c10000"}, "c10000"), (Ids{"b10000"}));
  EXPECT_EQ(graph.heads_after_downgrade({"b10000"}, "b10000"), (Ids{"root00"}));
  EXPECT_EQ(graph.heads_after_downgrade({"root00"}, "root00"), Ids{});
}

TEST(RevisionGraph, AncestorsAndDescendantsIncludeTheRevisionsThemselves) {
  RevisionGraph graph(diamond());
  EXPECT_EQ(sorted(graph.ancestors({"merge0"})), (Ids{"b10000", "c10000", "merge0", "root00"}));
  EXPECT_EQ(sorted(graph.descendants({"c10000"})), (Ids{"c10000", "merge0", "top000"}));
  EXPECT_TRUE(graph.ancestors({}).empty());
  EXPECT_EQ(graph.heads_of({"root00", "b10000", "c10000"}), (Ids{"b10000", "c10000"}));
}

}  // namespace
}  // namespace structmig
