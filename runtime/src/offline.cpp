// Rendering upgrades and downgrades as SQL scripts; see offline.hpp. The plan
// comes from the revision graph and the bookkeeping SQL from bookkeeping.hpp,
// exactly as for an online run; only the statements of a step are collected
// from an Ops without a session instead of being executed.
#include "structmig/offline.hpp"

#include "bookkeeping.hpp"
#include "join.hpp"
#include "lock_policy.hpp"
#include "structmig/migrator.hpp"
#include "structmig/revision_graph.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

struct Range {
  std::string from;  // "" when absent
  std::string to;
  bool has_from = false;
};

Range parse_range(std::string_view range) {
  const auto colon = range.find(':');
  if (colon == std::string_view::npos) return {"", std::string(range), false};
  return {std::string(range.substr(0, colon)), std::string(range.substr(colon + 1)), true};
}

std::string describe(const std::vector<std::string>& heads) {
  return heads.empty() ? std::string("base") : detail::join(heads);
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

std::vector<Op> recorded_ops(const Migration& migration, Direction direction) {
  Ops ops;  // no session: a data migration throws OfflineUnsupported
  auto* record = direction == Direction::upgrade ? migration.upgrade : migration.downgrade;
  try {
    if (record != nullptr) record(ops);
  } catch (const OfflineUnsupported&) {
    throw OfflineUnsupported("migration " + std::string(migration.revision) + " (" +
                             std::string(migration.message) +
                             ") queries the database (a data migration) and cannot be rendered "
                             "as offline SQL; apply it online, then render the rest from it");
  }
  return ops.recorded();
}

// One migration as its steps (split_steps): a transactional group in BEGIN …
// COMMIT with SET LOCAL timeouts; a step outside a transaction with session
// timeouts around it. Each step but the last records its progress as the
// online run does; the version and history rows (and the progress cleared) go
// with the last step, or in a transaction of their own after a last step
// outside one.
void render_step(Script& script, const Migration& migration, Direction direction,
                 const std::vector<std::string>& heads_before,
                 const std::vector<std::string>& heads_after, const detail::LockPolicy& policy) {
  const std::vector<Step> steps =
      split_steps(recorded_ops(migration, direction), migration.transactional);
  const std::string direction_name(to_string(direction));
  const std::string lock_timeout = policy.lock_timeout_of(0);
  // Progress as the online run records it, so that after a failed script the
  // migrator resumes at the failed step instead of resending committed ones.
  const auto progress = [&](std::size_t steps_done) {
    return bookkeeping::record_progress(migration.revision, direction_name, steps_done);
  };
  std::vector<std::string> record{bookkeeping::clear_progress(migration.revision, direction_name)};
  for (auto& statement :
       bookkeeping::record_step(heads_before, heads_after, migration, direction_name,
                                bookkeeping::clock_duration_ms())) {
    record.push_back(std::move(statement));
  }
  script.blank();
  script.comment(direction_name + " " + std::string(migration.revision) + ": " +
                 std::string(migration.message) + " (" + std::to_string(steps.size()) +
                 " step(s))");
  script.statement(bookkeeping::start_clock());
  for (std::size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    const bool last = i + 1 == steps.size();
    const std::string statement_timeout = policy.statement_timeout_of(step.ops);
    script.comment("step " + std::to_string(i + 1) + " of " + std::to_string(steps.size()) +
                   (step.transactional ? ", in a transaction" : ", outside a transaction"));
    if (step.transactional) {
      script.statement("BEGIN");
      script.statement("SET LOCAL lock_timeout = " + quote_literal(lock_timeout));
      if (!statement_timeout.empty()) {
        script.statement("SET LOCAL statement_timeout = " + quote_literal(statement_timeout));
      }
      script.statements(to_sql(step.ops));
      if (last) {
        script.statements(record);
      } else {
        script.statement(progress(i + 1));
      }
      script.statement("COMMIT");
      continue;
    }
    script.statement("SET lock_timeout = " + quote_literal(lock_timeout));
    if (!statement_timeout.empty()) {
      script.statement("SET statement_timeout = " + quote_literal(statement_timeout));
    }
    script.statements(to_sql(step.ops));
    script.statement(progress(i + 1));
    script.statement("RESET lock_timeout");
    if (!statement_timeout.empty()) script.statement("RESET statement_timeout");
  }
  if (steps.empty() || !steps.back().transactional) {
    script.statement("BEGIN");
    script.statements(record);
    script.statement("COMMIT");
  }
}

std::string render(const std::vector<Migration>& migrations, const Range& range,
                   Direction direction, const OfflineOptions& options) {
  const RevisionGraph graph(migrations);
  std::vector<std::string> heads = graph.heads_at({}, range.from.empty() ? "base" : range.from);
  const std::vector<std::string> steps = direction == Direction::upgrade
                                             ? graph.upgrade_steps(heads, range.to)
                                             : graph.downgrade_steps(heads, range.to);
  MigratorOptions run_options;
  run_options.lock_timeout = options.lock_timeout;
  run_options.statement_timeout = options.statement_timeout;

  std::vector<std::string> final_heads = heads;
  for (const auto& revision : steps) {
    final_heads = direction == Direction::upgrade
                      ? graph.heads_after_upgrade(final_heads, revision)
                      : graph.heads_after_downgrade(final_heads, revision);
  }

  Script script;
  script.comment("structmig " + std::string(to_string(direction)) + " from " + describe(heads) +
                 " to " + describe(final_heads) + ": " + std::to_string(steps.size()) +
                 " migration(s)");
  script.comment("apply with: psql -v ON_ERROR_STOP=1 -f <this file>");
  script.statement(bookkeeping::enable_connection_check());
  script.statement(bookkeeping::lock());
  script.statements(bookkeeping::create_tables());
  script.statement(position_check(heads));
  for (const auto& revision : steps) {
    std::vector<std::string> heads_after = direction == Direction::upgrade
                                               ? graph.heads_after_upgrade(heads, revision)
                                               : graph.heads_after_downgrade(heads, revision);
    const Migration& migration = graph.migration(revision);
    render_step(script, migration, direction, heads, heads_after,
                detail::resolve_lock_policy(run_options, migration));
    heads = std::move(heads_after);
  }
  script.blank();
  script.statement(bookkeeping::unlock());
  return script.take();
}

}  // namespace

std::string render_upgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                               const OfflineOptions& options) {
  return render(migrations, parse_range(range), Direction::upgrade, options);
}

std::string render_downgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                                 const OfflineOptions& options) {
  const Range parsed = parse_range(range);
  if (!parsed.has_from || parsed.from.empty()) {
    throw RevisionError(
        "an offline downgrade needs the range FROM:TO (the database is not read), "
        "e.g. head:-1 or head:base; got \"" +
        std::string(range) + "\"");
  }
  return render(migrations, parsed, Direction::downgrade, options);
}

}  // namespace structmig
