// The people who open support tickets and the agents who answer them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(users, comment("Customers and the agents who answer them")) User {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(unique) std::string email;
  STRUCTMIG_COLUMN(varchar(120), renamed_from(display_name)) std::string full_name;
  STRUCTMIG_COLUMN(default("false")) structmig::defaulted<bool> is_agent;
  STRUCTMIG_COLUMN(references(organizations.id, on_delete = set_null), index)
  std::optional<std::int64_t> organization_id;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
};

}  // namespace support
