// Runs migration steps against PostgreSQL: lock, bookkeeping tables, one
// pipeline per transactional step, statement-by-statement for the others,
// and errors that name the migration and the failing statement.
#include "structmig/migrator.hpp"

#include <charconv>
#include <cstdio>
#include <set>
#include <utility>

#include "structmig/sql.hpp"

namespace structmig {
namespace {

constexpr std::string_view kCreateBookkeeping =
    "CREATE TABLE IF NOT EXISTS structmig_version (revision text PRIMARY KEY);\n"
    "CREATE TABLE IF NOT EXISTS structmig_history (\n"
    "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
    "  revision text NOT NULL,\n"
    "  direction text NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')),\n"
    "  message text NOT NULL,\n"
    "  checksum text,\n"
    "  applied_at timestamptz NOT NULL DEFAULT now(),\n"
    "  duration_ms double precision NOT NULL\n"
    ")";

// Inside BEGIN … COMMIT, now() is the start of the transaction, so this is
// the server-side time the step's statements took up to the history insert.
constexpr std::string_view kServerDurationMs =
    "(extract(epoch FROM clock_timestamp() - now()) * 1000)::double precision";

constexpr std::string_view kUndefinedTable = "42P01";

/// Holds the session-level migration lock for its lifetime.
class AdvisoryLock {
 public:
  explicit AdvisoryLock(Connection& connection) : connection_(connection) {
    connection_.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
  }
  AdvisoryLock(const AdvisoryLock&) = delete;
  AdvisoryLock& operator=(const AdvisoryLock&) = delete;
  ~AdvisoryLock() {
    try {
      connection_.exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
    } catch (...) {  // a lost connection releases the lock on the server anyway
    }
  }

 private:
  Connection& connection_;
};

// FNV-1a over the statements a step executes: a cheap fingerprint that shows
// in structmig_history when the SQL of a revision changed between runs.
std::string checksum_of(const std::vector<std::string>& statements) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  for (const auto& statement : statements) {
    for (unsigned char c : statement + ";\n") {
      hash ^= c;
      hash *= 0x100000001b3ULL;
    }
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

std::string sql_double(double value) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::string("0");
}

std::string literal_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += ", ";
    out += quote_literal(value);
  }
  return out;
}

// structmig_version rows to remove and add, then the history row.
std::vector<std::string> bookkeeping_statements(const std::vector<std::string>& heads_before,
                                                const std::vector<std::string>& heads_after,
                                                const Migration& migration, Direction direction,
                                                const std::string& checksum,
                                                std::string_view duration_ms_sql) {
  const std::set<std::string> before(heads_before.begin(), heads_before.end());
  const std::set<std::string> after(heads_after.begin(), heads_after.end());
  std::vector<std::string> removed;
  std::vector<std::string> added;
  for (const auto& head : before) {
    if (after.count(head) == 0) removed.push_back(head);
  }
  for (const auto& head : after) {
    if (before.count(head) == 0) added.push_back(head);
  }
  std::vector<std::string> out;
  if (!removed.empty()) {
    out.push_back("DELETE FROM structmig_version WHERE revision IN (" + literal_list(removed) +
                  ")");
  }
  if (!added.empty()) {
    std::string values;
    for (const auto& head : added) {
      if (!values.empty()) values += ", ";
      values += "(" + quote_literal(head) + ")";
    }
    out.push_back("INSERT INTO structmig_version (revision) VALUES " + values);
  }
  out.push_back(
      "INSERT INTO structmig_history (revision, direction, message, checksum, duration_ms) "
      "VALUES (" +
      quote_literal(migration.revision) + ", " + quote_literal(to_string(direction)) + ", " +
      quote_literal(migration.message) + ", " + quote_literal(checksum) + ", " +
      std::string(duration_ms_sql) + ")");
  return out;
}

void rollback_quietly(Connection& connection) {
  try {
    // Outside a transaction this is only a WARNING, which is silenced.
    connection.exec("ROLLBACK");
  } catch (...) {  // the original error is the one worth reporting
  }
}

std::string step_failure_text(const DatabaseError& cause, const std::string& revision,
                              const std::string& message, std::optional<std::size_t> index) {
  std::string text = "migration " + revision + " (" + message + ") failed";
  if (index) text += " at statement " + std::to_string(*index + 1);
  return text + ": " + cause.what();
}

}  // namespace

std::string_view to_string(Direction direction) {
  return direction == Direction::upgrade ? "upgrade" : "downgrade";
}

MigrationError::MigrationError(const DatabaseError& cause, std::string revision,
                               std::string migration_message,
                               std::optional<std::size_t> statement_index)
    : DatabaseError(cause.server_message(), cause.sqlstate(), cause.statement()),
      revision_(std::move(revision)),
      migration_message_(std::move(migration_message)),
      statement_index_(statement_index),
      what_(step_failure_text(cause, revision_, migration_message_, statement_index_)) {}

Migrator::Migrator(Connection& connection, const std::vector<Migration>& migrations,
                   MigratorOptions options)
    : connection_(connection), graph_(migrations), options_(std::move(options)) {}

void Migrator::ensure_tables() { connection_.exec(kCreateBookkeeping); }

std::vector<std::string> Migrator::read_heads() {
  Result rows = connection_.exec("SELECT revision FROM structmig_version ORDER BY revision");
  std::vector<std::string> heads;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::string revision = rows.text(r, 0);
    if (!graph_.contains(revision)) {
      throw UnknownRevision("the database is at revision " + revision +
                            ", which is not among this program's migrations (was it migrated by "
                            "a newer version?)");
    }
    heads.push_back(std::move(revision));
  }
  return heads;
}

