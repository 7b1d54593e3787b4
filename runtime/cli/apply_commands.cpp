// The migrate subcommands that change a database (or, with --sql, print the
// script that would): upgrade, downgrade and stamp.
#include <CLI/CLI.hpp>

#include <memory>

#include "context.hpp"
#include "describe.hpp"
#include "structmig/offline.hpp"

namespace structmig::cli {
namespace {

struct ApplyArguments {
  std::string target;
  bool sql = false;
  bool accept_checksums = false;
};

// A script that stops at a data migration says so on stderr, as
// "structmig: warning: …", so the stop is seen even if the script is not read.
OfflineOptions offline_options(Context& context) {
  return OfflineOptions{context.options().lock_timeout, context.options().statement_timeout,
                        [&context](const std::string& warning) {
                          context.err() << "structmig: warning: " << warning << '\n';
                        }};
}

void print_outcome(Context& context, Migrator& migrator, bool nothing_done) {
  // Where the run left the database, as it knows it (no query); asked only if it does not.
  const auto& known = migrator.last_known_heads();
  const std::string position =
      describe_position(migrator.graph(), known ? *known : migrator.current());
  context.out() << (nothing_done ? "nothing to do; the database is at " : "the database is now at ")
                << position << '\n';
}

void refuse_range_online(const std::string& target) {
  if (target.find(':') != std::string::npos) {
    throw UnknownRevision("the range \"" + target +
                          "\" needs --sql (online, the database says where to start)");
  }
}

void add_sql_flag(CLI::App* sub, ApplyArguments& arguments) {
  sub->add_flag("--sql", arguments.sql,
                "Print the SQL script to stdout instead of running it; TARGET may then be "
                "FROM:TO. No database is needed");
}

}  // namespace

Command add_upgrade_command(CLI::App& app) {
  auto* sub = app.add_subcommand("upgrade", "Apply migrations up to TARGET (default: head)");
  auto arguments = std::make_shared<ApplyArguments>();
  arguments->target = "head";
  sub->add_option("TARGET", arguments->target,
                  "head, heads, +N, a revision id or a unique prefix of one; with --sql "
                  "[FROM:]TO (FROM default: base)")
      ->capture_default_str();
  add_sql_flag(sub, *arguments);
  sub->add_flag("--accept-checksums", arguments->accept_checksums,
                "Accept applied migrations whose source changed since they were applied, "
                "recording their new checksums");
  return {sub, [arguments](Context& context) {
            if (arguments->sql) {
              context.out() << render_upgrade_sql(context.migrations(), arguments->target,
                                                  offline_options(context));
              return;
            }
            refuse_range_online(arguments->target);
            Migrator migrator = context.migrator(arguments->accept_checksums);
            const auto steps = migrator.upgrade(arguments->target);
            print_outcome(context, migrator, steps.empty());
          }};
}

Command add_downgrade_command(CLI::App& app) {
  auto* sub = app.add_subcommand("downgrade", "Revert migrations down to TARGET");
  auto arguments = std::make_shared<ApplyArguments>();
  sub->add_option("TARGET", arguments->target,
                  "-N, base, a revision id or a unique prefix of one (its descendants are "
                  "reverted); with --sql [FROM:]TO (FROM default: heads)")
      ->required();
  add_sql_flag(sub, *arguments);
  return {sub, [arguments](Context& context) {
            if (arguments->sql) {
              context.out() << render_downgrade_sql(context.migrations(), arguments->target,
                                                    offline_options(context));
              return;
            }
            refuse_range_online(arguments->target);
            Migrator migrator = context.migrator();
            const auto steps = migrator.downgrade(arguments->target);
            print_outcome(context, migrator, steps.empty());
          }};
}

Command add_stamp_command(CLI::App& app) {
  auto* sub =
      app.add_subcommand("stamp", "Set the recorded revision to REV without running any migration");
  auto target = std::make_shared<std::string>();
  sub->add_option("REV", *target, "head, heads, base, +N, -N, a revision id or a unique prefix")
      ->required();
  return {sub, [target](Context& context) {
            Migrator migrator = context.migrator();
            const auto heads = migrator.stamp(*target);
            context.out() << "stamped; the database is now at "
                          << describe_position(migrator.graph(), heads) << '\n';
          }};
}

}  // namespace structmig::cli
