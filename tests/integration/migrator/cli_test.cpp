// The migrate command line through structmig::cli::run() against a fresh
// database: upgrade, current, history (graph and --log), downgrade, heads,
// branches, show, stamp, --sql without a database, checksums, help on every
// subcommand, DATABASE_URL, one-line errors with a non-zero exit code, and
// the wait for the migration lock said on stderr.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "commands.hpp"
#include "graph_fixture.hpp"
#include "pg_cluster.hpp"
#include "structmig/version.hpp"

namespace structmig {
namespace {

using history::DatabaseTest;
using history::expected_after;
using history::kPriority;
using history::kTickets;
using history::kUsers;
using history::migrations;
using history::schema_of;

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome migrate(const std::vector<std::string>& args,
                const std::vector<Migration>& list = migrations()) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(args, list, out, err);
  return {code, out.str(), err.str()};
}

// A URL nothing listens on: commands that must not connect get it.
const std::string kNowhere = "host=/nonexistent-structmig dbname=none connect_timeout=1";

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::size_t line_count(const std::string& text) {
  std::size_t lines = 0;
  for (char c : text) lines += c == '\n';
  return lines;
}

using CliTest = DatabaseTest;

TEST_F(CliTest, UpgradeCurrentHistoryDowngrade) {
  Outcome current = migrate({"--url", conninfo(), "current"});
  EXPECT_EQ(current.code, 0) << current.err;
  EXPECT_EQ(current.out, "base\n");

  Outcome up = migrate({"--url", conninfo(), "upgrade"});
  ASSERT_EQ(up.code, 0) << up.err;
  EXPECT_TRUE(contains(up.out, "upgrade " + std::string(kUsers) + " create users ... ")) << up.out;
  EXPECT_TRUE(contains(up.out, "upgrade " + std::string(kPriority) + " add tickets priority ... "))
      << up.out;
  EXPECT_TRUE(contains(up.out, " ms\n")) << up.out;
  EXPECT_EQ(schema_of(db()), expected_after(3));

  current = migrate({"current", "--url", conninfo()});
  EXPECT_EQ(current.code, 0) << current.err;
  EXPECT_EQ(current.out, std::string(kPriority) + " (head) add tickets priority\n");

  Outcome again = migrate({"--url", conninfo(), "upgrade", "head"});
  EXPECT_EQ(again.code, 0) << again.err;
  EXPECT_TRUE(contains(again.out, "nothing to do")) << again.out;

  Outcome down = migrate({"--url", conninfo(), "downgrade", "-1"});
  ASSERT_EQ(down.code, 0) << down.err;
  EXPECT_TRUE(contains(down.out, "downgrade " + std::string(kPriority))) << down.out;
  EXPECT_EQ(schema_of(db()), expected_after(2));

  Outcome base = migrate({"--url", conninfo(), "downgrade", "base"});
  ASSERT_EQ(base.code, 0) << base.err;
  EXPECT_EQ(schema_of(db()), expected_after(0));

  Outcome history = migrate({"--url", conninfo(), "history", "--log"});
  ASSERT_EQ(history.code, 0) << history.err;
  EXPECT_EQ(line_count(history.out), 6u) << history.out;
  EXPECT_TRUE(contains(history.out, "upgrade    " + std::string(kTickets))) << history.out;
  EXPECT_TRUE(contains(history.out, "downgrade  " + std::string(kUsers))) << history.out;
  EXPECT_TRUE(contains(history.out, "create tickets\n")) << history.out;
}

TEST_F(CliTest, DatabaseUrlFromTheEnvironment) {
  ASSERT_EQ(setenv("DATABASE_URL", conninfo().c_str(), 1), 0);
  Outcome up = migrate({"upgrade", "+1"});
  unsetenv("DATABASE_URL");
  ASSERT_EQ(up.code, 0) << up.err;
  EXPECT_EQ(schema_of(db()), expected_after(1));
}

TEST_F(CliTest, BadTargetFailsWithOneErrorLine) {
  Outcome bad = migrate({"--url", conninfo(), "upgrade", "nosuchrevision"});
  EXPECT_EQ(bad.code, 3);  // a HistoryError
  EXPECT_EQ(bad.err.rfind("error: ", 0), 0u) << bad.err;
  EXPECT_EQ(line_count(bad.err), 1u) << bad.err;
  EXPECT_TRUE(contains(bad.err, "nosuchrevision")) << bad.err;

  Outcome too_far = migrate({"--url", conninfo(), "downgrade", "-1"});
  EXPECT_EQ(too_far.code, 3);
  EXPECT_EQ(too_far.err.rfind("error: ", 0), 0u) << too_far.err;
  EXPECT_EQ(schema_of(db()), expected_after(0));
}

TEST_F(CliTest, ConnectionFailureIsOneErrorLine) {
  Outcome refused = migrate({"--url", conninfo() + "_missing", "current"});
  EXPECT_EQ(refused.code, 6);  // BrokenConnection
  EXPECT_EQ(refused.err.rfind("error: ", 0), 0u) << refused.err;
  EXPECT_EQ(line_count(refused.err), 1u) << refused.err;
}

TEST_F(CliTest, UsageErrors) {
  Outcome none = migrate({});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.err.rfind("error: ", 0), 0u) << none.err;
  Outcome missing_target = migrate({"--url", conninfo(), "downgrade"});
  EXPECT_EQ(missing_target.code, 2);
  EXPECT_EQ(line_count(missing_target.err), 1u) << missing_target.err;
  Outcome unknown = migrate({"--url", conninfo(), "frobnicate"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_TRUE(db().exec("SELECT to_regclass('structmig_version') IS NULL").text(0, 0) == "t");
}

TEST_F(CliTest, HelpOnEverySubcommand) {
  Outcome top = migrate({"--help"});
  EXPECT_EQ(top.code, 0);
  for (const char* name : {"upgrade", "downgrade", "current", "history", "heads", "branches",
                           "show", "stamp", "--url", "--lock-timeout", "--statement-timeout"}) {
    EXPECT_TRUE(contains(top.out, name)) << name << "\n" << top.out;
  }
  for (const char* sub :
       {"upgrade", "downgrade", "current", "history", "heads", "branches", "show", "stamp"}) {
    Outcome help = migrate({sub, "--help"});
    EXPECT_EQ(help.code, 0) << sub;
    EXPECT_TRUE(contains(help.out, sub)) << help.out;
    EXPECT_TRUE(help.err.empty()) << help.err;
  }
  EXPECT_TRUE(contains(migrate({"upgrade", "--help"}).out, "+N"));
  EXPECT_TRUE(contains(migrate({"upgrade", "--help"}).out, "--sql"));
  EXPECT_TRUE(contains(migrate({"upgrade", "--help"}).out, "--accept-checksums"));
  EXPECT_TRUE(contains(migrate({"history", "--help"}).out, "--indicate-current"));
  EXPECT_TRUE(contains(migrate({"history", "--help"}).out, "--rev-range"));
}

std::string id(std::string_view revision) { return std::string(revision); }

TEST_F(CliTest, GraphVerbsNeedNoDatabase) {
  const auto diamond = graph::diamond();
  Outcome heads = migrate({"--url", kNowhere, "heads"}, diamond);
  EXPECT_EQ(heads.code, 0) << heads.err;
  EXPECT_EQ(heads.out, id(graph::kTop) + " (head) add tickets priority\n");

  Outcome branches = migrate({"--url", kNowhere, "branches"}, diamond);
  EXPECT_EQ(branches.code, 0) << branches.err;
  EXPECT_EQ(branches.out, id(graph::kRoot) + " (branchpoint) create users\n  -> " +
                              id(graph::kLeft) + " create tickets\n  -> " + id(graph::kRight) +
                              " create tags\n");

  Outcome history = migrate({"--url", kNowhere, "history"}, diamond);
  EXPECT_EQ(history.code, 0) << history.err;
  EXPECT_EQ(history.out,
            "d00000000004 -> e00000000005 (head), add tickets priority\n"
            "c00000000003, b00000000002 -> d00000000004 (mergepoint), merge: create ticket_tags\n"
            "a00000000001 -> c00000000003, create tags\n"
            "a00000000001 -> b00000000002, create tickets\n"
            "<base> -> a00000000001 (branchpoint), create users\n");

  Outcome range = migrate({"--url", kNowhere, "history", "-r", "b0:d0"}, diamond);
  EXPECT_EQ(range.code, 0) << range.err;
  EXPECT_EQ(range.out,
            "c00000000003, b00000000002 -> d00000000004 (mergepoint), merge: create ticket_tags\n"
            "a00000000001 -> b00000000002, create tickets\n");
  EXPECT_EQ(line_count(migrate({"history", "-r", ":b0"}, diamond).out), 2u);
  EXPECT_EQ(line_count(migrate({"history", "-r", "d0:"}, diamond).out), 2u);
  Outcome bad_range = migrate({"history", "-r", "b0"}, diamond);
  EXPECT_EQ(bad_range.code, 3);
  EXPECT_EQ(bad_range.err.rfind("error: ", 0), 0u) << bad_range.err;

  Outcome verbose = migrate({"--url", kNowhere, "heads", "--verbose"}, diamond);
  EXPECT_EQ(verbose.code, 0) << verbose.err;
  EXPECT_EQ(verbose.out,
            "Rev: e00000000005 (head)\nParent: d00000000004\nTransactional: yes\n\n"
            "    add tickets priority\n");

  Outcome show = migrate({"--url", kNowhere, "show", "c0"}, diamond);
  EXPECT_EQ(show.code, 0) << show.err;
  EXPECT_TRUE(contains(show.out, "Rev: c00000000003\nParent: a00000000001\n")) << show.out;
  EXPECT_TRUE(contains(show.out, "Upgrade SQL:\n    CREATE TABLE \"tags\" (")) << show.out;
  EXPECT_TRUE(contains(show.out, "Downgrade SQL:\n    DROP TABLE \"tags\";\n")) << show.out;
  Outcome show_root = migrate({"show", "a0"}, diamond);
  EXPECT_TRUE(contains(show_root.out, "Branches into: b00000000002, c00000000003"))
      << show_root.out;
  EXPECT_EQ(migrate({"show", "base"}, diamond).code, 3);
  EXPECT_EQ(migrate({"show"}, diamond).code, 2);
}

TEST_F(CliTest, HistoryIndicatesTheCurrentRevisions) {
  const auto diamond = graph::diamond();
  ASSERT_EQ(migrate({"--url", conninfo(), "upgrade", "+3"}, diamond).code, 0);
  Outcome history = migrate({"--url", conninfo(), "history", "--indicate-current"}, diamond);
  EXPECT_EQ(history.code, 0) << history.err;
  EXPECT_TRUE(contains(history.out, "-> c00000000003 (current), create tags\n")) << history.out;
  EXPECT_TRUE(contains(history.out, "-> b00000000002 (current), create tickets\n")) << history.out;
  EXPECT_EQ(line_count(history.out), 5u);

  Outcome current = migrate({"--url", conninfo(), "current"}, diamond);
  EXPECT_EQ(current.out, "b00000000002 create tickets\nc00000000003 create tags\n");
  Outcome verbose = migrate({"--url", conninfo(), "current", "--verbose"}, diamond);
  EXPECT_EQ(verbose.code, 0) << verbose.err;
  EXPECT_EQ(verbose.out,
            "b00000000002 create tickets\n  parent: a00000000001\n"
            "c00000000003 create tags\n  parent: a00000000001\n"
            "pending: 2 migration(s): d00000000004 e00000000005\n");
}

TEST_F(CliTest, StampRecordsWithoutRunning) {
  Outcome stamp = migrate({"--url", conninfo(), "stamp", "head"});
  EXPECT_EQ(stamp.code, 0) << stamp.err;
  EXPECT_EQ(stamp.out, "stamped; the database is now at " + id(kPriority) + " (head)\n");
  EXPECT_EQ(schema_of(db()), expected_after(0));
  EXPECT_EQ(migrate({"--url", conninfo(), "current"}).out,
            id(kPriority) + " (head) add tickets priority\n");
  EXPECT_EQ(migrate({"--url", conninfo(), "stamp", "base"}).out,
            "stamped; the database is now at base\n");
  Outcome log = migrate({"--url", conninfo(), "history", "--log"});
  EXPECT_TRUE(contains(log.out, "stamp      " + id(kPriority))) << log.out;
  EXPECT_EQ(migrate({"--url", conninfo(), "stamp"}).code, 2);
  EXPECT_EQ(migrate({"--url", conninfo(), "stamp", "zz"}).code, 3);
}

TEST_F(CliTest, SqlGoesToStdoutWithoutADatabase) {
  Outcome up = migrate({"--url", kNowhere, "upgrade", "--sql"});
  EXPECT_EQ(up.code, 0) << up.err;
  EXPECT_EQ(up.out.rfind("-- structmig upgrade from base to 3c4d5e6f7081: 3 migration(s)\n", 0), 0u)
      << up.out;
  EXPECT_TRUE(contains(up.out, "BEGIN;\nSET LOCAL lock_timeout = '2s';\nCREATE TABLE \"users\""))
      << up.out;
  EXPECT_TRUE(up.err.empty()) << up.err;

  Outcome range = migrate({"--url", kNowhere, "--lock-timeout", "4s", "upgrade", "--sql",
                           std::string(kUsers) + ":" + std::string(kTickets)});
  EXPECT_EQ(range.code, 0) << range.err;
  EXPECT_TRUE(contains(range.out, "SET LOCAL lock_timeout = '4s';")) << range.out;
  EXPECT_FALSE(contains(range.out, "CREATE TABLE \"users\"")) << range.out;
  EXPECT_TRUE(contains(range.out, "CREATE TABLE \"tickets\"")) << range.out;

  Outcome down = migrate({"downgrade", "--sql", "head:base", "--url", kNowhere});
  EXPECT_EQ(down.code, 0) << down.err;
  EXPECT_TRUE(contains(down.out, "DROP TABLE \"users\"")) << down.out;

  // Without FROM a downgrade starts at the heads.
  Outcome no_from = migrate({"--url", kNowhere, "downgrade", "--sql", "-1"});
  EXPECT_EQ(no_from.code, 0) << no_from.err;
  EXPECT_EQ(no_from.out.rfind("-- structmig downgrade from 3c4d5e6f7081 to 2b3c4d5e6f70: "
                              "1 migration(s)\n",
                              0),
            0u)
      << no_from.out;
  EXPECT_TRUE(contains(no_from.out, "DROP COLUMN \"priority\"")) << no_from.out;
  EXPECT_TRUE(no_from.err.empty()) << no_from.err;

  Outcome range_online = migrate({"--url", conninfo(), "upgrade", "base:head"});
  EXPECT_EQ(range_online.code, 3);
  EXPECT_TRUE(contains(range_online.err, "--sql")) << range_online.err;
}

void count_tickets(Ops& ops) {
  ops.execute("UPDATE tickets SET title = upper(title)");
  ops.connection().exec("SELECT count(*) FROM tickets");
}

TEST_F(CliTest, SqlStopsAtADataMigrationWithAWarning) {
  auto list = migrations();
  list.push_back(
      Migration{"dada00000001", {kPriority}, "count tickets", true, &count_tickets, nullptr});
  Outcome up = migrate({"--url", kNowhere, "upgrade", "--sql"}, list);
  EXPECT_EQ(up.code, 0) << up.err;
  EXPECT_TRUE(contains(up.out, "ADD COLUMN \"priority\"")) << up.out;
  EXPECT_TRUE(contains(up.out, "\n-- STOP: migration dada00000001 (count tickets)")) << up.out;
  EXPECT_TRUE(
      up.err.starts_with("structmig: warning: migration dada00000001 (count tickets) "
                         "runs C++ against the database in step 1 of its upgrade"))
      << up.err;
  EXPECT_TRUE(contains(up.err, "<app>_migrate upgrade dada00000001")) << up.err;
  EXPECT_EQ(line_count(up.err), 1u) << up.err;
}

TEST_F(CliTest, ChangedChecksumsStopUpgradeUntilAccepted) {
  ASSERT_EQ(migrate({"--url", conninfo(), "upgrade", "+1"}).code, 0);
  auto changed = migrations();
  for (auto& m : changed) {
    if (m.revision == kUsers) m.checksum = "beef00000001";
  }
  Outcome refused = migrate({"--url", conninfo(), "upgrade"}, changed);
  EXPECT_EQ(refused.code, 3);  // ChecksumMismatch is a HistoryError
  EXPECT_EQ(line_count(refused.err), 1u) << refused.err;
  EXPECT_TRUE(contains(refused.err, "error: an applied migration was changed")) << refused.err;
  EXPECT_TRUE(contains(refused.err, "--accept-checksums")) << refused.err;
  EXPECT_EQ(schema_of(db()), expected_after(1));

  Outcome accepted = migrate({"--url", conninfo(), "upgrade", "--accept-checksums"}, changed);
  EXPECT_EQ(accepted.code, 0) << accepted.err;
  EXPECT_EQ(schema_of(db()), expected_after(3));
}

TEST_F(CliTest, UnknownAppliedRevisionAndAmbiguousPrefixes) {
  ASSERT_EQ(migrate({"--url", conninfo(), "upgrade", "+1"}).code, 0);
  db().exec("UPDATE structmig_version SET revision = 'ffffffffffff'");
  Outcome current = migrate({"--url", conninfo(), "current"});
  EXPECT_EQ(current.code, 0) << current.err;
  EXPECT_EQ(current.out, "ffffffffffff (unknown to this program)\n");
  Outcome up = migrate({"--url", conninfo(), "upgrade"});
  EXPECT_EQ(up.code, 3);
  EXPECT_EQ(up.err,
            "error: the database is at revision ffffffffffff, which this program does not know — "
            "was it migrated by a newer release?\n");
  EXPECT_EQ(migrate({"--url", conninfo(), "current", "-v"}).code, 0);

  const std::vector<Migration> twins{
      Migration{"ab0000000001", {}, "first", true, nullptr, nullptr},
      Migration{"ab0000000002", {"ab0000000001"}, "second", true, nullptr, nullptr},
  };
  Outcome ambiguous = migrate({"--url", kNowhere, "show", "ab"}, twins);
  EXPECT_EQ(ambiguous.code, 3);
  EXPECT_TRUE(contains(ambiguous.err, "candidates: ab0000000001, ab0000000002")) << ambiguous.err;
}

TEST_F(CliTest, TimeoutOptionsReachTheSteps) {
  Outcome bad = migrate({"--url", conninfo(), "--statement-timeout", "soon", "upgrade"});
  EXPECT_EQ(bad.code, 2);  // a usage error, found before anything runs
  EXPECT_TRUE(contains(bad.err, "--statement-timeout: \"soon\" is not a duration")) << bad.err;
  Outcome bad_lock = migrate({"--url", conninfo(), "--lock-timeout", "later", "upgrade"});
  EXPECT_EQ(bad_lock.code, 2);
  EXPECT_TRUE(contains(bad_lock.err, "--lock-timeout: \"later\" is not a duration"))
      << bad_lock.err;
  EXPECT_EQ(schema_of(db()), expected_after(0));
  Outcome good = migrate({"--url", conninfo(), "upgrade", "--lock-timeout", "5s"});
  EXPECT_EQ(good.code, 0) << good.err;
  EXPECT_EQ(schema_of(db()), expected_after(3));
}

TEST_F(CliTest, WaitingForTheMigrationLockIsSaidOnStderr) {
  const std::string key = std::to_string(kMigrationLockKey);
  Connection holder = Connection::open(conninfo() + " application_name=support_app");
  const std::string pid = holder.exec("SELECT pg_backend_pid()").text(0, 0);
  holder.exec("SELECT pg_advisory_lock(" + key + ")");
  Outcome up;
  std::thread upgrade([&] { up = migrate({"--url", conninfo(), "upgrade"}); });
  // Let go once the command has begun to poll for the lock.
  for (int i = 0; i < 250; ++i) {
    if (db().exec("SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                  "'%pg_try_advisory_lock%' AND pid <> pg_backend_pid()")
            .text(0, 0) != "0") {
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  holder.exec("SELECT pg_advisory_unlock(" + key + ")");
  upgrade.join();
  EXPECT_EQ(up.code, 0) << up.err;
  EXPECT_TRUE(up.err.starts_with("structmig: waiting for the migration lock, held by pid " + pid +
                                 " (application \"support_app\""))
      << up.err;
  EXPECT_FALSE(contains(up.out, "waiting")) << up.out;
  EXPECT_EQ(schema_of(db()), expected_after(3));
}

TEST_F(CliTest, VersionIsStructmigs) {
  Outcome version = migrate({"--version"});
  EXPECT_EQ(version.code, 0) << version.err;
  EXPECT_EQ(version.out, "structmig " STRUCTMIG_PROJECT_VERSION "\n");
  EXPECT_EQ(structmig::version(), STRUCTMIG_PROJECT_VERSION);
  EXPECT_TRUE(version.err.empty()) << version.err;
  EXPECT_TRUE(contains(migrate({"--help"}).out, "--version"));
}

const std::string kVerbs =
    "the commands are upgrade, downgrade, current, history, heads, branches, show, stamp, check";

TEST_F(CliTest, UnknownOrMissingVerbListsTheVerbs) {
  Outcome unknown = migrate({"--url", conninfo(), "frobnicate", "now"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_EQ(unknown.err,
            "error: unknown command \"frobnicate\"; " + kVerbs + " (run with --help for usage)\n");
  Outcome none = migrate({"--url", conninfo()});
  EXPECT_EQ(none.code, 2);
  EXPECT_EQ(none.err, "error: no command given; " + kVerbs + " (run with --help for usage)\n");
  // Other usage errors keep CLI11's words.
  Outcome extra = migrate({"--url", conninfo(), "current", "surplus"});
  EXPECT_EQ(extra.code, 2);
  EXPECT_TRUE(contains(extra.err, "surplus")) << extra.err;
  EXPECT_FALSE(contains(extra.err, "unknown command")) << extra.err;
}

/// Unsets variables for the life of the object, and puts them back.
class WithoutEnvironment {
 public:
  explicit WithoutEnvironment(std::vector<std::string> names) : names_(std::move(names)) {
    for (const auto& name : names_) {
      const char* value = std::getenv(name.c_str());
      saved_.push_back(value ? std::optional<std::string>(value) : std::nullopt);
      unsetenv(name.c_str());
    }
  }
  ~WithoutEnvironment() {
    for (std::size_t i = 0; i < names_.size(); ++i) {
      if (saved_[i]) setenv(names_[i].c_str(), saved_[i]->c_str(), 1);
    }
  }

 private:
  std::vector<std::string> names_;
  std::vector<std::optional<std::string>> saved_;
};

TEST_F(CliTest, NoDatabaseGivenSaysHowToGiveOne) {
  const WithoutEnvironment clean(
      {"DATABASE_URL", "PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"});
  // libpq's defaults (the local socket, the login name) lead nowhere here.
  Outcome current = migrate({"current"});
  EXPECT_EQ(current.code, 6);
  EXPECT_EQ(line_count(current.err), 1u) << current.err;
  EXPECT_TRUE(current.err.starts_with(
      "error: no database given: pass --url or set DATABASE_URL (or libpq's PG* variables); "
      "with libpq's defaults: "))
      << current.err;
  // A URL that was given fails in libpq's words alone.
  Outcome given = migrate({"--url", conninfo() + "_missing", "current"});
  EXPECT_EQ(given.code, 6);
  EXPECT_FALSE(contains(given.err, "no database given")) << given.err;
}

// Kills its own session, as an administrator or a failover would.
void terminate_own_session(Ops& ops) {
  ops.execute("SELECT pg_terminate_backend(pg_backend_pid())");
}
void nothing(Ops&) {}

TEST_F(CliTest, ConnectionLostOnTheServerSideIsOneLine) {
  // In a migration's own statement.
  const std::vector<Migration> list{
      Migration{"aa0000000001", {}, "lose the connection", true, &terminate_own_session, &nothing}};
  Outcome up = migrate({"--url", conninfo(), "upgrade"}, list);
  EXPECT_EQ(up.code, 6);  // a MigrationError that is a BrokenConnection
  // After the step's start line (progress), the error: one line.
  const std::size_t up_error_at = up.err.find("error: ");
  ASSERT_NE(up_error_at, std::string::npos) << up.err;
  const std::string up_error = up.err.substr(up_error_at);
  EXPECT_EQ(line_count(up_error), 1u) << up.err;
  EXPECT_TRUE(up_error.starts_with("error: migration aa0000000001 (lose the connection) failed"))
      << up.err;
  EXPECT_TRUE(contains(up.err,
                       "the server closed the connection: terminating connection due to "
                       "administrator command"))
      << up.err;

  // Between statements: while the command waits for the migration lock.
  const std::string key = std::to_string(kMigrationLockKey);
  Connection holder = Connection::open(conninfo());
  holder.exec("SELECT pg_advisory_lock(" + key + ")");
  Outcome waiting;
  std::thread upgrade([&] { waiting = migrate({"--url", conninfo(), "upgrade"}); });
  std::string killed = "0";
  for (int i = 0; i < 250 && killed == "0"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    killed = db().exec(
                     "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query "
                     "LIKE '%pg_try_advisory_lock%' AND pid <> pg_backend_pid()")
                 .text(0, 0);
  }
  upgrade.join();
  EXPECT_EQ(killed, "1");
  EXPECT_EQ(waiting.code, 6);
  // After the "waiting for the migration lock" line, one error line.
  const std::size_t error_at = waiting.err.find("error: ");
  ASSERT_NE(error_at, std::string::npos) << waiting.err;
  const std::string last = waiting.err.substr(error_at);
  EXPECT_EQ(line_count(last), 1u) << waiting.err;
  EXPECT_TRUE(last.starts_with("error: the server closed the connection")) << waiting.err;
  EXPECT_FALSE(contains(last, "This probably means")) << waiting.err;
}

void insert_a_duplicate(Ops& ops) {
  ops.execute("CREATE TABLE dup (k int PRIMARY KEY)");
  ops.execute("INSERT INTO dup VALUES (1), (1)");
}
void alter_held(Ops& ops) { ops.execute("ALTER TABLE held ADD COLUMN x int"); }

// The exit code says what kind of failure it was (error.hpp's classes, see
// exit_codes.hpp): a failed statement 4, a lock not obtained 5 (retry later).
TEST_F(CliTest, ExitCodeFollowsTheTypeOfTheFailure) {
  const std::vector<Migration> duplicate{
      Migration{"dd0000000001", {}, "insert a duplicate", true, &insert_a_duplicate, &nothing}};
  Outcome unique = migrate({"--url", conninfo(), "upgrade"}, duplicate);
  EXPECT_EQ(unique.code, 4) << unique.err;
  EXPECT_TRUE(contains(unique.err, "ERROR 23505")) << unique.err;

  db().exec("CREATE TABLE held (n int)");
  Connection holder = Connection::open(conninfo());
  holder.exec("BEGIN; LOCK TABLE held IN ACCESS EXCLUSIVE MODE");
  const std::vector<Migration> alter{
      Migration{"ee0000000001", {}, "alter a held table", true, &alter_held, &nothing}};
  Outcome locked = migrate(
      {"--url", conninfo(), "--lock-timeout", "100ms", "--lock-retries", "0", "upgrade"}, alter);
  EXPECT_EQ(locked.code, 5) << locked.err;
  EXPECT_TRUE(contains(locked.err, "ERROR 55P03")) << locked.err;
  holder.exec("ROLLBACK");

  const std::string key = std::to_string(kMigrationLockKey);
  holder.exec("SELECT pg_advisory_lock(" + key + ")");
  Outcome waited = migrate({"--url", conninfo(), "--migration-lock-timeout", "300ms", "upgrade"},
                           alter);
  EXPECT_EQ(waited.code, 5) << waited.err;
  holder.exec("SELECT pg_advisory_unlock(" + key + ")");
}

// The secrets of this test: none may appear in anything printed or thrown.
const std::vector<std::string> kSecrets{"Secret-7f3a", "ng-Secret", "Wrong-Pass-91c"};

void expect_no_secret(const std::string& text) {
  for (const auto& secret : kSecrets) EXPECT_FALSE(contains(text, secret)) << text;
}

std::string exception_text(const std::string& conninfo) {
  try {
    Connection::open(conninfo);
  } catch (const DatabaseError& e) {
    EXPECT_TRUE(e.sqlstate().empty());
    return std::string(e.what()) + "\n" + e.server_message();
  }
  ADD_FAILURE() << "connected with " << conninfo;
  return {};
}

TEST_F(CliTest, MalformedUrlsNeverShowTheirPassword) {
  for (const std::string url :
       {"postgresql://user:Secret-7f3a@[::1", "postgres://user:Secret-7f3a@host:notaport/db",
        "postgresql://user:Wr@ng-Secret@[::1]:x/db", "host=h password='Secret-7f3a' nonsense"}) {
    Outcome flag = migrate({"--url", url, "current"});
    EXPECT_EQ(flag.code, 6) << url;
    expect_no_secret(flag.out + flag.err);
    // libpq quotes the URI back only when it cannot split it.
    if (url.find('[') != std::string::npos && url.find("]") == std::string::npos) {
      EXPECT_TRUE(contains(flag.err, "user:***@[::1")) << flag.err;
    }

    ASSERT_EQ(setenv("DATABASE_URL", url.c_str(), 1), 0);
    Outcome environment = migrate({"current"});
    unsetenv("DATABASE_URL");
    EXPECT_EQ(environment.code, 6) << url;
    expect_no_secret(environment.out + environment.err);

    expect_no_secret(exception_text(url));
  }
}

TEST_F(CliTest, AWrongPasswordIsNeverShown) {
  // A role that must give its password, on this test's own cluster.
  db().exec("CREATE ROLE pwuser LOGIN PASSWORD 'Right-Pass-1'");
  const std::string hba = testing::PgCluster::instance().directory() + "/data/pg_hba.conf";
  std::string rules;
  {
    std::ifstream in(hba);
    std::ostringstream text;
    text << in.rdbuf();
    rules = text.str();
  }
  if (!contains(rules, "pwuser")) {
    std::ofstream(hba, std::ios::trunc) << "local all pwuser scram-sha-256\n"
                                        << "host all pwuser 127.0.0.1/32 scram-sha-256\n"
                                        << rules;
    db().exec("SELECT pg_reload_conf()");
  }
  std::string port;
  std::ifstream(testing::PgCluster::instance().directory() + "/port") >> port;
  const std::string dbname = db().exec("SELECT current_database()").text(0, 0);
  const std::string good = "postgresql://pwuser:Right-Pass-1@127.0.0.1:" + port + "/" + dbname;
  ASSERT_EQ(migrate({"--url", good, "current"}).code, 0) << migrate({"--url", good, "current"}).err;

  for (const std::string url :
       {"postgresql://pwuser:Wrong-Pass-91c@127.0.0.1:" + port + "/" + dbname,
        "host=127.0.0.1 port=" + port + " dbname=" + dbname +
            " user=pwuser password=Wrong-Pass-91c",
        "postgresql://pwuser:Wr@ng-Secret@127.0.0.1:" + port + "/" + dbname}) {
    Outcome wrong = migrate({"--url", url, "upgrade"});
    EXPECT_EQ(wrong.code, 6) << url;
    EXPECT_EQ(line_count(wrong.err), 1u) << wrong.err;
    expect_no_secret(wrong.out + wrong.err);
    expect_no_secret(exception_text(url));
  }
  Outcome wrong = migrate(
      {"--url", "postgresql://pwuser:Wrong-Pass-91c@127.0.0.1:" + port + "/" + dbname, "current"});
  EXPECT_TRUE(contains(wrong.err, "password authentication failed for user \"pwuser\""))
      << wrong.err;
}

// What `dot -Tplain` makes of a graph: its nodes (name → the attributes
// it laid out) and edges ("tail -> head" and their style).
struct Rendered {
  struct Node {
    std::string label, style, shape, color, fill;
  };
  std::map<std::string, Node> nodes;
  std::map<std::string, std::string> edges;
};

// dot -Tplain quotes a field with spaces; no field here holds a quote.
std::vector<std::string> plain_fields(const std::string& line) {
  std::vector<std::string> fields;
  for (std::size_t i = 0; i < line.size();) {
    if (line[i] == ' ') {
      ++i;
    } else if (line[i] == '"') {
      const std::size_t close = line.find('"', i + 1);
      fields.push_back(line.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      const std::size_t end = std::min(line.find(' ', i), line.size());
      fields.push_back(line.substr(i, end - i));
      i = end;
    }
  }
  return fields;
}

Rendered render_with_dot(const std::string& dot) {
  const std::string path = testing::PgCluster::instance().directory() + "/../history.dot";
  std::ofstream(path) << dot;
  FILE* pipe = popen(("dot -Tplain '" + path + "' 2>&1").c_str(), "r");
  EXPECT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  while (pipe != nullptr && std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  EXPECT_EQ(pipe != nullptr ? pclose(pipe) : -1, 0) << "dot failed (is graphviz installed?):\n"
                                                    << output;
  Rendered rendered;
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    const auto f = plain_fields(line);
    if (f.size() >= 11 && f[0] == "node") {  // node name x y w h label style shape color fill
      rendered.nodes[f[1]] = {f[6], f[7], f[8], f[9], f[10]};
    } else if (f.size() >= 4 &&
               f[0] == "edge") {  // edge tail head n x1 y1 … [label x y] style color
      rendered.edges[f[1] + " -> " + f[2]] = f[f.size() - 2];
    }
  }
  EXPECT_FALSE(rendered.nodes.empty()) << output;
  return rendered;
}

TEST_F(CliTest, HistoryGraphIsDotWithItsMarks) {
  const auto diamond = graph::diamond();
  // No database without -i.
  Outcome plain = migrate({"--url", kNowhere, "history", "--graph"}, diamond);
  ASSERT_EQ(plain.code, 0) << plain.err;
  EXPECT_EQ(plain.out, migrate({"history", "--graph=dot"}, diamond).out);

  ASSERT_EQ(migrate({"--url", conninfo(), "upgrade", "+3"}, diamond).code, 0);
  Outcome marked = migrate({"--url", conninfo(), "history", "--graph", "-i"}, diamond);
  ASSERT_EQ(marked.code, 0) << marked.err;
  const Rendered graph = render_with_dot(marked.out);

  std::vector<std::string> names;
  for (const auto& [name, node] : graph.nodes) names.push_back(name);
  EXPECT_EQ(names, (std::vector<std::string>{"a00000000001", "b00000000002", "base", "c00000000003",
                                             "d00000000004", "e00000000005"}));
  std::vector<std::string> edges;
  for (const auto& [edge, style] : graph.edges) {
    edges.push_back(edge);
    EXPECT_EQ(style, "solid") << edge;
  }
  EXPECT_EQ(edges, (std::vector<std::string>{
                       "a00000000001 -> b00000000002", "a00000000001 -> c00000000003",
                       "b00000000002 -> d00000000004", "base -> a00000000001",
                       "c00000000003 -> d00000000004", "d00000000004 -> e00000000005"}));

  const auto& root = graph.nodes.at("a00000000001");
  EXPECT_EQ(root.shape, "trapezium");
  EXPECT_EQ(root.label, "a00000000001\\ncreate users\\n(branchpoint)");
  const auto& merge = graph.nodes.at("d00000000004");
  EXPECT_EQ(merge.shape, "invtrapezium");
  EXPECT_TRUE(contains(merge.label, "(mergepoint)")) << merge.label;
  const auto& head = graph.nodes.at("e00000000005");
  EXPECT_EQ(head.color, "blue");
  EXPECT_EQ(head.shape, "box");
  EXPECT_TRUE(contains(head.label, "(head)")) << head.label;
  for (const char* applied : {"b00000000002", "c00000000003"}) {
    EXPECT_EQ(graph.nodes.at(applied).style, "filled") << applied;
    EXPECT_EQ(graph.nodes.at(applied).fill, "palegreen") << applied;
    EXPECT_TRUE(contains(graph.nodes.at(applied).label, "(current)")) << applied;
  }
  for (const char* other : {"a00000000001", "d00000000004", "e00000000005"}) {
    EXPECT_NE(graph.nodes.at(other).style, "filled") << other;
    EXPECT_EQ(graph.nodes.at(other).label.find("(current)"), std::string::npos) << other;
  }
  EXPECT_EQ(render_with_dot(plain.out).nodes.at("b00000000002").style, "solid");

  // A dependency on another branch: a dashed edge.
  Outcome dependency = migrate({"history", "--graph"}, graph::with_dependency());
  ASSERT_EQ(dependency.code, 0) << dependency.err;
  EXPECT_EQ(render_with_dot(dependency.out).edges.at("f10000000000 -> b10000000000"), "dashed");
}

TEST_F(CliTest, HistoryGraphInMermaid) {
  const auto diamond = graph::diamond();
  ASSERT_EQ(migrate({"--url", conninfo(), "upgrade", "+2"}, diamond).code, 0);
  Outcome mermaid = migrate({"--url", conninfo(), "history", "--graph=mermaid", "-i"}, diamond);
  ASSERT_EQ(mermaid.code, 0) << mermaid.err;
  EXPECT_EQ(mermaid.out,
            "flowchart TB\n"
            "  base([base])\n"
            "  r_a00000000001[/\"a00000000001<br/>create users<br/>(branchpoint)\"\\]\n"
            "  r_b00000000002[\"b00000000002<br/>create tickets<br/>(current)\"]\n"
            "  r_c00000000003[\"c00000000003<br/>create tags\"]\n"
            "  r_d00000000004[\\\"d00000000004<br/>merge: create ticket_tags<br/>(mergepoint)\"/]\n"
            "  r_e00000000005[\"e00000000005<br/>add tickets priority<br/>(head)\"]\n"
            "  base --> r_a00000000001\n"
            "  r_a00000000001 --> r_b00000000002\n"
            "  r_a00000000001 --> r_c00000000003\n"
            "  r_c00000000003 --> r_d00000000004\n"
            "  r_b00000000002 --> r_d00000000004\n"
            "  r_d00000000004 --> r_e00000000005\n"
            "  classDef head stroke:#1f4fd6,stroke-width:3px\n"
            "  classDef current fill:#c8f7c5\n"
            "  class r_e00000000005 head\n"
            "  class r_b00000000002 current\n");
  Outcome dependency = migrate({"history", "--graph=mermaid"}, graph::with_dependency());
  EXPECT_TRUE(contains(dependency.out, "  r_f10000000000 -. depends on .-> r_b10000000000\n"))
      << dependency.out;

  Outcome bad = migrate({"history", "--graph=png"}, diamond);
  EXPECT_EQ(bad.code, 2);
  Outcome with_range = migrate({"history", "--graph", "-r", "a0:b0"}, diamond);
  EXPECT_EQ(with_range.code, 2);
  EXPECT_TRUE(contains(migrate({"history", "--help"}).out, "--graph")) << "help";
}

}  // namespace
}  // namespace structmig
