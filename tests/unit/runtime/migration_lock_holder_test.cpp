// How a waiting migrator names the session holding the migration lock, no
// database: the holder's description with and without the optional parts,
// statements on one line and cut short, durations, the log line and the
// timeout message.
#include "migrator/migration_lock_holder.hpp"

#include <gtest/gtest.h>

#include <string>

namespace structmig::detail {
namespace {

using namespace std::chrono_literals;

LockHolder busy_holder() {
  LockHolder holder;
  holder.pid = 4242;
  holder.application = "support_app";
  holder.client = "10.0.0.5";
  holder.state = "active";
  holder.seconds_in_state = 12.34;
  holder.transaction_seconds = 12.34;
  holder.query = "CREATE INDEX CONCURRENTLY ix_tickets_created_at\n    ON tickets (created_at)";
  return holder;
}

TEST(MigrationLockHolder, DescribesAnActiveHolder) {
  EXPECT_EQ(describe_holder(busy_holder()),
            "pid 4242 (application \"support_app\", client 10.0.0.5, active for 12.3 s: "
            "CREATE INDEX CONCURRENTLY ix_tickets_created_at ON tickets (created_at))");
}

TEST(MigrationLockHolder, MentionsALongerTransactionAroundTheStatement) {
  LockHolder holder = busy_holder();
  holder.transaction_seconds = 300;
  holder.query = "SELECT 1";
  EXPECT_EQ(describe_holder(holder),
            "pid 4242 (application \"support_app\", client 10.0.0.5, active for 12.3 s in a "
            "transaction open for 300 s: SELECT 1)");
}

TEST(MigrationLockHolder, IdleHolderShowsItsLastStatement) {
  LockHolder holder;
  holder.pid = 7;
  holder.state = "idle in transaction";
  holder.seconds_in_state = 40;
  holder.query = "UPDATE t SET x = 1";
  EXPECT_EQ(describe_holder(holder),
            "pid 7 (idle in transaction for 40 s, last statement: UPDATE t SET x = 1)");
}

TEST(MigrationLockHolder, WhatIsHiddenIsLeftOut) {
  LockHolder holder;
  holder.pid = 9;
  EXPECT_EQ(describe_holder(holder), "pid 9");
  holder.pid.reset();
  EXPECT_EQ(describe_holder(holder), "a prepared transaction");
  EXPECT_EQ(describe_holder(std::nullopt), "another session (gone by the time we looked)");
}

TEST(MigrationLockHolder, OneLineCutsLongStatements) {
  EXPECT_EQ(one_line("  SELECT\n\t1,\r\n   2  "), "SELECT 1, 2");
  const std::string long_statement = "SELECT " + std::string(100, 'x');
  const std::string cut = one_line(long_statement, 20);
  EXPECT_EQ(cut, "SELECT xxxxxxxxxxxxx…");
  // Never inside a UTF-8 sequence: "é" is two bytes.
  EXPECT_EQ(one_line("abcé", 4), "abc…");
  EXPECT_EQ(one_line("abc", 3), "abc");
}

TEST(MigrationLockHolder, FormatsSeconds) {
  EXPECT_EQ(format_seconds(0.44), "0.4 s");
  EXPECT_EQ(format_seconds(12.34), "12.3 s");
  EXPECT_EQ(format_seconds(5.0), "5 s");
  EXPECT_EQ(format_seconds(600), "600 s");
  EXPECT_EQ(format_seconds(-1), "0 s");
}

TEST(MigrationLockHolder, WaitingLineAndTimeoutMessage) {
  EXPECT_EQ(waiting_line("pid 4242", 5000ms, 600000ms),
            "waiting for the migration lock, held by pid 4242; waited 5 s of 600 s");
  EXPECT_EQ(waiting_line("pid 4242", 1500ms, 0ms),
            "waiting for the migration lock, held by pid 4242; waited 1.5 s, no time limit");
  EXPECT_TRUE(timeout_message("pid 4242", 2000ms)
                  .starts_with("the migration lock was not free within 2 s: held by pid 4242; "));
}

}  // namespace
}  // namespace structmig::detail
