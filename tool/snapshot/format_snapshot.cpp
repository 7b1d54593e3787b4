// Writing the snapshot file. Done by hand rather than through a JSON writer,
// because the layout is what makes the file review well: a fixed key order,
// one column, constraint, index or enum per line, and nothing written for a
// value that is at its default (see snapshot.hpp).
#include <algorithm>
#include <string>
#include <vector>

#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"
#include "snapshot/schema_words.hpp"
#include "snapshot/snapshot.hpp"
#include "structmig/constraint.hpp"

namespace structmig::snapshot {
namespace {

// Appends a JSON string as llvm::json escapes it. Printable ASCII without '"'
// or '\\' is written as it is (what the escaper would write, without building
// a json::Value per name: a snapshot of thousands of tables has hundreds of
// thousands of strings). Anything else goes through llvm::json, which insists
// on UTF-8 (and asserts in debug builds), so invalid bytes are replaced first.
void append_json_string(std::string& out, llvm::StringRef text) {
  bool plain = true;
  for (unsigned char c : text) {
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    out += '"';
    out.append(text.data(), text.size());
    out += '"';
    return;
  }
  std::string valid = llvm::json::isUTF8(text) ? text.str() : llvm::json::fixUTF8(text);
  llvm::raw_string_ostream os(out);
  llvm::json::OStream(os).value(llvm::json::Value(std::move(valid)));
  os.flush();
}

void append_json_string_array(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += ", ";
    append_json_string(out, items[i]);
  }
  out += ']';
}

// `"key": value` members of one object, written on one line into `out`;
// finish() closes it ("{}" when nothing was added).
class OneLineObject {
 public:
  explicit OneLineObject(std::string& out) : out_(out) {}
  // Starts a member; the caller appends its value.
  std::string& key(llvm::StringRef name) {
    out_ += first_ ? "{" : ", ";
    first_ = false;
    append_json_string(out_, name);
    out_ += ": ";
    return out_;
  }
  OneLineObject& string(llvm::StringRef name, llvm::StringRef value) {
    append_json_string(key(name), value);
    return *this;
  }
  OneLineObject& strings(llvm::StringRef name, const std::vector<std::string>& values) {
    append_json_string_array(key(name), values);
    return *this;
  }
  OneLineObject& literal(llvm::StringRef name, llvm::StringRef json) {
    key(name) += json;
    return *this;
  }
  void finish() { out_ += first_ ? "{}" : "}"; }

