// Connection against a real server: results as text, parameters, the error
// text, the pipeline's failing index and what it leaves behind, Transaction's
// rollback on destruction, silenced NOTICEs and move-only ownership.
#include <gtest/gtest.h>

#include <chrono>
#include <exception>
#include <string>
#include <thread>
#include <utility>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using history::DatabaseTest;
using history::table_exists;

using ConnectionTest = DatabaseTest;

TEST_F(ConnectionTest, ExecReturnsTextValuesAndNulls) {
  Result result = db().exec("SELECT 1 AS one, NULL::text AS nothing, 'x''y' AS quoted");
  ASSERT_EQ(result.size(), 1u);
  EXPECT_EQ(result.column_names(), (std::vector<std::string>{"one", "nothing", "quoted"}));
  EXPECT_EQ(result.text(0, 0), "1");
  EXPECT_FALSE(result.at(0, 1).has_value());
  EXPECT_EQ(result.text(0, 2), "x'y");
  EXPECT_TRUE(db().exec("CREATE TABLE empty_one (x int)").empty());
}

TEST_F(ConnectionTest, ExecParamsBindsTextAndNullWithoutSplicing) {
  const std::string hostile = "'); DROP TABLE nobody; --";
  Result result = db().exec_params("SELECT $1::text, $2::int + 1, $3::text IS NULL",
                                   {hostile, std::string("41"), std::nullopt});
  EXPECT_EQ(result.text(0, 0), hostile);
  EXPECT_EQ(result.text(0, 1), "42");
  EXPECT_EQ(result.text(0, 2), "t");
}

TEST_F(ConnectionTest, ErrorCarriesSqlstateStatementAndServerMessage) {
  db().exec("CREATE TABLE x (a int)");
  const std::string statement = "ALTER TABLE x ADD COLUMN a int";
  try {
    db().exec(statement);
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.sqlstate(), "42701");
    EXPECT_EQ(e.statement(), statement);
    EXPECT_EQ(e.server_message(), "column \"a\" of relation \"x\" already exists");
    EXPECT_EQ(
        std::string(e.what()),
        "ERROR 42701: column \"a\" of relation \"x\" already exists\n  statement: " + statement);
  }
  EXPECT_EQ(db().exec("SELECT 2").text(0, 0), "2");  // still usable
}

TEST_F(ConnectionTest, ExecParamsErrorsAreDatabaseErrors) {
  try {
    db().exec_params("SELECT $1::int", {std::string("not a number")});
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.sqlstate(), "22P02");
  }
}

TEST_F(ConnectionTest, UniqueViolationIsItsOwnClass) {
  db().exec("CREATE TABLE u (k int PRIMARY KEY)");
  db().exec("INSERT INTO u VALUES (1)");
  try {
    db().exec_params("INSERT INTO u VALUES ($1)", {std::string("1")});
    FAIL() << "expected UniqueViolation";
  } catch (const UniqueViolation& e) {
    EXPECT_EQ(e.sqlstate(), "23505");
    EXPECT_EQ(e.statement(), "INSERT INTO u VALUES ($1)");
  }
  // In a pipeline: a StatementError with its index, and a UniqueViolation.
  try {
    db().exec_pipeline({"INSERT INTO u VALUES (2)", "INSERT INTO u VALUES (1)"});
    FAIL() << "expected StatementError";
  } catch (const StatementError& e) {
    EXPECT_EQ(e.index(), 1u);
    EXPECT_NE(dynamic_cast<const UniqueViolation*>(&e), nullptr) << e.what();
  }
  // Any other SQLSTATE stays a plain DatabaseError.
  try {
    db().exec("SELECT 1/0");
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
    EXPECT_EQ(e.sqlstate(), "22012");
    EXPECT_EQ(kind_of(e), DatabaseErrorKind::other);
  }
}

