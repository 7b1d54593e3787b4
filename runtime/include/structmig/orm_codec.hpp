// How each mapped C++ type converts to and from PostgreSQL's text format:
// codec<T>::write appends the value's text to a buffer (a statement
// parameter), codec<T>::read parses a column's text into the value. A failure
// throws detail::ConversionFailure with the reason; the mapper (orm.hpp) adds
// the table, column and value. std::optional (NULL) is the mapper's business,
// and an array's NULL elements map to std::vector<std::optional<T>>.
//
//   bool            t / f
//   int16/32/64     decimal, range-checked on read (any integral type as a parameter)
//   float, double   shortest round-trip decimal; NaN, Infinity, -Infinity
//   std::string     the text itself (also std::string_view and const char* as parameters)
//   timestamp       1969-07-20 20:17:40.123456+00 (read: any ±hh[:mm[:ss]] offset, BC,
//                   needs DateStyle ISO); microseconds (finer is floored on write);
//                   time_point::max()/min() ↔ infinity/-infinity
//   local_timestamp 1969-07-20 20:17:40.123456; max()/min() ↔ infinity/-infinity
//   date            1969-07-20; max()/min() ↔ infinity/-infinity
//   uuid            8-4-4-4-12 lowercase hex
//   jsonb, numeric  their text, unchanged
//   bytea           \x hex (read: hex or escape format)
//   enum            its label from enum_traits<E>
//   std::vector<T>  {"a","b \"q\" \\"} one dimension, elements always quoted on write;
//                   a NULL element fails unless the element type is std::optional
#pragma once

#include <charconv>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include "structmig/orm_error.hpp"
#include "structmig/orm_traits.hpp"
#include "structmig/types.hpp"

namespace structmig::detail {

template <typename T>
struct is_optional : std::false_type {};
template <typename T>
struct is_optional<std::optional<T>> : std::true_type {};

/// The conversion of one C++ type; no definition means "not a mapped type".
template <typename T>
struct codec;

template <>
struct codec<bool> {
  static void write(bool value, std::string& out) { out += value ? 't' : 'f'; }
  static void read(std::string_view text, bool& value) {
    if (text == "t" || text == "true") {
      value = true;
    } else if (text == "f" || text == "false") {
      value = false;
    } else {
      throw ConversionFailure("not a boolean (t or f)");
    }
  }
};

template <typename T>
concept mapped_integer = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                         !std::same_as<T, char8_t> && !std::same_as<T, char16_t> &&
                         !std::same_as<T, char32_t> && !std::same_as<T, wchar_t>;

template <mapped_integer T>
struct codec<T> {
  static void write(T value, std::string& out) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, end);
  }
  static void read(std::string_view text, T& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range)
      throw ConversionFailure("out of the C++ type's range");
    if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
      throw ConversionFailure("not an integer");
    }
  }
};

void write_float(double value, std::string& out);
void write_float(float value, std::string& out);
void read_float(std::string_view text, double& value);
void read_float(std::string_view text, float& value);

template <std::floating_point T>
requires(std::same_as<T, float> || std::same_as<T, double>) struct codec<T> {
  static void write(T value, std::string& out) { write_float(value, out); }
  static void read(std::string_view text, T& value) { read_float(text, value); }
};

template <>
struct codec<std::string> {
  static void write(const std::string& value, std::string& out) { out += value; }
  static void read(std::string_view text, std::string& value) { value.assign(text); }
};
template <>
struct codec<std::string_view> {  // parameters only
  static void write(std::string_view value, std::string& out) { out += value; }
};
template <>
struct codec<const char*> {  // parameters only
  static void write(const char* value, std::string& out) { out += value; }
};
template <>
struct codec<char*> : codec<const char*> {};  // a string literal parameter, decayed

void write_timestamp(const timestamp& value, std::string& out);
void read_timestamp(std::string_view text, timestamp& value);
void write_local_timestamp(const local_timestamp& value, std::string& out);
void read_local_timestamp(std::string_view text, local_timestamp& value);
void write_date(const date& value, std::string& out);
void read_date(std::string_view text, date& value);

