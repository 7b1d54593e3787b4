// A customer's rating of how a ticket was handled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(satisfaction_ratings, comment("How a customer rated a solved ticket"))
    SatisfactionRating {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(tickets.id, on_delete = cascade), unique) std::int64_t ticket_id;
  STRUCTMIG_COLUMN(check("rating BETWEEN 1 AND 5")) std::int16_t rating;
  std::optional<std::string> remark;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
};

}  // namespace support
