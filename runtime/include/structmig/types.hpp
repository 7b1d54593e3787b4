// Small value types for PostgreSQL types that have no obvious standard C++
// counterpart. A model field of one of these types gets that column type.
//
//   structmig::timestamp        timestamp with time zone
//   structmig::local_timestamp  timestamp without time zone
//   structmig::date             date
//   structmig::uuid             uuid
//   structmig::jsonb            jsonb (the JSON text)
//   structmig::numeric<P, S>    numeric(P,S); numeric<> is unconstrained numeric
//   structmig::bytea            bytea (std::vector<std::byte>)
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace structmig {

/// A point in time: timestamp with time zone.
using timestamp = std::chrono::system_clock::time_point;
/// A wall-clock date and time without a time zone: timestamp without time zone.
using local_timestamp = std::chrono::local_time<std::chrono::microseconds>;
/// A calendar day: date.
using date = std::chrono::sys_days;
/// Binary data: bytea.
using bytea = std::vector<std::byte>;

/// A UUID, as its 16 bytes in network order.
struct uuid {
  std::array<std::uint8_t, 16> bytes{};
  friend bool operator==(const uuid&, const uuid&) = default;
};

/// A JSON document stored as jsonb, held as its text.
struct jsonb {
  std::string text;
  friend bool operator==(const jsonb&, const jsonb&) = default;
};

/// An exact decimal number, held as its text ("12.50"). Precision and scale
/// are the column's numeric(P,S); numeric<> is an unconstrained numeric.
template <int Precision = 0, int Scale = 0>
struct numeric {
  static_assert(Precision >= 0 && Precision <= 1000, "numeric precision must be 1..1000");
  static_assert(Scale >= 0 && (Precision == 0 ? Scale == 0 : Scale <= Precision),
                "numeric scale must be 0..precision");
  static constexpr int precision = Precision;
  static constexpr int scale = Scale;
  std::string text;
  friend bool operator==(const numeric&, const numeric&) = default;
};

}  // namespace structmig
