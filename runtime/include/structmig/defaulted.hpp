// structmig::defaulted<T>: a model field whose column has a server default
// (STRUCTMIG_COLUMN(default("SQL"))) and whose value the caller may leave to
// the server. Empty, insert() and update() write the column's DEFAULT; holding
// a value, they write that value. The column is T's column (NOT NULL unless T
// is std::optional<U>): the wrapper changes what the mapping sends, never the
// schema.
//
//   STRUCTMIG_COLUMN(default("'open'")) structmig::defaulted<std::string> status;
//
//   insert(db, Ticket{.title = "Printer on fire"});                    // status: 'open'
//   insert(db, Ticket{.title = "Printer on fire", .status = "closed"});  // status: 'closed'
//
// A plain field (std::string status) is always written, default or not: the
// mapping never replaces a value by the server's default. defaulted<T> on a
// column without default(...) is a model mistake the generator reports.
#pragma once

#include <compare>
#include <concepts>
#include <optional>
#include <type_traits>
#include <utility>

namespace structmig {

template <typename T>
class defaulted {
 public:
  using value_type = T;

  /// Empty: the server's default.
  defaulted() = default;
  defaulted(std::nullopt_t) {}
  defaulted(const T& value) : value_(value) {}
  defaulted(T&& value) : value_(std::move(value)) {}
  /// A value T is built from ("closed" for a std::string).
  template <typename U>
    requires(!std::same_as<std::remove_cvref_t<U>, defaulted> &&
             !std::same_as<std::remove_cvref_t<U>, T> &&
             !std::same_as<std::remove_cvref_t<U>, std::nullopt_t> &&
             std::is_constructible_v<T, U &&>)
  defaulted(U&& value) : value_(std::in_place, std::forward<U>(value)) {}

  /// True when the field holds a value (written as it is).
  bool has_value() const noexcept { return value_.has_value(); }
  explicit operator bool() const noexcept { return has_value(); }
  /// The value; throws std::bad_optional_access when empty.
  const T& value() const& { return value_.value(); }
  T& value() & { return value_.value(); }
  template <typename U>
  T value_or(U&& fallback) const& {
    return value_.value_or(std::forward<U>(fallback));
  }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }
  /// Empties the field: the next insert or update writes the server's default.
  void reset() noexcept { value_.reset(); }

  friend bool operator==(const defaulted&, const defaulted&) = default;
  friend bool operator==(const defaulted& field, const T& value) {
    return field.value_ && *field.value_ == value;
  }

 private:
  std::optional<T> value_;
};

template <typename T>
struct is_defaulted : std::false_type {};
template <typename T>
struct is_defaulted<defaulted<T>> : std::true_type {};

}  // namespace structmig
