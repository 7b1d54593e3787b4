// The tokenizer of cpp_tokens.hpp. It errs on the side of reading on: an
// unknown byte becomes a punctuation token, and only an unterminated comment
// or literal (which would swallow the rest of the file) is an error.
#include "history/cpp_tokens.hpp"

#include <system_error>

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

namespace structmig::history {
namespace {

bool is_identifier_start(char c) { return llvm::isAlpha(c) || c == '_' || c == '$'; }
bool is_identifier_char(char c) { return llvm::isAlnum(c) || c == '_' || c == '$'; }

class Tokenizer {
 public:
  Tokenizer(llvm::StringRef source, llvm::StringRef path, llvm::StringRef from)
      : source_(source), path_(path), from_(from), keeping_(from.empty()) {}

  llvm::Expected<std::vector<Token>> run() {
    std::vector<Token> tokens;
    bool line_start = true;  // only whitespace and comments so far on this line
    while (pos_ < source_.size()) {
      const char c = source_[pos_];
      if (c == '\n') {
        advance(1);
        line_start = true;
      } else if (llvm::isSpace(c)) {
        advance(1);
      } else if (source_.substr(pos_).startswith("//")) {
        skip_line();
      } else if (source_.substr(pos_).startswith("/*")) {
        const unsigned line = line_, column = column_;
        const size_t end = source_.find("*/", pos_ + 2);
        if (end == llvm::StringRef::npos) return error(line, column, "unterminated /* comment");
        advance(end + 2 - pos_);
      } else if (c == '#' && line_start) {
        skip_line();  // a preprocessor directive, with its continuation lines
      } else {
        line_start = false;
        auto token = next_token();
        if (!token) return token.takeError();
        if (keeping_) tokens.push_back(std::move(*token));
      }
    }
    return tokens;
  }

 private:
  llvm::Error error(unsigned line, unsigned column, const llvm::Twine& message) const {
    return llvm::createStringError(
        std::errc::invalid_argument,
        (path_ + ":" + llvm::Twine(line) + ":" + llvm::Twine(column) + ": error: " + message)
            .str()
            .c_str());
  }

  void advance(size_t count) {
    for (size_t i = 0; i < count && pos_ < source_.size(); ++i, ++pos_) {
      if (source_[pos_] == '\n') {
        ++line_;
        column_ = 1;
      } else {
        ++column_;
      }
    }
  }

  // To the end of the line; a backslash before the newline continues it.
  void skip_line() {
    while (pos_ < source_.size() && source_[pos_] != '\n') {
      if (source_[pos_] == '\\' && pos_ + 1 < source_.size() && source_[pos_ + 1] == '\n') {
        advance(2);
      } else if (source_.substr(pos_).startswith("\\\r\n")) {
        advance(3);
      } else {
        advance(1);
      }
    }
  }

  llvm::Expected<Token> next_token() {
    Token token{Token::Kind::punctuation, "", line_, column_};
    const char c = source_[pos_];
    if (is_identifier_start(c)) {
      size_t end = pos_;
      while (end < source_.size() && is_identifier_char(source_[end])) ++end;
      const llvm::StringRef word = source_.slice(pos_, end);
      if (!keeping_ && word == from_) keeping_ = true;
      // An encoding prefix glued to a literal belongs to the literal.
      if (end < source_.size() && (source_[end] == '"' || source_[end] == '\'') &&
          (word == "u8" || word == "u" || word == "U" || word == "L" || word == "R" ||
           word == "u8R" || word == "uR" || word == "UR" || word == "LR")) {
        advance(word.size());
        if (word.endswith("R") && source_[pos_] == '"') return raw_string(token);
        return quoted(token, source_[pos_]);
      }
      token.kind = Token::Kind::identifier;
      if (keeping_) token.text = word.str();
      advance(word.size());
      return token;
    }
    if (c == '"' || c == '\'') return quoted(token, c);
    if (llvm::isDigit(c) ||
        (c == '.' && pos_ + 1 < source_.size() && llvm::isDigit(source_[pos_ + 1]))) {
      size_t end = pos_ + 1;
      while (end < source_.size() &&
             (is_identifier_char(source_[end]) || source_[end] == '.' || source_[end] == '\'')) {
        ++end;
      }
      token.kind = Token::Kind::number;
      if (keeping_) token.text = source_.slice(pos_, end).str();
      advance(end - pos_);
      return token;
    }
    token.text = std::string(1, c);
    advance(1);
    return token;
  }