std::vector<std::string> Migrator::current() {
  try {
    Result rows = connection_.exec("SELECT revision FROM structmig_version ORDER BY revision");
    std::vector<std::string> heads;
    for (std::size_t r = 0; r < rows.size(); ++r) heads.push_back(rows.text(r, 0));
    return heads;
  } catch (const DatabaseError& e) {
    if (e.sqlstate() == kUndefinedTable) return {};  // never migrated: base
    throw;
  }
}

std::vector<HistoryEntry> Migrator::history() {
  Result rows;
  try {
    rows = connection_.exec(
        "SELECT id, revision, direction, message, checksum, applied_at, duration_ms "
        "FROM structmig_history ORDER BY id");
  } catch (const DatabaseError& e) {
    if (e.sqlstate() == kUndefinedTable) return {};
    throw;
  }
  std::vector<HistoryEntry> entries;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    HistoryEntry entry;
    const std::string id = rows.text(r, 0);
    std::from_chars(id.data(), id.data() + id.size(), entry.id);
    entry.revision = rows.text(r, 1);
    entry.direction = rows.text(r, 2);
    entry.message = rows.text(r, 3);
    entry.checksum = rows.at(r, 4);
    entry.applied_at = rows.text(r, 5);
    const std::string duration = rows.text(r, 6);
    std::from_chars(duration.data(), duration.data() + duration.size(), entry.duration_ms);
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::vector<StepEvent> Migrator::upgrade(std::string_view target) {
  AdvisoryLock lock(connection_);
  ensure_tables();
  std::vector<std::string> heads = read_heads();
  if (heads.size() > 1) {
    throw MultipleHeads("the database is at several heads (" + literal_list(heads) +
                        "); upgrading branched histories is not supported yet");
  }
  const std::string to = graph_.resolve(target, heads);
  std::vector<StepEvent> events;
  for (const auto& revision : graph_.upgrade_steps(heads, to)) {
    events.push_back(run_step(graph_.migration(revision), Direction::upgrade, heads));
  }
  return events;
}

std::vector<StepEvent> Migrator::downgrade(std::string_view target) {
  AdvisoryLock lock(connection_);
  ensure_tables();
  std::vector<std::string> heads = read_heads();
  if (heads.size() > 1) {
    throw MultipleHeads("the database is at several heads (" + literal_list(heads) +
                        "); downgrading branched histories is not supported yet");
  }
  const std::string to = graph_.resolve(target, heads);
  std::vector<StepEvent> events;
  for (const auto& revision : graph_.downgrade_steps(heads, to)) {
    events.push_back(run_step(graph_.migration(revision), Direction::downgrade, heads));
  }
  return events;
}

StepEvent Migrator::run_step(const Migration& migration, Direction direction,
                             std::vector<std::string>& heads) {
  const std::string revision(migration.revision);
  const std::string message(migration.message);
  const auto started = std::chrono::steady_clock::now();

  std::vector<std::string> statements;
  try {
    Ops ops;
    auto* record = direction == Direction::upgrade ? migration.upgrade : migration.downgrade;
    if (record != nullptr) record(ops);  // no function: a step without operations
    statements = to_sql(ops.recorded());
  } catch (const std::exception& e) {
    throw MigrationError(
        DatabaseError(std::string("recording its operations: ") + e.what(), "", ""), revision,
        message, std::nullopt);
  }

  const std::vector<std::string> heads_after = direction == Direction::upgrade
                                                   ? graph_.heads_after_upgrade(heads, revision)
                                                   : graph_.heads_after_downgrade(heads, revision);
  const std::string checksum = checksum_of(statements);

  if (migration.transactional) {
    // One round trip: BEGIN, the DDL, the bookkeeping, COMMIT.
    std::vector<std::string> pipeline{"BEGIN"};
    pipeline.insert(pipeline.end(), statements.begin(), statements.end());
    for (auto& s : bookkeeping_statements(heads, heads_after, migration, direction, checksum,
                                          kServerDurationMs)) {
      pipeline.push_back(std::move(s));
    }
    pipeline.push_back("COMMIT");
    try {
      connection_.exec_pipeline(pipeline);
    } catch (const StatementError& e) {
      rollback_quietly(connection_);
      std::optional<std::size_t> index;
      if (e.index() >= 1 && e.index() <= statements.size()) index = e.index() - 1;
      throw MigrationError(e, revision, message, index);
    } catch (const DatabaseError& e) {
      rollback_quietly(connection_);
      throw MigrationError(e, revision, message, std::nullopt);
    }
  } else {
    // Outside a transaction (CREATE INDEX CONCURRENTLY refuses pipelines and
    // transaction blocks): one statement at a time, bookkeeping after all.
    for (std::size_t i = 0; i < statements.size(); ++i) {
      try {
        connection_.exec(statements[i]);
      } catch (const DatabaseError& e) {
        throw MigrationError(e, revision, message, i);
      }
    }
    const double elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    std::vector<std::string> pipeline{"BEGIN"};
    for (auto& s : bookkeeping_statements(heads, heads_after, migration, direction, checksum,
                                          sql_double(elapsed_ms))) {
      pipeline.push_back(std::move(s));
    }
    pipeline.push_back("COMMIT");
    try {
      connection_.exec_pipeline(pipeline);
    } catch (const DatabaseError& e) {
      rollback_quietly(connection_);
      throw MigrationError(e, revision, message, std::nullopt);
    }
  }

  heads = heads_after;
  StepEvent event{
      revision, message, direction,
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)};
  if (options_.progress) options_.progress(event);
  return event;
}

}  // namespace structmig
