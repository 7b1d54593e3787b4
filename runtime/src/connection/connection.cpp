// The libpq side of Connection: connecting, the simple and parameterised
// protocols, a pipeline of statements in one round trip, errors carrying the
// SQLSTATE and statement, and the rollback-unless-committed Transaction.
#include "structmig/connection.hpp"

#include <libpq-fe.h>

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <utility>

#include "connection/error_context.hpp"
#include "structmig/redact.hpp"

namespace structmig {
namespace {

std::string trim_trailing_newlines(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

// A lost connection in one line: "the server closed the connection", and
// why when it said so, without libpq's "server closed the connection
// unexpectedly" and its indented "This probably means …" lines.
std::string connection_lost(const std::string& libpq_text) {
  std::string reason;
  std::size_t start = 0;
  while (start < libpq_text.size()) {
    std::size_t end = libpq_text.find('\n', start);
    if (end == std::string::npos) end = libpq_text.size();
    std::string line = trim_trailing_newlines(libpq_text.substr(start, end - start));
    start = end + 1;
    if (line.empty() || line[0] == ' ' || line[0] == '\t') continue;
    if (line.starts_with("server closed the connection unexpectedly")) continue;
    for (std::string_view prefix : {"FATAL:  ", "FATAL: ", "ERROR:  ", "ERROR: "}) {
      if (line.starts_with(prefix)) line.erase(0, prefix.size());
    }
    reason += (reason.empty() ? "" : "; ") + line;
  }
  return "the server closed the connection" + (reason.empty() ? "" : ": " + reason);
}

// A failure as it came from libpq, and the kind (the subclass) it is.
struct Failure {
  DatabaseError error;
  DatabaseErrorKind kind;
  [[noreturn]] void raise() const { throw_as(kind, error); }
};

// The error of a failed result (or of the connection when there is none): a
// FATAL error or a dead connection is a BrokenConnection, else its SQLSTATE
// says which kind.
Failure error_from(PGconn* conn, const PGresult* result, std::string_view statement) {
  std::string sqlstate;
  std::string message;
  if (result != nullptr) {
    if (const char* s = PQresultErrorField(result, PG_DIAG_SQLSTATE)) sqlstate = s;
    if (const char* m = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)) message = m;
    if (message.empty()) message = PQresultErrorMessage(result);
  }
  if (message.empty()) message = PQerrorMessage(conn);
  // FATAL (or PANIC) ends the session: the server is closing the connection.
  const char* severity =
      result != nullptr ? PQresultErrorField(result, PG_DIAG_SEVERITY_NONLOCALIZED) : nullptr;
  const bool fatal = severity != nullptr && (std::string_view(severity) == "FATAL" ||
                                             std::string_view(severity) == "PANIC");
  const bool lost = fatal || PQstatus(conn) == CONNECTION_BAD;
  if (lost) message = connection_lost(message);
  if (message.empty()) message = "unknown libpq error";
  return {DatabaseError(trim_trailing_newlines(message), sqlstate, std::string(statement)),
          lost ? DatabaseErrorKind::broken_connection : database_error_kind(sqlstate)};
}

Result to_result(const PGresult* result) {
  std::vector<std::string> names;
  const int columns = PQnfields(result);
  names.reserve(columns);
  for (int c = 0; c < columns; ++c) names.emplace_back(PQfname(result, c));
  std::vector<std::vector<std::optional<std::string>>> rows;
  const int count = PQntuples(result);
  rows.reserve(count);
  for (int r = 0; r < count; ++r) {
    std::vector<std::optional<std::string>> row;
    row.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      if (PQgetisnull(result, r, c)) {
        row.emplace_back(std::nullopt);
      } else {
        row.emplace_back(std::string(PQgetvalue(result, r, c), PQgetlength(result, r, c)));
      }
    }
    rows.push_back(std::move(row));
  }
  return Result(std::move(names), std::move(rows));
}

// Turns a finished result into a Result, or throws what the server said.
Result take_result(PGconn* conn, ResultPtr result, std::string_view statement) {
  if (!result) error_from(conn, nullptr, statement).raise();
  switch (PQresultStatus(result.get())) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_EMPTY_QUERY:
      return to_result(result.get());
    case PGRES_COPY_IN:
    case PGRES_COPY_OUT:
    case PGRES_COPY_BOTH:
      throw DatabaseError("COPY is not supported by structmig::Connection", "",
                          std::string(statement));
    default:
      error_from(conn, result.get(), statement).raise();
  }
}

DatabaseError closed_connection() {
  return DatabaseError("the connection is closed (it was moved from)", "", "");
}

}  // namespace

// Heterogeneous lookup: a statement's text is found without copying it.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

