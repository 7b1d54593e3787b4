// Tests of the revision graph without a database: validation (duplicates,
// missing parents, cycles), heads/bases/order on chains and a merge, every
// target form of resolve() and the upgrade/downgrade step lists.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "structmig/revision_graph.hpp"

namespace structmig {
namespace {

using Ids = std::vector<std::string>;

Migration mig(std::string_view revision, std::vector<std::string_view> parents = {}) {
  return Migration{revision, std::move(parents), "message of a migration", true, nullptr, nullptr};
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

TEST(RevisionGraph, EmptyHistoryHasNoHeadsAndResolvesHeadToBase) {
  RevisionGraph graph({});
  EXPECT_TRUE(graph.heads().empty());
  EXPECT_TRUE(graph.bases().empty());
  EXPECT_EQ(graph.resolve("head", {}), "");
  EXPECT_EQ(graph.resolve("base", {}), "");
  EXPECT_TRUE(graph.upgrade_steps({}, "").empty());
}

TEST(RevisionGraph, LinearChainOrderHeadsAndBases) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.ordered(), (Ids{"a1aaaa", "b2aaaa", "c3aaaa", "d4aaaa"}));
  EXPECT_EQ(graph.heads(), (Ids{"d4aaaa"}));
  EXPECT_EQ(graph.bases(), (Ids{"a1aaaa"}));
  EXPECT_EQ(graph.children("b2aaaa"), (Ids{"c3aaaa"}));
  EXPECT_EQ(graph.parents("b2aaaa"), (Ids{"a1aaaa"}));
  EXPECT_EQ(graph.size(), 4u);
}

TEST(RevisionGraph, MergeIsOrderedAfterBothParentsWithTiesById) {
  RevisionGraph graph(diamond());
  EXPECT_EQ(graph.ordered(), (Ids{"root00", "b10000", "c10000", "merge0", "top000"}));
  EXPECT_EQ(graph.heads(), (Ids{"top000"}));
  EXPECT_EQ(graph.bases(), (Ids{"root00"}));
  EXPECT_EQ(graph.children("root00"), (Ids{"b10000", "c10000"}));
  EXPECT_EQ(graph.parents("merge0"), (Ids{"c10000", "b10000"}));
}

TEST(RevisionGraph, OrderDoesNotDependOnDeclarationOrder) {
  auto forward = diamond();
  auto backward = std::vector<Migration>(forward.rbegin(), forward.rend());
  EXPECT_EQ(RevisionGraph(forward).ordered(), RevisionGraph(backward).ordered());
}

TEST(RevisionGraph, DuplicateIdIsRejected) {
  EXPECT_THROW(RevisionGraph({mig("a1"), mig("a1")}), DuplicateRevision);
  EXPECT_THROW(RevisionGraph({mig("")}), DuplicateRevision);
  EXPECT_THROW(RevisionGraph({mig("a1"), mig("b2", {"a1", "a1"})}), DuplicateRevision);
}

TEST(RevisionGraph, MissingParentIsRejectedWithItsName) {
  try {
    RevisionGraph graph({mig("a1"), mig("b2", {"zz99"})});
    FAIL() << "expected MissingParent";
  } catch (const MissingParent& e) {
    EXPECT_NE(std::string(e.what()).find("zz99"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("b2"), std::string::npos) << e.what();
  }
}

TEST(RevisionGraph, CyclesAreDetected) {
  EXPECT_THROW(RevisionGraph({mig("a1", {"a1"})}), CycleDetected);
  try {
    RevisionGraph graph({mig("root"), mig("a1", {"c3"}), mig("b2", {"a1"}), mig("c3", {"b2"})});
    FAIL() << "expected CycleDetected";
  } catch (const CycleDetected& e) {
    EXPECT_NE(std::string(e.what()).find("a1, b2, c3"), std::string::npos) << e.what();
  }
  // A cycle with no base at all.
  EXPECT_THROW(RevisionGraph({mig("a1", {"b2"}), mig("b2", {"a1"})}), CycleDetected);
}

TEST(RevisionGraph, ErrorsShareOneBaseClass) {
  EXPECT_THROW(RevisionGraph({mig("a1", {"a1"})}), RevisionError);
  EXPECT_THROW(RevisionGraph({mig("a1", {"x"})}), RevisionError);
  EXPECT_THROW(RevisionGraph({mig("a1"), mig("a1")}), RevisionError);
}

TEST(RevisionGraph, ResolvesHeadAndBase) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.resolve("head", {}), "d4aaaa");
  EXPECT_EQ(graph.resolve("head", {"b2aaaa"}), "d4aaaa");
  EXPECT_EQ(graph.resolve("base", {"d4aaaa"}), "");
}

