// The bookkeeping SQL; see bookkeeping.hpp. Every value is a quoted literal,
// never spliced raw, because revision ids and messages come from files.
#include "migrator/bookkeeping.hpp"

#include <charconv>
#include <set>

#include "sql/sql_parts.hpp"
#include "structmig/migrator.hpp"
#include "structmig/sql.hpp"

namespace structmig::bookkeeping {
namespace {

std::string literal_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& value : values) {
    if (!out.empty()) out += ", ";
    out += quote_literal(value);
  }
  return out;
}

std::string insert_version(const std::vector<std::string>& heads) {
  std::string values;
  for (const auto& head : heads) {
    if (!values.empty()) values += ", ";
    values += "(" + quote_literal(head) + ")";
  }
  return "INSERT INTO structmig_version (revision) VALUES " + values;
}

}  // namespace

std::vector<std::string> create_tables() {
  return {
      "CREATE TABLE IF NOT EXISTS structmig_version (revision text PRIMARY KEY)",
      "CREATE TABLE IF NOT EXISTS structmig_history (\n"
      "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
      "  revision text NOT NULL,\n"
      "  direction text NOT NULL\n"
      "    CHECK (direction IN ('upgrade', 'downgrade', 'stamp', 'checksum')),\n"
      "  message text NOT NULL,\n"
      "  checksum text,\n"
      "  applied_at timestamptz NOT NULL DEFAULT now(),\n"
      "  duration_ms double precision NOT NULL\n"
      ")",
      "CREATE TABLE IF NOT EXISTS structmig_progress (\n"
      "  revision text NOT NULL,\n"
      "  direction text NOT NULL,\n"
      "  steps_done integer NOT NULL,\n"
      "  updated_at timestamptz NOT NULL DEFAULT now(),\n"
      "  batch text,\n"
      "  batch_key text[],\n"
      "  PRIMARY KEY (revision, direction)\n"
      ")",
      // A table from before update_in_batches kept its key gets the columns;
      // one that has them is not locked.
      "DO $structmig$ BEGIN IF NOT EXISTS (SELECT FROM pg_attribute WHERE attrelid = "
      "'structmig_progress'::regclass AND attname = 'batch_key' AND NOT attisdropped) THEN "
      "ALTER TABLE structmig_progress ADD COLUMN IF NOT EXISTS batch text, "
      "ADD COLUMN IF NOT EXISTS batch_key text[]; END IF; END $structmig$",
      // The start-up check's one row (state_row.hpp): no key, no default, no
      // constraint, so a fresh session reads it without opening an index or
      // loading constraints. Statement triggers delete it whenever anything
      // writes the version or the history; the locked upgrade writes it again.
      "CREATE TABLE IF NOT EXISTS structmig_state (heads text NOT NULL, digest text NOT NULL)",
      "DO $structmig$ BEGIN "
      "IF NOT EXISTS (SELECT FROM pg_proc WHERE proname = 'structmig_state_outdated' "
      "AND pronamespace = (SELECT relnamespace FROM pg_class WHERE oid = "
      "'structmig_state'::regclass)) THEN "
      "CREATE FUNCTION structmig_state_outdated() RETURNS trigger LANGUAGE plpgsql "
      "SET search_path FROM CURRENT AS $body$ BEGIN DELETE FROM structmig_state; RETURN NULL; "
      "END $body$; END IF; "
      "IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'structmig_version'::regclass "
      "AND tgname = 'structmig_state_outdated') THEN "
      "CREATE TRIGGER structmig_state_outdated AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
      "ON structmig_version FOR EACH STATEMENT EXECUTE PROCEDURE structmig_state_outdated(); "
      "END IF; "
      "IF NOT EXISTS (SELECT FROM pg_trigger WHERE tgrelid = 'structmig_history'::regclass "
      "AND tgname = 'structmig_state_outdated') THEN "
      "CREATE TRIGGER structmig_state_outdated AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
      "ON structmig_history FOR EACH STATEMENT EXECUTE PROCEDURE structmig_state_outdated(); "
      "END IF; END $structmig$",
  };
}

std::string_view read_state_row() { return "SELECT heads, digest FROM structmig_state"; }

std::vector<std::string> write_state_row(std::string_view heads, std::string_view digest) {
  return {"DELETE FROM structmig_state",
          "INSERT INTO structmig_state (heads, digest) VALUES (" + quote_literal(heads) + ", " +
              quote_literal(digest) + ")"};
}

std::string_view read_progress() {
  return "SELECT steps_done FROM structmig_progress WHERE revision = $1 AND direction = $2";
}

std::string record_progress(std::string_view revision, std::string_view direction,
                            std::size_t steps_done) {
  return "INSERT INTO structmig_progress (revision, direction, steps_done) VALUES (" +
         quote_literal(revision) + ", " + quote_literal(direction) + ", " +
         std::to_string(steps_done) +
         ") ON CONFLICT (revision, direction) DO UPDATE SET steps_done = EXCLUDED.steps_done, "
         "batch = NULL, batch_key = NULL, updated_at = now()";
}

