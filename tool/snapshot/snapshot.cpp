// Reading the snapshot file: llvm::json parses the text, then the top level is
// checked by hand ("format" and "version" first, so a foreign or newer file
// says what it is) and the schema is handed to parse_schema.cpp. A
// hand-edited or newer file fails loudly instead of losing information.
#include <algorithm>
#include <set>
#include <system_error>
#include <utility>

#include "llvm/Support/ErrorOr.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "snapshot/object_reader.hpp"
#include "snapshot/parse_schema.hpp"
#include "snapshot/snapshot.hpp"

namespace structmig::snapshot {
namespace {

// llvm::json::ParseError keeps its position private and prints it as
// "[<line>:<col>, byte=<offset>]: <message>". Its column is 0-based and taken
// just after the character the parser rejected, which makes it that
// character's 1-based column; only an error at the very start of a line (end
// of input after a newline) reports 0, shown as column 1.
llvm::Error json_syntax_error(llvm::StringRef path, llvm::Error parse_error) {
  const std::string logged = llvm::toString(std::move(parse_error));
  llvm::StringRef rest = logged;
  unsigned line = 0;
  unsigned column = 0;
  if (rest.consume_front("[") && !rest.consumeInteger(10, line) && rest.consume_front(":") &&
      !rest.consumeInteger(10, column)) {
    const size_t end = rest.find("]: ");
    if (end != llvm::StringRef::npos) {
      const std::string message = rest.substr(end + 3).str();
      return llvm::createStringError(
          std::errc::invalid_argument,
          (path + ":" + llvm::Twine(line) + ":" + llvm::Twine(std::max(column, 1u)) +
           ": error: invalid JSON: " + message)
              .str()
              .c_str());
    }
  }
  return file_error(path, "invalid JSON: " + logged);
}

// The schema's enums and tables, each name once.
llvm::Error parse_schema(ObjectReader& reader, Schema& schema) {
  auto enums = reader.optional_array("enums");
  if (!enums) return enums.takeError();
  auto tables = reader.required_array("tables");
  if (!tables) return tables.takeError();
  if (llvm::Error err = reader.reject_unknown_keys()) return err;

  std::set<std::string> enum_names;
  for (size_t i = 0; i < (*enums)->size(); ++i) {
    auto type = parse_enum((**enums)[i], reader.path(), i);
    if (!type) return type.takeError();
    if (!enum_names.insert(type->name).second) {
      return file_error(reader.path(), "enum '" + type->name + "' appears twice");
    }
    schema.enums.push_back(std::move(*type));
  }
  std::set<std::string> table_names;
  for (size_t i = 0; i < (*tables)->size(); ++i) {
    auto table = parse_table((**tables)[i], reader.path(), i);
    if (!table) return table.takeError();
    if (!table_names.insert(table->name).second) {
      return file_error(reader.path(), "table '" + table->name + "' appears twice");
    }
    schema.tables.push_back(std::move(*table));
  }
  return check_foreign_key_targets(schema, reader.path());
}

}  // namespace

llvm::Expected<Snapshot> parse_snapshot(llvm::StringRef text, llvm::StringRef path_for_errors) {
  const llvm::StringRef path = path_for_errors;
  llvm::Expected<llvm::json::Value> root = llvm::json::parse(text);
  if (!root) return json_syntax_error(path, root.takeError());
  const llvm::json::Object* object = root->getAsObject();
  if (object == nullptr) {
    return file_error(path, "not a structmig snapshot (the top level is not a JSON object)");
  }

  ObjectReader reader(*object, path, "");
  const llvm::json::Value* format = reader.optional("format");
  if (format == nullptr || format->getAsString().getValueOr("") != kSnapshotFormat) {
    return file_error(path, "not a structmig snapshot (expected \"format\": \"" +
                                llvm::StringRef(kSnapshotFormat) + "\")");
  }
  auto version_value = reader.required("version");
  if (!version_value) return version_value.takeError();
  const auto version = (*version_value)->getAsInteger();
  if (!version) return reader.error("\"version\" must be an integer");
  if (*version != kSnapshotVersion) {
    return file_error(path, "unsupported snapshot version " + llvm::Twine(*version) +
                                " (this structmig reads version " + llvm::Twine(kSnapshotVersion) +
                                ")");
  }

  Snapshot snapshot;
  auto head = reader.required("head");
  if (!head) return head.takeError();
  if (!(*head)->getAsNull()) {
    auto revision = (*head)->getAsString();
    if (!revision || revision->empty())
      return reader.error("\"head\" must be a revision id or null");
    snapshot.head = revision->str();
  }
  if (llvm::Error err = parse_schema(reader, snapshot.schema)) return err;
  sort_schema(snapshot.schema);
  return snapshot;
}

llvm::Expected<Snapshot> read_snapshot(llvm::StringRef path) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer =
      llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    if (buffer.getError() == std::errc::no_such_file_or_directory) return Snapshot{};
    return file_error(path, "cannot read the snapshot: " + buffer.getError().message());
  }
  return parse_snapshot((*buffer)->getBuffer(), path);
}

}  // namespace structmig::snapshot
