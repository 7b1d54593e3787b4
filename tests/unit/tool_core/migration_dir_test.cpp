// The migrations directory on a real (temporary) file system: which files are
// migrations, their order, the next number, and atomic replacement.
#include "render/migration_dir.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace structmig::render {
namespace {

class MigrationDir : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("structmig-migration-dir-test", dir_));
    ASSERT_FALSE(llvm::sys::fs::make_absolute(dir_));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir_); }

  std::string path(llvm::StringRef name) const {
    llvm::SmallString<256> p(dir_);
    llvm::sys::path::append(p, name);
    return std::string(p);
  }
  void touch(llvm::StringRef name) { std::ofstream(path(name)) << "// " << name.str() << "\n"; }

  std::string read(llvm::StringRef name) const {
    std::ifstream in(path(name), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  // Every entry of the directory, hidden ones included, sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    std::error_code ec;
    for (llvm::sys::fs::directory_iterator it(dir_, ec), end; it != end && !ec; it.increment(ec)) {
      names.push_back(llvm::sys::path::filename(it->path()).str());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  llvm::SmallString<256> dir_;
};

TEST_F(MigrationDir, ListsOnlyMigrationFilesByNumber) {
  for (const char* name :
       {"0010_b.cpp", "0001_a.cpp", "00003_d.cpp", "0002_c.cpp", "0002_b.cpp", "123_short.cpp",
        "0004-dash.cpp", "0005_header.hpp", "0006_.cpp.orig", "README.md", "schema.snapshot.json",
        ".0007_hidden.cpp.tmp-ab12", "x0008_y.cpp"}) {
    touch(name);
  }
  ASSERT_FALSE(llvm::sys::fs::create_directory(path("0009_directory.cpp")));

  const std::vector<std::string> expected = {path("0001_a.cpp"), path("0002_b.cpp"),
                                             path("0002_c.cpp"), path("00003_d.cpp"),
                                             path("0010_b.cpp")};
  EXPECT_EQ(list_migration_files(dir_), expected);
  EXPECT_EQ(next_migration_number(expected), 11u);
}

TEST_F(MigrationDir, RelativeDirectoryGivesAbsolutePaths) {
  touch("0001_a.cpp");
  llvm::SmallString<256> cwd;
  ASSERT_FALSE(llvm::sys::fs::current_path(cwd));
  ASSERT_FALSE(llvm::sys::fs::set_current_path(llvm::sys::path::parent_path(dir_)));
  const std::vector<std::string> files = list_migration_files(llvm::sys::path::filename(dir_));
  ASSERT_FALSE(llvm::sys::fs::set_current_path(cwd));
  EXPECT_EQ(files, std::vector<std::string>{path("0001_a.cpp")});
}

TEST_F(MigrationDir, MissingDirectoryIsEmpty) {
  EXPECT_TRUE(list_migration_files(path("nope")).empty());
}

TEST(NextMigrationNumber, OneWhenThereIsNone) {
  EXPECT_EQ(next_migration_number({}), 1u);
  EXPECT_EQ(next_migration_number({"/m/README.md"}), 1u);
}

TEST(NextMigrationNumber, OnePastTheHighest) {
  EXPECT_EQ(next_migration_number({"/m/0001_a.cpp", "/m/0042_b.cpp", "/m/0007_c.cpp"}), 43u);
  EXPECT_EQ(next_migration_number({"0009_a.cpp"}), 10u);
  EXPECT_EQ(next_migration_number({"/m/99999_a.cpp"}), 100000u);
}

TEST(NextMigrationNumber, HugeNumbersSaturateInsteadOfWrapping) {
  EXPECT_EQ(next_migration_number({"/m/99999999999999999999999_a.cpp"}), UINT_MAX);
}

TEST_F(MigrationDir, WriteCreatesAndReplacesWithoutLeftovers) {
  const std::string target = path("0001_a.cpp");
  ASSERT_FALSE(bool(write_file_atomically(target, "first version, rather long\n")));
  EXPECT_EQ(read("0001_a.cpp"), "first version, rather long\n");
  ASSERT_FALSE(bool(write_file_atomically(target, "second\n")));
  EXPECT_EQ(read("0001_a.cpp"), "second\n");
  ASSERT_FALSE(bool(write_file_atomically(target, "")));
  EXPECT_EQ(read("0001_a.cpp"), "");
  EXPECT_EQ(entries(), std::vector<std::string>{"0001_a.cpp"});
}

TEST_F(MigrationDir, WriteIntoAMissingDirectoryFailsAndNamesThePath) {
  const std::string target = path("missing/0001_a.cpp");
  llvm::Error error = write_file_atomically(target, "x");
  ASSERT_TRUE(bool(error));
  const std::string message = llvm::toString(std::move(error));
  EXPECT_EQ(message.rfind(target + ": error: cannot create a temporary file: ", 0), 0u) << message;
  EXPECT_TRUE(entries().empty());
}

TEST_F(MigrationDir, FailedRenameRemovesTheTemporaryFile) {
  // A non-empty directory cannot be replaced by a file.
  ASSERT_FALSE(llvm::sys::fs::create_directory(path("target")));
  touch("target/keep");
  const std::string target = path("target");
  llvm::Error error = write_file_atomically(target, "x");
  ASSERT_TRUE(bool(error));
  const std::string message = llvm::toString(std::move(error));
  EXPECT_EQ(message.rfind(target + ": error: cannot replace: ", 0), 0u) << message;
  EXPECT_EQ(entries(), std::vector<std::string>{"target"});
}

}  // namespace
}  // namespace structmig::render
