// Every mapped type through a real PostgreSQL and back: edge values (empty
// text, quotes, backslashes, commas and braces in arrays, negative numbers,
// timestamps before 1970 and with microseconds, BC dates, empty arrays and
// bytea), NULL in every nullable column, and the server's own reading of what
// was written (so a round trip cannot hide a symmetric mistake).
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>

#include "models.hpp"
#include "pg_cluster.hpp"

namespace {

using namespace std::chrono;
using support::EveryType;
using support::TicketStatus;

class OrmTypes : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.emplace(structmig::Connection::open(
        structmig::testing::PgCluster::instance().fresh_database("orm_types")));
    conn_->exec(support::schema_sql);
  }
  structmig::Connection& conn() { return *conn_; }
  std::string server_text(const std::string& expression) {
    return conn().exec("SELECT " + expression + " FROM every_type").text(0, 0);
  }

  std::optional<structmig::Connection> conn_;
};

structmig::uuid sample_uuid() {
  return {{0x12, 0x3e, 0x45, 0x67, 0xe8, 0x9b, 0x12, 0xd3, 0xa4, 0x56, 0x42, 0x66, 0x14, 0x17, 0x40,
           0x00}};
}

EveryType edge_values() {
  EveryType row{};
  row.id = 1;
  row.b = false;
  row.i16 = std::numeric_limits<std::int16_t>::min();
  row.i32 = -2147483647 - 1;
  row.i64 = std::numeric_limits<std::int64_t>::min();
  row.f32 = -1.5e-30f;
  row.f64 = 0.1 + 0.2;
  row.text = "";
  // 1969-07-20 20:17:40.000001 UTC: before 1970, with a microsecond.
  row.ts = structmig::timestamp{sys_days{year{1969} / July / 20} + 20h + 17min + 40s + 1us};
  row.lts = structmig::local_timestamp{local_days{year{1901} / January / 1} + 999999us};
  row.day = sys_days{year{-43} / March / 15};  // 44 BC
  row.id_uuid = sample_uuid();
  row.doc = {R"({"a": [1, "x\"y"], "b": null})"};
  row.amount = {"-123456789.125"};
  row.blob = {};
  row.texts = {"", "a,b", "{braces}", "\"quoted\"", "back\\slash", " spaced ", "NULL", "ünï"};
  row.numbers = {};
  row.statuses = {TicketStatus::pending, TicketStatus::open};
  row.sparse = {std::nullopt, "x", std::nullopt};
  row.status = TicketStatus::pending;
  return row;
}

EveryType full_optionals() {
  EveryType row = edge_values();
  row.id = 2;
  row.b = true;
  row.i16 = 32767;
  row.i32 = 2147483647;
  row.i64 = std::numeric_limits<std::int64_t>::max();
  row.f32 = std::numeric_limits<float>::infinity();
  row.f64 = -std::numeric_limits<double>::infinity();
  row.text = "it's \"quoted\"\\ and\nmultiline, {braces}";
  row.ts = structmig::timestamp{sys_days{year{2038} / January / 19} + 3h + 14min + 8s + 123456us};
  row.day = sys_days{year{2024} / February / 29};
  row.blob = {std::byte{0}, std::byte{0xff}, std::byte{'\\'}, std::byte{'"'}};
  row.numbers = {-1, 0, std::numeric_limits<std::int64_t>::max()};
  row.texts = {};
  row.sparse = {};
  row.o_b = false;
  row.o_i16 = -1;
  row.o_i32 = 0;
  row.o_i64 = -42;
  row.o_f32 = 3.25f;
  row.o_f64 = std::nan("");
  row.o_text = "";
  row.o_ts = structmig::timestamp{};  // the epoch itself
  row.o_lts = structmig::local_timestamp{};
  row.o_day = structmig::date{};
  row.o_uuid = structmig::uuid{};
  row.o_doc = structmig::jsonb{"[]"};
  row.o_amount = structmig::numeric<12, 3>{"0.000"};
  row.o_blob = structmig::bytea{};
  row.o_texts = std::vector<std::string>{"only"};
  row.o_status = TicketStatus::closed;
  return row;
}

