// Must NOT compile: the struct gained a field after its metadata was
// generated. Built by the CTest entry integration_orm_stale_count.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "structmig/orm.hpp"

namespace support {
struct Rating {
  std::int64_t id;
  std::int16_t stars;
  std::string comment;  // added after the metadata was generated
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
  STRUCTMIG_FIELD(support::Rating, 1, std::int16_t);
};

int main() { return 0; }
