// Who holds the migration lock; see migration_lock_holder.hpp.
#include "migrator/migration_lock_holder.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace structmig::detail {
namespace {

// A bigint advisory key is stored in pg_locks split in two oids: the high 32
// bits as classid, the low 32 as objid, and objsubid 1 (2 would be the
// two-int4 form). The database filter matters: advisory locks are per
// database, and the same key may be held in another one on the same server.
// Durations use clock_timestamp(): now() is the start of this statement's
// transaction, which is close, but the clock is what a reader expects.
constexpr std::string_view holder_query = R"sql(
SELECT l.pid,
       a.application_name,
       pg_catalog.host(a.client_addr),
       a.state,
       extract(epoch FROM pg_catalog.clock_timestamp() -
               CASE WHEN a.state = 'active' THEN a.query_start
                    WHEN a.state LIKE 'idle in transaction%' THEN a.xact_start
                    ELSE a.state_change END),
       extract(epoch FROM pg_catalog.clock_timestamp() - a.xact_start),
       a.query
FROM pg_catalog.pg_locks l
LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
WHERE l.locktype = 'advisory'
  AND l.database = (SELECT oid FROM pg_catalog.pg_database
                    WHERE datname = pg_catalog.current_database())
  AND l.classid = $1::oid
  AND l.objid = $2::oid
  AND l.objsubid = 1
  AND l.granted
ORDER BY l.pid
LIMIT 1
)sql";

std::optional<double> number(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  try {
    return std::stod(*text);
  } catch (const std::exception&) {  // not a number: say nothing rather than something wrong
    return std::nullopt;
  }
}

std::optional<std::int64_t> integer(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size()) return std::nullopt;
  return value;
}

/// `active for 12.3 s: CREATE …`, `idle in transaction for 40 s, last
/// statement: UPDATE …`, or only what is known.
std::string describe_activity(const LockHolder& holder) {
  if (!holder.state) return holder.query ? one_line(*holder.query) : std::string();
  std::string out = *holder.state;
  if (holder.seconds_in_state) out += " for " + format_seconds(*holder.seconds_in_state);
  // An active statement inside a longer transaction: the transaction is what
  // holds snapshots and locks, so its age is worth a mention.
  if (*holder.state == "active" && holder.transaction_seconds && holder.seconds_in_state &&
      *holder.transaction_seconds - *holder.seconds_in_state >= 1.0) {
    out += " in a transaction open for " + format_seconds(*holder.transaction_seconds);
  }
  if (holder.query && !holder.query->empty()) {
    out += *holder.state == "active" ? ": " : ", last statement: ";
    out += one_line(*holder.query);
  }
  return out;
}

}  // namespace

std::optional<LockHolder> read_lock_holder(Connection& connection, std::int64_t key) {
  const auto bits = static_cast<std::uint64_t>(key);
  const Result rows = connection.exec_params(
      holder_query, {std::to_string(bits >> 32), std::to_string(bits & 0xffffffffu)});
  if (rows.empty()) return std::nullopt;
  LockHolder holder;
  holder.pid = integer(rows.at(0, 0));
  holder.application = rows.text(0, 1);
  holder.client = rows.at(0, 2);
  holder.state = rows.at(0, 3);
  holder.seconds_in_state = number(rows.at(0, 4));
  holder.transaction_seconds = number(rows.at(0, 5));
  holder.query = rows.at(0, 6);
  return holder;
}

std::string describe_holder(const std::optional<LockHolder>& holder) {
  if (!holder) return "another session (gone by the time we looked)";
  std::string out =
      holder->pid ? "pid " + std::to_string(*holder->pid) : std::string("a prepared transaction");
  std::string details;
  const auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!details.empty()) details += ", ";
    details += part;
  };
  if (!holder->application.empty()) add("application \"" + holder->application + "\"");
  if (holder->client) add("client " + *holder->client);
  add(describe_activity(*holder));
  if (!details.empty()) out += " (" + details + ")";
  return out;
}

std::string one_line(std::string_view statement, std::size_t max_chars) {
  std::string out;
  bool space = false;
  for (const char c : statement) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() <= max_chars) return out;
  std::size_t cut = max_chars;
  // Back up to the start of a UTF-8 sequence (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xc0) == 0x80) --cut;
  out.resize(cut);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "…";
}

std::string format_seconds(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
  char buffer[32];
  if (seconds < 100) {
    std::snprintf(buffer, sizeof buffer, "%.1f", seconds);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.0f", seconds);
  }
  std::string out = buffer;
  if (out.size() > 2 && out.ends_with(".0")) out.resize(out.size() - 2);
  return out + " s";
}

std::string waiting_line(const std::string& holder, std::chrono::milliseconds waited,
                         std::chrono::milliseconds timeout) {
  std::string out = "waiting for the migration lock, held by " + holder + "; waited " +
                    format_seconds(static_cast<double>(waited.count()) / 1000);
  if (timeout.count() > 0) {
    out += " of " + format_seconds(static_cast<double>(timeout.count()) / 1000);
  } else {
    out += ", no time limit";
  }
  return out;
}

std::string timeout_message(const std::string& holder, std::chrono::milliseconds timeout) {
  return "the migration lock was not free within " +
         format_seconds(static_cast<double>(timeout.count()) / 1000) + ": held by " + holder +
         "; another process is migrating this database (or holds the lock by mistake) — wait "
         "for it, or raise migration_lock_timeout";
}

}  // namespace structmig::detail