TEST_F(OrmTypes, EdgeValuesAndNullsRoundTrip) {
  const EveryType written = edge_values();
  const EveryType stored = structmig::insert(conn(), written);
  EXPECT_EQ(stored, written);
  const auto found = structmig::find<EveryType>(conn(), 1);
  ASSERT_TRUE(found);
  EXPECT_EQ(*found, written);
  // Every optional is NULL in the database.
  EXPECT_EQ(conn()
                .exec("SELECT count(*) FROM every_type WHERE num_nulls(o_b, o_i16, o_i32, o_i64, "
                      "o_f32, o_f64, o_text, o_ts, o_lts, o_day, o_uuid, o_doc, o_amount, "
                      "o_blob, o_texts, o_status) = 16")
                .text(0, 0),
            "1");
}

TEST_F(OrmTypes, FilledOptionalsRoundTrip) {
  EveryType written = full_optionals();
  const EveryType stored = structmig::insert(conn(), written);
  // NaN is not equal to itself: compare it apart.
  ASSERT_TRUE(stored.o_f64 && std::isnan(*stored.o_f64));
  EveryType comparable = stored;
  comparable.o_f64 = written.o_f64 = 1.0;
  EXPECT_EQ(comparable, written);
}

TEST_F(OrmTypes, TheServerReadsWhatWasWritten) {
  structmig::insert(conn(), edge_values());
  conn().exec("SET TimeZone = 'UTC'");
  EXPECT_EQ(server_text("ts"), "1969-07-20 20:17:40.000001+00");
  EXPECT_EQ(server_text("lts"), "1901-01-01 00:00:00.999999");
  EXPECT_EQ(server_text("day"), "0044-03-15 BC");
  EXPECT_EQ(server_text("i64"), "-9223372036854775808");
  EXPECT_EQ(server_text("id_uuid"), "123e4567-e89b-12d3-a456-426614174000");
  EXPECT_EQ(server_text("array_length(texts, 1)"), "8");
  EXPECT_EQ(server_text("texts[2] || '|' || texts[3] || '|' || texts[5] || '|' || texts[7]"),
            "a,b|{braces}|back\\slash|NULL");
  EXPECT_EQ(server_text("texts[7] IS NULL"), "f");
  EXPECT_EQ(server_text("sparse[1] IS NULL AND sparse[3] IS NULL"), "t");
  EXPECT_EQ(server_text("statuses[1]::text"), "waiting, \"really\"");
  EXPECT_EQ(server_text("doc->'a'->>1"), "x\"y");
  EXPECT_EQ(server_text("length(blob)"), "0");
  EXPECT_EQ(server_text("cardinality(numbers)"), "0");
}

TEST_F(OrmTypes, ReadsOtherTimeZonesAndFormats) {
  structmig::insert(conn(), full_optionals());
  conn().exec("SET TimeZone = 'Asia/Kolkata'; SET bytea_output = 'escape'");
  const auto found = structmig::find<EveryType>(conn(), 2);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->ts, full_optionals().ts);
  EXPECT_EQ(found->blob, full_optionals().blob);
  // Local mean time before 1900 has offsets with seconds (+05:53:28).
  conn().exec("UPDATE every_type SET ts = '1850-06-01 12:00:00.5+00'");
  const auto old = structmig::find<EveryType>(conn(), 2);
  EXPECT_EQ(old->ts, structmig::timestamp{sys_days{year{1850} / June / 1} + 12h + 500ms});
}

TEST_F(OrmTypes, ArraysWithServerFormattedElements) {
  structmig::insert(conn(), edge_values());
  // Written by the server: unquoted elements, NULL, bounds decoration.
  conn().exec(R"(UPDATE every_type SET texts = '{plain,"with space",""}',
                 sparse = '[0:2]={a,NULL,"NULL"}', numbers = '{-5, 7}')");
  const auto found = structmig::find<EveryType>(conn(), 1);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->texts, (std::vector<std::string>{"plain", "with space", ""}));
  EXPECT_EQ(found->sparse, (std::vector<std::optional<std::string>>{"a", std::nullopt, "NULL"}));
  EXPECT_EQ(found->numbers, (std::vector<std::int64_t>{-5, 7}));
}

}  // namespace
