// Model structs as rows: insert, find, select, update and remove a struct
// through Boost.PFR and the metadata the structmig generator writes for it
// (model_traits<T>, enum_traits<E>; the contract is in orm_traits.hpp, the
// text form of every type in orm_codec.hpp). Every call runs on the given
// connection, so inside the caller's Transaction when one is open; every
// statement is prepared once per connection and reused; values are always
// bound as parameters, never spliced into SQL.
//
//   auto stored = structmig::insert(conn, Ticket{.title = "Printer on fire"});
//   // every field is written as it is, but identity keys (generated) and
//   // empty structmig::defaulted<T> fields (the column's DEFAULT)
//   std::optional<Ticket> t = structmig::find<Ticket>(conn, stored.id);
//   auto open = structmig::select<Ticket>(conn, "status = $1 ORDER BY id", TicketStatus::open);
//   t->title = "Printer still on fire";
//   bool changed = structmig::update(conn, *t);
//   bool gone = structmig::remove<Ticket>(conn, t->id);
//
// A value that does not convert throws MappingError naming the table, the
// column and the value; the server's errors are DatabaseError.
#pragma once

#include <boost/pfr/core.hpp>

#include <array>
#include <cstring>
#include <optional>
#include <span>
#include <tuple>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/defaulted.hpp"
#include "structmig/orm_codec.hpp"
#include "structmig/orm_error.hpp"
#include "structmig/orm_sql.hpp"
#include "structmig/orm_traits.hpp"

namespace structmig {

/// A struct with generated metadata.
template <typename T>
concept Model = requires {
  model_traits<T>::table;
  model_traits<T>::columns;
  model_traits<T>::primary_key;
};

/// What insert() sends. Either way an empty structmig::defaulted<T> field
/// gets its column's DEFAULT and every other field is written as it is.
enum class InsertColumns {
  /// Identity columns are left to the server (their field must be 0: a key
  /// the caller set throws MappingError instead of being replaced).
  ungenerated,
  /// Every field, identity included (OVERRIDING SYSTEM VALUE): copying rows
  /// with their keys. An identity's sequence does not advance.
  all,
};

namespace detail {

/// Whether field I of T may be a structmig::defaulted<…>: only when its
/// column has a server default (Generated::server_default).
template <Model T, std::size_t I>
constexpr bool defaulted_allowed() {
  using Field = boost::pfr::tuple_element_t<I, T>;
  return !is_defaulted<Field>::value ||
         model_traits<T>::columns[I].generated == Generated::server_default;
}

template <Model T>
constexpr void check_metadata() {
  static_assert(model_traits<T>::columns.size() == boost::pfr::tuple_size_v<T>,
                "structmig: model_traits<T>::columns must have one entry per field of T");
  static_assert(!model_traits<T>::primary_key.empty(),
                "structmig: model_traits<T>::primary_key must not be empty");
  static_assert(
      []<std::size_t... I>(std::index_sequence<I...>) {
        return (defaulted_allowed<T, I>() && ...);
      }(std::make_index_sequence<boost::pfr::tuple_size_v<T>>{}),
      "structmig: a structmig::defaulted<...> field maps to a column without a server default "
      "(give the column default(\"SQL\") or the field its plain type)");
}

template <Model T>
const ModelStatements& statements_of() {
  static const ModelStatements statements = build_statements(
      {model_traits<T>::table, model_traits<T>::columns, model_traits<T>::primary_key});
  return statements;
}

template <Model T>
constexpr bool in_key(std::size_t field) {
  for (std::size_t k : model_traits<T>::primary_key) {
    if (k == field) return true;
  }
  return false;
}

template <typename V>
std::string printable(const V& value) {
  if constexpr (std::is_enum_v<V>) {
    return std::to_string(static_cast<long long>(value));
  } else if constexpr (std::is_arithmetic_v<V>) {
    return std::to_string(value);
  } else {
    return "";
  }
}

/// Statement parameters as NUL-terminated text, built value by value.
class ParamBuffer {
 public:
  explicit ParamBuffer(std::size_t count) { offsets_.reserve(count); }

