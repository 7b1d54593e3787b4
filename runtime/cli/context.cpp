// The lazily connected Context of the migrate subcommands; see context.hpp.
#include "context.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "structmig/error.hpp"
#include "structmig/redact.hpp"

namespace structmig::cli {
namespace {

std::chrono::milliseconds duration_option(const std::string& text, const char* option) {
  const auto duration = parse_duration(text);
  if (!duration) {
    throw UsageError(std::string(option) + ": \"" + text +
                     "\" is not a duration (e.g. 2s, 500ms, 1min)");
  }
  return *duration;
}

/// Whether libpq was told where to connect by its environment variables.
bool has_libpq_target_in_environment() {
  for (const char* name : {"PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE"}) {
    const char* value = std::getenv(name);
    if (value != nullptr && *value != '\0') return true;
  }
  return false;
}

}  // namespace

Connection& Context::connection() {
  if (connection_) return *connection_;
  try {
    connection_.emplace(Connection::open(options_.url));
  } catch (const DatabaseError& e) {
    // Nothing said where the database is and libpq's defaults (the local
    // socket, the login name) found none: say how to name one.
    if (!options_.url.empty() || has_libpq_target_in_environment()) throw;
    throw BrokenConnection(DatabaseError(
        "no database given: pass --url or set DATABASE_URL (or libpq's PG* variables); with "
        "libpq's defaults: " +
            e.server_message(),
        "", ""));
  }
  return *connection_;
}

Migrator Context::migrator(bool accept_changed_checksums) {
  MigratorOptions options;
  options.progress = [this](const StepEvent& event) { print_step(event); };
  if (!progress_) {
    progress_ = std::make_shared<ProgressOutput>(err_, ProgressOutput::is_terminal(err_));
  }
  options.log = [this, progress = progress_](const std::string& line) {
    out_ << std::flush;
    progress->log(redact_secrets(line, options_.url));
  };
  options.events = [progress = progress_](const ProgressEvent& event) { progress->event(event); };
  // Checked here, before anything runs: a value that is no duration is a
  // usage error, not a failure of the first migration.
  if (!options_.lock_timeout.empty()) duration_option(options_.lock_timeout, "--lock-timeout");
  if (!options_.statement_timeout.empty()) {
    duration_option(options_.statement_timeout, "--statement-timeout");
  }
  options.lock_timeout = options_.lock_timeout;
  options.lock_retries = options_.lock_retries;
  options.statement_timeout = options_.statement_timeout;
  if (!options_.lock_retry_pause.empty()) {
    options.lock_retry_pause = duration_option(options_.lock_retry_pause, "--lock-retry-pause");
  }
  if (!options_.migration_lock_timeout.empty()) {
    options.migration_lock_timeout =
        duration_option(options_.migration_lock_timeout, "--migration-lock-timeout");
  }
  options.accept_changed_checksums = accept_changed_checksums;
  return Migrator(connection(), migrations_, std::move(options));
}

void Context::print_step(const StepEvent& event) {
  if (progress_) progress_->clear();
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.0f ms", std::round(event.duration.count()));
  out_ << to_string(event.direction) << ' ' << event.revision << ' ' << event.message << " ... "
       << duration << '\n'
       << std::flush;
}

}  // namespace structmig::cli
