// The structmig_state row; see state_row.hpp.
#include "migrator/state_row.hpp"

#include <algorithm>
#include <set>

#include "structmig/fnv1a.hpp"

namespace structmig::detail {
namespace {

// A field with its length first, so that no two sequences hash alike by
// shifting bytes between fields.
void add_field(Fnv1a64& hash, std::string_view field) {
  hash.add(std::to_string(field.size())).add(":").add(field);
}

}  // namespace

StateRow state_row_at(const RevisionGraph& graph, const std::vector<std::string>& heads) {
  std::vector<std::string> sorted = heads;
  std::sort(sorted.begin(), sorted.end());
  StateRow row;
  for (const auto& head : sorted) {
    if (!row.heads.empty()) row.heads += ' ';
    row.heads += std::to_string(head.size()) + ":" + head;
  }
  Fnv1a64 hash;
  for (const auto& revision : graph.ancestors(sorted)) {  // a std::set: id order
    add_field(hash, revision);
    add_field(hash, graph.migration(revision).checksum);
  }
  row.digest = "v1:" + hash.hex();
  return row;
}

}  // namespace structmig::detail
