// Who holds the migration lock, for the lines a waiting migrator logs and the
// MigrationLockTimeout it throws: one catalog query (pg_locks joined with
// pg_stat_activity) and the pure functions that spell the answer.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "structmig/connection.hpp"

namespace structmig::detail {

/// The session holding an advisory lock, as pg_stat_activity shows it. Every
/// field but pid may be missing: another role's session hides its query and
/// state, a socket connection has no address.
struct LockHolder {
  std::optional<std::int64_t> pid;  // none: a prepared transaction holds it
  std::string application;
  std::optional<std::string> client;       // host(client_addr)
  std::optional<std::string> state;        // active, idle, idle in transaction, …
  std::optional<double> seconds_in_state;  // the statement's age when active,
                                           // the transaction's when idle in one
  std::optional<double> transaction_seconds;
  std::optional<std::string> query;  // the current or last statement
};

/// The session that holds the session-level advisory lock `key` in the
/// current database, if any (it may be gone by the time we look). One short
/// statement, no transaction left open.
std::optional<LockHolder> read_lock_holder(Connection& connection, std::int64_t key);

/// `pid 4242 (application "app", client 10.0.0.5, active for 12.3 s: CREATE
/// INDEX CONCURRENTLY …)`; `another session (gone by the time we looked)`
/// when there is none.
std::string describe_holder(const std::optional<LockHolder>& holder);

/// A statement on one line (runs of whitespace as one space), cut to about
/// max_chars with `…` (never inside a UTF-8 sequence).
std::string one_line(std::string_view statement, std::size_t max_chars = 80);

/// `0.4 s`, `12.3 s`, `5 s`, `600 s`: one decimal below 100 s, none after a
/// whole number.
std::string format_seconds(double seconds);

/// `waiting for the migration lock, held by <holder>; waited 5 s of 600 s`
/// (`…; waited 5 s, no time limit` for a zero timeout).
std::string waiting_line(const std::string& holder, std::chrono::milliseconds waited,
                         std::chrono::milliseconds timeout);

/// The MigrationLockTimeout message: `the migration lock was not free within
/// 600 s: held by <holder>; …`.
std::string timeout_message(const std::string& holder, std::chrono::milliseconds timeout);

}  // namespace structmig::detail
