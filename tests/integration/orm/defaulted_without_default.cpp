// Must NOT compile: a structmig::defaulted<T> field whose column has no server
// default (its metadata says Generated::none), so "empty" would have no
// meaning. Built by the CTest entry integration_orm_defaulted_without_default.
#include <array>
#include <cstdint>
#include <string_view>

#include "structmig/orm.hpp"

namespace support {
struct Rating {
  std::int64_t id;
  structmig::defaulted<std::int16_t> stars;  // the column has no default(...)
};
}  // namespace support

template <>
struct structmig::model_traits<support::Rating> {
  static constexpr std::string_view table = "ratings";
  static constexpr std::array<structmig::ColumnInfo, 2> columns{{
      {"id", "bigint", structmig::Generated::identity},
      {"stars", "smallint", structmig::Generated::none},
  }};
  static constexpr std::array<std::size_t, 1> primary_key{{0}};
  STRUCTMIG_FIELD_COUNT(support::Rating, 2);
  STRUCTMIG_FIELD(support::Rating, 0, std::int64_t);
  STRUCTMIG_FIELD(support::Rating, 1, structmig::defaulted<std::int16_t>);
};

int main() {
  [[maybe_unused]] auto insert = &structmig::insert<support::Rating>;
  return 0;
}
