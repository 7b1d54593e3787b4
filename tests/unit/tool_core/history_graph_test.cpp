// Checks of the history before generation: the graph errors name the files,
// several heads are detected and explained (revision, file, message, the
// fix), and the snapshot's head must be the history's head.
#include "history/history_graph.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace structmig::history {
namespace {

MigrationSource source(std::string revision, std::vector<std::string> parents,
                       std::string file, std::vector<std::string> depends_on = {}) {
  MigrationSource s;
  s.path = "/m/" + file;
  s.declaration.revision = revision;
  s.declaration.parents = std::move(parents);
  s.declaration.depends_on = std::move(depends_on);
  s.declaration.message = "msg " + revision;
  return s;
}

History history_of(std::vector<MigrationSource> migrations) {
  return History{"/m", std::move(migrations)};
}

std::string graph_error(const History& history) {
  auto graph = build_graph(history);
  if (graph) return "no error";
  return llvm::toString(graph.takeError());
}

TEST(HistoryGraph, ALineHasOneHead) {
  const History h = history_of({source("aaa", {}, "0001_a.cpp"), source("bbb", {"aaa"}, "0002_b.cpp")});
  auto graph = build_graph(h);
  ASSERT_TRUE(bool(graph)) << llvm::toString(graph.takeError());
  auto head = single_head(h, *graph);
  ASSERT_TRUE(bool(head));
  EXPECT_EQ(*head, "bbb");
}

TEST(HistoryGraph, NoMigrationsHaveNoHead) {
  const History h = history_of({});
  auto graph = build_graph(h);
  ASSERT_TRUE(bool(graph));
  auto head = single_head(h, *graph);
  ASSERT_TRUE(bool(head));
  EXPECT_EQ(*head, "");
}

// Two branches merged in git: each added a migration on the same parent.
TEST(HistoryGraph, SeveralHeadsAreAnErrorNamingEachHeadAndTheFix) {
  const History h = history_of({source("aaa", {}, "0001_a.cpp"),
                                source("ccc", {"aaa"}, "0002_add_notes_priority.cpp"),
                                source("bbb", {"aaa"}, "0002_add_notes_votes.cpp")});
  auto graph = build_graph(h);
  ASSERT_TRUE(bool(graph)) << llvm::toString(graph.takeError());
  auto head = single_head(h, *graph);
  ASSERT_FALSE(bool(head));
  EXPECT_EQ(llvm::toString(head.takeError()),
            "structmig: error: the history has 2 heads (branches were merged in git); run the "
            "migrations_merge target (structmig merge) to join them:\n"
            "  head bbb in /m/0002_add_notes_votes.cpp: \"msg bbb\"\n"
            "  head ccc in /m/0002_add_notes_priority.cpp: \"msg ccc\"\n"
            "structmig: cmake --build <build dir> --target migrations_merge writes a merge "
            "migration whose parents are these heads and rewrites the snapshot; then commit "
            "both. Nothing is generated until the history has one head.");
}

TEST(HistoryGraph, AMergeJoinsTheHeads) {
  const History h = history_of({source("aaa", {}, "0001_a.cpp"), source("ccc", {"aaa"}, "0002_c.cpp"),
                                source("bbb", {"aaa"}, "0002_b.cpp"),
                                source("mmm", {"bbb", "ccc"}, "0003_merge.cpp")});
  auto graph = build_graph(h);
  ASSERT_TRUE(bool(graph));
  auto head = single_head(h, *graph);
  ASSERT_TRUE(bool(head));
  EXPECT_EQ(*head, "mmm");
}

TEST(HistoryGraph, ErrorsNameTheFiles) {
  EXPECT_EQ(graph_error(history_of({source("aaa", {}, "0001_a.cpp"), source("aaa", {}, "0002_b.cpp")})),
            "/m/0002_b.cpp: error: revision aaa is also declared by /m/0001_a.cpp; every "
            "migration needs its own revision id");
  EXPECT_EQ(graph_error(history_of({source("aaa", {}, "0001_a.cpp"), source("bbb", {"zzz"}, "0002_b.cpp")})),
            "/m/0002_b.cpp: error: revision bbb names zzz in .parents, but no migration in /m "
            "declares it (was its file deleted or renamed?)");
  EXPECT_EQ(graph_error(history_of({source("aaa", {}, "0001_a.cpp"),
                                    source("bbb", {"aaa"}, "0002_b.cpp", {"yyy"})})),
            "/m/0002_b.cpp: error: revision bbb names yyy in .depends_on, but no migration in /m "
            "declares it (was its file deleted or renamed?)");
  EXPECT_EQ(graph_error(history_of({source("aaa", {}, "0001_a.cpp"), source("bbb", {"aaa", "aaa"}, "0002_b.cpp")})),
            "/m/0002_b.cpp: error: revision bbb names aaa twice in .parents");
  EXPECT_EQ(graph_error(history_of({source("aaa", {"aaa"}, "0001_a.cpp")})),
            "/m/0001_a.cpp: error: revision aaa names itself in .parents");
}

TEST(HistoryGraph, CyclesNameTheirFiles) {
  const std::string error = graph_error(history_of({source("aaa", {}, "0001_a.cpp"),
                                                    source("bbb", {"aaa", "ccc"}, "0002_b.cpp"),
                                                    source("ccc", {"bbb"}, "0003_c.cpp")}));
  EXPECT_NE(error.find("structmig: error: the migration history in /m has a cycle"),
            std::string::npos)
      << error;
  EXPECT_NE(error.find("\n  /m/0002_b.cpp: bbb (0002_b.cpp, \"msg bbb\")"), std::string::npos)
      << error;
  EXPECT_NE(error.find("\n  /m/0003_c.cpp: ccc (0003_c.cpp, \"msg ccc\")"), std::string::npos)
      << error;
}

TEST(HistoryGraph, ACycleThroughDependsOnIsFound) {
  const std::string error = graph_error(history_of({source("aaa", {}, "0001_a.cpp", {"bbb"}),
                                                    source("bbb", {"aaa"}, "0002_b.cpp")}));
  EXPECT_NE(error.find("has a cycle"), std::string::npos) << error;
}

// As the runtime sees it: a revision that another one requires, as parent or
// through .depends_on, is no head.
TEST(HistoryGraph, ADependencyIsNoHead) {
  // ccc (branch 2) depends on bbb (branch 1).
  const History h = history_of({source("aaa", {}, "0001_a.cpp"), source("bbb", {"aaa"}, "0002_b.cpp"),
                                source("ccc", {"aaa"}, "0002_c.cpp", {"bbb"})});
  auto graph = build_graph(h);
  ASSERT_TRUE(bool(graph));
  EXPECT_EQ(graph->heads(), std::vector<std::string>{"ccc"});
}

std::string snapshot_error(const History& h, llvm::StringRef head, llvm::StringRef recorded) {
  llvm::Error err = check_snapshot_head(h, head, recorded, "/m/schema.snapshot.json");
  if (!err) return "no error";
  return llvm::toString(std::move(err));
}

TEST(SnapshotHead, MustBeTheHistorysHead) {
  const History h = history_of({source("aaa", {}, "0001_a.cpp"), source("bbb", {"aaa"}, "0002_b.cpp")});
  EXPECT_EQ(snapshot_error(h, "bbb", "bbb"), "no error");
  EXPECT_EQ(snapshot_error(history_of({}), "", ""), "no error");
  EXPECT_EQ(snapshot_error(h, "bbb", "aaa"),
            "/m/schema.snapshot.json: error: the snapshot's head is aaa (0001_a.cpp), but the "
            "migration history's head is bbb (/m/0002_b.cpp): a migration was added without "
            "updating the snapshot. Write hand-written migrations with the migrations_revision "
            "target (structmig revision), which keeps the snapshot in step; or restore the "
            "schema.snapshot.json that was committed with 0002_b.cpp");
  EXPECT_EQ(snapshot_error(h, "bbb", "zzz"),
            "/m/schema.snapshot.json: error: the snapshot's head zzz is not declared by any "
            "migration in /m (the history's head is bbb (/m/0002_b.cpp)); restore the missing "
            "migration file, or the schema.snapshot.json that was committed with 0002_b.cpp");
  EXPECT_EQ(snapshot_error(h, "bbb", ""),
            "/m/schema.snapshot.json: error: the snapshot is missing or records no head, but the "
            "migration history's head is bbb (/m/0002_b.cpp); restore the schema.snapshot.json "
            "that was committed with 0002_b.cpp (git checkout)");
  EXPECT_EQ(snapshot_error(history_of({}), "", "aaa"),
            "/m/schema.snapshot.json: error: the snapshot records head aaa, but /m has no "
            "migration files; restore them (git checkout), or delete the snapshot to start a "
            "new history");
}

}  // namespace
}  // namespace structmig::history