 private:
  std::string& out_;
  bool first_ = true;
};

void format_enum(std::string& out, const EnumType& type) {
  OneLineObject(out).string("name", type.name).strings("labels", type.labels).finish();
}

void format_column(std::string& out, const Column& column) {
  OneLineObject object(out);
  object.string("name", column.name)
      .string("type", column.type)
      .literal("nullable", column.nullable ? "true" : "false");
  if (column.default_sql) object.string("default", *column.default_sql);
  if (column.identity != Identity::none) object.string("identity", identity_word(column.identity));
  if (column.comment) object.string("comment", *column.comment);
  object.finish();
}

// One constraint of each kind (the loop in format_table picks the overload).
void format_constraint(std::string& out, const UniqueConstraint& unique) {
  OneLineObject(out).string("name", unique.name).strings("columns", unique.columns).finish();
}

void format_constraint(std::string& out, const CheckConstraint& check) {
  OneLineObject(out).string("name", check.name).string("expression", check.expression).finish();
}

void format_constraint(std::string& out, const ForeignKey& key) {
  OneLineObject object(out);
  object.string("name", key.name)
      .strings("columns", key.columns)
      .string("referenced_table", key.referenced_table)
      .strings("referenced_columns", key.referenced_columns);
  if (key.on_delete != ForeignKeyAction::no_action) {
    object.string("on_delete", action_word(key.on_delete));
  }
  if (key.on_update != ForeignKeyAction::no_action) {
    object.string("on_update", action_word(key.on_update));
  }
  object.finish();
}

void format_constraint(std::string& out, const ExcludeConstraint& exclude) {
  OneLineObject object(out);
  object.string("name", exclude.name)
      .string("method", exclude.method)
      .strings("columns", exclude.columns)
      .strings("operators", exclude.operators);
  if (exclude.where) object.string("where", *exclude.where);
  object.finish();
}

void format_index(std::string& out, const Index& index) {
  OneLineObject object(out);
  object.string("name", index.name);
  std::string& keys = object.key("keys");
  keys += '[';
  for (size_t i = 0; i < index.keys.size(); ++i) {
    if (i != 0) keys += ", ";
    const IndexKey& key = index.keys[i];
    if (key.expression.empty()) {
      append_json_string(keys, key.column);
    } else {
      OneLineObject(keys).string("expression", key.expression).finish();
    }
  }
  keys += ']';
  if (index.unique) object.literal("unique", "true");
  if (index.method != "btree") object.string("method", index.method);
  if (index.where) object.string("where", *index.where);
  object.finish();
}

// `"key": [` one item per line `]` at `indent`; "[]" when empty.
template <typename T, typename Format>
void block(std::string& out, llvm::StringRef indent, llvm::StringRef key,
           const std::vector<T>& items, Format format) {
  out += indent;
  append_json_string(out, key);
  out += ": [";
  if (items.empty()) {
    out += ']';
    return;
  }
  out += '\n';
  for (size_t i = 0; i < items.size(); ++i) {
    out += indent;
    out += "  ";
    format(out, items[i]);
    out += i + 1 < items.size() ? ",\n" : "\n";
  }
  out += indent;
  out += ']';
}

// One table object; members separated by ",\n" (blocks span several lines).
void format_table(std::string& out, const Table& table) {
  const llvm::StringRef indent = "      ";
  out += "    {\n";
  out += indent;
  out += "\"name\": ";
  append_json_string(out, table.name);
  if (table.comment) {
    out += ",\n";
    out += indent;
    out += "\"comment\": ";
    append_json_string(out, *table.comment);
  }
  out += ",\n";
  out += indent;
  out += "\"primary_key\": ";
  append_json_string_array(out, table.primary_key);
  out += ",\n";
  out += indent;
  out += "\"primary_key_name\": ";
  append_json_string(out, table.primary_key_name);
  out += ",\n";
  block(out, indent, "columns", table.columns, format_column);
  for_each_constraint_kind([&](auto kind) {
    using Kind = ConstraintKindOf<typename decltype(kind)::type>;
    const auto& items = table.*Kind::list;
    if (items.empty()) return;
    out += ",\n";
    block(out, indent, Kind::kind.list_name, items,
          [](std::string& into, const auto& item) { format_constraint(into, item); });
  });
  if (!table.indexes.empty()) {
    out += ",\n";
    block(out, indent, "indexes", table.indexes, format_index);
  }
  out += "\n    }";
}

std::string format_sorted(llvm::StringRef head, const Schema& schema) {
  std::string out = "{\n";
  out += "  \"format\": ";
  append_json_string(out, kSnapshotFormat);
  out += ",\n  \"version\": " + std::to_string(kSnapshotVersion) + ",\n";
  out += "  \"head\": ";
  if (head.empty()) {
    out += "null";
  } else {
    append_json_string(out, head);
  }
  out += ",\n";
  if (!schema.enums.empty()) {
    block(out, "  ", "enums", schema.enums, format_enum);
    out += ",\n";
  }
  if (schema.tables.empty()) return out + "  \"tables\": []\n}\n";
  out += "  \"tables\": [\n";
  for (size_t t = 0; t < schema.tables.size(); ++t) {
    format_table(out, schema.tables[t]);
    out += t + 1 < schema.tables.size() ? ",\n" : "\n";
  }
  out += "  ]\n}\n";
  return out;
}

}  // namespace

std::string format_snapshot(const Snapshot& snapshot) {
  return format_snapshot(snapshot.head, snapshot.schema);
}

std::string format_snapshot(llvm::StringRef head, const Schema& schema) {
  if (in_sort_schema_order(schema)) return format_sorted(head, schema);
  Schema sorted = schema;
  sort_schema(sorted);
  return format_sorted(head, sorted);
}

}  // namespace structmig::snapshot
