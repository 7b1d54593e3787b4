// Offline SQL against a real server: a script rendered without a database and
// applied with `psql -v ON_ERROR_STOP=1 -f` gives the same schema (read back
// with read_schema()) and the same structmig_version as the online run — from
// base, for FROM:TO, for a downgrade range, across a merge and with a
// non-transactional step; the script refuses a database not at FROM; a data
// migration cannot be rendered.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "graph_fixture.hpp"
#include "pg_cluster.hpp"
#include "structmig/offline.hpp"

namespace structmig {
namespace {

using history::column_values;
using history::DatabaseTest;
using history::kPriority;
using history::kTickets;
using history::kUsers;
using history::migrations;
using history::schema_of;
using history::version_rows;
using Ids = std::vector<std::string>;

std::string id(std::string_view revision) { return std::string(revision); }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class OfflineTest : public DatabaseTest {
 protected:
  /// A second fresh database for the online run to compare with.
  Connection& online() {
    if (!online_) {
      online_.emplace(Connection::open(testing::PgCluster::instance().fresh_database("online")));
    }
    return *online_;
  }

  /// Runs the script with psql against db(); returns psql's exit code and
  /// keeps its output in psql_output_.
  int apply_with_psql(const std::string& script) {
    const auto dir = std::filesystem::path(testing::PgCluster::instance().directory());
    const auto file = dir / ("script-" + std::to_string(++scripts_) + ".sql");
    const auto log = dir / ("script-" + std::to_string(scripts_) + ".log");
    std::ofstream(file) << script;
    const std::string command = "/usr/bin/psql \"" + conninfo() +
                                "\" -X -q -v ON_ERROR_STOP=1 -f '" + file.string() + "' >'" +
                                log.string() + "' 2>&1";
    const int status = std::system(command.c_str());
    std::ifstream in(log);
    psql_output_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

  void expect_same_as_online() {
    EXPECT_EQ(schema_of(db()), schema_of(online()));
    EXPECT_EQ(version_rows(db()), version_rows(online()));
    const std::string history =
        "SELECT revision || ' ' || direction || ' ' || coalesce(checksum, '-') "
        "FROM structmig_history ORDER BY id";
    EXPECT_EQ(column_values(db(), history), column_values(online(), history));
  }

  std::string psql_output_;

 private:
  std::optional<Connection> online_;
  int scripts_ = 0;
};

TEST_F(OfflineTest, UpgradeFromBaseMatchesTheOnlineRun) {
  const std::string script = render_upgrade_sql(migrations(), "head");
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), migrations()).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(kPriority)}));
  EXPECT_EQ(schema_of(db()), history::expected_after(3));
  // The lock was released at the end, and the online migrator agrees it is at head.
  EXPECT_TRUE(Migrator(db(), migrations()).upgrade("head").empty());
}

TEST_F(OfflineTest, FromToRangeContinuesFromARevision) {
  Migrator(db(), migrations()).upgrade(kUsers);
  const std::string script = render_upgrade_sql(migrations(), std::string(kUsers) + ":head");
  EXPECT_FALSE(contains(script, "CREATE TABLE \"users\""));
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), migrations()).upgrade(kUsers);
  Migrator(online(), migrations()).upgrade("head");
  expect_same_as_online();
}

TEST_F(OfflineTest, DowngradeRangeMatchesTheOnlineRun) {
  Migrator(db(), migrations()).upgrade("head");
  Migrator(online(), migrations()).upgrade("head");
  const std::string script = render_downgrade_sql(migrations(), "head:" + std::string(kUsers));
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), migrations()).downgrade(kUsers);
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(kUsers)}));

  const std::string to_base = render_downgrade_sql(migrations(), std::string(kUsers) + ":-1");
  ASSERT_EQ(apply_with_psql(to_base), 0) << psql_output_ << to_base;
  Migrator(online(), migrations()).downgrade("base");
  expect_same_as_online();
  EXPECT_TRUE(version_rows(db()).empty());
}

TEST_F(OfflineTest, MergeHistoryEndsWithOneVersionRow) {
  const std::string script = render_upgrade_sql(graph::diamond(), "head");
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), graph::diamond()).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(graph::kTop)}));

  const std::string down = render_downgrade_sql(graph::diamond(), "head:-2");
  ASSERT_EQ(apply_with_psql(down), 0) << psql_output_ << down;
  Migrator(online(), graph::diamond()).downgrade("-2");
  expect_same_as_online();
  EXPECT_EQ(version_rows(db()), (Ids{id(graph::kLeft), id(graph::kRight)}));
}

