// FNV-1a, the one hash behind structmig's short deterministic names: the
// 8-hex-digit suffix of a shortened identifier (naming.hpp, 32 bits), the
// digest of the applied history in structmig_state (64 bits) and the revision
// id of every migration file the tool writes (64 bits). Not cryptographic:
// it names things, it does not protect them. Changing it would rename
// constraints and change ids, so its results are part of the format.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace structmig {

/// FNV-1a 32 over `text`.
constexpr std::uint32_t fnv1a32(std::string_view text) {
  std::uint32_t hash = 2166136261u;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return hash;
}

/// FNV-1a 64 fed piece by piece: adding "ab" then "c" gives the hash of
/// "abc", so large inputs need not be copied into one string.
class Fnv1a64 {
 public:
  constexpr Fnv1a64& add(std::string_view bytes) {
    for (char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
    return *this;
  }
  constexpr std::uint64_t value() const { return hash_; }
  /// 16 lowercase hex digits.
  std::string hex() const {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash_));
    return buffer;
  }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace structmig
