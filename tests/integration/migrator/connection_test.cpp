// Connection against a real server: results as text, parameters, the error
// text, the pipeline's failing index and what it leaves behind, Transaction's
// rollback on destruction, silenced NOTICEs and move-only ownership.
#include <gtest/gtest.h>

#include <string>
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

TEST_F(ConnectionTest, RefusedConnectionIsADatabaseErrorWithoutSqlstate) {
  try {
    Connection::open(conninfo() + "_does_not_exist");
    FAIL() << "expected DatabaseError";
  } catch (const DatabaseError& e) {
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