  /// Appends one value (std::optional: NULL when empty); `column` names it in
  /// errors. An empty structmig::defaulted<T> has no value to bind: the
  /// statement must say DEFAULT in its place (see default_fields), so here,
  /// where one is bound (a key, a select parameter), it throws MappingError.
  template <typename V>
  void add(const V& value, std::string_view table, std::string_view column) {
    if constexpr (is_defaulted<V>::value) {
      if (!value.has_value()) {
        throw_write_error(table, column, "(the server's default)",
                          "an empty structmig::defaulted field has no value to bind here (a key "
                          "or a query parameter); only insert and update can write DEFAULT");
      }
      add(*value, table, column);
    } else if constexpr (is_optional<V>::value) {
      if (!value) {
        offsets_.push_back(-1);
        return;
      }
      add(*value, table, column);
    } else {
      const std::size_t start = text_.size();
      try {
        codec<std::decay_t<V>>::write(value, text_);
      } catch (const ConversionFailure& failure) {
        throw_write_error(table, column, printable(value), failure.what());
      }
      if (std::memchr(text_.data() + start, '\0', text_.size() - start) != nullptr) {
        throw_write_error(table, column, text_.substr(start),
                          "contains a NUL byte, which PostgreSQL text cannot hold");
      }
      text_ += '\0';
      offsets_.push_back(static_cast<std::ptrdiff_t>(start));
    }
  }

  std::span<const char* const> values() {
    pointers_.clear();
    pointers_.reserve(offsets_.size());
    for (std::ptrdiff_t offset : offsets_) {
      pointers_.push_back(offset < 0 ? nullptr : text_.data() + offset);
    }
    return pointers_;
  }

 private:
  std::string text_;
  std::vector<std::ptrdiff_t> offsets_;  // -1: NULL
  std::vector<const char*> pointers_;
};

template <Model T, std::size_t I, typename Field>
void read_plain_field(const RowView& row, Field& field) {
  constexpr std::string_view table = model_traits<T>::table;
  constexpr std::string_view column = model_traits<T>::columns[I].name;
  constexpr int index = static_cast<int>(I);
  const std::string_view text = row.text(index);
  // A NULL reads as "": ask libpq about NULL only for empty text.
  if (text.empty() && row.is_null(index)) {
    if constexpr (is_optional<Field>::value) {
      field.reset();
      return;
    } else {
      throw_read_error(table, column, "NULL", "NULL in a column whose field is not std::optional");
    }
  }
  try {
    if constexpr (is_optional<Field>::value) {
      codec<typename Field::value_type>::read(text, field.emplace());
    } else {
      codec<Field>::read(text, field);
    }
  } catch (const ConversionFailure& failure) {
    throw_read_error(table, column, text, failure.what());
  }
}

template <Model T, std::size_t I, typename Field>
void read_field(const RowView& row, Field& field) {
  if constexpr (is_defaulted<Field>::value) {  // the value the server stored
    typename Field::value_type value{};
    read_plain_field<T, I>(row, value);
    field = std::move(value);
  } else {
    read_plain_field<T, I>(row, field);
  }
}

/// A row whose columns are the model's, in field order.
template <Model T>
T read_row(const RowView& row) {
  if (row.columns() != static_cast<int>(boost::pfr::tuple_size_v<T>)) {
    throw_read_error(model_traits<T>::table, "*", std::to_string(row.columns()) + " columns",
                     "the result does not have one column per field");
  }
  T value{};
  auto fields = boost::pfr::structure_tie(value);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (read_field<T, I>(row, std::get<I>(fields)), ...);
  }
  (std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});
  return value;
}

template <std::size_t I, typename Fields, typename Eligible, std::size_t N>
void mark_default(const Fields& fields, Eligible& eligible, std::array<bool, N>& marks,
                  bool& any) {
  using Field = std::remove_cvref_t<std::tuple_element_t<I, Fields>>;
  if constexpr (is_defaulted<Field>::value) {
    marks[I] = eligible(I) && !std::get<I>(fields).has_value();
    any = any || marks[I];
  }
}

