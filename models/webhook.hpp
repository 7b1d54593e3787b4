// Outgoing webhooks for ticket events.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {

struct STRUCTMIG_TABLE(webhooks, comment("Where ticket events are delivered")) Webhook {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(default("gen_random_uuid()"), unique) structmig::defaulted<structmig::uuid> public_id;
  STRUCTMIG_COLUMN(references(organizations.id, on_delete = cascade)) std::int64_t organization_id;
  STRUCTMIG_COLUMN(check("url LIKE 'https://%'")) std::string url;
  STRUCTMIG_COLUMN(default("'{}'")) structmig::defaulted<std::vector<std::string>> events;
  std::optional<structmig::bytea> signing_secret;
  STRUCTMIG_COLUMN(default("true")) structmig::defaulted<bool> active;
};

}  // namespace support
