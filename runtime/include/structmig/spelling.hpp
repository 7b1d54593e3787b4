// How structmig spells things, in one place: PostgreSQL identifiers and
// literals, lists, and the names of the schema's enumerations (Identity,
// ForeignKeyAction) as each audience reads them -- the snapshot and the
// annotations ("by_default"), C++ (Identity::by_default), SQL ("BY DEFAULT")
// and messages ("by default"). SQL generation, the ORM, the diff, the drift
// check and the tool all spell through these functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "structmig/schema_enums.hpp"

namespace structmig {

/// "name" with embedded double quotes doubled. Throws InvalidOperation for an
/// empty identifier or one with a NUL byte (PostgreSQL would cut it there).
std::string quote_ident(std::string_view identifier);
/// 'text' with quotes doubled; E'…' with backslashes doubled when needed.
/// Throws InvalidOperation for a NUL byte.
std::string quote_literal(std::string_view text);

/// The items joined by `separator`: "a, b, c".
template <typename Range>
std::string join(const Range& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

/// spell(item) for each item, joined by `separator` (an empty spelling still
/// gets its separator).
template <typename Range, typename Spell>
std::string join(const Range& items, std::string_view separator, Spell spell) {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    first = false;
    out += spell(item);
  }
  return out;
}

/// The name of a value: the enumerator's own name ("none", "by_default",
/// "always"; "no_action", "restrict", "cascade", "set_null", "set_default"),
/// which is also the snapshot's and the annotations' word for it.
std::string_view name_of(Identity identity);
std::string_view name_of(ForeignKeyAction action);
/// The value a name spells, or nothing for an unknown name.
std::optional<Identity> identity_named(std::string_view name);
std::optional<ForeignKeyAction> foreign_key_action_named(std::string_view name);

/// A name as words for a message: '_' as a space ("by default").
std::string words_of(std::string_view name);
/// A name as SQL keywords: upper case, '_' as a space ("BY DEFAULT",
/// "SET NULL").
std::string keywords_of(std::string_view name);

/// `GENERATED { BY DEFAULT | ALWAYS } AS IDENTITY`; empty for none.
std::string identity_clause(Identity identity);
/// ON DELETE / ON UPDATE keywords: "NO ACTION", "RESTRICT", "CASCADE",
/// "SET NULL", "SET DEFAULT".
std::string foreign_key_action_sql(ForeignKeyAction action);

}  // namespace structmig
