// Declares the constexpr data objects of a generated file (see
// data_declarations.hpp).
#include "render/data_declarations.hpp"

#include <algorithm>

#include "render/cpp_literal.hpp"
#include "render/value_initializers.hpp"

namespace structmig::render {
namespace {

bool identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Letters and digits kept, every run of other characters one underscore, none
// at either end (a leading underscore and a double one are reserved in C++).
std::string sanitised(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (identifier_char(c)) {
      out += c;
    } else if (!out.empty() && out.back() != '_') {
      out += '_';
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  if (out.empty() || (out[0] >= '0' && out[0] <= '9')) out.insert(0, "x");
  return out;
}

// `constexpr data::<type> <id>[] = {` one item per line `};`
std::string array(std::string_view type, const std::string& id,
                  const std::vector<std::string>& items) {
  std::string out = "constexpr data::" + std::string(type) + " " + id + "[] = {\n";
  for (const std::string& item : items) out += "    " + item + ",\n";
  return out + "};\n";
}

}  // namespace

std::string DataDeclarations::identifier(std::string_view name, std::string_view suffix) {
  std::string base = sanitised(name);
  base += '_';
  base += suffix;
  if (used_.insert(base).second) return base;
  for (int n = 2;; ++n) {
    std::string id = base + "_" + std::to_string(n);
    if (used_.insert(id).second) return id;
  }
}

std::string DataDeclarations::take() {
  std::string out = std::move(text_);
  text_.clear();
  return out;
}

std::string DataDeclarations::column(std::string_view table, const Column& column,
                                     std::string_view suffix) {
  const std::string id = identifier(std::string(table) + "_" + column.name, suffix);
  text_ += "constexpr data::Column " + id + column_initializer(column) + ";\n\n";
  return id;
}

std::string DataDeclarations::constraint(const Constraint& constraint) {
  const ConstraintKind& kind = kind_of(constraint);
  std::string suffix(kind.item_word);  // "foreign key" → "foreign_key"
  std::replace(suffix.begin(), suffix.end(), ' ', '_');
  const std::string id = identifier(name_of(constraint), suffix);
  text_ += "constexpr data::" + std::string(kind.type_name) + " " + id +
           constraint_initializer(constraint) + ";\n\n";
  return id;
}

// The index's initializer appended to `out`, its keys declared first.
void DataDeclarations::append_index_object(std::string& out, const Index& index) {
  out += "{.name = ";
  append_cpp_string_literal(out, index.name);
  if (!index.keys.empty()) {
    const std::string keys_id = identifier(index.name, "keys");
    text_ += "constexpr data::IndexKey ";
    text_ += keys_id;
    text_ += "[] = {";
    for (std::size_t i = 0; i < index.keys.size(); ++i) {
      const IndexKey& key = index.keys[i];
      if (i != 0) text_ += ", ";
      if (key.expression.empty()) {
        text_ += "{.column = ";
        append_cpp_string_literal(text_, key.column);
      } else {
        text_ += "{.expression = ";
        append_cpp_string_literal(text_, key.expression);
      }
      text_ += '}';
    }
    text_ += "};\n";
    out += ", .keys = ";
    out += keys_id;
  }
  if (index.unique) out += ", .unique = true";
  if (index.method != "btree") {
    out += ", .method = ";
    append_cpp_string_literal(out, index.method);
  }
  if (index.where) {
    out += ", .where = ";
    append_cpp_string_literal(out, *index.where);
  }
  out += '}';
}

std::string DataDeclarations::index(const Index& index) {
  std::string object;
  append_index_object(object, index);
  const std::string id = identifier(index.name, "index");
  text_ += "constexpr data::Index " + id + object + ";\n\n";
  return id;
}

std::string DataDeclarations::enum_type(const EnumType& type, std::string_view suffix) {
  Initializer init;
  init.add("name", literal(type.name));
  if (!type.labels.empty()) {
    const std::string labels_id =
        identifier(suffix == "enum" ? type.name : type.name + "_" + std::string(suffix), "labels");
    text_ += "constexpr data::Text " + labels_id + "[] = " + string_list(type.labels) + ";\n";
    init.add("labels", labels_id);
  }
  const std::string id = identifier(type.name, suffix);
  text_ += "constexpr data::EnumType " + id + init.str() + ";\n\n";
  return id;
}

std::string DataDeclarations::usages(std::string_view type, const std::vector<EnumUsage>& usages) {
  if (usages.empty()) return "{}";
  std::vector<std::string> items;
  for (const EnumUsage& usage : usages) {
    items.push_back(Initializer()
                        .add("table", literal(usage.table))
                        .add("column", literal(usage.column))
                        .add_if(usage.is_array, "is_array", "true")
                        .add_optional("default_sql", usage.default_sql)
                        .str());
  }
  const std::string id = identifier(type, "usages");
  text_ += array("EnumUsage", id, items) + "\n";
  return id;
}

std::string DataDeclarations::table(const Table& table) {
  const std::string& name = table.name;
  // Each list: its items' initializers, declared as `<table>_<field>`, and
  // the field pointing at it; nothing for an empty list. Written straight
  // into the buffers: thousands of tables, nine columns each.
  std::string fields;  // the object's lines after `.name`
  std::string items;   // the list being built, one `    <item>,\n` each
  const auto field = [&fields](std::string_view field, std::string_view value) {
    fields += "    .";
    fields += field;
    fields += " = ";
    fields += value;
    fields += ",\n";
  };
  const auto list = [&](std::string_view field_name, std::string_view type) {
    if (items.empty()) return;
    const std::string id = identifier(name, field_name);
    text_ += "constexpr data::";
    text_ += type;
    text_ += ' ';
    text_ += id;
    text_ += "[] = {\n";
    text_ += items;
    text_ += "};\n";
    field(field_name, id);
    items.clear();
  };
  const auto item = [&items](const std::string& initializer) {
    items += "    ";
    items += initializer;
    items += ",\n";
  };

  for (const Column& column : table.columns) {
    items += "    ";
    append_column_initializer(items, column);
    items += ",\n";
  }
  list("columns", "Column");
  if (!table.primary_key.empty()) {
    field("primary_key",
          names_list(table.primary_key, "the primary key of table \"" + name + "\""));
  }
  if (!table.primary_key_name.empty()) field("primary_key_name", literal(table.primary_key_name));
  for_each_constraint_kind([&](auto kind) {
    using Kind = ConstraintKindOf<typename decltype(kind)::type>;
    for (const auto& constraint : table.*Kind::list) item(initializer(constraint));
    list(Kind::kind.list_name, Kind::kind.type_name);
  });
  for (const Index& index : table.indexes) {
    items += "    ";
    append_index_object(items, index);
    items += ",\n";
  }
  list("indexes", "Index");
  if (table.comment) field("comment", literal(*table.comment));

  const std::string id = identifier(name, "table");
  text_ += "constexpr data::Table ";
  text_ += id;
  text_ += "{\n    .name = ";
  append_cpp_string_literal(text_, name);
  text_ += ",\n";
  text_ += fields;
  text_ += "};\n\n";
  return id;
}

}  // namespace structmig::render
