// Loading a migrations directory: every file read and checksummed, errors of
// all broken files reported together, and the example's committed history
// (migrations/ of this repository) read back as one line of revisions.
#include "history/history.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "history/checksum.hpp"
#include "history/history_graph.hpp"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "output/migration_dir.hpp"

namespace structmig::history {
namespace {

class HistoryDir : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("structmig-history-test", dir_));
    ASSERT_FALSE(llvm::sys::fs::make_absolute(dir_));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir_); }

  std::string write(llvm::StringRef name, llvm::StringRef text) {
    llvm::SmallString<256> path(dir_);
    llvm::sys::path::append(path, name);
    std::ofstream(std::string(path), std::ios::binary) << text.str();
    return std::string(path);
  }

  llvm::SmallString<256> dir_;
};

TEST_F(HistoryDir, ReadsEveryFileWithItsChecksum) {
  const std::string first_text = "STRUCTMIG_MIGRATION({.revision = \"a\", .message = \"one\"});\n";
  const std::string second_text =
      "STRUCTMIG_MIGRATION({.revision = \"b\", .parents = {\"a\"}});\r\n";
  const std::string first = write("0001_one.cpp", first_text);
  const std::string second = write("0002_two.cpp", second_text);
  auto history = load_history(dir_, output::list_migration_files(dir_));
  ASSERT_TRUE(bool(history)) << llvm::toString(history.takeError());
  ASSERT_EQ(history->migrations.size(), 2u);
  EXPECT_EQ(history->migrations[0].path, first);
  EXPECT_EQ(history->migrations[0].declaration.message, "one");
  EXPECT_EQ(history->migrations[0].checksum, source_checksum(first_text));
  EXPECT_EQ(history->migrations[1].declaration.parents, std::vector<std::string>{"a"});
  EXPECT_EQ(history->migrations[1].checksum,
            source_checksum("STRUCTMIG_MIGRATION({.revision = \"b\", .parents = {\"a\"}});\n"));
  EXPECT_EQ(history->find("b"), &history->migrations[1]);
  EXPECT_EQ(history->find("c"), nullptr);
  EXPECT_EQ(describe_migration(history->migrations[0]), "a (0001_one.cpp, \"one\")");
}

TEST_F(HistoryDir, ReportsEveryBrokenFile) {
  const std::string good = write("0001_good.cpp", "STRUCTMIG_MIGRATION({.revision = \"a\"});");
  const std::string empty = write("0002_empty.cpp", "");
  const std::string bad = write("0003_bad.cpp", "STRUCTMIG_MIGRATION({.revision = a});");
  auto history = load_history(dir_, {good, empty, bad, dir_.str().str() + "/0004_gone.cpp"});
  ASSERT_FALSE(bool(history));
  const std::string errors = llvm::toString(history.takeError());
  EXPECT_NE(errors.find(empty + ": error: no STRUCTMIG_MIGRATION({...}) block"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find(bad + ":1:34: error: .revision must be a string literal"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("0004_gone.cpp: error: cannot read: "), std::string::npos) << errors;
}

// The repository's own example history: every file parses, the graph is one
// line from the first migration to the snapshot's head.
TEST(ExampleHistory, ReadsBackAsOneLine) {
  const std::string dir = std::string(STRUCTMIG_SOURCE_DIR) + "/migrations";
  auto history = load_history(dir, output::list_migration_files(dir));
  ASSERT_TRUE(bool(history)) << llvm::toString(history.takeError());
  ASSERT_GE(history->migrations.size(), 2u);
  auto graph = build_graph(*history);
  ASSERT_TRUE(bool(graph)) << llvm::toString(graph.takeError());
  auto head = single_head(*history, *graph);
  ASSERT_TRUE(bool(head)) << llvm::toString(head.takeError());
  EXPECT_EQ(*head, history->migrations.back().declaration.revision);
  EXPECT_TRUE(history->migrations.front().declaration.parents.empty());
  for (size_t i = 1; i < history->migrations.size(); ++i) {
    EXPECT_EQ(history->migrations[i].declaration.parents,
              std::vector<std::string>{history->migrations[i - 1].declaration.revision});
  }
}

}  // namespace
}  // namespace structmig::history
