// Enumerator <-> word tables of the snapshot (see schema_words.hpp): the
// runtime's names of the values (structmig/spelling.hpp).
#include "snapshot/schema_words.hpp"

#include "structmig/spelling.hpp"

namespace structmig::snapshot {

std::string_view identity_word(Identity identity) { return name_of(identity); }

std::optional<Identity> identity_from_word(std::string_view word) { return identity_named(word); }

std::string_view action_word(ForeignKeyAction action) { return name_of(action); }

std::optional<ForeignKeyAction> action_from_word(std::string_view word) {
  return foreign_key_action_named(word);
}

}  // namespace structmig::snapshot