template <>
struct codec<timestamp> {
  static void write(const timestamp& value, std::string& out) { write_timestamp(value, out); }
  static void read(std::string_view text, timestamp& value) { read_timestamp(text, value); }
};
template <>
struct codec<local_timestamp> {
  static void write(const local_timestamp& value, std::string& out) {
    write_local_timestamp(value, out);
  }
  static void read(std::string_view text, local_timestamp& value) {
    read_local_timestamp(text, value);
  }
};
template <>
struct codec<date> {
  static void write(const date& value, std::string& out) { write_date(value, out); }
  static void read(std::string_view text, date& value) { read_date(text, value); }
};

void write_uuid(const uuid& value, std::string& out);
void read_uuid(std::string_view text, uuid& value);

template <>
struct codec<uuid> {
  static void write(const uuid& value, std::string& out) { write_uuid(value, out); }
  static void read(std::string_view text, uuid& value) { read_uuid(text, value); }
};
template <>
struct codec<jsonb> {
  static void write(const jsonb& value, std::string& out) { out += value.text; }
  static void read(std::string_view text, jsonb& value) { value.text.assign(text); }
};
template <int P, int S>
struct codec<numeric<P, S>> {
  static void write(const numeric<P, S>& value, std::string& out) { out += value.text; }
  static void read(std::string_view text, numeric<P, S>& value) { value.text.assign(text); }
};

void write_bytea(const bytea& value, std::string& out);
void read_bytea(std::string_view text, bytea& value);

template <>
struct codec<bytea> {
  static void write(const bytea& value, std::string& out) { write_bytea(value, out); }
  static void read(std::string_view text, bytea& value) { read_bytea(text, value); }
};

template <typename E>
requires std::is_enum_v<E> && requires { enum_traits<E>::labels; }
struct codec<E> {
  static void write(E value, std::string& out) {
    for (const auto& entry : enum_traits<E>::labels) {
      if (entry.value == value) {
        out += entry.label;
        return;
      }
    }
    throw ConversionFailure("not an enumerator of the enum (value " +
                            std::to_string(static_cast<long long>(value)) + ")");
  }
  static void read(std::string_view text, E& value) {
    for (const auto& entry : enum_traits<E>::labels) {
      if (entry.label == text) {
        value = entry.value;
        return;
      }
    }
    throw ConversionFailure("not a label of the enum " + std::string(enum_traits<E>::name));
  }
};

/// Appends `element` to an array literal being built: always quoted, with
/// backslashes and double quotes escaped.
void append_array_element(std::string_view element, std::string& out);
/// The elements of a one-dimensional array literal, unquoted and unescaped;
/// NULL elements as nullopt. Throws ConversionFailure.
std::vector<std::optional<std::string>> split_array(std::string_view text);

template <typename T>
struct codec<std::vector<T>> {
  static void write(const std::vector<T>& values, std::string& out) {
    out += '{';
    std::string element;
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (i != 0) out += ',';
      if constexpr (is_optional<T>::value) {
        if (!values[i]) {
          out += "NULL";
          continue;
        }
        element.clear();
        codec<typename T::value_type>::write(*values[i], element);
      } else {
        element.clear();
        codec<T>::write(values[i], element);
      }
      append_array_element(element, out);
    }
    out += '}';
  }
  static void read(std::string_view text, std::vector<T>& values) {
    auto elements = split_array(text);
    values.clear();
    values.reserve(elements.size());
    for (auto& element : elements) {
      if constexpr (is_optional<T>::value) {
        if (!element) {
          values.emplace_back(std::nullopt);
          continue;
        }
        typename T::value_type value{};
        codec<typename T::value_type>::read(*element, value);
        values.emplace_back(std::move(value));
      } else {
        if (!element) {
          throw ConversionFailure(
              "a NULL array element (map the column to std::vector<std::optional<T>> to allow it)");
        }
        T value{};
        codec<T>::read(*element, value);
        values.push_back(std::move(value));
      }
    }
  }
};

}  // namespace structmig::detail
