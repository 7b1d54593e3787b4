// Knowledge-base articles and their publication status.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <structmig/model.hpp>

namespace support {

/// Where a knowledge-base article stands.
enum class STRUCTMIG_ENUM(document_status) DocumentStatus {
  draft,
  in_review STRUCTMIG_LABEL("in review"),
  published,
};

struct STRUCTMIG_TABLE(documents, comment("Knowledge-base articles")) Document {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
  STRUCTMIG_COLUMN(references(organizations.id, on_delete = cascade)) std::int64_t organization_id;
  std::string title;
  std::string body;
  STRUCTMIG_COLUMN(default("'draft'")) structmig::defaulted<DocumentStatus> status;
  STRUCTMIG_COLUMN(default("'{}'"), index(using = gin)) structmig::defaulted<structmig::jsonb> metadata;
  STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> updated_at;
};

}  // namespace support
