// The migrate command line: the global options, the subcommands (declared in
// apply_commands.cpp, inspect_commands.cpp and check_command.cpp), parsing, and every failure
// turned into one `error: …` line with a non-zero exit code.
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <ostream>

#include "context.hpp"

namespace structmig::cli {
namespace {

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

void add_global_options(CLI::App& app, GlobalOptions& options) {
  app.add_option("--url", options.url,
                 "libpq connection string or URI (default: $DATABASE_URL, then libpq's PG* "
                 "environment variables)")
      ->envname("DATABASE_URL");
  app.add_option("--lock-timeout", options.lock_timeout,
                 "lock_timeout for every migration step, e.g. 5s (a migration's own setting "
                 "wins)");
  app.add_option("--statement-timeout", options.statement_timeout,
                 "statement_timeout for every migration step, e.g. 10min (a migration's own "
                 "setting wins)");
}

}  // namespace

int run(const std::vector<std::string>& args, const std::vector<Migration>& migrations,
        std::ostream& out, std::ostream& err, const Schema* model) {
  CLI::App app{"Apply, revert and inspect the database migrations compiled into this program",
               "migrate"};
  app.require_subcommand(1);
  app.fallthrough();  // global options (--url) also after the subcommand
  GlobalOptions options;
  add_global_options(app, options);

  const std::vector<Command> commands{
      add_upgrade_command(app), add_downgrade_command(app), add_current_command(app),
      add_history_command(app), add_heads_command(app),     add_branches_command(app),
      add_show_command(app),    add_stamp_command(app),     add_check_command(app)};

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
    Context context(migrations, options, out, err, model);
    for (const auto& command : commands) {
      if (command.app->parsed()) command.action(context);
    }
    return context.exit_code();
  } catch (const std::exception& e) {
    out << std::flush;
    err << "error: " << one_line(e.what()) << '\n';
    return 1;
  }
}

int run(int argc, char** argv, const std::vector<Migration>& migrations, const Schema* model) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return run(args, migrations, std::cout, std::cerr, model);
}

}  // namespace structmig::cli
