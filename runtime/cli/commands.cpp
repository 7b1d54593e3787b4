// The migrate command line: the global options, the subcommands (declared in
// apply_commands.cpp, inspect_commands.cpp and check_command.cpp), parsing, and every failure
// turned into one `error: …` line with the exit code of its type (exit_codes.hpp), passwords
// masked.
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <iostream>
#include <ostream>

#include "context.hpp"
#include "exit_codes.hpp"
#include "structmig/redact.hpp"
#include "structmig/version.hpp"

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
                 "lock_timeout of every migration step (default 2s; 0: none, wait as long as it "
                 "takes); doubled on each retry, up to 4 times (a migration's own setting wins)");
  app.add_option("--lock-retries", options.lock_retries,
                 "retries of a step rolled back by a lock timeout or a deadlock (default 5)");
  app.add_option("--lock-retry-pause", options.lock_retry_pause,
                 "pause before the first retry, doubled for each next one (default 1s)");
  app.add_option("--statement-timeout", options.statement_timeout,
                 "statement_timeout for every migration step, e.g. 10min (default: the server's "
                 "for ordinary steps, none for concurrent index builds, VALIDATE and backfills)");
  app.add_option("--migration-lock-timeout", options.migration_lock_timeout,
                 "how long to wait while another process holds the migration lock (default "
                 "10min; 0: as long as it takes)");
}

/// The error text with every password masked: those in URIs and key/values,
/// and those of the connection strings the command line was given, wherever
/// the message quotes them.
std::string redacted(std::string_view text, const std::vector<std::string>& args) {
  std::string out = redact_secrets(text);
  for (const auto& arg : args) out = redact_secrets(out, arg);
  if (const char* url = std::getenv("DATABASE_URL")) out = redact_secrets(out, url);
  return out;
}

std::string verb_list(CLI::App& app) {
  std::string list;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    list += (list.empty() ? "" : ", ") + sub->get_name();
  }
  return list;
}

/// A parse error as one line; a missing or unknown verb lists the verbs.
std::string usage_error(CLI::App& app, const CLI::ParseError& e) {
  if (app.get_subcommands().empty()) {
    for (const auto& arg : app.remaining()) {
      if (arg.empty() || arg[0] == '-') continue;
      return "unknown command \"" + arg + "\"; the commands are " + verb_list(app);
    }
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
      return "no command given; the commands are " + verb_list(app);
    }
  }
  return one_line(e.what());
}

}  // namespace

int run(const std::vector<std::string>& args, const std::vector<Migration>& migrations,
        std::ostream& out, std::ostream& err, const Schema* model) {
  CLI::App app{"Apply, revert and inspect the database migrations compiled into this program",
               "migrate"};
  app.require_subcommand(1);
  app.fallthrough();  // global options (--url) also after the subcommand
  app.set_version_flag("--version", "structmig " + std::string(version()),
                       "Print structmig's version and exit");
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
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "error: " << redacted(usage_error(app, e), args) << " (run with --help for usage)\n";
    return kUsage;
  }

  try {
    Context context(migrations, options, out, err, model);
    for (const auto& command : commands) {
      if (command.app->parsed()) command.action(context);
    }
    return context.exit_code();
  } catch (const std::exception& e) {
    out << std::flush;
    err << "error: " << one_line(redacted(e.what(), args)) << '\n';
    return exit_code_of(e);
  }
}

int run(int argc, char** argv, const std::vector<Migration>& migrations, const Schema* model) {
  std::vector<std::string> args;
  for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
  return run(args, migrations, std::cout, std::cerr, model);
}

}  // namespace structmig::cli
