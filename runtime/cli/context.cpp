// The lazily connected Context of the migrate subcommands; see context.hpp.
#include "context.hpp"

#include <cmath>
#include <cstdio>

namespace structmig::cli {

Connection& Context::connection() {
  if (!connection_) connection_.emplace(Connection::open(options_.url));
  return *connection_;
}

Migrator Context::migrator(bool accept_changed_checksums) {
  MigratorOptions options;
  options.progress = [this](const StepEvent& event) { print_step(event); };
  options.log = [this](const std::string& line) { err_ << line << '\n' << std::flush; };
  options.lock_timeout = options_.lock_timeout;
  options.statement_timeout = options_.statement_timeout;
  options.accept_changed_checksums = accept_changed_checksums;
  return Migrator(connection(), migrations_, std::move(options));
}

void Context::print_step(const StepEvent& event) {
  char duration[32];
  std::snprintf(duration, sizeof duration, "%.0f ms", std::round(event.duration.count()));
  out_ << to_string(event.direction) << ' ' << event.revision << ' ' << event.message << " ... "
       << duration << '\n'
       << std::flush;
}

}  // namespace structmig::cli