/// The fields among those `eligible(I)` selects that are empty
/// structmig::defaulted<T>: the statement writes DEFAULT for them.
template <Model T, typename Eligible>
std::array<bool, boost::pfr::tuple_size_v<T>> default_fields(const T& row, Eligible eligible,
                                                             bool& any) {
  std::array<bool, boost::pfr::tuple_size_v<T>> marks{};
  const auto fields = boost::pfr::structure_tie(row);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (mark_default<I>(fields, eligible, marks, any), ...);
  }
  (std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});
  return marks;
}

template <Model T, std::size_t I, typename Fields>
void check_identity_field(const Fields& fields) {
  using Field = std::remove_cvref_t<std::tuple_element_t<I, Fields>>;
  if constexpr (model_traits<T>::columns[I].generated == Generated::identity &&
                std::is_arithmetic_v<Field>) {
    if (std::get<I>(fields) != Field{}) {
      throw_write_error(model_traits<T>::table, model_traits<T>::columns[I].name,
                        printable(std::get<I>(fields)),
                        "an identity column: insert() lets the server generate it, so the field "
                        "must be left 0; insert with InsertColumns::all to write this value");
    }
  }
}

/// Throws MappingError when an identity field holds anything but its type's
/// zero: insert() leaves identity columns to the server, and a key the
/// caller chose must not be silently replaced by a generated one.
template <Model T>
void check_identity_unset(const T& row) {
  const auto fields = boost::pfr::structure_tie(row);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (check_identity_field<T, I>(fields), ...);
  }
  (std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});
}

/// Adds field I when `wanted(I)`, in field order.
template <Model T, typename Wanted>
void add_fields(ParamBuffer& params, const T& row, Wanted wanted) {
  const auto fields = boost::pfr::structure_tie(row);
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    (
        [&] {
          if (wanted(I)) {
            params.add(std::get<I>(fields), model_traits<T>::table,
                       model_traits<T>::columns[I].name);
          }
        }(),
        ...);
  }
  (std::make_index_sequence<boost::pfr::tuple_size_v<T>>{});
}

/// The key values of find/remove, each converted to its field's type.
template <Model T, typename... Key>
void add_key(ParamBuffer& params, const Key&... key) {
  static_assert(sizeof...(Key) == model_traits<T>::primary_key.size(),
                "structmig: pass one value per primary-key column, in key order");
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (
        [&] {
          constexpr std::size_t field = model_traits<T>::primary_key[K];
          using Field = boost::pfr::tuple_element_t<field, T>;
          const auto& value = std::get<K>(std::forward_as_tuple(key...));
          static_assert(std::is_convertible_v<decltype(value), Field>,
                        "structmig: a key value does not convert to its field's type");
          const Field converted = value;
          params.add(converted, model_traits<T>::table, model_traits<T>::columns[field].name);
        }(),
        ...);
  }
  (std::index_sequence_for<Key...>{});
}

}  // namespace detail

/// Inserts `row` and returns it as stored: generated keys and server defaults
/// filled in (INSERT … RETURNING every column). Every field is written as it
/// is but identity keys (see InsertColumns) and empty structmig::defaulted<T>
/// fields, which get their column's DEFAULT.
template <Model T>
T insert(Connection& connection, const T& row, InsertColumns columns = InsertColumns::ungenerated) {
  detail::check_metadata<T>();
  const bool all = columns == InsertColumns::all;
  if (!all) detail::check_identity_unset(row);
  const auto sent = [all](std::size_t field) {
    return all || model_traits<T>::columns[field].generated != Generated::identity;
  };
  bool any_default = false;
  const auto defaults = detail::default_fields(row, sent, any_default);
  const auto& statements = detail::statements_of<T>();
  std::string with_defaults;
  if (any_default) {
    with_defaults = detail::insert_statement(
        {model_traits<T>::table, model_traits<T>::columns, model_traits<T>::primary_key}, all,
        defaults);
  }
  const std::string& sql =
      any_default ? with_defaults : (all ? statements.insert_all : statements.insert);
  detail::ParamBuffer params(boost::pfr::tuple_size_v<T>);
  detail::add_fields(params, row,
                     [&](std::size_t field) { return sent(field) && !defaults[field]; });
  std::optional<T> stored;
  connection.exec_prepared(sql, params.values(),
                           [&](const RowView& r) { stored = detail::read_row<T>(r); });
  if (!stored) {  // a BEFORE INSERT trigger returned NULL, or a rule rewrote the insert
    throw DatabaseError(
        "the insert into " + std::string(model_traits<T>::table) + " returned no row", "", sql);
  }
  return std::move(*stored);
}

