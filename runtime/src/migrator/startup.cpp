// ensure_at_head(): one lock-free read of where the database stands (the
// structmig_state row; see state_row.hpp), then either nothing (at head), the
// locked Migrator run (apply) or NotAtHead (verify); then, when the options carry the program's schema, the drift
// check (SchemaDrift). Reading outside the lock is safe: the rows only change
// inside a committed step, and a stale answer merely sends `apply` to the
// locked path, which reads again.
#include "structmig/startup.hpp"

#include <cstdio>

#include <utility>

#include "structmig/connection.hpp"
#include "structmig/drift.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig {
namespace {

std::string list_pending(const RevisionGraph& graph, const std::vector<std::string>& pending) {
  std::string out;
  for (const auto& revision : pending) {
    if (!out.empty()) out += ", ";
    out += revision + " (" + std::string(graph.migration(revision).message) + ")";
  }
  return out;
}

std::string position(const std::vector<std::string>& heads) {
  std::string out;
  for (const auto& head : heads) out += (out.empty() ? "" : ", ") + head;
  return heads.empty() ? std::string("base") : out;
}

bool at_head(const DatabaseStatus& status, const std::string& head) {
  const std::vector<std::string> wanted =
      head.empty() ? std::vector<std::string>{} : std::vector<std::string>{head};
  return status.unknown.empty() && status.pending.empty() && status.changed_checksums.empty() &&
         status.heads == wanted;
}

[[noreturn]] void throw_not_at_head(const RevisionGraph& graph, const std::string& head,
                                    DatabaseStatus status) {
  if (!status.unknown.empty()) {
    const std::string message = UnknownAppliedRevision(status.unknown).what();
    throw NotAtHead(message, NotAtHead::Reason::unknown_revision, std::move(status));
  }
  if (!status.pending.empty()) {
    const std::string message =
        "the database is not at head: it is at " + position(status.heads) + ", the head is " +
        head + "; " + std::to_string(status.pending.size()) +
        " migration(s) are not applied: " + list_pending(graph, status.pending) +
        ". Migrate it first (the migrate command, or StartupMode::apply)";
    throw NotAtHead(message, NotAtHead::Reason::behind, std::move(status));
  }
  const std::string message = ChecksumMismatch(status.changed_checksums).what();
  throw NotAtHead(message, NotAtHead::Reason::changed_checksum, std::move(status));
}

/// SchemaDrift when the database does not match the program's schema.
void check_schema(Connection& connection, const Schema& schema) {
  DriftReport drift = check_drift(connection, schema);
  if (!drift.empty()) throw SchemaDrift(std::move(drift));
}

}  // namespace

StartupReport ensure_at_head(const std::string& conninfo, const std::vector<Migration>& migrations,
                             const StartupOptions& options) {
  MigratorOptions migrator_options = options.migrator;
  migrator_options.progress = options.progress;
  migrator_options.accept_changed_checksums = options.accept_changed_checksums;
  if (!migrator_options.log) {
    migrator_options.log = [](const std::string& line) {
      std::fprintf(stderr, "structmig: %s\n", line.c_str());
    };
  }
  if (!migrator_options.events) {  // each step as it starts, plain lines through the log
    migrator_options.events = plain_progress_lines(migrator_options.log);
  }
  // A broken history (or several heads) is reported before connecting.
  const std::vector<std::string> heads = RevisionGraph(migrations).resolve("head");
  Connection connection = Connection::open(conninfo);
  Migrator migrator(connection, migrations, std::move(migrator_options));
  StartupReport report;
  report.head = heads.empty() ? std::string() : heads.front();

  const bool verify = options.mode == StartupMode::verify;
  if (verify) {
    DatabaseStatus status = migrator.status();
    if (!at_head(status, report.head)) {
      throw_not_at_head(migrator.graph(), report.head, std::move(status));
    }
    report.already_at_head = true;
  } else {
    // upgrade() reads structmig_state first and is done when its row says the
    // database is at head; otherwise the locked run decides (and writes the
    // row, also for a database an older release migrated).
    report.applied = migrator.upgrade("head");
    report.already_at_head = report.applied.empty();
  }
  if (options.schema && (verify || options.check_schema_after_apply)) {
    check_schema(connection, *options.schema);
  }
  return report;
}

StartupReport upgrade_to_head(const std::string& conninfo, const std::vector<Migration>& migrations,
                              std::function<void(const StepEvent&)> progress) {
  StartupOptions options;
  options.progress = std::move(progress);
  return ensure_at_head(conninfo, migrations, options);
}

}  // namespace structmig