TEST_F(ConnectionTest, LockTimeoutWithTwoSessionsIsALockTimeout) {
  db().exec("CREATE TABLE held (n int)");
  Connection holder = db().open_another();
  Transaction hold(holder);
  holder.exec("LOCK TABLE held IN ACCESS EXCLUSIVE MODE");
  db().exec("SET lock_timeout = '100ms'");
  try {
    db().exec("SELECT * FROM held");
    FAIL() << "expected LockTimeout";
  } catch (const LockTimeout& e) {
    EXPECT_EQ(e.sqlstate(), "55P03");
    EXPECT_EQ(e.statement(), "SELECT * FROM held");
  }
  try {
    db().exec_pipeline({"BEGIN", "SELECT * FROM held", "COMMIT"});
    FAIL() << "expected StatementError";
  } catch (const LockTimeout& e) {
    const auto* statement = dynamic_cast<const StatementError*>(&e);
    ASSERT_NE(statement, nullptr) << e.what();
    EXPECT_EQ(statement->index(), 1u);
  }
  db().exec("ROLLBACK");  // the pipeline's BEGIN left the transaction aborted
  db().exec("RESET lock_timeout");
}

TEST_F(ConnectionTest, DeadlockWithTwoSessionsIsADeadlock) {
  db().exec("CREATE TABLE a (n int); CREATE TABLE b (n int)");
  Connection other = db().open_another();
  db().exec("BEGIN; LOCK TABLE a");
  other.exec("BEGIN; LOCK TABLE b");
  // The other session waits for a; this one then asks for b: the server
  // detects the cycle after deadlock_timeout (1 s) and cancels one of them.
  std::exception_ptr other_failure;
  std::thread waiter([&] {
    try {
      other.exec("LOCK TABLE a");
    } catch (...) {
      other_failure = std::current_exception();
    }
  });
  std::exception_ptr own_failure;
  try {
    for (int i = 0; i < 100 && db().exec("SELECT count(*) FROM pg_locks WHERE NOT granted")
                                       .text(0, 0) == "0";
         ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    db().exec("LOCK TABLE b");
  } catch (...) {
    own_failure = std::current_exception();
  }
  db().exec("ROLLBACK");
  waiter.join();
  other.exec("ROLLBACK");
  ASSERT_TRUE((own_failure == nullptr) != (other_failure == nullptr));
  try {
    std::rethrow_exception(own_failure ? own_failure : other_failure);
  } catch (const Deadlock& e) {
    EXPECT_EQ(e.sqlstate(), "40P01");
  } catch (const std::exception& e) {
    FAIL() << "not a Deadlock: " << e.what();
  }
}

TEST_F(ConnectionTest, ATerminatedSessionIsABrokenConnection) {
  Connection doomed = db().open_another();
  db().exec_params("SELECT pg_terminate_backend($1::int)",
                   {std::to_string(doomed.backend_pid())});
  try {
    doomed.exec("SELECT 1");
    FAIL() << "expected BrokenConnection";
  } catch (const BrokenConnection& e) {
    EXPECT_NE(std::string(e.what()).find("the server closed the connection"), std::string::npos)
        << e.what();
  }
}

TEST_F(ConnectionTest, RefusedConnectionIsABrokenConnectionWithoutSqlstate) {
  try {
    Connection::open(conninfo() + "_does_not_exist");
    FAIL() << "expected BrokenConnection";
  } catch (const BrokenConnection& e) {
    EXPECT_TRUE(e.sqlstate().empty());
    EXPECT_NE(std::string(e.what()).find("does not exist"), std::string::npos) << e.what();
  }
}

TEST_F(ConnectionTest, PipelineRunsEveryStatement) {
  db().exec_pipeline({"CREATE TABLE p (n int)", "INSERT INTO p VALUES (1)",
                      "INSERT INTO p VALUES (2)", "SELECT * FROM p"});
  EXPECT_EQ(db().exec("SELECT count(*) FROM p").text(0, 0), "2");
  db().exec_pipeline({});  // nothing to send is fine
}

TEST_F(ConnectionTest, PipelineReportsTheFailingIndexAndRunsNothingAfterIt) {
  try {
    db().exec_pipeline(
        {"CREATE TABLE before_error (n int)", "SELECT 1/0", "CREATE TABLE after_error (n int)"});
    FAIL() << "expected StatementError";
  } catch (const StatementError& e) {
    EXPECT_EQ(e.index(), 1u);
    EXPECT_EQ(e.sqlstate(), "22012");
    EXPECT_EQ(e.statement(), "SELECT 1/0");
    EXPECT_EQ(std::string(e.what()), "ERROR 22012: division by zero\n  statement: SELECT 1/0");
  }
  // One sync, no BEGIN: the pipeline was one implicit transaction.
  EXPECT_FALSE(table_exists(db(), "after_error"));
  EXPECT_FALSE(table_exists(db(), "before_error"));
  // Out of pipeline mode again: ordinary and pipelined statements work.
  EXPECT_EQ(db().exec("SELECT 3").text(0, 0), "3");
  db().exec_pipeline({"CREATE TABLE later (n int)"});
  EXPECT_TRUE(table_exists(db(), "later"));
}

TEST_F(ConnectionTest, PipelineFailureOnTheFirstAndLastStatement) {
  try {
    db().exec_pipeline({"SELEC 1", "SELECT 2"});
    FAIL() << "expected StatementError";
  } catch (const StatementError& e) {
    EXPECT_EQ(e.index(), 0u);
    EXPECT_EQ(e.sqlstate(), "42601");
  }
  try {
    db().exec_pipeline({"SELECT 1", "SELECT 2", "SELECT * FROM missing_table"});
    FAIL() << "expected StatementError";
  } catch (const StatementError& e) {
    EXPECT_EQ(e.index(), 2u);
    EXPECT_EQ(e.sqlstate(), "42P01");
  }
}

TEST_F(ConnectionTest, PipelineWithExplicitTransactionLeavesItAbortedUntilRollback) {
  try {
    db().exec_pipeline({"BEGIN", "CREATE TABLE t1 (n int)", "SELECT 1/0", "COMMIT"});
    FAIL() << "expected StatementError";
  } catch (const StatementError& e) {
    EXPECT_EQ(e.index(), 2u);
  }
  db().exec("ROLLBACK");
  EXPECT_FALSE(table_exists(db(), "t1"));
}

TEST_F(ConnectionTest, TransactionRollsBackOnDestructionUnlessCommitted) {
  {
    Transaction transaction(db());
    db().exec("CREATE TABLE rolled_back (n int)");
  }
  EXPECT_FALSE(table_exists(db(), "rolled_back"));
  {
    Transaction transaction(db());
    db().exec("CREATE TABLE committed (n int)");
    transaction.commit();
  }
  EXPECT_TRUE(table_exists(db(), "committed"));
}

TEST_F(ConnectionTest, TransactionRollsBackWhenAnExceptionUnwinds) {
  try {
    Transaction transaction(db());
    db().exec("CREATE TABLE doomed (n int)");
    db().exec("SELECT 1/0");
    transaction.commit();
  } catch (const DatabaseError&) {
  }
  EXPECT_FALSE(table_exists(db(), "doomed"));
  EXPECT_EQ(db().exec("SELECT 4").text(0, 0), "4");
}

TEST_F(ConnectionTest, NoticesDoNotReachStderr) {
  ::testing::internal::CaptureStderr();
  db().exec("DROP TABLE IF EXISTS no_such_table");
  db().exec("ROLLBACK");  // WARNING: there is no transaction in progress
  const std::string captured = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(captured, "");
}

TEST_F(ConnectionTest, MoveTransfersTheSession) {
  Connection first = Connection::open(conninfo());
  first.exec("CREATE TEMP TABLE session_marker (n int)");
  Connection second = std::move(first);
  EXPECT_FALSE(first.is_open());  // NOLINT(bugprone-use-after-move): checked on purpose
  EXPECT_TRUE(second.is_open());
  EXPECT_TRUE(table_exists(second, "session_marker"));
  EXPECT_THROW(first.exec("SELECT 1"), DatabaseError);
}

}  // namespace
}  // namespace structmig
