// Rendering upgrades and downgrades as SQL scripts; see offline.hpp. The plan
// comes from the revision graph and the bookkeeping SQL from bookkeeping.hpp,
// exactly as for an online run; only the steps of a migration are recorded
// with an offline session (offline_recording.hpp) instead of being executed.
#include "structmig/offline.hpp"

#include <optional>
#include <variant>

#include "migrator/bookkeeping.hpp"
#include "structmig/spelling.hpp"
#include "migrator/lock_policy.hpp"
#include "offline/offline_recording.hpp"
#include "structmig/migrator.hpp"
#include "structmig/revision_graph.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

struct Range {
  std::string from;  // "" when absent: base for an upgrade, the heads for a downgrade
  std::string to;
};

Range parse_range(std::string_view range) {
  const auto colon = range.find(':');
  if (colon == std::string_view::npos) return {"", std::string(range)};
  return {std::string(range.substr(0, colon)), std::string(range.substr(colon + 1))};
}

std::string describe(const std::vector<std::string>& heads) {
  return heads.empty() ? std::string("base") : join(heads);
}

// A message or other text as a one-line SQL comment.
std::string comment_text(std::string_view text) {
  std::string out;
  for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out;
}

class Script {
 public:
  void comment(std::string_view text) { text_ += "-- " + comment_text(text) + "\n"; }
  void blank() { text_ += "\n"; }
  void statement(const std::string& sql) {
    // A trailing "-- comment" on the last line would swallow the ';'.
    const auto last_line = sql.rfind('\n');
    const bool ends_in_comment =
        sql.find("--", last_line == std::string::npos ? 0 : last_line) != std::string::npos;
    text_ += sql + (ends_in_comment ? "\n;\n" : ";\n");
  }
  void statements(const std::vector<std::string>& sql) {
    for (const auto& s : sql) statement(s);
  }
  /// A psql meta-command, on a line of its own.
  void meta(std::string_view command) { text_ += std::string(command) + "\n"; }
  void append(const std::string& text) { text_ += text; }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// Fails (with the database's own words) when the database is not at `from`.
std::string position_check(const std::vector<std::string>& from) {
  const std::string expected = quote_literal(describe(from));
  return "DO $structmig$\n"
         "DECLARE\n"
         "  at text;\n"
         "BEGIN\n"
         "  SELECT coalesce(string_agg(revision, ', ' ORDER BY revision COLLATE \"C\"), 'base')\n"
         "    INTO at FROM structmig_version;\n"
         "  IF at <> " +
         expected +
         " THEN\n"
         "    RAISE EXCEPTION 'structmig: this script starts at %, but the database is at %', " +
         expected +
         ", at;\n"
         "  END IF;\n"
         "END\n"
         "$structmig$";
}

std::string steps_text(std::size_t count) {
  return count == 1 ? "step 1" : "steps 1-" + std::to_string(count);
}

// The statements of a step, in the order the migration recorded them.
std::vector<std::string> statements_of(const detail::OfflineStep& step) {
  std::vector<std::string> out;
  for (const auto& item : step.items) {
    if (const auto* batch = std::get_if<detail::OfflineBatch>(&item)) {
      out.push_back(batch->script);
      continue;
    }
    for (auto& statement : to_sql(std::get<Op>(item))) out.push_back(std::move(statement));
  }
  return out;
}

// The statement_timeout of a step: as online (LockPolicy::statement_timeout_of),
// except that a batched update, one statement per batch online, is one DO
// block here: a long step, run without one unless one was asked for.
std::string statement_timeout_of(const detail::OfflineStep& step,
                                 const detail::LockPolicy& policy) {
  std::vector<Op> ops;
  bool batches = false;
  for (const auto& item : step.items) {
    if (const auto* op = std::get_if<Op>(&item)) {
      ops.push_back(*op);
    } else {
      batches = true;
    }
  }
  if (batches && policy.statement_timeout.empty()) return "0";
  return policy.statement_timeout_of(ops);
}

// Where a migration stops the script: its name, and the step its C++ needs
// the database in.
struct Stop {
  std::string revision;
  std::string message;
  std::size_t step = 0;  // 1-based
};

// One migration as its steps (offline_recording.hpp): a transactional group
// in BEGIN … COMMIT with SET LOCAL timeouts; a step outside a transaction
// with session timeouts around it. Each counted step but the last records
// its progress as the online run does; the version and history rows (and the
// progress cleared) go with the last step, or in a transaction of their own
// after a last step outside one. A migration that needs the database stops
// after its last complete step, not recorded as applied; returns where.
std::optional<Stop> render_migration(Script& script, const Migration& migration,
                                     Direction direction,
                                     const std::vector<std::string>& heads_before,
                                     const std::vector<std::string>& heads_after,
                                     const detail::LockPolicy& policy) {
  const detail::OfflineRecording recording = detail::record_offline(migration, direction);
  const auto& steps = recording.steps;
  const std::string direction_name(to_string(direction));
  const std::string lock_timeout = policy.lock_timeout_of(0);
  // Progress as the online run records it, so that after a failed (or
  // stopped) script the migrator resumes at the first step not done instead
  // of resending committed ones.
  const auto progress = [&](std::size_t steps_done) {
    return bookkeeping::record_progress(migration.revision, direction_name, steps_done);
  };
  std::vector<std::string> record{bookkeeping::clear_progress(migration.revision, direction_name)};
  for (auto& statement :
       bookkeeping::record_step(heads_before, heads_after, migration, direction_name,
                                bookkeeping::clock_duration_ms())) {
    record.push_back(std::move(statement));
  }
  const std::string count =
      recording.stopped
          ? std::to_string(recording.counted_steps) + " step(s) before it needs the database"
          : std::to_string(recording.counted_steps) + " step(s)";
  script.blank();
  script.comment(direction_name + " " + std::string(migration.revision) + ": " +
                 std::string(migration.message) + " (" + count + ")");
  script.statement(bookkeeping::start_clock());
  std::size_t counted = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const detail::OfflineStep& step = steps[i];
    const bool last = !recording.stopped && i + 1 == steps.size();
    const std::string statement_timeout = statement_timeout_of(step, policy);
    if (step.counted) {
      ++counted;
      script.comment("step " + std::to_string(counted) +
                     (recording.stopped ? "" : " of " + std::to_string(recording.counted_steps)) +
                     (step.transactional ? ", in a transaction" : ", outside a transaction"));
    } else {
      script.comment(
          "update_in_batches, outside a transaction, each batch committed with its last key "
          "(not a step: a rerun continues after that key)");
    }
    if (step.transactional) {
      script.statement("BEGIN");
      script.statement("SET LOCAL lock_timeout = " + quote_literal(lock_timeout));
      if (!statement_timeout.empty()) {
        script.statement("SET LOCAL statement_timeout = " + quote_literal(statement_timeout));
      }
      script.statements(statements_of(step));
      if (last) {
        script.statements(record);
      } else {
        script.statement(progress(counted));
      }
      script.statement("COMMIT");
      continue;
    }
    script.statement("SET lock_timeout = " + quote_literal(lock_timeout));
    if (!statement_timeout.empty()) {
      script.statement("SET statement_timeout = " + quote_literal(statement_timeout));
    }
    script.statements(statements_of(step));
    if (step.counted) script.statement(progress(counted));
    script.statement("RESET lock_timeout");
    if (!statement_timeout.empty()) script.statement("RESET statement_timeout");
  }
  if (recording.stopped) {
    return Stop{std::string(migration.revision), std::string(migration.message),
                recording.counted_steps + 1};
  }
  if (steps.empty() || !steps.back().transactional) {
    script.statement("BEGIN");
    script.statements(record);
    script.statement("COMMIT");
  }
  return std::nullopt;
}

