// The companies support users belong to.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(organizations, comment("Companies whose people open tickets")) Organization {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(varchar(120), unique) std::string name;
  STRUCTMIG_COLUMN(default("0")) structmig::defaulted<structmig::numeric<10, 2>> monthly_fee;
  std::optional<structmig::date> contract_start;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
};

}  // namespace support
