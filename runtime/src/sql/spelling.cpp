// Quoting, and the keyword tables of the schema's enumerations; see
// structmig/spelling.hpp.
#include "structmig/spelling.hpp"

#include <array>
#include <utility>

#include "structmig/error.hpp"

namespace structmig {
namespace {

constexpr std::array<std::pair<Identity, std::string_view>, 3> kIdentityNames{{
    {Identity::none, "none"},
    {Identity::by_default, "by_default"},
    {Identity::always, "always"},
}};

constexpr std::array<std::pair<ForeignKeyAction, std::string_view>, 5> kForeignKeyActionNames{{
    {ForeignKeyAction::no_action, "no_action"},
    {ForeignKeyAction::restrict, "restrict"},
    {ForeignKeyAction::cascade, "cascade"},
    {ForeignKeyAction::set_null, "set_null"},
    {ForeignKeyAction::set_default, "set_default"},
}};

template <typename Table, typename Value>
std::string_view name_in(const Table& table, Value value, const char* what) {
  for (const auto& [known, name] : table) {
    if (known == value) return name;
  }
  throw InvalidOperation(std::string("unknown ") + what);
}

template <typename Value, typename Table>
std::optional<Value> value_in(const Table& table, std::string_view name) {
  for (const auto& [value, known] : table) {
    if (known == name) return value;
  }
  return std::nullopt;
}

void reject_nul(std::string_view text, const char* what) {
  if (text.find('\0') != std::string_view::npos) {
    throw InvalidOperation(std::string(what) + " contains a NUL byte");
  }
}

}  // namespace

std::string quote_ident(std::string_view identifier) {
  reject_nul(identifier, "identifier");
  if (identifier.empty()) throw InvalidOperation("empty identifier");
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string quote_literal(std::string_view text) {
  reject_nul(text, "literal");
  const bool has_backslash = text.find('\\') != std::string_view::npos;
  std::string out = has_backslash ? "E'" : "'";
  for (char c : text) {
    if (c == '\'' || (c == '\\' && has_backslash)) out += c;
    out += c;
  }
  return out + "'";
}

std::string_view name_of(Identity identity) {
  return name_in(kIdentityNames, identity, "identity kind");
}

std::string_view name_of(ForeignKeyAction action) {
  return name_in(kForeignKeyActionNames, action, "foreign key action");
}

std::optional<Identity> identity_named(std::string_view name) {
  return value_in<Identity>(kIdentityNames, name);
}

std::optional<ForeignKeyAction> foreign_key_action_named(std::string_view name) {
  return value_in<ForeignKeyAction>(kForeignKeyActionNames, name);
}

std::string words_of(std::string_view name) {
  std::string out(name);
  for (char& c : out) c = c == '_' ? ' ' : c;
  return out;
}

std::string keywords_of(std::string_view name) {
  std::string out = words_of(name);
  for (char& c : out) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

std::string identity_clause(Identity identity) {
  if (identity == Identity::none) return {};
  return "GENERATED " + keywords_of(name_of(identity)) + " AS IDENTITY";
}

std::string foreign_key_action_sql(ForeignKeyAction action) {
  return keywords_of(name_of(action));
}

}  // namespace structmig
