// The migrate command line through structmig::cli::run() against a fresh
// database: upgrade, current, history, downgrade, help on every subcommand,
// DATABASE_URL, and one-line errors with a non-zero exit code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "history_fixture.hpp"

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

Outcome migrate(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(args, migrations(), out, err);
  return {code, out.str(), err.str()};
}

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

  Outcome history = migrate({"--url", conninfo(), "history"});
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
  EXPECT_NE(bad.code, 0);
  EXPECT_EQ(bad.err.rfind("error: ", 0), 0u) << bad.err;
  EXPECT_EQ(line_count(bad.err), 1u) << bad.err;
  EXPECT_TRUE(contains(bad.err, "nosuchrevision")) << bad.err;

  Outcome too_far = migrate({"--url", conninfo(), "downgrade", "-1"});
  EXPECT_NE(too_far.code, 0);
  EXPECT_EQ(too_far.err.rfind("error: ", 0), 0u) << too_far.err;
  EXPECT_EQ(schema_of(db()), expected_after(0));
}

TEST_F(CliTest, ConnectionFailureIsOneErrorLine) {
  Outcome refused = migrate({"--url", conninfo() + "_missing", "current"});
  EXPECT_EQ(refused.code, 1);
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
  for (const char* name : {"upgrade", "downgrade", "current", "history", "--url"}) {
    EXPECT_TRUE(contains(top.out, name)) << name << "\n" << top.out;
  }
  for (const char* sub : {"upgrade", "downgrade", "current", "history"}) {
    Outcome help = migrate({sub, "--help"});
    EXPECT_EQ(help.code, 0) << sub;
    EXPECT_TRUE(contains(help.out, sub)) << help.out;
    EXPECT_TRUE(help.err.empty()) << help.err;
  }
  EXPECT_TRUE(contains(migrate({"upgrade", "--help"}).out, "+N"));
}

}  // namespace
}  // namespace structmig
