// Declares the constexpr data objects of a generated file (see
// data_declarations.hpp).
#include "render/data_declarations.hpp"

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
  const std::string base = sanitised(name) + "_" + std::string(suffix);
  std::string id = base;
  for (int n = 2; used_.count(id) != 0; ++n) id = base + "_" + std::to_string(n);
  used_.insert(id);
  return id;
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
  struct Kind {
    std::string_view type;
    std::string_view suffix;
  };
  const Kind kind = std::holds_alternative<ForeignKey>(constraint)
                        ? Kind{"ForeignKey", "foreign_key"}
                    : std::holds_alternative<UniqueConstraint>(constraint)
                        ? Kind{"UniqueConstraint", "unique"}
                        : Kind{"CheckConstraint", "check"};
  const std::string id = identifier(name_of(constraint), kind.suffix);
  text_ += "constexpr data::" + std::string(kind.type) + " " + id +
           constraint_initializer(constraint) + ";\n\n";
  return id;
}

// The index's initializer, its keys declared first.
std::string DataDeclarations::index_object(const Index& index) {
  Initializer init;
  init.add("name", literal(index.name));
  if (!index.keys.empty()) {
    std::vector<std::string> keys;
    for (const IndexKey& key : index.keys) {
      keys.push_back(key.expression.empty()
                         ? Initializer().add("column", literal(key.column)).str()
                         : Initializer().add("expression", literal(key.expression)).str());
    }
    const std::string keys_id = identifier(index.name, "keys");
    text_ += "constexpr data::IndexKey " + keys_id + "[] = {" + join(keys, ", ") + "};\n";
    init.add("keys", keys_id);
  }
  return init.add_if(index.unique, "unique", "true")
      .add_if(index.method != "btree", "method", literal(index.method))
      .add_optional("where", index.where)
      .str();
}

std::string DataDeclarations::index(const Index& index) {
  const std::string object = index_object(index);
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
  const std::string what = "table \"" + name + "\"";
  // Each list: its items' initializers, declared as `<table>_<field>`, and
  // the field pointing at it; nothing for an empty list.
  std::vector<std::pair<std::string, std::string>> fields;  // (field, value)
  const auto list = [&](std::string_view field, std::string_view type,
                        const std::vector<std::string>& items) {
    if (items.empty()) return;
    const std::string id = identifier(name, field);
    text_ += array(type, id, items);
    fields.emplace_back(std::string(field), id);
  };

  std::vector<std::string> items;
  for (const Column& column : table.columns) items.push_back(column_initializer(column));
  list("columns", "Column", items);
  if (!table.primary_key.empty()) {
    fields.emplace_back("primary_key", names_list(table.primary_key, "the primary key of " + what));
  }
  if (!table.primary_key_name.empty()) {
    fields.emplace_back("primary_key_name", literal(table.primary_key_name));
  }
  items.clear();
  for (const UniqueConstraint& unique : table.uniques) items.push_back(unique_initializer(unique));
  list("uniques", "UniqueConstraint", items);
  items.clear();
  for (const CheckConstraint& check : table.checks) items.push_back(check_initializer(check));
  list("checks", "CheckConstraint", items);
  items.clear();
  for (const ForeignKey& key : table.foreign_keys) items.push_back(foreign_key_initializer(key));
  list("foreign_keys", "ForeignKey", items);
  items.clear();
  for (const Index& index : table.indexes) items.push_back(index_object(index));
  list("indexes", "Index", items);
  if (table.comment) fields.emplace_back("comment", literal(*table.comment));

  const std::string id = identifier(name, "table");
  text_ += "constexpr data::Table " + id + "{\n";
  text_ += "    .name = " + literal(name) + ",\n";
  for (const auto& [field, value] : fields) text_ += "    ." + field + " = " + value + ",\n";
  text_ += "};\n\n";
  return id;
}

}  // namespace structmig::render