TEST(RevisionGraph, HeadWithSeveralHeadsThrowsMultipleHeadsNamingThem) {
  RevisionGraph graph(branches());
  try {
    graph.resolve("head", {"root00"});
    FAIL() << "expected MultipleHeads";
  } catch (const MultipleHeads& e) {
    EXPECT_NE(std::string(e.what()).find("left00, right0"), std::string::npos) << e.what();
  }
}

TEST(RevisionGraph, ResolvesFullIdsAndUniquePrefixes) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.resolve("c3aaaa", {}), "c3aaaa");
  EXPECT_EQ(graph.resolve("c3", {}), "c3aaaa");
  EXPECT_EQ(graph.resolve("c", {}), "c3aaaa");
}

TEST(RevisionGraph, ExactIdWinsOverLongerIdItPrefixes) {
  RevisionGraph graph({mig("ab"), mig("abcd", {"ab"})});
  EXPECT_EQ(graph.resolve("ab", {}), "ab");
  EXPECT_EQ(graph.resolve("abc", {}), "abcd");
}

TEST(RevisionGraph, AmbiguousPrefixListsCandidates) {
  RevisionGraph graph({mig("ab12"), mig("ab34", {"ab12"}), mig("cd56", {"ab34"})});
  try {
    graph.resolve("ab", {});
    FAIL() << "expected AmbiguousRevision";
  } catch (const AmbiguousRevision& e) {
    EXPECT_EQ(e.candidates(), (Ids{"ab12", "ab34"}));
    EXPECT_NE(std::string(e.what()).find("ab12, ab34"), std::string::npos) << e.what();
  }
}

TEST(RevisionGraph, UnknownIdsAndPrefixes) {
  RevisionGraph graph(chain());
  EXPECT_THROW(graph.resolve("zz", {}), UnknownRevision);
  EXPECT_THROW(graph.resolve("d4aaaab", {}), UnknownRevision);  // longer than any id
  EXPECT_THROW(graph.resolve("", {}), UnknownRevision);
  EXPECT_THROW(graph.migration("nope"), UnknownRevision);
  EXPECT_THROW(graph.resolve("+1", {"nope"}), UnknownRevision);
}

TEST(RevisionGraph, RelativeUpFromBaseAndFromARevision) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.resolve("+1", {}), "a1aaaa");
  EXPECT_EQ(graph.resolve("+4", {}), "d4aaaa");
  EXPECT_EQ(graph.resolve("+1", {"b2aaaa"}), "c3aaaa");
  EXPECT_EQ(graph.resolve("+2", {"b2aaaa"}), "d4aaaa");
  EXPECT_EQ(graph.resolve("+0", {"b2aaaa"}), "b2aaaa");
}

TEST(RevisionGraph, RelativeDownReachesBaseExactly) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.resolve("-1", {"d4aaaa"}), "c3aaaa");
  EXPECT_EQ(graph.resolve("-3", {"d4aaaa"}), "a1aaaa");
  EXPECT_EQ(graph.resolve("-4", {"d4aaaa"}), "");
  EXPECT_EQ(graph.resolve("-1", {"a1aaaa"}), "");
}

