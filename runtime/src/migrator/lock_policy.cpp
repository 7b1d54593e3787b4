// Lock discipline; see lock_policy.hpp. Durations are parsed here rather than
// handed to the server as they are, because retries double them.
#include "migrator/lock_policy.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

#include "structmig/error.hpp"

namespace structmig::detail {
namespace {

constexpr int kDefaultRetries = 5;
constexpr int kMaxTimeoutGrowth = 4;

std::chrono::milliseconds duration_setting(std::string_view text, std::string_view fallback,
                                           const char* what) {
  if (text.empty()) text = fallback;
  const auto parsed = parse_duration(text);
  if (!parsed) {
    throw InvalidOperation(std::string(what) + " \"" + std::string(text) +
                           "\" is not a duration (e.g. 2s, 500ms, 1min, 0 for none)");
  }
  return *parsed;
}

}  // namespace
}  // namespace structmig::detail

namespace structmig {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [rest, error] = std::from_chars(begin, end, value);
  if (error != std::errc() || value < 0) return std::nullopt;
  std::string unit(rest, end);
  unit.erase(std::remove(unit.begin(), unit.end(), ' '), unit.end());
  double factor = 0;
  if (unit.empty() || unit == "ms") {
    factor = 1;
  } else if (unit == "s") {
    factor = 1000;
  } else if (unit == "min") {
    factor = 60'000;
  } else if (unit == "h") {
    factor = 3'600'000;
  } else if (unit == "d") {
    factor = 86'400'000;
  } else {
    return std::nullopt;
  }
  return std::chrono::milliseconds(static_cast<long long>(value * factor + 0.5));
}

}  // namespace structmig

namespace structmig::detail {

std::string format_duration(std::chrono::milliseconds duration) {
  const long long ms = duration.count();
  if (ms != 0 && ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + (ms == 0 ? "" : "ms");
}

std::string LockPolicy::lock_timeout_of(int attempt) const {
  if (lock_timeout.count() == 0) return "0";
  auto timeout = lock_timeout;
  for (int i = 0; i < attempt && timeout < lock_timeout * kMaxTimeoutGrowth; ++i) timeout *= 2;
  return format_duration(std::min(timeout, lock_timeout * kMaxTimeoutGrowth));
}

std::chrono::milliseconds LockPolicy::pause_before(int attempt) const {
  auto pause = first_pause;
  for (int i = 1; i < attempt; ++i) pause *= 2;
  return pause;
}

std::string LockPolicy::statement_timeout_of(const std::vector<Op>& ops) const {
  if (!statement_timeout.empty()) return statement_timeout;
  for (const Op& op : ops) {
    if (runs_outside_transaction(op) || std::holds_alternative<ValidateConstraint>(op)) return "0";
  }
  return "";
}

LockPolicy resolve_lock_policy(const MigratorOptions& options, const Migration& migration) {
  LockPolicy policy;
  const std::string_view timeout =
      migration.lock_timeout.empty() ? std::string_view(options.lock_timeout) : migration.lock_timeout;
  policy.lock_timeout = duration_setting(timeout, kDefaultLockTimeout, "lock_timeout");
  policy.retries = migration.lock_retries >= 0 ? migration.lock_retries
                   : options.lock_retries >= 0 ? options.lock_retries
                                               : kDefaultRetries;
  if (policy.lock_timeout.count() == 0) policy.retries = 0;  // nothing times out
  policy.first_pause = options.lock_retry_pause;
  policy.statement_timeout = std::string(
      migration.statement_timeout.empty() ? options.statement_timeout : migration.statement_timeout);
  if (!policy.statement_timeout.empty()) {
    duration_setting(policy.statement_timeout, "", "statement_timeout");  // validate early
  }
  return policy;
}

bool is_lock_failure(std::string_view sqlstate) {
  return sqlstate == "55P03" || sqlstate == "40P01";
}

}  // namespace structmig::detail