struct Connection::Impl {
  PGconn* conn = nullptr;
  /// exec_prepared's statements: text → server-side name.
  std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> prepared;
  /// Server NOTICEs ("table does not exist, skipping") are expected during
  /// migrations and would only litter the application's stderr: ignored
  /// unless someone asked for them (set_notice_handler).
  std::function<void(std::string_view)> notice_handler;
  static void receive_notice(void* arg, const PGresult* result) {
    const auto* impl = static_cast<const Impl*>(arg);
    if (!impl->notice_handler) return;
    const char* message = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
    try {
      impl->notice_handler(message == nullptr ? std::string_view() : std::string_view(message));
    } catch (...) {  // never through libpq
    }
  }
  ~Impl() {
    if (conn != nullptr) PQfinish(conn);
  }

  // Leaves pipeline mode after a failure in the middle of sending: sync,
  // drain whatever the server still answers, exit. Best effort.
  void abandon_pipeline() const {
    if (PQpipelineSync(conn) == 1) {
      for (int nulls = 0; nulls < 2;) {
        ResultPtr result(PQgetResult(conn));
        if (!result) {
          ++nulls;
          continue;
        }
        nulls = 0;
        if (PQresultStatus(result.get()) == PGRES_PIPELINE_SYNC) break;
      }
    }
    PQexitPipelineMode(conn);
  }
};

Connection::Connection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Connection::Connection(Connection&&) noexcept = default;
Connection& Connection::operator=(Connection&&) noexcept = default;
Connection::~Connection() = default;

Connection Connection::open(const std::string& conninfo) {
  auto impl = std::make_unique<Impl>();
  impl->conn = PQconnectdb(conninfo.c_str());
  if (impl->conn == nullptr)
    throw DatabaseError("out of memory creating a libpq connection", "", "");
  if (PQstatus(impl->conn) != CONNECTION_OK) {
    // libpq may quote the conninfo back, or pieces of a malformed URI.
    throw BrokenConnection(DatabaseError(
        redact_secrets(trim_trailing_newlines(PQerrorMessage(impl->conn)), conninfo), "", ""));
  }
  PQsetNoticeReceiver(impl->conn, &Impl::receive_notice, impl.get());
  return Connection(std::move(impl));
}

Connection Connection::open_another() const {
  if (!impl_ || impl_->conn == nullptr) throw closed_connection();
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(PQconninfo(impl_->conn),
                                                                        &PQconninfoFree);
  if (!options) throw DatabaseError("out of memory reading the connection's parameters", "", "");
  std::vector<const char*> keywords;
  std::vector<const char*> values;
  for (const PQconninfoOption* option = options.get(); option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    keywords.push_back(option->keyword);
    values.push_back(option->val);
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  auto impl = std::make_unique<Impl>();
  impl->conn = PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/0);
  if (impl->conn == nullptr)
    throw DatabaseError("out of memory creating a libpq connection", "", "");
  if (PQstatus(impl->conn) != CONNECTION_OK) {
    throw BrokenConnection(
        DatabaseError(trim_trailing_newlines(PQerrorMessage(impl->conn)), "", ""));
  }
  PQsetNoticeReceiver(impl->conn, &Impl::receive_notice, impl.get());
  return Connection(std::move(impl));
}

int Connection::backend_pid() const noexcept {
  return impl_ && impl_->conn != nullptr ? PQbackendPID(impl_->conn) : 0;
}

void Connection::set_notice_handler(std::function<void(std::string_view message)> handler) {
  if (!impl_) throw closed_connection();
  impl_->notice_handler = std::move(handler);
}

bool Connection::is_open() const noexcept {
  return impl_ && impl_->conn != nullptr && PQstatus(impl_->conn) == CONNECTION_OK;
}

Result Connection::exec(std::string_view sql) {
  if (!impl_) throw closed_connection();
  PGconn* conn = impl_->conn;
  const std::string text(sql);
  // PQexec returns only the last result of a multi-statement string, but
  // stops at the first failing one and reports that.
  return take_result(conn, ResultPtr(PQexec(conn, text.c_str())), sql);
}

Result Connection::exec_params(std::string_view sql, const Params& params) {
  if (!impl_) throw closed_connection();
  PGconn* conn = impl_->conn;
  const std::string text(sql);
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
  ResultPtr result(PQexecParams(conn, text.c_str(), static_cast<int>(values.size()),
                                nullptr /* types inferred */, values.data(),
                                nullptr /* text: lengths unused */, nullptr /* all text */,
                                0 /* text results */));
  return take_result(conn, std::move(result), sql);
}

