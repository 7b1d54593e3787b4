// Reading the bookkeeping tables; see database_state.hpp. A missing table
// (SQLSTATE 42P01) means the database was never migrated: base, no history.
#include "migrator/database_state.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <map>
#include <optional>

#include "migrator/bookkeeping.hpp"

namespace structmig::detail {
namespace {

constexpr std::string_view kUndefinedTable = "42P01";

// The version rows (id NULL), then every history row: two plain scans, so a
// fresh session plans it cheaply (no sort, no DISTINCT ON); the latest
// checksum of each revision is picked here. The history has a row per run of
// a migration, a few hundred rows in a long-lived project.
constexpr std::string_view kStateQuery =
    "SELECT revision, NULL::text, NULL::bigint FROM structmig_version\n"
    "UNION ALL\n"
    "SELECT revision, checksum, id FROM structmig_history";
// Under the lock, after create_tables(), the structmig_state row too (id -1,
// which no history row has).
constexpr std::string_view kStateRowBranch =
    "\nUNION ALL\n"
    "SELECT heads, digest, -1 FROM structmig_state";

RecordedState state_from(const Result& rows) {
  RecordedState state;
  state.initialized = true;
  std::map<std::string, std::int64_t> latest;  // revision → id of its checksum
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::optional<std::string>& id_text = rows.at(r, 2);
    if (!id_text) {
      state.heads.push_back(rows.text(r, 0));
      continue;
    }
    if (*id_text == "-1") {
      state.state_rows.push_back(StateRow{rows.text(r, 0), rows.text(r, 1)});
      continue;
    }
    const std::string checksum = rows.text(r, 1);  // NULL and '' alike: none recorded
    if (checksum.empty()) continue;
    std::int64_t id = 0;
    std::from_chars(id_text->data(), id_text->data() + id_text->size(), id);
    auto [at, inserted] = latest.try_emplace(rows.text(r, 0), id);
    if (inserted || id > at->second) {
      at->second = id;
      state.checksums[rows.text(r, 0)] = checksum;
    }
  }
  std::sort(state.heads.begin(), state.heads.end());
  return state;
}

}  // namespace

RecordedState read_state(Connection& connection) {
  try {
    return state_from(connection.exec(kStateQuery));
  } catch (const DatabaseError& e) {
    if (e.sqlstate() == kUndefinedTable) return {};
    throw;
  }
}

RecordedState ensure_tables_and_read_state(Connection& connection) {
  std::string sql;
  for (const auto& statement : bookkeeping::create_tables()) sql += statement + ";\n";
  sql += kStateQuery;
  sql += kStateRowBranch;
  return state_from(connection.exec(sql));  // the result of the last statement
}

std::optional<std::vector<StateRow>> read_state_rows(Connection& connection) {
  Result rows;
  try {
    rows = connection.exec(bookkeeping::read_state_row());
  } catch (const DatabaseError& e) {
    if (e.sqlstate() == kUndefinedTable) return std::nullopt;
    throw;
  }
  std::vector<StateRow> out;
  for (std::size_t r = 0; r < rows.size(); ++r) out.push_back({rows.text(r, 0), rows.text(r, 1)});
  return out;
}

std::vector<std::string> read_version(Connection& connection) {
  try {
    Result rows = connection.exec("SELECT revision FROM structmig_version ORDER BY revision");
    std::vector<std::string> heads;
    for (std::size_t r = 0; r < rows.size(); ++r) heads.push_back(rows.text(r, 0));
    std::sort(heads.begin(), heads.end());  // byte order, whatever the collation
    return heads;
  } catch (const DatabaseError& e) {
    if (e.sqlstate() == kUndefinedTable) return {};
    throw;
  }
}

std::vector<HistoryEntry> read_history(Connection& connection) {
  Result rows;
  try {
    rows = connection.exec(
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

}  // namespace structmig::detail
