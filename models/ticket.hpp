// A customer-support ticket: what a user asked for and where it stands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int64_t user_id;
  STRUCTMIG_COLUMN(varchar(200)) std::string title;
  std::optional<std::string> description;
  STRUCTMIG_COLUMN(varchar(20), default("'open'")) std::string status;
  STRUCTMIG_COLUMN(default("now()")) structmig::timestamp created_at;
  STRUCTMIG_COLUMN(varchar(20), default("'normal'")) std::string priority;
};

}  // namespace support
