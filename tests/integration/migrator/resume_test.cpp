// Resuming a stepped migration, against a real server, from the states an
// interruption leaves (built by hand here; killed_in_each_step.sh makes them
// with SIGKILL): progress that says step 1 is done (the rerun starts at step 2
// and says so, step 1's statements are not sent again); a concurrent build
// that finished but was not recorded (the valid index is kept); and an
// INVALID leftover of a failed concurrent build (dropped and built again).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using history::DatabaseTest;
using history::version_rows;
using Ids = std::vector<std::string>;

using ResumeTest = DatabaseTest;

constexpr std::string_view kRecipe = "7e7e7e7e7e7e";

void recipe(Ops& op) {
  op.add_column("items", history::column("label", "text", true));
  op.execute("INSERT INTO markers VALUES (1)");
  op.commit();
  op.create_index("items", {.name = "ix_items_label", .keys = {{.column = "label"}}},
                  {.concurrently = true});
  op.execute("INSERT INTO markers VALUES (3)");
}
void nothing(Ops&) {}

std::vector<Migration> history_of_recipe() {
  return {Migration{kRecipe, {}, "recipe", true, &recipe, &nothing}};
}

std::vector<std::string> log_of_upgrade(Connection& db) {
  std::vector<std::string> lines;
  MigratorOptions options;
  options.log = [&](const std::string& line) { lines.push_back(line); };
  Migrator(db, history_of_recipe(), options).upgrade("head");
  return lines;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
  for (const auto& line : lines) {
    if (line.find(part) != std::string::npos) return true;
  }
  return false;
}

class ResumeFixture : public ResumeTest {
 protected:
  void SetUp() override {
    ResumeTest::SetUp();
    db().exec(
        "CREATE TABLE items (id bigint PRIMARY KEY);"
        "INSERT INTO items SELECT generate_series(1, 1000);"
        "CREATE TABLE markers (step integer)");
  }
  std::string markers() {
    return db()
        .exec("SELECT coalesce(string_agg(step::text, ',' ORDER BY step), '') FROM markers")
        .text(0, 0);
  }
  std::string index_valid() {
    const Result r = db().exec(
        "SELECT string_agg(indisvalid::text, ',') FROM pg_index WHERE indexrelid = "
        "to_regclass('ix_items_label')");
    return r.text(0, 0);
  }
  /// The bookkeeping tables, and the progress an interrupted run recorded.
  void interrupted_after(int steps) {
    Migrator(db(), {}).stamp("base");  // creates the bookkeeping tables
    db().exec("INSERT INTO structmig_progress (revision, direction, steps_done) VALUES ('" +
              std::string(kRecipe) + "', 'upgrade', " + std::to_string(steps) + ")");
  }
};

TEST_F(ResumeFixture, ProgressSaysStepOneIsDoneSoTheRerunStartsAtStepTwo) {
  db().exec("ALTER TABLE items ADD COLUMN label text; INSERT INTO markers VALUES (1)");
  interrupted_after(1);
  const auto lines = log_of_upgrade(db());
  EXPECT_TRUE(any_contains(lines, "resuming migration 7e7e7e7e7e7e (recipe) at step 2"))
      << lines.size();
  EXPECT_EQ(markers(), "1,3");  // step 1 not sent again (its ADD COLUMN would fail)
  EXPECT_EQ(index_valid(), "true");
  EXPECT_EQ(version_rows(db()), Ids{std::string(kRecipe)});
  EXPECT_EQ(db().exec("SELECT count(*) FROM structmig_progress").text(0, 0), "0");
}

TEST_F(ResumeFixture, AValidIndexFromAnUnrecordedBuildIsKept) {
  db().exec(
      "ALTER TABLE items ADD COLUMN label text; INSERT INTO markers VALUES (1);"
      "CREATE INDEX ix_items_label ON items (label)");
  const std::string oid = db().exec("SELECT 'ix_items_label'::regclass::oid").text(0, 0);
  interrupted_after(1);
  const auto lines = log_of_upgrade(db());
  EXPECT_TRUE(any_contains(lines, "index ix_items_label on items already exists and is valid"));
  EXPECT_EQ(db().exec("SELECT 'ix_items_label'::regclass::oid").text(0, 0), oid);  // not rebuilt
  EXPECT_EQ(markers(), "1,3");
  EXPECT_EQ(version_rows(db()), Ids{std::string(kRecipe)});
}

TEST_F(ResumeFixture, AnInvalidLeftoverIsDroppedAndBuiltAgain) {
  // A concurrent unique build over duplicates fails and leaves an INVALID index.
  db().exec("ALTER TABLE items ADD COLUMN label text; INSERT INTO markers VALUES (1)");
  EXPECT_THROW(db().exec("CREATE UNIQUE INDEX CONCURRENTLY ix_items_label ON items ((1))"),
               DatabaseError);
  EXPECT_EQ(index_valid(), "false");
  interrupted_after(1);
  const auto lines = log_of_upgrade(db());
  EXPECT_TRUE(any_contains(lines, "index ix_items_label on items is INVALID"));
  EXPECT_EQ(index_valid(), "true");
  EXPECT_EQ(db().exec("SELECT indisunique FROM pg_index WHERE indexrelid = "
                      "'ix_items_label'::regclass")
                .text(0, 0),
            "f");  // the migration's definition, not the leftover's
  EXPECT_EQ(markers(), "1,3");
}

}  // namespace
}  // namespace structmig
