// The one revision-id scheme of every migration file the tool writes
// (generated, hand-written, merge): 12 lowercase hex digits, the top of
// FNV-1a 64 (structmig/fnv1a.hpp) over the file's identifying parts joined by
// "\n". Which parts each kind hashes is written where it is rendered. Ids are
// computed once, when the file is written, and then read back from it
// (tool/history never recomputes one), so a change here changes only new ids.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "structmig/fnv1a.hpp"

namespace structmig::render {

/// Fed part by part, so megabytes of upgrade body need not be copied into
/// one string: RevisionHash().part(a).part(b).id() == revision_id({a, b}).
class RevisionHash {
 public:
  /// Adds "\n" before every part but the first, then the part.
  RevisionHash& part(std::string_view text);
  /// Adds `text` to the current part (no "\n"): a part rendered in pieces.
  RevisionHash& more(std::string_view text);
  std::string id() const;

 private:
  Fnv1a64 hash_;
  bool first_ = true;
};

/// The id of a file identified by `parts`.
std::string revision_id(std::initializer_list<std::string_view> parts);

}  // namespace structmig::render
