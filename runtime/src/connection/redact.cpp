// redact_secrets: finds the passwords of postgresql:// URIs and of `password`
// key/values in a text and masks them. A URI's user information ends where
// libpq ends it (the first '@' before any '/'), but a malformed URI may hold
// an unescaped '@', '/' or '?' in its password, so the mask reaches the last
// '@' before the query: masking a little too much beats echoing a secret.
#include "structmig/redact.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace structmig {
namespace {

constexpr std::string_view kMask = "***";

struct Span {
  std::size_t begin;
  std::size_t end;  // past the last character
};

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequals_at(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (lower(text[at + i]) != word[i]) return false;
  }
  return true;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Where a URI written into a message ends: at white space or a quote.
std::size_t uri_end(std::string_view text, std::size_t from) {
  while (from < text.size() && !is_space(text[from]) && text[from] != '"' && text[from] != '\'') {
    ++from;
  }
  return from;
}

// The password of every postgresql:// and postgres:// URI.
void uri_passwords(std::string_view text, std::vector<Span>& spans) {
  for (std::string_view scheme :
       {std::string_view("postgresql://"), std::string_view("postgres://")}) {
    for (std::size_t at = 0; at + scheme.size() <= text.size(); ++at) {
      if (!iequals_at(text, at, scheme)) continue;
      const std::size_t start = at + scheme.size();
      const std::size_t end = uri_end(text, start);
      const std::string_view uri = text.substr(start, end - start);
      const std::size_t first = uri.find_first_of("@/");
      const std::size_t from = first != std::string_view::npos && uri[first] == '@' ? first : 0;
      const std::size_t limit = std::min(uri.find('?', from), uri.size());
      const std::size_t last_at = uri.substr(0, limit).rfind('@');
      if (last_at == std::string_view::npos) continue;
      const std::size_t colon = uri.substr(0, last_at).find(':');
      if (colon == std::string_view::npos || colon + 1 == last_at) continue;
      spans.push_back({start + colon + 1, start + last_at});
    }
  }
}

// `password` starts a key here: not inside a longer word (PGPASSWORD counts).
bool starts_key(std::string_view text, std::size_t at) {
  if (at >= 2 && iequals_at(text, at - 2, "pg")) at -= 2;
  return at == 0 || !is_word(text[at - 1]);
}

// The value of every `password = value` (conninfo, quoted or not) and
// `?password=` / `&password=` (URI query).
void keyword_passwords(std::string_view text, std::vector<Span>& spans) {
  constexpr std::string_view kKey = "password";
  for (std::size_t at = 0; at + kKey.size() <= text.size(); ++at) {
    if (!iequals_at(text, at, kKey) || !starts_key(text, at)) continue;
    const bool in_uri = at > 0 && (text[at - 1] == '?' || text[at - 1] == '&');
    std::size_t i = at + kKey.size();
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size() || text[i] != '=') continue;
    ++i;
    while (i < text.size() && is_space(text[i])) ++i;
    if (i < text.size() && text[i] == '\'' && !in_uri) {  // conninfo quoting: \' and \\ inside
      std::size_t close = i + 1;
      while (close < text.size() && text[close] != '\'') close += text[close] == '\\' ? 2 : 1;
      close = std::min(close, text.size());
      if (close > i + 1) spans.push_back({i + 1, close});
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !is_space(text[end]) &&
           !(in_uri &&
             (text[end] == '&' || text[end] == '#' || text[end] == '"' || text[end] == '\''))) {
      ++end;
    }
    if (end > i) spans.push_back({i, end});
  }
}

std::vector<Span> secret_spans(std::string_view text) {
  std::vector<Span> spans;
  uri_passwords(text, spans);
  keyword_passwords(text, spans);
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.begin < b.begin; });
  std::vector<Span> merged;
  for (const Span& span : spans) {
    if (!merged.empty() && span.begin <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() + 0 && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string unescaped(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    out += text[i];
  }
  return out;
}

void replace_all(std::string& text, const std::string& secret) {
  for (std::size_t at = text.find(secret); at != std::string::npos;
       at = text.find(secret, at + kMask.size())) {
    text.replace(at, secret.size(), kMask);
  }
}

}  // namespace

std::string redact_secrets(std::string_view text) {
  std::string out;
  std::size_t copied = 0;
  for (const Span& span : secret_spans(text)) {
    out.append(text.substr(copied, span.begin - copied));
    out.append(kMask);
    copied = span.end;
  }
  out.append(text.substr(copied));
  return out;
}

std::string redact_secrets(std::string_view text, std::string_view conninfo) {
  std::string out = redact_secrets(text);
  std::vector<std::string> secrets;
  for (const Span& span : secret_spans(conninfo)) {
    const std::string_view raw = conninfo.substr(span.begin, span.end - span.begin);
    for (std::string secret : {std::string(raw), percent_decoded(raw), unescaped(raw)}) {
      // libpq splits a malformed URI's password at these and may quote a piece.
      for (std::size_t from = 0; from < secret.size();) {
        const std::size_t to = std::min(secret.find_first_of("@/?:", from), secret.size());
        if (to - from >= 4 && to - from < secret.size())
          secrets.push_back(secret.substr(from, to - from));
        from = to + 1;
      }
      if (secret.size() >= 4) secrets.push_back(std::move(secret));
    }
  }
  // Longest first: a password that contains another is masked whole.
  std::sort(secrets.begin(), secrets.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  for (const auto& secret : secrets) replace_all(out, secret);
  return out;
}

}  // namespace structmig
