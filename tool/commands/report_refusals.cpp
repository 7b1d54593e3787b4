// Places and printing of the safe planner's refusals (report_refusals.hpp).
// The snapshot is searched as text: it has one item per line (format_snapshot),
// so a table's `"name"` member and an enum's item are single lines.
#include "commands/report_refusals.hpp"

#include <map>
#include <memory>

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace structmig::commands {
namespace {

// `name` as the snapshot writes a JSON string.
std::string json_quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The first line whose text, after its indentation, starts with `start`.
std::optional<extract::SourcePlace> find_line_starting(std::string_view text,
                                                       const std::string& start) {
  unsigned line = 1;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    std::string_view current =
        text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
    std::size_t indent = current.find_first_not_of(' ');
    if (indent != std::string_view::npos && current.substr(indent).starts_with(start)) {
      return extract::SourcePlace{"", line, static_cast<unsigned>(indent + 1)};
    }
    if (end == std::string_view::npos) break;
    begin = end + 1;
    ++line;
  }
  return std::nullopt;
}

std::optional<extract::SourcePlace> in_snapshot(
    const std::string& snapshot_path,
    std::optional<extract::SourcePlace> (*find)(std::string_view, const std::string&),
    const std::string& name) {
  auto buffer = llvm::MemoryBuffer::getFile(snapshot_path);
  if (!buffer) return std::nullopt;
  auto place = find((*buffer)->getBuffer(), name);
  if (place) place->file = snapshot_path;
  return place;
}

template <typename Key>
std::optional<extract::SourcePlace> lookup(const std::map<Key, extract::SourcePlace>& places,
                                           const Key& key) {
  auto it = places.find(key);
  if (it == places.end()) return std::nullopt;
  return it->second;
}

// The source line `place` points into, and a caret under its column (tabs
// kept, so the caret lines up).
void print_source_line(const extract::SourcePlace& place, llvm::raw_ostream& out) {
  auto buffer = llvm::MemoryBuffer::getFile(place.file);
  if (!buffer || place.line == 0) return;
  llvm::StringRef text = (*buffer)->getBuffer();
  for (unsigned line = 1; line < place.line; ++line) {
    std::size_t newline = text.find('\n');
    if (newline == llvm::StringRef::npos) return;
    text = text.drop_front(newline + 1);
  }
  llvm::StringRef source = text.take_until([](char c) { return c == '\n' || c == '\r'; });
  if (place.column == 0 || place.column > source.size() + 1) return;
  out << source << "\n";
  for (unsigned i = 0; i + 1 < place.column; ++i) out << (source[i] == '\t' ? '\t' : ' ');
  out << "^\n";
}

}  // namespace

std::optional<extract::SourcePlace> snapshot_table_place(std::string_view snapshot_text,
                                                         const std::string& table) {
  return find_line_starting(snapshot_text, "\"name\": " + json_quoted(table));
}

std::optional<extract::SourcePlace> snapshot_enum_place(std::string_view snapshot_text,
                                                        const std::string& enum_name) {
  return find_line_starting(snapshot_text, "{\"name\": " + json_quoted(enum_name) + ", \"labels\"");
}

std::optional<extract::SourcePlace> refusal_place(const plan::Refusal& refusal,
                                                  const extract::ModelPlaces& places,
                                                  const std::string& snapshot_path) {
  using Kind = plan::RefusalKind;
  std::optional<extract::SourcePlace> place;
  switch (refusal.kind) {
    case Kind::drop_table:
      break;
    case Kind::drop_enum_label:
      place = lookup(places.enums, refusal.table);
      if (!place) return in_snapshot(snapshot_path, snapshot_enum_place, refusal.table);
      return place;
    case Kind::rewriting_type_change:
    case Kind::volatile_default:
    case Kind::not_null_without_default:
      place = lookup(places.columns, std::pair{refusal.table, refusal.column});
      [[fallthrough]];
    case Kind::drop_column:
      if (!place) place = lookup(places.tables, refusal.table);
      break;
  }
  if (!place) return in_snapshot(snapshot_path, snapshot_table_place, refusal.table);
  return place;
}

void report_refusals(const std::vector<plan::Refusal>& refusals, const extract::ModelPlaces& places,
                     const std::string& snapshot_path, llvm::raw_ostream& out) {
  for (const plan::Refusal& refusal : refusals) {
    auto place = refusal_place(refusal, places, snapshot_path);
    if (place) {
      out << place->file << ":" << place->line << ":" << place->column
          << ": error: " << refusal.reason << "\n";
      print_source_line(*place, out);
    } else {
      out << "structmig: error: " << refusal.reason << "\n";
    }
    if (!refusal.recipe.empty()) out << "  note: " << refusal.recipe << "\n";
  }
  out.flush();
}

}  // namespace structmig::commands
