// Renders schema values as designated initializers (see value_initializers.hpp).
#include "render/value_initializers.hpp"

#include <stdexcept>

#include "render/cpp_literal.hpp"
#include "structmig/error.hpp"
#include "structmig/spelling.hpp"

namespace structmig::render {
namespace {

constexpr std::size_t kNamesCapacity = 32;  // data::Names::capacity (INDEX_MAX_KEYS)

std::string identity_enumerator(Identity identity) {
  return "Identity::" + std::string(name_of(identity));
}

std::string action_enumerator(ForeignKeyAction action) {
  return "ForeignKeyAction::" + std::string(name_of(action));
}

}  // namespace

std::string literal(const std::string& text) { return cpp_string_literal(text); }

std::string string_list(const std::vector<std::string>& items) {
  return "{" + join(items, ", ", literal) + "}";
}

std::string names_list(const std::vector<std::string>& names, std::string_view what) {
  if (names.size() > kNamesCapacity) {
    throw structmig::InvalidOperation(std::string(what) + " has " + std::to_string(names.size()) +
                                      " columns; PostgreSQL allows at most " +
                                      std::to_string(kNamesCapacity) + " in a key");
  }
  return string_list(names);
}

Initializer& Initializer::add(std::string_view field, const std::string& value) {
  text_ += text_.empty() ? "{." : ", .";
  text_ += field;
  text_ += " = ";
  text_ += value;
  return *this;
}

Initializer& Initializer::add_if(bool present, std::string_view field, const std::string& value) {
  return present ? add(field, value) : *this;
}

Initializer& Initializer::add_optional(std::string_view field,
                                       const std::optional<std::string>& text) {
  return text ? add(field, literal(*text)) : *this;
}

std::string Initializer::str() const { return text_.empty() ? "{}" : text_ + "}"; }

std::string column_initializer(const Column& column) {
  std::string out;
  append_column_initializer(out, column);
  return out;
}

void append_column_initializer(std::string& out, const Column& column) {
  const auto text = [&out](std::string_view field, std::string_view value) {
    out += field;
    append_cpp_string_literal(out, value);
  };
  text("{.name = ", column.name);
  text(", .type = ", column.type);
  if (column.nullable) out += ", .nullable = true";
  if (column.default_sql) text(", .default_sql = ", *column.default_sql);
  if (column.identity != Identity::none) {
    out += ", .identity = ";
    out += identity_enumerator(column.identity);
  }
  if (column.comment) text(", .comment = ", *column.comment);
  out += '}';
}

std::string initializer(const UniqueConstraint& unique) {
  return Initializer()
      .add("name", literal(unique.name))
      .add("columns", names_list(unique.columns, "unique constraint \"" + unique.name + "\""))
      .str();
}

std::string initializer(const CheckConstraint& check) {
  return Initializer()
      .add("name", literal(check.name))
      .add("expression", literal(check.expression))
      .str();
}

std::string initializer(const ForeignKey& key) {
  return Initializer()
      .add("name", literal(key.name))
      .add("columns", names_list(key.columns, "foreign key \"" + key.name + "\""))
      .add("referenced_table", literal(key.referenced_table))
      .add("referenced_columns",
           names_list(key.referenced_columns, "foreign key \"" + key.name + "\" (referenced)"))
      .add_if(key.on_delete != ForeignKeyAction::no_action, "on_delete",
              action_enumerator(key.on_delete))
      .add_if(key.on_update != ForeignKeyAction::no_action, "on_update",
              action_enumerator(key.on_update))
      .str();
}

std::string initializer(const ExcludeConstraint& exclude) {
  const std::string what = "exclusion constraint \"" + exclude.name + "\"";
  return Initializer()
      .add("name", literal(exclude.name))
      .add_if(exclude.method != "gist", "method", literal(exclude.method))
      .add("columns", names_list(exclude.columns, what))
      .add("operators", names_list(exclude.operators, what + " (operators)"))
      .add_optional("where", exclude.where)
      .str();
}

std::string constraint_initializer(const Constraint& constraint) {
  return std::visit([](const auto& c) { return initializer(c); }, constraint);
}

}  // namespace structmig::render
