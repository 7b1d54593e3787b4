// A customer-support ticket: what a user asked for and where it stands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(tickets, index(user_id, status), index(created_at, where = "status = 'open'")) Ticket {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_delete = cascade)) std::int64_t user_id;
  STRUCTMIG_COLUMN(varchar(200)) std::string title;
  std::optional<std::string> description;
  STRUCTMIG_COLUMN(varchar(20), default("'open'")) structmig::defaulted<std::string> status;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
  STRUCTMIG_COLUMN(varchar(20), default("'normal'")) structmig::defaulted<std::string> priority;
};

}  // namespace support
