// A libpq connection as a move-only RAII value, text-format query results,
// and a transaction that rolls back unless committed. libpq's own types stay
// in the implementation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/error.hpp"

namespace structmig {

/// A statement of a pipeline failed: which one (0-based) and why.
/// Of the kind (LockTimeout …) of the statement's own error.
class StatementError : public virtual DatabaseError {
 public:
  StatementError(const DatabaseError& cause, std::size_t index)
      : DatabaseError(cause), index_(index) {}
  std::size_t index() const noexcept { return index_; }

 private:
  std::size_t index_;
};

/// The rows of one statement, every value as text (NULL as nullopt).
class Result {
 public:
  Result() = default;
  Result(std::vector<std::string> column_names,
         std::vector<std::vector<std::optional<std::string>>> rows)
      : column_names_(std::move(column_names)), rows_(std::move(rows)) {}

  std::size_t size() const noexcept { return rows_.size(); }
  bool empty() const noexcept { return rows_.empty(); }
  const std::vector<std::string>& column_names() const noexcept { return column_names_; }
  const std::optional<std::string>& at(std::size_t row, std::size_t column) const {
    return rows_.at(row).at(column);
  }
  /// The value, or "" for NULL.
  std::string text(std::size_t row, std::size_t column) const { return at(row, column).value_or(""); }

 private:
  std::vector<std::string> column_names_;
  std::vector<std::vector<std::optional<std::string>>> rows_;
};

using Params = std::vector<std::optional<std::string>>;

/// One row of a prepared statement's result, valid only during the callback
/// that receives it: values as text, straight from libpq's buffer.
class RowView {
 public:
  int columns() const noexcept { return columns_; }
  bool is_null(int column) const noexcept;
  /// The value's text ("" for NULL).
  std::string_view text(int column) const noexcept;

 private:
  friend class Connection;
  RowView(const void* result, int row, int columns)
      : result_(result), row_(row), columns_(columns) {}
  const void* result_;
  int row_;
  int columns_;
};

/// Receives each row of a prepared statement's result, in order.
using RowCallback = std::function<void(const RowView&)>;

class Connection {
 public:
  /// Connects with a libpq conninfo string or URI; throws DatabaseError.
  static Connection open(const std::string& conninfo);

  Connection(Connection&&) noexcept;
  Connection& operator=(Connection&&) noexcept;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  /// One statement (or several separated by ';', simple protocol); returns the
  /// last result. Throws DatabaseError.
  Result exec(std::string_view sql);
  /// One statement with $1.. parameters bound as text (never spliced into SQL).
  Result exec_params(std::string_view sql, const Params& params);
  /// Sends every statement in one round trip (libpq pipeline mode) and waits
  /// for all results. Stops at the first failure and throws StatementError with
  /// its index; the statements after it are not executed.
  void exec_pipeline(const std::vector<std::string>& statements);

  bool is_open() const noexcept;

  /// A new connection with this one's parameters (host, database, user,
  /// password …), e.g. to watch this one while it runs a long statement.
  Connection open_another() const;
  /// The process id of this connection's server backend (pg_backend_pid()),
  /// known without a round trip; 0 when closed.
  int backend_pid() const noexcept;
  /// Called with the primary message of every NOTICE (INFO, WARNING …) the
  /// server sends, as it arrives, also in the middle of a long statement;
  /// empty (the default): they are ignored. The handler must not throw.
  void set_notice_handler(std::function<void(std::string_view message)> handler);

  /// Runs `sql` as a server-side prepared statement: prepared on this
  /// connection the first time this text is run, reused after (cached by the
  /// statement text for the connection's life). Parameters are text, a null
  /// pointer is NULL. Calls `on_row` (when set) for every row and returns the
  /// number of rows the statement affected or returned. Throws DatabaseError.
  std::uint64_t exec_prepared(std::string_view sql, std::span<const char* const> params,
                              const RowCallback& on_row = {});
  /// How many statements exec_prepared has prepared on this connection.
  std::size_t prepared_statement_count() const noexcept;

 private:
  struct Impl;
  explicit Connection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// BEGIN on construction; ROLLBACK on destruction unless commit() was called.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void commit();

 private:
  Connection& connection_;
  bool open_ = true;
};

}  // namespace structmig