void Connection::exec_pipeline(const std::vector<std::string>& statements) {
  if (statements.empty()) return;
  if (!impl_) throw closed_connection();
  PGconn* conn = impl_->conn;
  if (PQenterPipelineMode(conn) != 1) error_from(conn, nullptr, "").raise();

  // Blocking mode: every statement is queued before any result is read. The
  // server's answers to DDL are a few bytes each, so the socket buffers hold
  // them for any realistic migration; only a pipeline of many thousands of
  // statements could make both sides wait on a full buffer.
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (PQsendQueryParams(conn, statements[i].c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0) !=
        1) {
      const Failure cause = error_from(conn, nullptr, statements[i]);
      impl_->abandon_pipeline();
      std::rethrow_exception(detail::with_context<StatementError>(cause.kind, cause.error, i));
    }
  }
  if (PQpipelineSync(conn) != 1) {
    const Failure cause = error_from(conn, nullptr, "");
    impl_->abandon_pipeline();
    cause.raise();
  }

  // Results arrive in order: each statement's result(s) then a null, and the
  // synchronisation point last. After the first failure the server skips
  // the rest, which libpq reports as PGRES_PIPELINE_ABORTED.
  std::exception_ptr failure;  // a StatementError of the first failure's kind
  std::size_t index = 0;
  for (;;) {
    ResultPtr result(PQgetResult(conn));
    if (!result) {
      ++index;
      if (index > statements.size()) {  // no sync will come: the connection is gone
        const Failure cause = error_from(conn, nullptr, "");
        PQexitPipelineMode(conn);
        if (failure) std::rethrow_exception(failure);
        std::rethrow_exception(
            detail::with_context<StatementError>(cause.kind, cause.error, statements.size()));
      }
      continue;
    }
    const ExecStatusType status = PQresultStatus(result.get());
    if (status == PGRES_PIPELINE_SYNC) break;
    if ((status == PGRES_FATAL_ERROR || status == PGRES_BAD_RESPONSE) && !failure) {
      const std::size_t at = std::min(index, statements.size() - 1);
      const Failure cause = error_from(conn, result.get(), statements[at]);
      failure = detail::with_context<StatementError>(cause.kind, cause.error, at);
    }
  }
  if (PQexitPipelineMode(conn) != 1 && !failure) error_from(conn, nullptr, "").raise();
  if (failure) std::rethrow_exception(failure);
}

bool RowView::is_null(int column) const noexcept {
  return PQgetisnull(static_cast<const PGresult*>(result_), row_, column) != 0;
}

std::string_view RowView::text(int column) const noexcept {
  const auto* result = static_cast<const PGresult*>(result_);
  return {PQgetvalue(result, row_, column),
          static_cast<std::size_t>(PQgetlength(result, row_, column))};
}

std::uint64_t Connection::exec_prepared(std::string_view sql, std::span<const char* const> params,
                                        const RowCallback& on_row) {
  if (!impl_) throw closed_connection();
  PGconn* conn = impl_->conn;
  auto found = impl_->prepared.find(sql);
  if (found == impl_->prepared.end()) {
    // Named per connection; unnamed statements would be replaced by any other.
    std::string name = "structmig_" + std::to_string(impl_->prepared.size() + 1);
    const std::string text(sql);
    take_result(conn, ResultPtr(PQprepare(conn, name.c_str(), text.c_str(), 0, nullptr)), sql);
    found = impl_->prepared.emplace(text, std::move(name)).first;
  }
  ResultPtr result(PQexecPrepared(conn, found->second.c_str(), static_cast<int>(params.size()),
                                  params.data(), nullptr, nullptr, 0 /* text results */));
  if (!result) error_from(conn, nullptr, sql).raise();
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    error_from(conn, result.get(), sql).raise();
  }
  const int rows = PQntuples(result.get());
  if (on_row) {
    const int columns = PQnfields(result.get());
    for (int r = 0; r < rows; ++r) on_row(RowView(result.get(), r, columns));
  }
  const char* affected = PQcmdTuples(result.get());
  std::uint64_t count = 0;
  if (affected[0] == '\0') return static_cast<std::uint64_t>(rows);
  std::from_chars(affected, affected + std::char_traits<char>::length(affected), count);
  return count;
}

std::size_t Connection::prepared_statement_count() const noexcept {
  return impl_ ? impl_->prepared.size() : 0;
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.exec("BEGIN");
}

Transaction::~Transaction() {
  if (!open_) return;
  try {
    connection_.exec("ROLLBACK");
  } catch (...) {  // a destructor must not throw; a broken connection rolls back anyway
  }
}

void Transaction::commit() {
  // Whether COMMIT succeeds or fails, the transaction is over afterwards.
  open_ = false;
  connection_.exec("COMMIT");
}

}  // namespace structmig
