// Revision ids (see revision_id.hpp).
#include "render/revision_id.hpp"

namespace structmig::render {

RevisionHash& RevisionHash::part(std::string_view text) {
  if (!first_) hash_.add("\n");
  first_ = false;
  hash_.add(text);
  return *this;
}

RevisionHash& RevisionHash::more(std::string_view text) {
  hash_.add(text);
  return *this;
}

std::string RevisionHash::id() const { return hash_.hex().substr(0, 12); }

std::string revision_id(std::initializer_list<std::string_view> parts) {
  RevisionHash hash;
  for (std::string_view part : parts) hash.part(part);
  return hash.id();
}

}  // namespace structmig::render
