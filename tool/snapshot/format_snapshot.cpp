// Writing the snapshot file. Done by hand rather than through a JSON writer,
// because the layout is what makes the file review well: a fixed key order,
// one column, constraint, index or enum per line, and nothing written for a
// value that is at its default (see snapshot.hpp).
#include <string>
#include <vector>

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include "snapshot/schema_words.hpp"
#include "snapshot/snapshot.hpp"

namespace structmig::snapshot {
namespace {

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

// `"key": value` members of one object, written on one line.
class OneLineObject {
 public:
  OneLineObject& add(llvm::StringRef key, const std::string& json_value) {
    text_ += (text_.empty() ? "{" : ", ") + json_string(key) + ": " + json_value;
    return *this;
  }
  std::string str() const { return text_.empty() ? "{}" : text_ + "}"; }

 private:
  std::string text_;
};

std::string format_enum(const EnumType& type) {
  return OneLineObject()
      .add("name", json_string(type.name))
      .add("labels", json_string_array(type.labels))
      .str();
}

std::string format_column(const Column& column) {
  OneLineObject out;
  out.add("name", json_string(column.name))
      .add("type", json_string(column.type))
      .add("nullable", column.nullable ? "true" : "false");
  if (column.default_sql) out.add("default", json_string(*column.default_sql));
  if (column.identity != Identity::none) {
    out.add("identity", json_string(identity_word(column.identity)));
  }
  if (column.comment) out.add("comment", json_string(*column.comment));
  return out.str();
}

std::string format_unique(const UniqueConstraint& unique) {
  return OneLineObject()
      .add("name", json_string(unique.name))
      .add("columns", json_string_array(unique.columns))
      .str();
}

std::string format_check(const CheckConstraint& check) {
  return OneLineObject()
      .add("name", json_string(check.name))
      .add("expression", json_string(check.expression))
      .str();
}

std::string format_foreign_key(const ForeignKey& key) {
  OneLineObject out;
  out.add("name", json_string(key.name))
      .add("columns", json_string_array(key.columns))
      .add("referenced_table", json_string(key.referenced_table))
      .add("referenced_columns", json_string_array(key.referenced_columns));
  if (key.on_delete != ForeignKeyAction::no_action) {
    out.add("on_delete", json_string(action_word(key.on_delete)));
  }
  if (key.on_update != ForeignKeyAction::no_action) {
    out.add("on_update", json_string(action_word(key.on_update)));
  }
  return out.str();
}

std::string format_index(const Index& index) {
  std::string keys = "[";
  for (size_t i = 0; i < index.keys.size(); ++i) {
    if (i != 0) keys += ", ";
    const IndexKey& key = index.keys[i];
    keys += key.expression.empty()
                ? json_string(key.column)
                : OneLineObject().add("expression", json_string(key.expression)).str();
  }
  keys += "]";
  OneLineObject out;
  out.add("name", json_string(index.name)).add("keys", keys);
  if (index.unique) out.add("unique", "true");
  if (index.method != "btree") out.add("method", json_string(index.method));
  if (index.where) out.add("where", json_string(*index.where));
  return out.str();
}

// `"key": [` one item per line `]` at `indent`; "[]" when empty.
std::string block(const std::string& indent, llvm::StringRef key,
                  const std::vector<std::string>& items) {
  std::string out = indent + json_string(key) + ": [";
  if (items.empty()) return out + "]";
  out += "\n";
  for (size_t i = 0; i < items.size(); ++i) {
    out += indent + "  " + items[i] + (i + 1 < items.size() ? ",\n" : "\n");
  }
  return out + indent + "]";
}

template <typename T, typename Format>
std::vector<std::string> lines_of(const std::vector<T>& items, Format format) {
  std::vector<std::string> lines;
  for (const T& item : items) lines.push_back(format(item));
  return lines;
}

// The members of a table object, one per entry (blocks span several lines).
std::string format_table(const Table& table) {
  const std::string indent = "      ";
  std::vector<std::string> members;
  members.push_back(indent + "\"name\": " + json_string(table.name));
  if (table.comment) members.push_back(indent + "\"comment\": " + json_string(*table.comment));
  members.push_back(indent + "\"primary_key\": " + json_string_array(table.primary_key));
  members.push_back(indent + "\"primary_key_name\": " + json_string(table.primary_key_name));
  members.push_back(block(indent, "columns", lines_of(table.columns, format_column)));
  if (!table.uniques.empty()) {
    members.push_back(block(indent, "uniques", lines_of(table.uniques, format_unique)));
  }
  if (!table.checks.empty()) {
    members.push_back(block(indent, "checks", lines_of(table.checks, format_check)));
  }
  if (!table.foreign_keys.empty()) {
    members.push_back(
        block(indent, "foreign_keys", lines_of(table.foreign_keys, format_foreign_key)));
  }
  if (!table.indexes.empty()) {
    members.push_back(block(indent, "indexes", lines_of(table.indexes, format_index)));
  }
  std::string out = "    {\n";
  for (size_t i = 0; i < members.size(); ++i) {
    out += members[i] + (i + 1 < members.size() ? ",\n" : "\n");
  }
  return out + "    }";
}

}  // namespace

std::string format_snapshot(const Snapshot& snapshot) {
  Schema schema = snapshot.schema;
  sort_schema(schema);

  std::string out = "{\n";
  out += "  \"format\": " + json_string(kSnapshotFormat) + ",\n";
  out += "  \"version\": " + std::to_string(kSnapshotVersion) + ",\n";
  out += "  \"head\": " + (snapshot.head.empty() ? "null" : json_string(snapshot.head)) + ",\n";
  if (!schema.enums.empty())
    out += block("  ", "enums", lines_of(schema.enums, format_enum)) + ",\n";
  if (schema.tables.empty()) return out + "  \"tables\": []\n}\n";
  out += "  \"tables\": [\n";
  for (size_t t = 0; t < schema.tables.size(); ++t) {
    out += format_table(schema.tables[t]) + (t + 1 < schema.tables.size() ? ",\n" : "\n");
  }
  return out + "  ]\n}\n";
}

}  // namespace structmig::snapshot
