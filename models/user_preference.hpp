// Per-user settings, one value per key.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(user_preferences, unique(user_id, key)) UserPreference {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_delete = cascade)) std::int64_t user_id;
  STRUCTMIG_COLUMN(varchar(64)) std::string key;
  structmig::jsonb value;
};

}  // namespace support
