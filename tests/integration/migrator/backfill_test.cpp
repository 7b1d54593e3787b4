// Backfills against a real server, with expressions that use the table's own
// columns, the key included (the natural case: 'L' || id): op.backfill, with
// a one- and a two-column key, fills every NULL in batches and leaves values
// already there alone; Ops::update_in_batches with a SET that reads the key.
// Both used to join the table with a batch relation that has the key's
// columns too, so a bare key column in the expression was ambiguous (42702).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using history::column;
using history::DatabaseTest;
using history::version_rows;
using Ids = std::vector<std::string>;

using BackfillTest = DatabaseTest;

constexpr std::string_view kFill = "bf0000000001";

void fill_labels(Ops& op) {
  op.backfill("items", "label", "'L' || id || '/' || qty", {.key = {"id"}, .batch_size = 300});
}
void fill_pair_labels(Ops& op) {
  op.backfill("pairs", "label", "a || ':' || b", {.key = {"a", "b"}, .batch_size = 7});
}
void fill_in_batches(Ops& op) {
  op.update_in_batches(BatchUpdate{.table = "items",
                                   .set = "label = 'B' || id",
                                   .where = "label IS NULL",
                                   .key = "id",
                                   .batch_size = 300});
}
void nothing(Ops&) {}

Migration one(void (*upgrade)(Ops&), bool transactional = true) {
  return Migration{kFill, {}, "fill", transactional, upgrade, &nothing};
}

std::string scalar(Connection& db, const std::string& sql) { return db.exec(sql).text(0, 0); }

TEST_F(BackfillTest, AnExpressionUsingTheKeyColumnFillsEveryNullRow) {
  db().exec(
      "CREATE TABLE items (id bigint PRIMARY KEY, qty integer NOT NULL, label text);"
      "INSERT INTO items SELECT g, g % 7, NULL FROM generate_series(1, 1000) g;"
      "UPDATE items SET label = 'kept' WHERE id % 100 = 0");  // already filled: left alone
  Migrator(db(), {one(&fill_labels)}).upgrade("head");
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM items WHERE label IS NULL"), "0");
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM items WHERE label = 'kept'"), "10");
  EXPECT_EQ(scalar(db(),
                   "SELECT count(*) FROM items WHERE id % 100 <> 0 AND "
                   "label IS DISTINCT FROM 'L' || id || '/' || qty"),
            "0");
  EXPECT_EQ(version_rows(db()), Ids{std::string(kFill)});
}

TEST_F(BackfillTest, ATwoColumnKeyWalksEveryRowOnce) {
  db().exec(
      "CREATE TABLE pairs (a integer, b integer, label text, PRIMARY KEY (a, b));"
      "INSERT INTO pairs SELECT x, y, NULL FROM generate_series(1, 10) x, "
      "generate_series(1, 10) y");
  Migrator(db(), {one(&fill_pair_labels)}).upgrade("head");
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM pairs WHERE label IS DISTINCT FROM a || ':' || b"),
            "0");
}

TEST_F(BackfillTest, UpdateInBatchesWithASetThatReadsTheKey) {
  db().exec(
      "CREATE TABLE items (id bigint PRIMARY KEY, qty integer NOT NULL, label text);"
      "INSERT INTO items SELECT g, 0, NULL FROM generate_series(1, 1000) g");
  Migrator(db(), {one(&fill_in_batches, /*transactional=*/false)}).upgrade("head");
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM items WHERE label IS DISTINCT FROM 'B' || id"), "0");
}

}  // namespace
}  // namespace structmig
