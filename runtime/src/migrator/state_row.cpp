// The structmig_state row; see state_row.hpp.
#include "migrator/state_row.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>

namespace structmig::detail {
namespace {

class Fnv1a64 {
 public:
  void add(std::string_view bytes) {
    for (unsigned char c : bytes) {
      hash_ ^= c;
      hash_ *= 0x100000001b3ULL;
    }
  }
  /// A field with its length first, so that no two sequences hash alike by
  /// shifting bytes between fields.
  void add_field(std::string_view field) {
    add(std::to_string(field.size()));
    add(":");
    add(field);
  }
  std::string hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
    return buffer;
  }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

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
    hash.add_field(revision);
    hash.add_field(graph.migration(revision).checksum);
  }
  row.digest = "v1:" + hash.hex();
  return row;
}

}  // namespace structmig::detail
