// Which column type changes PostgreSQL makes without rewriting the table or
// scanning it: the binary-coercible widenings (varchar(n) to a longer
// varchar, to unbounded varchar or text; text to unbounded varchar;
// numeric(p,s) to a larger precision at the same scale, or to unconstrained
// numeric). Everything else is assumed to rewrite or scan the table under an
// ACCESS EXCLUSIVE lock — the safe assumption, as a planner must make it.
#include <charconv>
#include <optional>
#include <string>
#include <string_view>

#include "structmig/sql.hpp"

namespace structmig {
namespace {

struct Modified {
  std::string_view base;  // "character varying", "numeric"
  std::optional<int> first;
  std::optional<int> second;
};

std::optional<int> number(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "numeric(10,2)" → {numeric, 10, 2}; "text" → {text}.
std::optional<Modified> parse(std::string_view type) {
  const auto open = type.find('(');
  if (open == std::string_view::npos) return Modified{type, std::nullopt, std::nullopt};
  if (type.back() != ')') return std::nullopt;
  const std::string_view inside = type.substr(open + 1, type.size() - open - 2);
  const auto comma = inside.find(',');
  Modified out{type.substr(0, open), number(inside.substr(0, comma)), std::nullopt};
  if (!out.first) return std::nullopt;
  if (comma != std::string_view::npos) {
    out.second = number(inside.substr(comma + 1));
    if (!out.second) return std::nullopt;
  }
  return out;
}

bool is_varchar_or_text(std::string_view base) {
  return base == "character varying" || base == "text";
}

}  // namespace

bool type_change_rewrites(std::string_view from_type, std::string_view to_type) {
  if (from_type == to_type) return false;
  const auto from = parse(from_type);
  const auto to = parse(to_type);
  if (!from || !to) return true;
  if (is_varchar_or_text(from->base) && is_varchar_or_text(to->base)) {
    if (!to->first) return false;                     // to text or unbounded varchar
    return !from->first || *to->first < *from->first;  // a limit may only grow
  }
  if (from->base == "numeric" && to->base == "numeric") {
    if (!to->first) return false;  // to unconstrained numeric
    if (!from->first) return true;
    return *to->first < *from->first || from->second.value_or(0) != to->second.value_or(0);
  }
  return true;
}

}  // namespace structmig
