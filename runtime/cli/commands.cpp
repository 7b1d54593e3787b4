// The migrate subcommands. Each add_*_command declares its CLI11 subcommand
// and returns the action to run when it is selected; run() parses, connects
// lazily, runs the action and turns every failure into one `error: …` line.
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <utility>

#include "structmig/connection.hpp"
#include "structmig/migrator.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig::cli {
namespace {

/// What every action gets: the migrations, where to print, a connection.
class Context {
 public:
  Context(const std::vector<Migration>& migrations, const std::string& url, std::ostream& out)
      : migrations_(migrations), url_(url), out_(out) {}

  const std::vector<Migration>& migrations() const { return migrations_; }
  std::ostream& out() { return out_; }
  /// Connected on first use, so --help and usage errors never connect.
  Connection& connection() {
    if (!connection_) connection_.emplace(Connection::open(url_));
    return *connection_;
  }
  Migrator migrator() {
    return Migrator(connection(), migrations_,
                    MigratorOptions{[this](const StepEvent& event) { print_step(event); }});
  }

 private:
  void print_step(const StepEvent& event) {
    char duration[32];
    std::snprintf(duration, sizeof duration, "%.0f ms", std::round(event.duration.count()));
    out_ << to_string(event.direction) << ' ' << event.revision << ' ' << event.message << " ... "
         << duration << '\n'
         << std::flush;
  }

  const std::vector<Migration>& migrations_;
  const std::string& url_;
  std::ostream& out_;
  std::optional<Connection> connection_;
};

using Action = std::function<void(Context&)>;

struct Command {
  CLI::App* app;
  Action action;
};

std::string describe_position(const RevisionGraph& graph, const std::vector<std::string>& heads) {
  if (heads.empty()) return "base";
  std::string text;
  for (const auto& head : heads) {
    if (!text.empty()) text += ", ";
    text += head;
    const auto graph_heads = graph.heads();
    if (std::find(graph_heads.begin(), graph_heads.end(), head) != graph_heads.end()) {
      text += " (head)";
    }
  }
  return text;
}

void print_outcome(Context& context, Migrator& migrator, const std::vector<StepEvent>& steps) {
  const std::string position = describe_position(migrator.graph(), migrator.current());
  if (steps.empty()) {
    context.out() << "nothing to do; the database is at " << position << '\n';
  } else {
    context.out() << "the database is now at " << position << '\n';
  }
}

Command add_upgrade_command(CLI::App& app) {
  auto* sub = app.add_subcommand("upgrade", "Apply migrations up to TARGET");
  auto target = std::make_shared<std::string>("head");
  sub->add_option("TARGET", *target, "head, +N, a revision id or a unique prefix of one")
      ->capture_default_str();
  return {sub, [target](Context& context) {
            Migrator migrator = context.migrator();
            auto steps = migrator.upgrade(*target);
            print_outcome(context, migrator, steps);
          }};
}

Command add_downgrade_command(CLI::App& app) {
  auto* sub = app.add_subcommand("downgrade", "Revert migrations down to TARGET");
  auto target = std::make_shared<std::string>();
  sub->add_option("TARGET", *target, "-N, base, a revision id or a unique prefix of one")
      ->required();
  return {sub, [target](Context& context) {
            Migrator migrator = context.migrator();
            auto steps = migrator.downgrade(*target);
            print_outcome(context, migrator, steps);
          }};
}

Command add_current_command(CLI::App& app) {
  auto* sub = app.add_subcommand("current", "Show the revision(s) the database is at");
  return {
      sub, [](Context& context) {
        Migrator migrator = context.migrator();
        const auto heads = migrator.current();
        if (heads.empty()) {
          context.out() << "base\n";
          return;
        }
        const auto graph_heads = migrator.graph().heads();
        for (const auto& revision : heads) {
          context.out() << revision;
          if (std::find(graph_heads.begin(), graph_heads.end(), revision) != graph_heads.end()) {
            context.out() << " (head)";
          }
          if (migrator.graph().contains(revision)) {
            context.out() << ' ' << migrator.graph().migration(revision).message;
          } else {
            context.out() << " (unknown to this program)";
          }
          context.out() << '\n';
        }
      }};
}

Command add_history_command(CLI::App& app) {
  auto* sub = app.add_subcommand("history", "List every applied and reverted step, oldest first");
  return {sub, [](Context& context) {
            Migrator migrator = context.migrator();
            for (const auto& entry : migrator.history()) {
              char line[128];
              std::snprintf(line, sizeof line, "%4lld  %-32s  %-9s  %-12s  %9.1f ms  ",
                            static_cast<long long>(entry.id), entry.applied_at.c_str(),
                            entry.direction.c_str(), entry.revision.c_str(), entry.duration_ms);
              context.out() << line << entry.message << '\n';
            }
          }};
}

/// what() may span lines (libpq messages, "statement:" details); the error
/// line stays one line.
std::string one_line(std::string_view text) {
  std::string out;
  bool pending_break = false;
  for (char c : text) {
    if (c == '\n' || c == '\r') {
      pending_break = true;
      continue;
    }
    if (pending_break) {
      if (c == ' ' || c == '\t') continue;
      out += "; ";
      pending_break = false;
    }
    out += c;
  }
  return out;
}

}  // namespace

int run(const std::vector<std::string>& args, const std::vector<Migration>& migrations,
        std::ostream& out, std::ostream& err) {
  CLI::App app{"Apply and revert the database migrations compiled into this program", "migrate"};
  app.require_subcommand(1);
  app.fallthrough();  // global options (--url) also after the subcommand
  std::string url;
  app.add_option("--url", url,
                 "libpq connection string or URI (default: $DATABASE_URL, then libpq's PG* "
                 "environment variables)")
      ->envname("DATABASE_URL");

  const std::vector<Command> commands{add_upgrade_command(app), add_downgrade_command(app),
                                      add_current_command(app), add_history_command(app)};

  std::vector<std::string> argv_storage{"migrate"};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "error: " << one_line(e.what()) << " (run with --help for usage)\n";
    return 2;
  }

  try {
    Context context(migrations, url, out);
    for (const auto& command : commands) {
      if (command.app->parsed()) command.action(context);
    }
    return 0;
  } catch (const std::exception& e) {
    out << std::flush;
    err << "error: " << one_line(e.what()) << '\n';
    return 1;
  }
}

int run(int argc, char** argv, const std::vector<Migration>& migrations) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return run(args, migrations, std::cout, std::cerr);
}

}  // namespace structmig::cli
