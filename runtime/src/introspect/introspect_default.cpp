// The normal form of a column default read back from pg_catalog. PostgreSQL
// stores a literal default with a cast to the column's type ('normal' on a
// varchar column comes back as 'normal'::character varying, 'draft' on an
// enum column as 'draft'::document_status); the models write the bare
// literal, so that one cast is removed. Every other expression is kept as
// PostgreSQL deparses it.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <optional>
#include <string>

#include "introspect/introspect_parts.hpp"
#include "structmig/sql.hpp"

namespace structmig::introspection {
namespace {

/// An optionally signed decimal number as PostgreSQL prints one: -1, 1.5, 2e10.
bool is_plain_number(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && text[i] == '-') ++i;
  auto digits = [&] {
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    return i > start;
  };
  if (!digits()) return false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    digits();
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

/// A '…' literal at the start of `text` (quotes doubled inside, standard
/// conforming strings, as pg_get_expr prints them): its value, and where it ends.
std::optional<std::string> leading_literal(std::string_view text, std::size_t& end) {
  if (text.empty() || text[0] != '\'') return std::nullopt;
  std::string value;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] != '\'') {
      value += text[i];
    } else if (i + 1 < text.size() && text[i + 1] == '\'') {
      value += '\'';
      ++i;
    } else {
      end = i + 1;
      return value;
    }
  }
  return std::nullopt;
}

bool is_numeric_type_name(std::string_view cast) {
  constexpr std::array<std::string_view, 6> numeric_types{
      "smallint", "integer", "bigint", "numeric", "real", "double precision"};
  return std::find(numeric_types.begin(), numeric_types.end(), cast) != numeric_types.end();
}

}  // namespace

bool TypeSpellings::matches(std::string_view cast) const {
  return std::find(names.begin(), names.end(), cast) != names.end();
}

std::string normal_default(std::string expr, const TypeSpellings& type) {
  if (expr.size() > 2 && expr.front() == '(' && expr.back() == ')') {
    std::string inner = expr.substr(1, expr.size() - 2);
    if (is_plain_number(inner)) return inner;
  }
  std::size_t end = 0;
  std::optional<std::string> value = leading_literal(expr, end);
  if (!value || expr.compare(end, 2, "::") != 0) return expr;
  std::string_view cast = std::string_view(expr).substr(end + 2);
  if (type.numeric && is_plain_number(*value) &&
      (type.matches(cast) || is_numeric_type_name(cast))) {
    return *value;
  }
  if (type.matches(cast)) return quote_literal(*value);
  return expr;
}

}  // namespace structmig::introspection
