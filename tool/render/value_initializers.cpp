// Renders schema values as designated initializers (see value_initializers.hpp).
#include "render/value_initializers.hpp"

#include "render/cpp_literal.hpp"

namespace structmig::render {
namespace {

std::string identity_enumerator(Identity identity) {
  switch (identity) {
    case Identity::by_default:
      return "Identity::by_default";
    case Identity::always:
      return "Identity::always";
    case Identity::none:
      break;
  }
  return "Identity::none";
}

std::string action_enumerator(ForeignKeyAction action) {
  switch (action) {
    case ForeignKeyAction::restrict:
      return "ForeignKeyAction::restrict";
    case ForeignKeyAction::cascade:
      return "ForeignKeyAction::cascade";
    case ForeignKeyAction::set_null:
      return "ForeignKeyAction::set_null";
    case ForeignKeyAction::set_default:
      return "ForeignKeyAction::set_default";
    case ForeignKeyAction::no_action:
      break;
  }
  return "ForeignKeyAction::no_action";
}

// `.field = {` one item per line `},` inside a table.
template <typename T, typename Render>
std::string list_field(std::size_t indent, std::string_view field, const std::vector<T>& items,
                       Render render) {
  const std::string field_indent(indent + 4, ' ');
  const std::string item_indent(indent + 8, ' ');
  if (items.empty()) return "";
  std::string out = field_indent + "." + std::string(field) + " = {\n";
  for (const T& item : items) out += item_indent + render(item) + ",\n";
  return out + field_indent + "},\n";
}

}  // namespace

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string literal(const std::string& text) { return cpp_string_literal(text); }

std::string string_list(const std::vector<std::string>& items) {
  std::vector<std::string> literals;
  for (const std::string& item : items) literals.push_back(literal(item));
  return "{" + join(literals, ", ") + "}";
}

Initializer& Initializer::add(std::string_view field, const std::string& value) {
  fields_.push_back("." + std::string(field) + " = " + value);
  return *this;
}

Initializer& Initializer::add_if(bool present, std::string_view field, const std::string& value) {
  return present ? add(field, value) : *this;
}

Initializer& Initializer::add_optional(std::string_view field,
                                       const std::optional<std::string>& text) {
  return text ? add(field, literal(*text)) : *this;
}

std::string Initializer::str() const { return "{" + join(fields_, ", ") + "}"; }

std::string column_initializer(const Column& column) {
  return Initializer()
      .add("name", literal(column.name))
      .add("type", literal(column.type))
      .add_if(column.nullable, "nullable", "true")
      .add_optional("default_sql", column.default_sql)
      .add_if(column.identity != Identity::none, "identity", identity_enumerator(column.identity))
      .add_optional("comment", column.comment)
      .str();
}

std::string unique_initializer(const UniqueConstraint& unique) {
  return Initializer()
      .add("name", literal(unique.name))
      .add("columns", string_list(unique.columns))
      .str();
}

std::string check_initializer(const CheckConstraint& check) {
  return Initializer()
      .add("name", literal(check.name))
      .add("expression", literal(check.expression))
      .str();
}

std::string foreign_key_initializer(const ForeignKey& key) {
  return Initializer()
      .add("name", literal(key.name))
      .add("columns", string_list(key.columns))
      .add("referenced_table", literal(key.referenced_table))
      .add("referenced_columns", string_list(key.referenced_columns))
      .add_if(key.on_delete != ForeignKeyAction::no_action, "on_delete",
              action_enumerator(key.on_delete))
      .add_if(key.on_update != ForeignKeyAction::no_action, "on_update",
              action_enumerator(key.on_update))
      .str();
}

std::string constraint_initializer(const Constraint& constraint) {
  struct Initializers {
    std::string operator()(const UniqueConstraint& unique) const {
      return unique_initializer(unique);
    }
    std::string operator()(const CheckConstraint& check) const { return check_initializer(check); }
    std::string operator()(const ForeignKey& key) const { return foreign_key_initializer(key); }
  };
  return std::visit(Initializers{}, constraint);
}

std::string index_initializer(const Index& index) {
  std::vector<std::string> keys;
  for (const IndexKey& key : index.keys) {
    keys.push_back(key.expression.empty()
                       ? Initializer().add("column", literal(key.column)).str()
                       : Initializer().add("expression", literal(key.expression)).str());
  }
  return Initializer()
      .add("name", literal(index.name))
      .add("keys", "{" + join(keys, ", ") + "}")
      .add_if(index.unique, "unique", "true")
      .add_if(index.method != "btree", "method", literal(index.method))
      .add_optional("where", index.where)
      .str();
}

std::string enum_initializer(const EnumType& type) {
  return Initializer()
      .add("name", literal(type.name))
      .add("labels", string_list(type.labels))
      .str();
}

std::string table_initializer(const Table& table, std::size_t indent) {
  const std::string field_indent(indent + 4, ' ');
  std::string out = "{\n";
  out += field_indent + ".name = " + literal(table.name) + ",\n";
  out += list_field(indent, "columns", table.columns, column_initializer);
  if (!table.primary_key.empty()) {
    out += field_indent + ".primary_key = " + string_list(table.primary_key) + ",\n";
  }
  if (!table.primary_key_name.empty()) {
    out += field_indent + ".primary_key_name = " + literal(table.primary_key_name) + ",\n";
  }
  out += list_field(indent, "uniques", table.uniques, unique_initializer);
  out += list_field(indent, "checks", table.checks, check_initializer);
  out += list_field(indent, "foreign_keys", table.foreign_keys, foreign_key_initializer);
  out += list_field(indent, "indexes", table.indexes, index_initializer);
  if (table.comment) out += field_indent + ".comment = " + literal(*table.comment) + ",\n";
  out += std::string(indent, ' ') + "}";
  return out;
}

}  // namespace structmig::render
