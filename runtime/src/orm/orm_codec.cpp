// The text forms of the non-template scalar types: floating point (with
// PostgreSQL's spellings of NaN and the infinities), uuid and bytea.
#include <cmath>

#include "structmig/orm_codec.hpp"

namespace structmig::detail {
namespace {

template <typename T>
void write_floating(T value, std::string& out) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "Infinity" : "-Infinity";
  } else {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    out.append(buffer, end);
  }
}

template <typename T>
void read_floating(std::string_view text, T& value) {
  // from_chars reads nan/inf/infinity in any case, as PostgreSQL writes them.
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) throw ConversionFailure("out of the C++ type's range");
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) {
    throw ConversionFailure("not a floating-point number");
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr char hex_digits[] = "0123456789abcdef";

}  // namespace

void write_float(double value, std::string& out) { write_floating(value, out); }
void write_float(float value, std::string& out) { write_floating(value, out); }
void read_float(std::string_view text, double& value) { read_floating(text, value); }
void read_float(std::string_view text, float& value) { read_floating(text, value); }

void write_uuid(const uuid& value, std::string& out) {
  for (std::size_t i = 0; i < value.bytes.size(); ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex_digits[value.bytes[i] >> 4];
    out += hex_digits[value.bytes[i] & 0xf];
  }
}

void read_uuid(std::string_view text, uuid& value) {
  std::size_t byte = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '-') continue;
    if (byte == value.bytes.size() || i + 1 >= text.size()) throw ConversionFailure("not a uuid");
    const int high = hex_value(text[i]);
    const int low = hex_value(text[i + 1]);
    if (high < 0 || low < 0) throw ConversionFailure("not a uuid");
    value.bytes[byte++] = static_cast<std::uint8_t>(high << 4 | low);
    ++i;
  }
  if (byte != value.bytes.size()) throw ConversionFailure("not a uuid");
}

void write_bytea(const bytea& value, std::string& out) {
  out.reserve(out.size() + 2 + 2 * value.size());
  out += "\\x";
  for (std::byte b : value) {
    const auto v = std::to_integer<unsigned>(b);
    out += hex_digits[v >> 4];
    out += hex_digits[v & 0xf];
  }
}

void read_bytea(std::string_view text, bytea& value) {
  value.clear();
  if (text.starts_with("\\x")) {  // bytea_output = hex (the default)
    if (text.size() % 2 != 0) throw ConversionFailure("not bytea in hex format (odd length)");
    value.reserve((text.size() - 2) / 2);
    for (std::size_t i = 2; i < text.size(); i += 2) {
      const int high = hex_value(text[i]);
      const int low = hex_value(text[i + 1]);
      if (high < 0 || low < 0) throw ConversionFailure("not bytea in hex format");
      value.push_back(static_cast<std::byte>(high << 4 | low));
    }
    return;
  }
  // bytea_output = escape: printable bytes as they are, \\ and \ooo octal.
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      value.push_back(static_cast<std::byte>(text[i]));
    } else if (i + 1 < text.size() && text[i + 1] == '\\') {
      value.push_back(std::byte{'\\'});
      ++i;
    } else if (i + 3 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '3' &&
               text[i + 2] >= '0' && text[i + 2] <= '7' && text[i + 3] >= '0' &&
               text[i + 3] <= '7') {
      value.push_back(static_cast<std::byte>((text[i + 1] - '0') * 64 + (text[i + 2] - '0') * 8 +
                                             (text[i + 3] - '0')));
      i += 3;
    } else {
      throw ConversionFailure("not bytea in escape format");
    }
  }
}

}  // namespace structmig::detail
