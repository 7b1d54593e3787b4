// The text forms of timestamptz, timestamp and date in PostgreSQL's ISO
// DateStyle, to microseconds, years BC included, with ±infinity as the C++
// types' max()/min(). Written in UTC ("+00"); read with whatever offset the
// session's TimeZone gave the server's output.
#include <chrono>
#include <limits>
#include <optional>

#include "structmig/orm_codec.hpp"

namespace structmig::detail {
namespace {

using std::chrono::days;
using std::chrono::microseconds;

constexpr std::int64_t micros_per_day = 86'400'000'000;

void append_digits(std::string& out, std::int64_t value, int width) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  for (int pad = width - static_cast<int>(end - buffer); pad > 0; --pad) out += '0';
  out.append(buffer, end);
}

// "YYYY-MM-DD" (no era) from days since 1970-01-01; returns whether it is BC.
bool append_date(std::string& out, days since_epoch) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days{since_epoch}};
  const int year = static_cast<int>(ymd.year());
  const bool bc = year <= 0;
  append_digits(out, bc ? 1 - year : year, 4);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.month()), 2);
  out += '-';
  append_digits(out, static_cast<unsigned>(ymd.day()), 2);
  return bc;
}

// " HH:MM:SS[.ffffff]" from microseconds within a day.
void append_time(std::string& out, std::int64_t micros) {
  out += ' ';
  append_digits(out, micros / 3'600'000'000, 2);
  out += ':';
  append_digits(out, micros / 60'000'000 % 60, 2);
  out += ':';
  append_digits(out, micros / 1'000'000 % 60, 2);
  if (std::int64_t fraction = micros % 1'000'000; fraction != 0) {
    out += '.';
    append_digits(out, fraction, 6);
  }
}

// Days since the epoch and microseconds within that day, floored.
void append_date_time(std::string& out, std::int64_t micros_since_epoch, const char* zone) {
  std::int64_t day = micros_since_epoch / micros_per_day;
  std::int64_t rest = micros_since_epoch % micros_per_day;
  if (rest < 0) {
    rest += micros_per_day;
    --day;
  }
  const bool bc = append_date(out, days{day});
  append_time(out, rest);
  out += zone;
  if (bc) out += " BC";
}

// A cursor over the server's text.
struct Reader {
  std::string_view text;
  std::size_t at = 0;

  bool done() const { return at >= text.size(); }
  char peek() const { return done() ? '\0' : text[at]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++at;
    return true;
  }
  // Between min_digits and max_digits decimal digits.
  std::int64_t number(int min_digits, int max_digits, const char* what) {
    std::int64_t value = 0;
    int digits = 0;
    while (digits < max_digits && peek() >= '0' && peek() <= '9') {
      value = value * 10 + (text[at++] - '0');
      ++digits;
    }
    if (digits < min_digits) throw ConversionFailure(what);
    return value;
  }
};

constexpr const char* not_iso = "not an ISO date/time (is the session's DateStyle ISO?)";

// YYYY-MM-DD as days since the epoch; the era suffix is read by the caller.
struct ParsedDate {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

ParsedDate read_ymd(Reader& in) {
  ParsedDate date{};
  date.year = in.number(4, 9, not_iso);
  if (!in.accept('-')) throw ConversionFailure(not_iso);
  date.month = static_cast<unsigned>(in.number(2, 2, not_iso));
  if (!in.accept('-')) throw ConversionFailure(not_iso);
  date.day = static_cast<unsigned>(in.number(2, 2, not_iso));
  return date;
}

bool read_era(Reader& in) {
  if (in.text.substr(in.at) == " BC") {
    in.at = in.text.size();
    return true;
  }
  return false;
}

std::int64_t to_days(ParsedDate date, bool bc) {
  const std::int64_t year = bc ? 1 - date.year : date.year;
  if (year < -32767 || year > 32767) throw ConversionFailure("a year out of the supported range");
  const std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(year)},
                                        std::chrono::month{date.month}, std::chrono::day{date.day}};
  if (!ymd.ok()) throw ConversionFailure("not a valid calendar date");
  return std::chrono::sys_days{ymd}.time_since_epoch().count();
}

// HH:MM:SS[.f…] as microseconds (rounded to microseconds like the server).
std::int64_t read_time(Reader& in) {
  const std::int64_t hours = in.number(2, 2, not_iso);
  if (!in.accept(':')) throw ConversionFailure(not_iso);
  const std::int64_t minutes = in.number(2, 2, not_iso);
  if (!in.accept(':')) throw ConversionFailure(not_iso);
  const std::int64_t seconds = in.number(2, 2, not_iso);
  std::int64_t micros = 0;
  if (in.accept('.')) {
    int digits = 0;
    while (in.peek() >= '0' && in.peek() <= '9') {
      if (digits < 6) micros = micros * 10 + (in.text[in.at] - '0');
      ++digits;
      ++in.at;
    }
    if (digits == 0) throw ConversionFailure(not_iso);
    for (int d = digits; d < 6; ++d) micros *= 10;
  }
  return ((hours * 60 + minutes) * 60 + seconds) * 1'000'000 + micros;
}

