// Reading and writing the snapshot file. Parsing goes through llvm::json and
// then checks every key by hand, so a hand-edited or newer file fails loudly
// instead of losing information; writing is done by hand, because the layout
// (one column per line, fixed key order) is what makes the file review well.
#include "snapshot/snapshot.hpp"

#include <algorithm>
#include <set>
#include <system_error>
#include <utility>

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorOr.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

namespace structmig::snapshot {
namespace {

constexpr llvm::StringLiteral kFormat = "structmig-snapshot";
constexpr int64_t kVersion = 1;

llvm::Error file_error(llvm::StringRef path, const llvm::Twine& message) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 (path + ": error: " + message).str().c_str());
}

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

// A JSON string as llvm::json escapes it. json::Value insists on UTF-8 (and
// asserts in debug builds), so invalid bytes are replaced before it sees them.
std::string json_string(llvm::StringRef text) {
  std::string valid = llvm::json::isUTF8(text) ? text.str() : llvm::json::fixUTF8(text);
  std::string out;
  llvm::raw_string_ostream os(out);
  llvm::json::OStream(os).value(llvm::json::Value(std::move(valid)));
  os.flush();
  return out;
}

std::string json_string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += ", ";
    out += json_string(items[i]);
  }
  return out + "]";
}

std::string format_column(const Column& column) {
  std::string out = "{\"name\": " + json_string(column.name) +
                    ", \"type\": " + json_string(column.type) +
                    ", \"nullable\": " + (column.nullable ? "true" : "false");
  if (column.default_sql) out += ", \"default\": " + json_string(*column.default_sql);
  if (column.unique) out += ", \"unique\": true";
  return out + "}";
}

// Reads one object's fields by name and remembers which were read, so that
// whatever is left over can be reported as an unknown key.
class ObjectReader {
 public:
  ObjectReader(const llvm::json::Object& object, llvm::StringRef path, std::string where)
      : object_(object), path_(path), where_(std::move(where)) {}

  const std::string& where() const { return where_; }

  llvm::Error error(const llvm::Twine& message) const {
    return file_error(path_, where_.empty() ? message : where_ + ": " + message);
  }

  // nullptr when absent.
  const llvm::json::Value* optional(llvm::StringRef key) {
    seen_.insert(key.str());
    return object_.get(key);
  }

  llvm::Expected<const llvm::json::Value*> required(llvm::StringRef key) {
    const llvm::json::Value* value = optional(key);
    if (value == nullptr) return error("missing \"" + key + "\"");
    return value;
  }

  llvm::Expected<std::string> required_string(llvm::StringRef key) {
    auto value = required(key);
    if (!value) return value.takeError();
    return as_string(key, **value);
  }

  llvm::Expected<std::string> as_string(llvm::StringRef key, const llvm::json::Value& value) {
    if (auto text = value.getAsString()) return text->str();
    return error("\"" + key + "\" must be a string");
  }

  llvm::Expected<bool> as_bool(llvm::StringRef key, const llvm::json::Value& value) {
    if (auto flag = value.getAsBoolean()) return *flag;
    return error("\"" + key + "\" must be true or false");
  }

  llvm::Expected<const llvm::json::Array*> required_array(llvm::StringRef key) {
    auto value = required(key);
    if (!value) return value.takeError();
    if (const llvm::json::Array* array = (*value)->getAsArray()) return array;
    return error("\"" + key + "\" must be an array");
  }

  // Keys are reported in sorted order so the first message is deterministic
  // (json::Object is a hash map).
  llvm::Error reject_unknown_keys() const {
    std::set<std::string> unknown;
    for (const auto& entry : object_) {
      std::string key = entry.first.str();
      if (!seen_.count(key)) unknown.insert(std::move(key));
    }
    if (unknown.empty()) return llvm::Error::success();
    return error("unknown key \"" + *unknown.begin() + "\"");
  }

 private:
  const llvm::json::Object& object_;
  llvm::StringRef path_;
  std::string where_;
  std::set<std::string> seen_;
};

llvm::Expected<Column> parse_column(const llvm::json::Value& value, llvm::StringRef path,
                                    const std::string& table_where, size_t index) {
  const llvm::json::Object* object = value.getAsObject();
  const std::string position = table_where + ": columns[" + std::to_string(index) + "]";
  if (object == nullptr) return file_error(path, position + " must be an object");

  ObjectReader reader(*object, path, position);
  Column column;
  auto name = reader.required_string("name");
  if (!name) return name.takeError();
  if (name->empty()) return reader.error("\"name\" must not be empty");
  column.name = std::move(*name);
  ObjectReader named(*object, path, table_where + ": column '" + column.name + "'");
  named.optional("name");

  auto type = named.required_string("type");
  if (!type) return type.takeError();
  if (type->empty()) return named.error("\"type\" must not be empty");
  column.type = std::move(*type);

  auto nullable_value = named.required("nullable");
  if (!nullable_value) return nullable_value.takeError();
  auto nullable = named.as_bool("nullable", **nullable_value);
  if (!nullable) return nullable.takeError();
  column.nullable = *nullable;

  if (const llvm::json::Value* default_value = named.optional("default")) {
    auto default_sql = named.as_string("default", *default_value);
    if (!default_sql) return default_sql.takeError();
    column.default_sql = std::move(*default_sql);
  }
  if (const llvm::json::Value* unique_value = named.optional("unique")) {
    auto unique = named.as_bool("unique", *unique_value);
    if (!unique) return unique.takeError();
    column.unique = *unique;
  }
  if (llvm::Error err = named.reject_unknown_keys()) return err;
  return column;
}