  // "..." or '...' with escapes decoded (\x and octal to bytes; \u and \U are
  // kept as written, revision ids never need them).
  llvm::Expected<Token> quoted(Token token, char quote) {
    token.kind = quote == '"' ? Token::Kind::string : Token::Kind::character;
    // Not kept: decoded into a reused buffer, so skipping allocates nothing.
    scratch_.clear();
    std::string& text = keeping_ ? token.text : scratch_;
    advance(1);
    while (true) {
      if (pos_ >= source_.size() || source_[pos_] == '\n') {
        return error(
            token.line, token.column,
            quote == '"' ? "unterminated string literal" : "unterminated character literal");
      }
      const char c = source_[pos_];
      if (c == quote) {
        advance(1);
        return token;
      }
      if (c != '\\') {
        text += c;
        advance(1);
        continue;
      }
      if (pos_ + 1 >= source_.size()) {
        advance(1);  // reported as unterminated on the next turn
        continue;
      }
      const char e = source_[pos_ + 1];
      advance(2);
      switch (e) {
        case 'n':
          text += '\n';
          break;
        case 't':
          text += '\t';
          break;
        case 'r':
          text += '\r';
          break;
        case 'a':
          text += '\a';
          break;
        case 'b':
          text += '\b';
          break;
        case 'f':
          text += '\f';
          break;
        case 'v':
          text += '\v';
          break;
        case '\n':
          break;  // a line continuation inside the literal
        case 'x': {
          unsigned value = 0;
          while (pos_ < source_.size() && llvm::isHexDigit(source_[pos_])) {
            value = value * 16 + llvm::hexDigitValue(source_[pos_]);
            advance(1);
          }
          text += static_cast<char>(value & 0xff);
          break;
        }
        case 'u':
        case 'U':
          text += '\\';
          text += e;
          break;
        default:
          if (e >= '0' && e <= '7') {
            unsigned value = static_cast<unsigned>(e - '0');
            for (int i = 0;
                 i < 2 && pos_ < source_.size() && source_[pos_] >= '0' && source_[pos_] <= '7';
                 ++i) {
              value = value * 8 + static_cast<unsigned>(source_[pos_] - '0');
              advance(1);
            }
            text += static_cast<char>(value & 0xff);
          } else {
            text += e;  // \" \' \\ \? and anything unknown
          }
      }
    }
  }

  // R"delimiter( ... )delimiter"
  llvm::Expected<Token> raw_string(Token token) {
    token.kind = Token::Kind::string;
    const size_t open = source_.find('(', pos_ + 1);
    const size_t line_end = source_.find('\n', pos_ + 1);
    if (open == llvm::StringRef::npos || open > line_end || open - pos_ - 1 > 16) {
      return error(token.line, token.column, "malformed raw string literal");
    }
    const std::string closing = (")" + source_.slice(pos_ + 1, open) + "\"").str();
    const size_t close = source_.find(closing, open + 1);
    if (close == llvm::StringRef::npos) {
      return error(token.line, token.column, "unterminated raw string literal");
    }
    if (keeping_) token.text = source_.slice(open + 1, close).str();
    advance(close + closing.size() - pos_);
    return token;
  }

  llvm::StringRef source_;
  llvm::StringRef path_;
  llvm::StringRef from_;  // keep tokens from this identifier on (all if empty)
  bool keeping_;
  std::string scratch_;
  size_t pos_ = 0;
  unsigned line_ = 1;
  unsigned column_ = 1;
};

}  // namespace

llvm::Expected<std::vector<Token>> tokenize(llvm::StringRef source, llvm::StringRef path,
                                            llvm::StringRef from) {
  return Tokenizer(source, path, from).run();
}

}  // namespace structmig::history