std::string clear_progress(std::string_view revision, std::string_view direction) {
  return "DELETE FROM structmig_progress WHERE revision = " + quote_literal(revision) +
         " AND direction = " + quote_literal(direction);
}

std::string clear_all_progress() { return "DELETE FROM structmig_progress"; }

std::string batch_identity(std::size_t steps_done, std::size_t ordinal, const BatchUpdate& batch) {
  return "update_in_batches " + std::to_string(ordinal) + " after step " +
         std::to_string(steps_done) + " on " + quote_ident(batch.table) + " (" +
         sql_detail::quote_ident_list(batch.key.columns, "batch key") + ")";
}

std::string save_batch_key(const BatchPlace& place, const std::vector<std::string>& key,
                           std::string_view rows) {
  std::vector<std::string> texts;
  for (const std::string& column : key) texts.push_back(quote_ident(column) + "::text");
  return "INSERT INTO structmig_progress (revision, direction, steps_done, batch, batch_key) "
         "SELECT " +
         quote_literal(place.revision) + ", " + quote_literal(place.direction) + ", " +
         std::to_string(place.steps_done) + ", " + quote_literal(place.batch) + ", ARRAY[" +
         join(texts) + "] FROM " + std::string(rows) + " ORDER BY " +
         sql_detail::descending_keys(key) +
         " LIMIT 1 ON CONFLICT (revision, direction) DO UPDATE SET batch = EXCLUDED.batch, "
         "batch_key = EXCLUDED.batch_key, updated_at = now()";
}

std::string_view read_batch_key() {
  return "SELECT k.value FROM structmig_progress p, unnest(p.batch_key) WITH ORDINALITY "
         "AS k(value, n) WHERE p.revision = $1 AND p.direction = $2 AND p.batch = $3 ORDER BY k.n";
}

std::string clear_batch_key(const BatchPlace& place) {
  const std::string which = " WHERE revision = " + quote_literal(place.revision) +
                            " AND direction = " + quote_literal(place.direction) +
                            " AND batch = " + quote_literal(place.batch);
  if (place.steps_done == 0) return "DELETE FROM structmig_progress" + which;
  return "UPDATE structmig_progress SET batch = NULL, batch_key = NULL, updated_at = now()" +
         which;
}

std::string lock() { return "SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")"; }

std::string unlock() {
  return "SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")";
}

std::string enable_connection_check() {
  return "SELECT CASE WHEN current_setting('server_version_num')::int >= 140000 "
         "THEN set_config('client_connection_check_interval', '1s', false) END";
}

std::vector<std::string> move_version(const std::vector<std::string>& heads_before,
                                      const std::vector<std::string>& heads_after) {
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
  if (!added.empty()) out.push_back(insert_version(added));
  return out;
}

std::vector<std::string> replace_version(const std::vector<std::string>& heads) {
  std::vector<std::string> out{"DELETE FROM structmig_version"};
  if (!heads.empty()) out.push_back(insert_version(heads));
  return out;
}

std::string start_clock() {
  return "SELECT set_config('structmig.step_started', clock_timestamp()::text, false)";
}

std::string_view clock_duration_ms() {
  return "(extract(epoch FROM clock_timestamp() - "
         "current_setting('structmig.step_started')::timestamptz) * 1000)::double precision";
}

std::string duration_literal(double milliseconds) {
  char buffer[64];
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, milliseconds);
  return error == std::errc() ? std::string(buffer, end) : std::string("0");
}

std::string insert_history(std::string_view revision, std::string_view direction,
                           std::string_view message, std::optional<std::string_view> checksum,
                           std::string_view duration_ms_sql) {
  return "INSERT INTO structmig_history (revision, direction, message, checksum, duration_ms) "
         "VALUES (" +
         quote_literal(revision) + ", " + quote_literal(direction) + ", " + quote_literal(message) +
         ", " + (checksum ? quote_literal(*checksum) : std::string("NULL")) + ", " +
         std::string(duration_ms_sql) + ")";
}

std::vector<std::string> record_step(const std::vector<std::string>& heads_before,
                                     const std::vector<std::string>& heads_after,
                                     const Migration& migration, std::string_view direction,
                                     std::string_view duration_ms_sql) {
  std::vector<std::string> out = move_version(heads_before, heads_after);
  out.push_back(insert_history(migration.revision, direction, migration.message,
                               checksum_of(migration), duration_ms_sql));
  return out;
}

std::optional<std::string_view> checksum_of(const Migration& migration) {
  if (migration.checksum.empty()) return std::nullopt;
  return migration.checksum;
}

}  // namespace structmig::bookkeeping
