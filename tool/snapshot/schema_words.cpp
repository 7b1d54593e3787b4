// Enumerator <-> word tables of the snapshot (see schema_words.hpp).
#include "snapshot/schema_words.hpp"

#include <array>
#include <utility>

namespace structmig::snapshot {
namespace {

constexpr std::array<std::pair<Identity, std::string_view>, 3> kIdentities = {{
    {Identity::none, "none"},
    {Identity::by_default, "by_default"},
    {Identity::always, "always"},
}};

constexpr std::array<std::pair<ForeignKeyAction, std::string_view>, 5> kActions = {{
    {ForeignKeyAction::no_action, "no_action"},
    {ForeignKeyAction::restrict, "restrict"},
    {ForeignKeyAction::cascade, "cascade"},
    {ForeignKeyAction::set_null, "set_null"},
    {ForeignKeyAction::set_default, "set_default"},
}};

template <typename E, size_t N>
std::string_view word_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [enumerator, word] : table) {
    if (enumerator == value) return word;
  }
  return "?";
}

template <typename E, size_t N>
std::optional<E> value_of(const std::array<std::pair<E, std::string_view>, N>& table,
                          std::string_view word) {
  for (const auto& [enumerator, spelling] : table) {
    if (spelling == word) return enumerator;
  }
  return std::nullopt;
}

}  // namespace

std::string_view identity_word(Identity identity) { return word_of(kIdentities, identity); }

std::optional<Identity> identity_from_word(std::string_view word) {
  return value_of(kIdentities, word);
}

std::string_view action_word(ForeignKeyAction action) { return word_of(kActions, action); }

std::optional<ForeignKeyAction> action_from_word(std::string_view word) {
  return value_of(kActions, word);
}

}  // namespace structmig::snapshot