void index_concurrently(Ops& ops) {
  ops.execute("CREATE INDEX CONCURRENTLY ix_users_name ON users (name)");
}
void drop_index_concurrently(Ops& ops) { ops.execute("DROP INDEX CONCURRENTLY ix_users_name"); }

std::vector<Migration> with_concurrent_index() {
  auto list = migrations();
  Migration index{"5e5e5e5e5e5e", {kPriority},         "index users name",
                  false,          &index_concurrently, &drop_index_concurrently};
  index.lock_timeout = "3s";
  list.push_back(index);
  return list;
}

TEST_F(OfflineTest, NonTransactionalStepRunsOutsideBeginCommit) {
  OfflineOptions options;
  options.statement_timeout = "1min";
  const std::string script = render_upgrade_sql(with_concurrent_index(), "head", options);
  EXPECT_TRUE(contains(script, "SET LOCAL statement_timeout = '1min';\nCREATE TABLE \"users\""))
      << script;
  EXPECT_TRUE(contains(script,
                       "SET lock_timeout = '3s';\nSET statement_timeout = '1min';\n"
                       "CREATE INDEX CONCURRENTLY ix_users_name ON users (name);\n"
                       "RESET lock_timeout;\nRESET statement_timeout;\nBEGIN;\n"))
      << script;
  ASSERT_EQ(apply_with_psql(script), 0) << psql_output_ << script;
  Migrator(online(), with_concurrent_index()).upgrade("head");
  expect_same_as_online();
  EXPECT_EQ(db().exec("SELECT indisvalid FROM pg_index WHERE indexrelid = "
                      "'ix_users_name'::regclass")
                .text(0, 0),
            "t");
}

TEST_F(OfflineTest, TheScriptRefusesADatabaseNotAtFrom) {
  Migrator(db(), migrations()).upgrade(kTickets);
  const std::string script = render_upgrade_sql(migrations(), std::string(kUsers) + ":head");
  EXPECT_NE(apply_with_psql(script), 0);
  EXPECT_TRUE(contains(psql_output_,
                       "this script starts at 1a2b3c4d5e6f, but the database is at "
                       "2b3c4d5e6f70"))
      << psql_output_;
  EXPECT_EQ(version_rows(db()), (Ids{id(kTickets)}));
  EXPECT_EQ(schema_of(db()), history::expected_after(2));
}

void data_migration(Ops& ops) {
  ops.execute("UPDATE tickets SET title = upper(title)");
  ops.connection().exec("SELECT count(*) FROM tickets");
}

TEST_F(OfflineTest, ADataMigrationCannotBeRenderedAndIsNamed) {
  auto list = migrations();
  list.push_back(
      Migration{"dada00000001", {kPriority}, "uppercase titles", true, &data_migration, nullptr});
  try {
    render_upgrade_sql(list, "head");
    FAIL() << "expected OfflineUnsupported";
  } catch (const OfflineUnsupported& e) {
    EXPECT_TRUE(contains(e.what(), "migration dada00000001 (uppercase titles)")) << e.what();
    EXPECT_TRUE(contains(e.what(), "data migration")) << e.what();
  }
  // Up to the revision before it, the script renders.
  EXPECT_NO_THROW(render_upgrade_sql(list, std::string(kPriority)));
}

TEST_F(OfflineTest, RangesAndTargetsAreChecked) {
  EXPECT_THROW(render_downgrade_sql(migrations(), "base"), RevisionError);
  EXPECT_THROW(render_upgrade_sql(migrations(), "nosuch"), UnknownRevision);
  EXPECT_THROW(render_upgrade_sql(migrations(), "head:" + std::string(kUsers)), WrongDirection);
  EXPECT_THROW(render_upgrade_sql(graph::two_heads(), "head"), MultipleHeads);
  const std::string two = render_upgrade_sql(migrations(), "+2");
  EXPECT_TRUE(contains(two, "-- upgrade 2b3c4d5e6f70: create tickets")) << two;
  EXPECT_FALSE(contains(two, "add tickets priority")) << two;
  // Checksums go into the history rows.
  EXPECT_TRUE(contains(two, "'c0ffee000002'")) << two;
}

}  // namespace
}  // namespace structmig
