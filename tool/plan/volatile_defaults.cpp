// Finds calls of volatile functions in a default's SQL (see
// volatile_defaults.hpp). A call is the function's name as a whole word
// followed by '(' (spaces allowed between), so a column or a string that
// merely contains the word does not count.
#include "plan/volatile_defaults.hpp"

#include <array>
#include <cctype>

namespace structmig::plan {
namespace {

constexpr std::array<std::string_view, 13> kVolatileFunctions = {
    "gen_random_uuid",   "gen_random_bytes", "uuid_generate_v1", "uuid_generate_v1mc",
    "uuid_generate_v4",  "random",           "random_normal",    "clock_timestamp",
    "timeofday",         "nextval",          "setval",           "txid_current",
    "pg_current_xact_id"};

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$';
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// `name` at `pos` of `text` as a whole word, then '(' after optional spaces.
bool called_at(const std::string& text, std::size_t pos, std::string_view name) {
  if (pos > 0 && word_char(text[pos - 1])) return false;
  std::size_t after = pos + name.size();
  if (after < text.size() && word_char(text[after])) return false;
  while (after < text.size() && std::isspace(static_cast<unsigned char>(text[after])) != 0) {
    ++after;
  }
  return after < text.size() && text[after] == '(';
}

}  // namespace

std::optional<std::string> volatile_function_in(std::string_view default_sql) {
  const std::string text = lowercase(default_sql);
  for (std::string_view name : kVolatileFunctions) {
    for (std::size_t pos = text.find(name); pos != std::string::npos;
         pos = text.find(name, pos + 1)) {
      if (called_at(text, pos, name)) return std::string(name);
    }
  }
  return std::nullopt;
}

}  // namespace structmig::plan
