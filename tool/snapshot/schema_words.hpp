// The words the snapshot uses for the schema's enumerations: identity kinds
// ("by_default", "always") and foreign-key actions ("no_action", "restrict",
// "cascade", "set_null", "set_default"), spelled as the C++ enumerators are.
#pragma once

#include <optional>
#include <string_view>

#include "structmig/schema.hpp"

namespace structmig::snapshot {

std::string_view identity_word(Identity identity);
std::optional<Identity> identity_from_word(std::string_view word);

std::string_view action_word(ForeignKeyAction action);
std::optional<ForeignKeyAction> action_from_word(std::string_view word);

}  // namespace structmig::snapshot