llvm::Expected<Table> parse_table(const llvm::json::Value& value, llvm::StringRef path,
                                  size_t index) {
  const llvm::json::Object* object = value.getAsObject();
  const std::string position = "tables[" + std::to_string(index) + "]";
  if (object == nullptr) return file_error(path, position + " must be an object");

  Table table;
  {
    ObjectReader reader(*object, path, position);
    auto name = reader.required_string("name");
    if (!name) return name.takeError();
    if (name->empty()) return reader.error("\"name\" must not be empty");
    table.name = std::move(*name);
  }
  ObjectReader reader(*object, path, "table '" + table.name + "'");
  reader.optional("name");

  auto primary_key = reader.required_array("primary_key");
  if (!primary_key) return primary_key.takeError();
  for (const llvm::json::Value& key_column : **primary_key) {
    auto key_name = key_column.getAsString();
    if (!key_name) return reader.error("\"primary_key\" must be an array of column names");
    table.primary_key.push_back(key_name->str());
  }

  auto columns = reader.required_array("columns");
  if (!columns) return columns.takeError();
  std::set<std::string> names;
  for (size_t i = 0; i < (*columns)->size(); ++i) {
    auto column = parse_column((**columns)[i], path, reader.where(), i);
    if (!column) return column.takeError();
    if (!names.insert(column->name).second) {
      return reader.error("column '" + column->name + "' appears twice");
    }
    table.columns.push_back(std::move(*column));
  }
  if (llvm::Error err = reader.reject_unknown_keys()) return err;

  std::set<std::string> key_names;
  for (const std::string& key_name : table.primary_key) {
    if (!names.count(key_name)) {
      return reader.error("primary key column '" + key_name + "' is not a column of the table");
    }
    if (!key_names.insert(key_name).second) {
      return reader.error("primary key column '" + key_name + "' appears twice");
    }
  }
  return table;
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

  // "format" and "version" first: a file from elsewhere, or from a newer
  // structmig, should say so rather than fail on its first unexpected key.
  ObjectReader reader(*object, path, "");
  const llvm::json::Value* format = reader.optional("format");
  if (format == nullptr || format->getAsString().getValueOr("") != kFormat) {
    return file_error(path, "not a structmig snapshot (expected \"format\": \"" + kFormat + "\")");
  }
  auto version_value = reader.required("version");
  if (!version_value) return version_value.takeError();
  const auto version = (*version_value)->getAsInteger();
  if (!version) return reader.error("\"version\" must be an integer");
  if (*version != kVersion) {
    return file_error(path, "unsupported snapshot version " + llvm::Twine(*version) +
                                " (this structmig reads version " + llvm::Twine(kVersion) + ")");
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

  auto tables = reader.required_array("tables");
  if (!tables) return tables.takeError();
  if (llvm::Error err = reader.reject_unknown_keys()) return err;

  std::set<std::string> names;
  for (size_t i = 0; i < (*tables)->size(); ++i) {
    auto table = parse_table((**tables)[i], path, i);
    if (!table) return table.takeError();
    if (!names.insert(table->name).second) {
      return file_error(path, "table '" + table->name + "' appears twice");
    }
    snapshot.schema.tables.push_back(std::move(*table));
  }
  sort_tables(snapshot.schema);
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

std::string format_snapshot(const Snapshot& snapshot) {
  Schema schema = snapshot.schema;
  sort_tables(schema);

  std::string out = "{\n";
  out += "  \"format\": " + json_string(kFormat) + ",\n";
  out += "  \"version\": " + std::to_string(kVersion) + ",\n";
  out += "  \"head\": " + (snapshot.head.empty() ? "null" : json_string(snapshot.head)) + ",\n";
  if (schema.tables.empty()) {
    out += "  \"tables\": []\n";
  } else {
    out += "  \"tables\": [\n";
    for (size_t t = 0; t < schema.tables.size(); ++t) {
      const Table& table = schema.tables[t];
      out += "    {\n";
      out += "      \"name\": " + json_string(table.name) + ",\n";
      out += "      \"primary_key\": " + json_string_array(table.primary_key) + ",\n";
      if (table.columns.empty()) {
        out += "      \"columns\": []\n";
      } else {
        out += "      \"columns\": [\n";
        for (size_t c = 0; c < table.columns.size(); ++c) {
          out += "        " + format_column(table.columns[c]);
          out += c + 1 < table.columns.size() ? ",\n" : "\n";
        }
        out += "      ]\n";
      }
      out += t + 1 < schema.tables.size() ? "    },\n" : "    }\n";
    }
    out += "  ]\n";
  }
  out += "}\n";
  return out;
}

}  // namespace structmig::snapshot
