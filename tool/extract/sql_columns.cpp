// A small SQL tokenizer: enough of PostgreSQL's lexical rules (quoting,
// comments, dollar quoting, identifier folding) to find the bare and quoted
// identifiers of an expression and to decide which of them name columns.
#include "extract/sql_columns.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>

namespace structmig::extract {
namespace {

// Words that are never column references in an expression.
constexpr std::string_view kKeywords[] = {
    "all",          "and",      "any",          "array",        "as",
    "asymmetric",   "at",       "between",      "both",         "case",
    "cast",         "collate",  "current_date", "current_time", "current_timestamp",
    "current_user", "distinct", "else",         "end",          "escape",
    "false",        "from",     "ilike",        "in",           "is",
    "isnull",       "leading",  "like",         "localtime",    "localtimestamp",
    "not",          "notnull",  "null",         "or",           "overlaps",
    "session_user", "similar",  "some",         "symmetric",    "then",
    "time",         "to",       "trailing",     "true",         "unknown",
    "when",         "zone"};

// Words that continue a multi-word type name after '::' (character varying,
// double precision, timestamp with time zone).
constexpr std::string_view kTypeContinuations[] = {"precision", "time",    "varying",
                                                   "with",      "without", "zone"};

bool is_ident_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) {
  return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '$';
}

std::string lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return result;
}

template <std::size_t N>
bool contains(const std::string_view (&words)[N], std::string_view word) {
  return std::find(std::begin(words), std::end(words), word) != std::end(words);
}

enum class TokenKind { identifier, quoted_identifier, string, number, symbol, end };

struct Token {
  TokenKind kind = TokenKind::end;
  std::string text;  // identifier: folded; quoted: unescaped; symbol: its characters
  std::size_t offset = 0;
  std::size_t end = 0;
};

class SqlLexer {
 public:
  explicit SqlLexer(std::string_view text) : text_(text) {}

  Token next() {
    skip_space_and_comments();
    Token token;
    token.offset = pos_;
    if (pos_ >= text_.size()) {
      token.end = pos_;
      return token;
    }
    char c = text_[pos_];
    if (c == '\'') {
      skip_quoted('\'');
      token.kind = TokenKind::string;
    } else if (c == '"') {
      token.kind = TokenKind::quoted_identifier;
      token.text = read_quoted_identifier();
    } else if (c == '$' && dollar_tag()) {
      skip_dollar_quoted();
      token.kind = TokenKind::string;
    } else if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
               (c == '.' && pos_ + 1 < text_.size() &&
                std::isdigit(static_cast<unsigned char>(text_[pos_ + 1])) != 0)) {
      while (pos_ < text_.size() && (is_ident_char(text_[pos_]) || text_[pos_] == '.')) ++pos_;
      token.kind = TokenKind::number;
    } else if (is_ident_start(c)) {
      std::size_t start = pos_;
      while (pos_ < text_.size() && is_ident_char(text_[pos_])) ++pos_;
      token.text = lower(text_.substr(start, pos_ - start));
      token.kind = TokenKind::identifier;
      // E'…', B'…', X'…', U&'…': a string with a prefix.
      if (pos_ < text_.size() && text_[pos_] == '\'' && token.text.size() == 1) {
        skip_quoted('\'');
        token.kind = TokenKind::string;
      }
    } else if (c == ':' && pos_ + 1 < text_.size() && text_[pos_ + 1] == ':') {
      pos_ += 2;
      token.kind = TokenKind::symbol;
      token.text = "::";
    } else {
      ++pos_;
      token.kind = TokenKind::symbol;
      token.text = std::string(1, c);
    }
    token.end = pos_;
    return token;
  }

 private:
  void skip_space_and_comments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (std::isspace(static_cast<unsigned char>(c)) != 0) {
        ++pos_;
      } else if (c == '-' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '-') {
        while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
      } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '*') {
        std::size_t close = text_.find("*/", pos_ + 2);
        pos_ = close == std::string_view::npos ? text_.size() : close + 2;
      } else {
        return;
      }
    }
  }

  // At `quote`: past the closing quote; a doubled quote is part of the text.
  void skip_quoted(char quote) {
    ++pos_;
    while (pos_ < text_.size()) {
      if (text_[pos_] == '\\' && quote == '\'') {  // E'…' escapes; harmless otherwise
        pos_ += 2;
        continue;
      }
      if (text_[pos_++] != quote) continue;
      if (pos_ < text_.size() && text_[pos_] == quote) {
        ++pos_;
        continue;
      }
      return;
    }
  }

  std::string read_quoted_identifier() {
    std::string name;
    ++pos_;
    while (pos_ < text_.size()) {
      char c = text_[pos_++];
      if (c != '"') {
        name += c;
      } else if (pos_ < text_.size() && text_[pos_] == '"') {
        name += '"';
        ++pos_;
      } else {
        break;
      }
    }
    return name;
  }

  // At '$': the tag of a dollar quote ("$$" or "$tag$"), if one starts here.
  std::optional<std::string_view> dollar_tag() const {
    std::size_t end = pos_ + 1;
    while (end < text_.size() && is_ident_char(text_[end]) && text_[end] != '$') ++end;
    if (end >= text_.size() || text_[end] != '$') return std::nullopt;
    if (end > pos_ + 1 && std::isdigit(static_cast<unsigned char>(text_[pos_ + 1])) != 0) {
      return std::nullopt;  // $1: a parameter
    }
    return text_.substr(pos_, end + 1 - pos_);
  }

  void skip_dollar_quoted() {
    std::string_view tag = *dollar_tag();
    std::size_t close = text_.find(tag, pos_ + tag.size());
    pos_ = close == std::string_view::npos ? text_.size() : close + tag.size();
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace

std::vector<SqlColumnReference> sql_column_references(std::string_view expression) {
  std::vector<Token> tokens;
  SqlLexer lexer(expression);
  for (Token token = lexer.next(); token.kind != TokenKind::end; token = lexer.next()) {
    tokens.push_back(std::move(token));
  }
  auto is_symbol = [&](std::size_t i, std::string_view symbol) {
    return i < tokens.size() && tokens[i].kind == TokenKind::symbol && tokens[i].text == symbol;
  };

  std::vector<SqlColumnReference> references;
  bool type_expected = false;   // after '::', AS or COLLATE
  bool type_continues = false;  // inside a multi-word type name
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    bool identifier =
        token.kind == TokenKind::identifier || token.kind == TokenKind::quoted_identifier;
    if (!identifier) {
      type_expected = token.kind == TokenKind::symbol && token.text == "::";
      type_continues = false;
      continue;
    }
    bool bare = token.kind == TokenKind::identifier;
    if (type_expected || (type_continues && bare && contains(kTypeContinuations, token.text))) {
      type_expected = false;
      type_continues = true;
      continue;
    }
    type_continues = false;
    if (bare && (token.text == "as" || token.text == "collate")) {
      type_expected = true;
      continue;
    }
    bool followed_by_string = i + 1 < tokens.size() && tokens[i + 1].kind == TokenKind::string;
    if (is_symbol(i + 1, "(") || is_symbol(i + 1, ".") || (bare && followed_by_string) ||
        (bare && contains(kKeywords, token.text))) {
      continue;
    }
    references.push_back({token.text, token.offset, token.end});
  }
  return references;
}

}  // namespace structmig::extract
