// What every migrate subcommand's action gets: the compiled-in migrations
// and schema, the global options (connection, timeouts), the output and error
// streams, and a connection and Migrator made on first use, so --help, usage
// errors and --sql never connect.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"
#include "structmig/schema.hpp"
#include "progress_output.hpp"

namespace CLI {
class App;
}

namespace structmig::cli {

struct GlobalOptions {
  std::string url;  // "" = libpq's PG* environment variables
  std::string lock_timeout;
  int lock_retries = -1;
  std::string lock_retry_pause;        // "" = the default
  std::string statement_timeout;
  std::string migration_lock_timeout;  // "" = the default
};

class Context {
 public:
  Context(const std::vector<Migration>& migrations, const GlobalOptions& options, std::ostream& out,
          std::ostream& err, const Schema* model = nullptr)
      : migrations_(migrations), options_(options), out_(out), err_(err), model_(model) {}

  const std::vector<Migration>& migrations() const { return migrations_; }
  /// The schema compiled into the program; nullptr when it has none.
  const Schema* model() const { return model_; }
  /// A command that did its job but has a negative answer (check: drift)
  /// sets a non-zero exit code instead of throwing.
  void set_exit_code(int code) { exit_code_ = code; }
  int exit_code() const { return exit_code_; }
  const GlobalOptions& options() const { return options_; }
  /// The output stream (first taking away a live progress line, if any).
  std::ostream& out() {
    if (progress_) progress_->clear();
    return out_;
  }
  /// The error stream (as out(), first taking away a live progress line).
  std::ostream& err() {
    if (progress_) progress_->clear();
    return err_;
  }
  Connection& connection();
  /// A Migrator printing a progress line per migration ("upgrade <rev>
  /// <message> ... <n> ms") to the output, and what it says while not
  /// applying anything (who holds the migration lock it waits for, a retry
  /// after a lock timeout) to the error stream, "structmig: …", so a waiting
  /// command never looks hung and its output stays clean; and each step as it
  /// starts and runs (progress_output.hpp) to the error stream too.
  Migrator migrator(bool accept_changed_checksums = false);

 private:
  void print_step(const StepEvent& event);

  const std::vector<Migration>& migrations_;
  const GlobalOptions& options_;
  std::ostream& out_;
  std::ostream& err_;
  const Schema* model_;
  int exit_code_ = 0;
  std::optional<Connection> connection_;
  std::shared_ptr<ProgressOutput> progress_;
};

using Action = std::function<void(Context&)>;

/// A subcommand as declared on the CLI11 app, and what it does when selected.
struct Command {
  CLI::App* app;
  Action action;
};

Command add_upgrade_command(CLI::App& app);
Command add_downgrade_command(CLI::App& app);
Command add_stamp_command(CLI::App& app);
Command add_current_command(CLI::App& app);
Command add_history_command(CLI::App& app);
Command add_heads_command(CLI::App& app);
Command add_branches_command(CLI::App& app);
Command add_show_command(CLI::App& app);
Command add_check_command(CLI::App& app);

}  // namespace structmig::cli
