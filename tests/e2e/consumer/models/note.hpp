// The consumer's only model.
#pragma once
#include <optional>
#include <string>

#include <consumer/common.hpp>
#include <structmig/model.hpp>

struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) consumer::Id id;
  STRUCTMIG_COLUMN(varchar(80)) std::string title;
  std::optional<std::string> body;
#ifdef CONSUMER_WITH_ARCHIVE
  STRUCTMIG_COLUMN(default("false")) bool archived;
#endif
  // @EXTRA_FIELDS@
};
