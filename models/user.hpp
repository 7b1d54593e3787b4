// The people who open support tickets and the agents who answer them.
#pragma once

#include <cstdint>
#include <string>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(unique) std::string email;
  STRUCTMIG_COLUMN(varchar(120)) std::string display_name;
  STRUCTMIG_COLUMN(default("false")) bool is_agent;
  STRUCTMIG_COLUMN(default("now()")) structmig::timestamp created_at;
};

}  // namespace support