TEST(RevisionGraph, RelativeOutOfRange) {
  RevisionGraph graph(chain());
  EXPECT_THROW(graph.resolve("+1", {"d4aaaa"}), RevisionOutOfRange);
  EXPECT_THROW(graph.resolve("+5", {}), RevisionOutOfRange);
  EXPECT_THROW(graph.resolve("+3", {"b2aaaa"}), RevisionOutOfRange);
  EXPECT_THROW(graph.resolve("-5", {"d4aaaa"}), RevisionOutOfRange);
  EXPECT_THROW(graph.resolve("-1", {}), RevisionOutOfRange);
  EXPECT_THROW(RevisionGraph({}).resolve("+1", {}), RevisionOutOfRange);
}

TEST(RevisionGraph, MalformedRelativeTargets) {
  RevisionGraph graph(chain());
  EXPECT_THROW(graph.resolve("+", {}), UnknownRevision);
  EXPECT_THROW(graph.resolve("-x", {"d4aaaa"}), UnknownRevision);
  EXPECT_THROW(graph.resolve("+1a", {}), UnknownRevision);
  EXPECT_THROW(graph.resolve("--1", {"d4aaaa"}), UnknownRevision);
}

TEST(RevisionGraph, RelativeAcrossBranchesAndMerges) {
  EXPECT_THROW(RevisionGraph(branches()).resolve("+1", {"root00"}), MultipleHeads);
  EXPECT_THROW(RevisionGraph(branches()).resolve("+1", {"left00", "right0"}), MultipleHeads);
  RevisionGraph graph(diamond());
  EXPECT_EQ(graph.resolve("-1", {"top000"}), "merge0");
  EXPECT_THROW(graph.resolve("-2", {"top000"}), AmbiguousRevision);
  EXPECT_EQ(graph.resolve("+1", {"b10000"}), "merge0");
}

TEST(RevisionGraph, UpgradeStepsOnAChain) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.upgrade_steps({}, "d4aaaa"), (Ids{"a1aaaa", "b2aaaa", "c3aaaa", "d4aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({"b2aaaa"}, "d4aaaa"), (Ids{"c3aaaa", "d4aaaa"}));
  EXPECT_EQ(graph.upgrade_steps({"b2aaaa"}, "c3aaaa"), (Ids{"c3aaaa"}));
  EXPECT_TRUE(graph.upgrade_steps({"d4aaaa"}, "d4aaaa").empty());
  EXPECT_THROW(graph.upgrade_steps({"d4aaaa"}, "b2aaaa"), WrongDirection);
  EXPECT_THROW(graph.upgrade_steps({"d4aaaa"}, ""), WrongDirection);
}

TEST(RevisionGraph, DowngradeStepsOnAChain) {
  RevisionGraph graph(chain());
  EXPECT_EQ(graph.downgrade_steps({"d4aaaa"}, ""), (Ids{"d4aaaa", "c3aaaa", "b2aaaa", "a1aaaa"}));
  EXPECT_EQ(graph.downgrade_steps({"d4aaaa"}, "b2aaaa"), (Ids{"d4aaaa", "c3aaaa"}));
  EXPECT_TRUE(graph.downgrade_steps({"d4aaaa"}, "d4aaaa").empty());
  EXPECT_TRUE(graph.downgrade_steps({}, "").empty());
  EXPECT_THROW(graph.downgrade_steps({"b2aaaa"}, "c3aaaa"), WrongDirection);
}

TEST(RevisionGraph, StepsThroughAMerge) {
  RevisionGraph graph(diamond());
  EXPECT_EQ(graph.upgrade_steps({}, "top000"),
            (Ids{"root00", "b10000", "c10000", "merge0", "top000"}));
  EXPECT_EQ(graph.upgrade_steps({"b10000"}, "merge0"), (Ids{"c10000", "merge0"}));
  EXPECT_EQ(graph.downgrade_steps({"top000"}, "b10000"), (Ids{"top000", "merge0", "c10000"}));
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

TEST(RevisionGraph, AncestorsIncludeTheRevisionsThemselves) {
  RevisionGraph graph(diamond());
  auto all = graph.ancestors({"merge0"});
  EXPECT_EQ(Ids(all.begin(), all.end()), (Ids{"b10000", "c10000", "merge0", "root00"}));
  EXPECT_TRUE(graph.ancestors({}).empty());
}

}  // namespace
}  // namespace structmig