// The online command that takes the database from the stop to where the
// script was meant to go.
std::string online_command(Direction direction, const std::vector<std::string>& final_heads) {
  const std::string verb(to_string(direction));
  if (final_heads.empty()) return "<app>_migrate " + verb + " base";
  std::string out;
  for (const auto& head : final_heads) {
    out += (out.empty() ? "" : ", then ") + ("<app>_migrate " + verb + " " + head);
  }
  return out;
}

std::string stop_text(const Stop& stop, Direction direction,
                      const std::vector<std::string>& final_heads) {
  const std::string done =
      stop.step == 1 ? std::string("no step of it is")
                     : steps_text(stop.step - 1) + " of it " + (stop.step == 2 ? "is" : "are");
  return "migration " + stop.revision + " (" + stop.message +
         ") runs C++ against the database in step " + std::to_string(stop.step) + " of its " +
         std::string(to_string(direction)) +
         " (a data migration), which cannot be rendered as SQL. The script stops there: " + done +
         " in the script, the migration is not recorded as applied, and nothing after it is "
         "rendered. Apply it and the rest online: " +
         online_command(direction, final_heads);
}

// `text` as comment lines of at most about 78 characters.
void wrapped_comment(Script& script, const std::string& text) {
  std::string line;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = text.find(' ', at);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(at, end - at);
    if (!line.empty() && line.size() + 1 + word.size() > 75) {
      script.comment(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
    at = end + 1;
  }
  if (!line.empty()) script.comment(line);
}

// The end of a script that stops at a migration that needs the database:
// the lock released, then an error, so psql (-v ON_ERROR_STOP=1) exits with
// a failure and runs nothing more, and \quit for a psql run without it.
void render_stop(Script& script, const std::string& text) {
  script.blank();
  script.comment("======================================================================");
  wrapped_comment(script, "STOP: " + text);
  script.comment("======================================================================");
  script.statement(bookkeeping::unlock());
  script.statement("DO $structmig$\nBEGIN\n  RAISE EXCEPTION '%', " +
                   quote_literal("structmig: stop: " + comment_text(text)) + ";\nEND\n$structmig$");
  script.meta("\\quit");
}

std::string render(const std::vector<Migration>& migrations, const Range& range,
                   Direction direction, const OfflineOptions& options) {
  const RevisionGraph graph(migrations);
  std::string from = range.from;  // without FROM: base, or the heads for a downgrade
  if (from.empty()) from = direction == Direction::upgrade ? "base" : "heads";
  const std::vector<std::string> start = graph.heads_at({}, from);
  const std::vector<std::string> steps = direction == Direction::upgrade
                                             ? graph.upgrade_steps(start, range.to)
                                             : graph.downgrade_steps(start, range.to);
  MigratorOptions run_options;
  run_options.lock_timeout = options.lock_timeout;
  run_options.statement_timeout = options.statement_timeout;

  std::vector<std::string> final_heads = start;
  for (const auto& revision : steps) {
    final_heads = direction == Direction::upgrade
                      ? graph.heads_after_upgrade(final_heads, revision)
                      : graph.heads_after_downgrade(final_heads, revision);
  }

  Script body;
  std::vector<std::string> heads = start;
  std::optional<std::string> stopped;
  for (const auto& revision : steps) {
    std::vector<std::string> heads_after = direction == Direction::upgrade
                                               ? graph.heads_after_upgrade(heads, revision)
                                               : graph.heads_after_downgrade(heads, revision);
    const Migration& migration = graph.migration(revision);
    const std::optional<Stop> stop =
        render_migration(body, migration, direction, heads, heads_after,
                         detail::resolve_lock_policy(run_options, migration));
    if (stop) {
      stopped = stop_text(*stop, direction, final_heads);
      break;
    }
    heads = std::move(heads_after);
  }

  Script script;
  script.comment("structmig " + std::string(to_string(direction)) + " from " + describe(start) +
                 " to " + describe(final_heads) + ": " + std::to_string(steps.size()) +
                 " migration(s)");
  if (stopped) {
    script.comment("it STOPS before that, at a data migration: see STOP at the end");
    if (options.warn) options.warn(*stopped);
  }
  script.comment("apply with: psql -v ON_ERROR_STOP=1 -f <this file>");
  script.statement(bookkeeping::enable_connection_check());
  script.statement(bookkeeping::lock());
  script.statements(bookkeeping::create_tables());
  script.statement(position_check(start));
  script.append(body.take());
  if (stopped) {
    render_stop(script, *stopped);
  } else {
    script.blank();
    script.statement(bookkeeping::unlock());
  }
  return script.take();
}

}  // namespace

std::string render_upgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                               const OfflineOptions& options) {
  return render(migrations, parse_range(range), Direction::upgrade, options);
}

std::string render_downgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                                 const OfflineOptions& options) {
  return render(migrations, parse_range(range), Direction::downgrade, options);
}

}  // namespace structmig