/// The row with this primary key (one value per key column, in key order).
template <Model T, typename... Key>
std::optional<T> find(Connection& connection, const Key&... key) {
  detail::check_metadata<T>();
  detail::ParamBuffer params(sizeof...(Key));
  detail::add_key<T>(params, key...);
  std::optional<T> found;
  connection.exec_prepared(detail::statements_of<T>().find, params.values(),
                           [&](const RowView& r) { found = detail::read_row<T>(r); });
  return found;
}

/// The rows matching `where`: SQL after WHERE (may end in ORDER BY / LIMIT),
/// with $1… bound to `params` (any mapped type, std::optional for NULL; a
/// vector binds as an array: "id = ANY($1)"). An empty `where` selects every
/// row. Each distinct text is prepared once per connection, so keep the
/// text constant and vary the parameters.
template <Model T, typename... Param>
std::vector<T> select(Connection& connection, std::string_view where, const Param&... params) {
  detail::check_metadata<T>();
  std::string sql = detail::statements_of<T>().select;
  if (!where.empty()) {
    sql += " WHERE ";
    sql += where;
  }
  detail::ParamBuffer buffer(sizeof...(Param));
  int number = 0;
  (buffer.add(params, model_traits<T>::table, "$" + std::to_string(++number)), ...);
  std::vector<T> rows;
  connection.exec_prepared(sql, buffer.values(),
                           [&](const RowView& r) { rows.push_back(detail::read_row<T>(r)); });
  return rows;
}

/// Writes every field of `row` (but non-key identity columns) to the row with
/// its primary key, an empty structmig::defaulted<T> field as its column's
/// DEFAULT; returns whether such a row existed.
template <Model T>
bool update(Connection& connection, const T& row) {
  detail::check_metadata<T>();
  const auto updated = [](std::size_t field) {
    return detail::updated_field(model_traits<T>::columns[field], detail::in_key<T>(field));
  };
  bool any_default = false;
  const auto defaults = detail::default_fields(
      row, [&](std::size_t field) { return updated(field) && !detail::in_key<T>(field); },
      any_default);
  std::string with_defaults;
  if (any_default) {
    with_defaults = detail::update_statement(
        {model_traits<T>::table, model_traits<T>::columns, model_traits<T>::primary_key},
        defaults);
  }
  detail::ParamBuffer params(boost::pfr::tuple_size_v<T>);
  detail::add_fields(params, row,
                     [&](std::size_t field) { return updated(field) && !defaults[field]; });
  return connection.exec_prepared(any_default ? with_defaults : detail::statements_of<T>().update,
                                  params.values()) > 0;
}

/// Deletes the row with this primary key; returns whether there was one.
template <Model T, typename... Key>
bool remove(Connection& connection, const Key&... key) {
  detail::check_metadata<T>();
  detail::ParamBuffer params(sizeof...(Key));
  detail::add_key<T>(params, key...);
  return connection.exec_prepared(detail::statements_of<T>().remove, params.values()) > 0;
}

/// Deletes the row with `row`'s primary key; returns whether there was one.
template <Model T>
bool remove(Connection& connection, const T& row) {
  detail::check_metadata<T>();
  detail::ParamBuffer params(model_traits<T>::primary_key.size());
  const auto fields = boost::pfr::structure_tie(row);
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (params.add(std::get<model_traits<T>::primary_key[K]>(fields), model_traits<T>::table,
                model_traits<T>::columns[model_traits<T>::primary_key[K]].name),
     ...);
  }
  (std::make_index_sequence<model_traits<T>::primary_key.size()>{});
  return connection.exec_prepared(detail::statements_of<T>().remove, params.values()) > 0;
}

}  // namespace structmig
