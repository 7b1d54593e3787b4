// The migrations directory on a real (temporary) file system: which files are
// migrations, their order, the next number, atomic replacement, and leaving
// a file whose content did not change untouched.
#include "output/migration_dir.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <climits>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

namespace structmig::output {
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

// Status of `path`: its modification time and inode, to tell "not touched"
// from "rewritten with the same bytes".
struct Stamp {
  llvm::sys::TimePoint<> modified;
  llvm::sys::fs::UniqueID id;
};
Stamp stamp(const std::string& path) {
  llvm::sys::fs::file_status status;
  EXPECT_FALSE(llvm::sys::fs::status(path, status));
  return {status.getLastModificationTime(), status.getUniqueID()};
}

// An old timestamp, so "unchanged" cannot pass by the write landing in the
// same clock tick.
void age(const std::string& path) {
  int fd = -1;
  ASSERT_FALSE(llvm::sys::fs::openFileForWrite(path, fd, llvm::sys::fs::CD_OpenExisting,
                                               llvm::sys::fs::OF_Append));
  const auto old = std::chrono::system_clock::now() - std::chrono::hours(24);
  const std::error_code ec = llvm::sys::fs::setLastAccessAndModificationTime(
      fd, std::chrono::time_point_cast<std::chrono::nanoseconds>(old));
  llvm::sys::Process::SafelyCloseFileDescriptor(fd);
  ASSERT_FALSE(ec);
}

TEST_F(MigrationDir, WriteIfChangedCreatesAMissingFile) {
  const std::string target = path("models.hpp");
  auto written = write_file_if_changed(target, "first\n");
  ASSERT_TRUE(bool(written)) << llvm::toString(written.takeError());
  EXPECT_TRUE(*written);
  EXPECT_EQ(read("models.hpp"), "first\n");
}

TEST_F(MigrationDir, WriteIfChangedLeavesIdenticalContentUntouched) {
  const std::string target = path("models.hpp");
  ASSERT_FALSE(bool(write_file_atomically(target, "same bytes\n")));
  age(target);
  const Stamp before = stamp(target);

  auto written = write_file_if_changed(target, "same bytes\n");
  ASSERT_TRUE(bool(written)) << llvm::toString(written.takeError());
  EXPECT_FALSE(*written);
  const Stamp after = stamp(target);
  EXPECT_EQ(after.modified, before.modified) << "the timestamp changed";
  EXPECT_EQ(after.id, before.id) << "the file was replaced";
  EXPECT_EQ(read("models.hpp"), "same bytes\n");
  EXPECT_EQ(entries(), std::vector<std::string>{"models.hpp"});
}

TEST_F(MigrationDir, WriteIfChangedReplacesDifferentContent) {
  const std::string target = path("models.hpp");
  ASSERT_FALSE(bool(write_file_atomically(target, "same bytes\n")));
  age(target);
  const Stamp before = stamp(target);

  // One byte more (a prefix of the old content is not the same content).
  auto written = write_file_if_changed(target, "same bytes\n\n");
  ASSERT_TRUE(bool(written)) << llvm::toString(written.takeError());
  EXPECT_TRUE(*written);
  EXPECT_EQ(read("models.hpp"), "same bytes\n\n");
  EXPECT_GT(stamp(target).modified, before.modified);
  // And back to a shorter text, empty included.
  written = write_file_if_changed(target, "");
  ASSERT_TRUE(bool(written)) << llvm::toString(written.takeError());
  EXPECT_TRUE(*written);
  EXPECT_EQ(read("models.hpp"), "");
  EXPECT_EQ(entries(), std::vector<std::string>{"models.hpp"});
}

TEST_F(MigrationDir, WriteIfChangedOverADirectoryFailsAndNamesThePath) {
  ASSERT_FALSE(llvm::sys::fs::create_directory(path("target")));
  touch("target/keep");
  const std::string target = path("target");
  auto written = write_file_if_changed(target, "x");
  ASSERT_FALSE(bool(written));
  const std::string message = llvm::toString(written.takeError());
  EXPECT_EQ(message.rfind(target + ": error: cannot replace: ", 0), 0u) << message;
  EXPECT_EQ(entries(), std::vector<std::string>{"target"});
}

}  // namespace
}  // namespace structmig::output
