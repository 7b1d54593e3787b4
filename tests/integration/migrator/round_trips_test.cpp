// What structmig sends to the server when the database is already at head:
// the start-up API (apply and verify mode) and `migrate upgrade` must each
// send exactly one statement after connecting, the read of the one
// structmig_state row (no lock, no session setting, no second read); a
// database an older release migrated takes the locked run once, then the same.
// Counted by the server itself: the connection under test
// is opened with log_statement=all (a superuser setting in the conninfo, so
// only that session logs), and the statements are read back from the
// throwaway cluster's log.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "history_fixture.hpp"
#include "pg_cluster.hpp"
#include "structmig/startup.hpp"

namespace structmig {
namespace {

using history::DatabaseTest;
using history::migrations;

/// The statements logged by sessions opened with logged(conninfo) between
/// construction and statements(), in order, with their text.
class StatementLog {
 public:
  StatementLog() : path_(testing::PgCluster::instance().directory() + "/server.log") {
    start_ = read().size();
  }
  /// conninfo whose session logs every statement it runs.
  static std::string logged(const std::string& conninfo) {
    return conninfo + " options='-c log_statement=all'";
  }
  std::vector<std::string> statements() const {
    const std::string text = read().substr(start_);
    // An entry starts with the log line prefix (a timestamp); a statement
    // spanning several lines continues on lines without one, after a tab.
    static const std::regex entry_start(R"(^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)");
    std::vector<std::string> entries;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (std::regex_search(line, entry_start) || entries.empty()) {
        entries.push_back(line);
      } else {
        entries.back() += "\n" + (line.starts_with('\t') ? line.substr(1) : line);
      }
    }
    std::vector<std::string> out;
    for (const auto& entry : entries) {
      for (const std::string marker : {"LOG:  statement: ", "LOG:  execute "}) {
        const auto at = entry.find(marker);
        if (at != std::string::npos) out.push_back(entry.substr(at + marker.size()));
      }
    }
    return out;
  }

 private:
  std::string read() const {
    std::ifstream in(path_, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }
  std::string path_;
  std::size_t start_ = 0;
};

std::string joined(const std::vector<std::string>& statements) {
  std::string out;
  for (const auto& s : statements) out += "\n  [" + s + "]";
  return out;
}

/// One statement: a single SELECT, not several statements in one string.
void expect_one_select(const std::vector<std::string>& statements) {
  ASSERT_EQ(statements.size(), 1u) << joined(statements);
  EXPECT_TRUE(statements[0].starts_with("SELECT")) << statements[0];
  EXPECT_EQ(statements[0].find(';'), std::string::npos) << statements[0];
}

/// One statement, reading structmig_state alone (one table, no index).
void expect_state_read(const std::vector<std::string>& statements) {
  expect_one_select(statements);
  if (!statements.empty()) EXPECT_EQ(statements[0], "SELECT heads, digest FROM structmig_state");
}

using RoundTripsTest = DatabaseTest;

TEST_F(RoundTripsTest, TheLogSeesWhatALoggedSessionSends) {
  StatementLog log;
  Connection logged = Connection::open(StatementLog::logged(conninfo()));
  logged.exec("SELECT 1");
  logged.exec("SELECT 2;\nSELECT 3");
  EXPECT_EQ(log.statements(), (std::vector<std::string>{"SELECT 1", "SELECT 2;\nSELECT 3"}));
}

TEST_F(RoundTripsTest, StartupAtHeadSendsOneQuery) {
  Migrator(db(), migrations()).upgrade();
  StatementLog log;
  StartupReport report = upgrade_to_head(StatementLog::logged(conninfo()), migrations());
  EXPECT_TRUE(report.already_at_head);
  expect_state_read(log.statements());
}

TEST_F(RoundTripsTest, VerifyAtHeadSendsOneQuery) {
  Migrator(db(), migrations()).upgrade();
  StatementLog log;
  StartupOptions options;
  options.mode = StartupMode::verify;
  EXPECT_TRUE(ensure_at_head(StatementLog::logged(conninfo()), migrations(), options).already_at_head);
  expect_state_read(log.statements());
}

TEST_F(RoundTripsTest, VerifyOnANeverMigratedDatabaseOnlyReads) {
  StatementLog log;
  StartupOptions options;
  options.mode = StartupMode::verify;
  EXPECT_THROW(ensure_at_head(StatementLog::logged(conninfo()), migrations(), options), NotAtHead);
  // No structmig_state: the version and the history are read to tell a new
  // database from one an older release migrated.
  const std::vector<std::string> statements = log.statements();
  ASSERT_EQ(statements.size(), 2u) << joined(statements);
  EXPECT_EQ(statements[0], "SELECT heads, digest FROM structmig_state");
  EXPECT_TRUE(statements[1].starts_with("SELECT")) << statements[1];
  EXPECT_FALSE(history::table_exists(db(), "structmig_version"));
}

TEST_F(RoundTripsTest, AtHeadAfterAnOlderReleaseTheLockedRunComesOnceThenOneQuery) {
  Migrator(db(), migrations()).upgrade();
  // The bookkeeping as an older release left it: no structmig_state.
  db().exec("DROP TABLE structmig_state; DROP FUNCTION structmig_state_outdated() CASCADE");
  {
    StatementLog log;
    EXPECT_TRUE(upgrade_to_head(StatementLog::logged(conninfo()), migrations()).already_at_head);
    const std::vector<std::string> statements = log.statements();
    EXPECT_GT(statements.size(), 1u) << joined(statements);
    EXPECT_NE(joined(statements).find("advisory_lock("), std::string::npos) << joined(statements);
    EXPECT_NE(joined(statements).find("INSERT INTO structmig_state"), std::string::npos)
        << joined(statements);
  }
  StatementLog log;
  EXPECT_TRUE(upgrade_to_head(StatementLog::logged(conninfo()), migrations()).already_at_head);
  expect_state_read(log.statements());
}

TEST_F(RoundTripsTest, MigrateUpgradeAtHeadSendsOneQuery) {
  Migrator(db(), migrations()).upgrade();
  StatementLog log;
  std::ostringstream out;
  std::ostringstream err;
  const int code =
      cli::run({"--url", StatementLog::logged(conninfo()), "upgrade"}, migrations(), out, err);
  ASSERT_EQ(code, 0) << err.str();
  EXPECT_EQ(out.str(),
            "nothing to do; the database is at " + std::string(history::kPriority) + " (head)\n");
  expect_state_read(log.statements());
}

}  // namespace
}  // namespace structmig