// ±HH[:MM[:SS]] as seconds east of UTC.
std::int64_t read_offset(Reader& in) {
  const bool negative = in.peek() == '-';
  if (!in.accept('+') && !in.accept('-')) throw ConversionFailure(not_iso);
  std::int64_t seconds = in.number(2, 2, not_iso) * 3600;
  if (in.accept(':')) {
    seconds += in.number(2, 2, not_iso) * 60;
    if (in.accept(':')) seconds += in.number(2, 2, not_iso);
  }
  return negative ? -seconds : seconds;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int two_digits(const char* p) { return (p[0] - '0') * 10 + (p[1] - '0'); }

// The common shape, "YYYY-MM-DD HH:MM:SS" in years 1000-9999 AD, without the
// general parser's checks; nullopt sends the text to the general parser.
std::optional<std::int64_t> read_common_date_time(std::string_view text, std::size_t& at) {
  if (text.size() < 19) return std::nullopt;
  const char* p = text.data();
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18}) {
    if (!is_digit(p[i])) return std::nullopt;
  }
  if (p[4] != '-' || p[7] != '-' || p[10] != ' ' || p[13] != ':' || p[16] != ':' || p[0] == '0') {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{
      std::chrono::year{two_digits(p) * 100 + two_digits(p + 2)},
      std::chrono::month{static_cast<unsigned>(two_digits(p + 5))},
      std::chrono::day{static_cast<unsigned>(two_digits(p + 8))}};
  if (!ymd.ok()) return std::nullopt;
  std::int64_t micros =
      ((two_digits(p + 11) * 60LL + two_digits(p + 14)) * 60LL + two_digits(p + 17)) * 1'000'000;
  at = 19;
  if (at < text.size() && p[at] == '.') {
    std::int64_t scale = 100'000;
    for (++at; at < text.size() && is_digit(p[at]); ++at, scale /= 10)
      micros += (p[at] - '0') * scale;
  }
  return std::chrono::sys_days{ymd}.time_since_epoch().count() * micros_per_day + micros;
}

// Microseconds since the epoch of "date time[offset][ BC]".
std::int64_t read_date_time(std::string_view text, bool with_offset) {
  std::size_t at = 0;
  if (const auto common = read_common_date_time(text, at)) {
    Reader rest{text, at};
    std::int64_t micros = *common;
    if (with_offset) micros -= read_offset(rest) * 1'000'000;
    if (rest.done()) return micros;  // else a BC era: the general parser
  }
  Reader in{text};
  const ParsedDate date = read_ymd(in);
  if (!in.accept(' ')) throw ConversionFailure(not_iso);
  std::int64_t micros = read_time(in);
  if (with_offset) micros -= read_offset(in) * 1'000'000;
  const bool bc = read_era(in);
  if (!in.done()) throw ConversionFailure(not_iso);
  return to_days(date, bc) * micros_per_day + micros;
}

}  // namespace

void write_timestamp(const timestamp& value, std::string& out) {
  if (value == timestamp::max()) {
    out += "infinity";
  } else if (value == timestamp::min()) {
    out += "-infinity";
  } else {
    const auto micros = std::chrono::floor<microseconds>(value.time_since_epoch()).count();
    append_date_time(out, micros, "+00");
  }
}

void read_timestamp(std::string_view text, timestamp& value) {
  if (text == "infinity") {
    value = timestamp::max();
  } else if (text == "-infinity") {
    value = timestamp::min();
  } else {
    const std::int64_t micros = read_date_time(text, true);
    using duration = timestamp::duration;
    const auto limit = std::chrono::duration_cast<microseconds>(duration::max()).count();
    if (micros > limit || micros < -limit) {
      throw ConversionFailure("out of the range of structmig::timestamp (years 1678 to 2261)");
    }
    value = timestamp{std::chrono::duration_cast<duration>(microseconds{micros})};
  }
}

void write_local_timestamp(const local_timestamp& value, std::string& out) {
  if (value == local_timestamp::max()) {
    out += "infinity";
  } else if (value == local_timestamp::min()) {
    out += "-infinity";
  } else {
    append_date_time(out, value.time_since_epoch().count(), "");
  }
}

void read_local_timestamp(std::string_view text, local_timestamp& value) {
  if (text == "infinity") {
    value = local_timestamp::max();
  } else if (text == "-infinity") {
    value = local_timestamp::min();
  } else {
    value = local_timestamp{microseconds{read_date_time(text, false)}};
  }
}

void write_date(const date& value, std::string& out) {
  if (value == date::max()) {
    out += "infinity";
  } else if (value == date::min()) {
    out += "-infinity";
  } else if (append_date(out, value.time_since_epoch())) {
    out += " BC";
  }
}

void read_date(std::string_view text, date& value) {
  if (text == "infinity") {
    value = date::max();
  } else if (text == "-infinity") {
    value = date::min();
  } else {
    Reader in{text};
    const ParsedDate parsed = read_ymd(in);
    const bool bc = read_era(in);
    if (!in.done()) throw ConversionFailure(not_iso);
    value = date{days{to_days(parsed, bc)}};
  }
}

}  // namespace structmig::detail
