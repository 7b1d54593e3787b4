// Enums and tables out of snapshot JSON (see parse_schema.hpp). Each object is
// first located by position ("tables[2]"), then, once its name is read, by
// name ("table 'tickets': index 'ix_tickets_user_id'"), so every message says
// where the problem is in terms a reviewer of the file recognises.
#include "snapshot/parse_schema.hpp"

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "snapshot/object_reader.hpp"
#include "snapshot/schema_words.hpp"
#include "structmig/constraint.hpp"

namespace structmig::snapshot {
namespace {

// An optional string field ("default", "comment", "where").
llvm::Error read_optional_string(ObjectReader& reader, llvm::StringRef key,
                                 std::optional<std::string>& out) {
  if (const llvm::json::Value* value = reader.optional(key)) {
    auto text = reader.as_string(key, *value);
    if (!text) return text.takeError();
    out = std::move(*text);
  }
  return llvm::Error::success();
}

llvm::Error read_optional_bool(ObjectReader& reader, llvm::StringRef key, bool& out) {
  if (const llvm::json::Value* value = reader.optional(key)) {
    auto flag = reader.as_bool(key, *value);
    if (!flag) return flag.takeError();
    out = *flag;
  }
  return llvm::Error::success();
}

llvm::Error read_action(ObjectReader& reader, llvm::StringRef key, ForeignKeyAction& out) {
  const llvm::json::Value* value = reader.optional(key);
  if (value == nullptr) return llvm::Error::success();
  auto word = value->getAsString();
  auto action = word ? action_from_word(*word) : std::nullopt;
  if (!action) {
    return reader.error("\"" + key +
                        "\" must be one of no_action, restrict, cascade, set_null, set_default");
  }
  out = *action;
  return llvm::Error::success();
}

// Parses the fields of a named object other than its name.
template <typename T>
using NamedParser = std::function<llvm::Error(ObjectReader&, T&)>;

// A JSON object with a "name": located by `position` ("columns[3]") until the
// name is read, then by `kind` and name ("column 'id'"); both after `owner`
// ("table 'tickets': ", or "" at the top level).
template <typename T>
llvm::Expected<T> parse_named_object(const llvm::json::Value& value, llvm::StringRef path,
                                     const std::string& owner, const std::string& position,
                                     const std::string& kind, const NamedParser<T>& parse_named) {
  const llvm::json::Object* object = value.getAsObject();
  if (object == nullptr) return file_error(path, owner + position + " must be an object");
  T item;
  {
    ObjectReader reader(*object, path, owner + position);
    auto name = reader.required_name("name");
    if (!name) return name.takeError();
    item.name = std::move(*name);
  }
  ObjectReader reader(*object, path, owner + kind + " '" + item.name + "'");
  reader.optional("name");
  if (llvm::Error err = parse_named(reader, item)) return err;
  if (llvm::Error err = reader.reject_unknown_keys()) return err;
  return item;
}

// Every element of the array `key` of a table, parsed with `parse_named`.
template <typename T>
llvm::Error parse_items(ObjectReader& table_reader, llvm::StringRef key, const std::string& kind,
                        bool required, const NamedParser<T>& parse_named, std::vector<T>& out) {
  auto array = required ? table_reader.required_array(key) : table_reader.optional_array(key);
  if (!array) return array.takeError();
  for (size_t i = 0; i < (*array)->size(); ++i) {
    const std::string position = key.str() + "[" + std::to_string(i) + "]";
    auto item = parse_named_object<T>((**array)[i], table_reader.path(),
                                      table_reader.where() + ": ", position, kind, parse_named);
    if (!item) return item.takeError();
    out.push_back(std::move(*item));
  }
  return llvm::Error::success();
}

// A non-empty list of distinct names of columns of the table.
llvm::Error check_columns(ObjectReader& reader, llvm::StringRef key,
                          const std::vector<std::string>& names,
                          const std::set<std::string>& table_columns) {
  if (names.empty()) return reader.error("\"" + key + "\" must not be empty");
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!table_columns.count(name)) {
      return reader.error("column '" + name + "' is not a column of the table");
    }
    if (!seen.insert(name).second) return reader.error("column '" + name + "' appears twice");
  }
  return llvm::Error::success();
}

llvm::Error parse_column(ObjectReader& reader, Column& column) {
  auto type = reader.required_name("type");
  if (!type) return type.takeError();
  column.type = std::move(*type);

  auto nullable_value = reader.required("nullable");
  if (!nullable_value) return nullable_value.takeError();
  auto nullable = reader.as_bool("nullable", **nullable_value);
  if (!nullable) return nullable.takeError();
  column.nullable = *nullable;

  if (llvm::Error err = read_optional_string(reader, "default", column.default_sql)) return err;
  if (const llvm::json::Value* value = reader.optional("identity")) {
    auto word = value->getAsString();
    auto identity = word ? identity_from_word(*word) : std::nullopt;
    if (!identity) return reader.error("\"identity\" must be \"by_default\" or \"always\"");
    column.identity = *identity;
  }
  return read_optional_string(reader, "comment", column.comment);
}

// One constraint of each kind after its name; `columns`: the table's (the
// loop in parse_table picks the overload).
llvm::Error parse_constraint(ObjectReader& reader, UniqueConstraint& unique,
                             const std::set<std::string>& columns) {
  auto names = reader.required_names("columns", "column names");
  if (!names) return names.takeError();
  unique.columns = std::move(*names);
  return check_columns(reader, "columns", unique.columns, columns);
}

llvm::Error parse_constraint(ObjectReader& reader, CheckConstraint& check,
                             const std::set<std::string>& /*columns*/) {
  auto expression = reader.required_name("expression");
  if (!expression) return expression.takeError();
  check.expression = std::move(*expression);
  return llvm::Error::success();
}

llvm::Error parse_constraint(ObjectReader& reader, ForeignKey& key,
                             const std::set<std::string>& columns) {
  auto names = reader.required_names("columns", "column names");
  if (!names) return names.takeError();
  key.columns = std::move(*names);
  if (llvm::Error err = check_columns(reader, "columns", key.columns, columns)) return err;
  auto table = reader.required_name("referenced_table");
  if (!table) return table.takeError();
  key.referenced_table = std::move(*table);
  auto referenced = reader.required_names("referenced_columns", "column names");
  if (!referenced) return referenced.takeError();
  key.referenced_columns = std::move(*referenced);
  if (key.referenced_columns.size() != key.columns.size()) {
    return reader.error("\"columns\" and \"referenced_columns\" differ in length");
  }
  if (llvm::Error err = read_action(reader, "on_delete", key.on_delete)) return err;
  return read_action(reader, "on_update", key.on_update);
}

llvm::Error parse_constraint(ObjectReader& reader, ExcludeConstraint& exclude,
                             const std::set<std::string>& columns) {
  auto method = reader.required_name("method");
  if (!method) return method.takeError();
  exclude.method = std::move(*method);
  auto names = reader.required_names("columns", "column names");
  if (!names) return names.takeError();
  exclude.columns = std::move(*names);
  if (llvm::Error err = check_columns(reader, "columns", exclude.columns, columns)) return err;
  auto operators = reader.required_names("operators", "operators");
  if (!operators) return operators.takeError();
  exclude.operators = std::move(*operators);
  if (exclude.operators.size() != exclude.columns.size()) {
    return reader.error("\"columns\" and \"operators\" differ in length");
  }
  return read_optional_string(reader, "where", exclude.where);
}

// Every kind's list, in the family's order ("uniques", "checks", …).
llvm::Error parse_constraints(ObjectReader& reader, Table& table,
                              const std::set<std::string>& columns) {
  llvm::Error error = llvm::Error::success();
  for_each_constraint_kind([&](auto kind) {
    using K = typename decltype(kind)::type;
    using Kind = ConstraintKindOf<K>;
    if (error) return;
    const NamedParser<K> parser = [&columns](ObjectReader& item_reader, K& item) {
      return parse_constraint(item_reader, item, columns);
    };
    error = parse_items(reader, Kind::kind.list_name, std::string(Kind::kind.item_word), false,
                        parser, table.*Kind::list);
  });
  return error;
}

llvm::Expected<IndexKey> parse_index_key(ObjectReader& reader, const llvm::json::Value& value,
                                         size_t position, const std::set<std::string>& columns) {
  const std::string where = "keys[" + std::to_string(position) + "]";
  if (auto column = value.getAsString()) {
    if (!columns.count(column->str())) {
      return reader.error("column '" + *column + "' is not a column of the table");
    }
    return IndexKey{.column = column->str()};
  }
  const llvm::json::Object* object = value.getAsObject();
  if (object == nullptr) {
    return reader.error(where + " must be a column name or {\"expression\": \"...\"}");
  }
  ObjectReader key_reader(*object, reader.path(), reader.where() + ": " + where);
  auto expression = key_reader.required_name("expression");
  if (!expression) return expression.takeError();
  if (llvm::Error err = key_reader.reject_unknown_keys()) return err;
  return IndexKey{.expression = std::move(*expression)};
}

NamedParser<Index> index_parser(const std::set<std::string>& columns) {
  return [&columns](ObjectReader& reader, Index& index) -> llvm::Error {
    auto keys = reader.required_array("keys");
    if (!keys) return keys.takeError();
    if ((*keys)->empty()) return reader.error("\"keys\" must not be empty");
    for (size_t i = 0; i < (*keys)->size(); ++i) {
      auto key = parse_index_key(reader, (**keys)[i], i, columns);
      if (!key) return key.takeError();
      index.keys.push_back(std::move(*key));
    }
    if (llvm::Error err = read_optional_bool(reader, "unique", index.unique)) return err;
    if (const llvm::json::Value* value = reader.optional("method")) {
      auto method = reader.as_string("method", *value);
      if (!method) return method.takeError();
      if (method->empty()) return reader.error("\"method\" must not be empty");
      index.method = std::move(*method);
    }
    return read_optional_string(reader, "where", index.where);
  };
}

// Constraints and indexes of one table share PostgreSQL's namespace of
// relation constraints (a unique constraint is also an index), so one name
// may not be used twice among them.
llvm::Error check_distinct_names(ObjectReader& reader, const Table& table) {
  std::vector<std::string> names;
  if (!table.primary_key.empty()) names.push_back(table.primary_key_name);
  for (const Constraint& constraint : constraints_of(table)) names.push_back(name_of(constraint));
  for (const auto& index : table.indexes) names.push_back(index.name);
  std::set<std::string> seen;
  for (const std::string& name : names) {
    if (!seen.insert(name).second) {
      return reader.error("constraint or index name '" + name + "' appears twice");
    }
  }
  return llvm::Error::success();
}

llvm::Error parse_primary_key(ObjectReader& reader, Table& table,
                              const std::set<std::string>& columns) {
  auto key = reader.required_names("primary_key", "column names");
  if (!key) return key.takeError();
  table.primary_key = std::move(*key);
  auto name = reader.required_string("primary_key_name");
  if (!name) return name.takeError();
  table.primary_key_name = std::move(*name);
  if (!table.primary_key.empty() && table.primary_key_name.empty()) {
    return reader.error("\"primary_key_name\" must not be empty");
  }
  std::set<std::string> seen;
  for (const std::string& column : table.primary_key) {
    if (!columns.count(column)) {
      return reader.error("primary key column '" + column + "' is not a column of the table");
    }
    if (!seen.insert(column).second) {
      return reader.error("primary key column '" + column + "' appears twice");
    }
  }
  return llvm::Error::success();
}

}  // namespace

llvm::Expected<EnumType> parse_enum(const llvm::json::Value& value, llvm::StringRef path,
                                    size_t index) {
  const NamedParser<EnumType> labels = [](ObjectReader& reader, EnumType& type) -> llvm::Error {
    auto names = reader.required_names("labels", "strings");
    if (!names) return names.takeError();
    type.labels = std::move(*names);
    std::set<std::string> seen;
    for (const std::string& label : type.labels) {
      if (label.empty()) return reader.error("a label must not be empty");
      if (!seen.insert(label).second) return reader.error("label '" + label + "' appears twice");
    }
    return llvm::Error::success();
  };
  return parse_named_object<EnumType>(value, path, "", "enums[" + std::to_string(index) + "]",
                                      "enum", labels);
}

llvm::Expected<Table> parse_table(const llvm::json::Value& value, llvm::StringRef path,
                                  size_t index) {
  const NamedParser<Table> body = [](ObjectReader& reader, Table& table) -> llvm::Error {
    if (llvm::Error err = read_optional_string(reader, "comment", table.comment)) return err;

    const NamedParser<Column> column_parser = parse_column;
    if (llvm::Error err = parse_items(reader, "columns", "column", /*required=*/true, column_parser,
                                      table.columns)) {
      return err;
    }
    std::set<std::string> columns;
    for (const Column& column : table.columns) {
      if (!columns.insert(column.name).second) {
        return reader.error("column '" + column.name + "' appears twice");
      }
    }
    if (llvm::Error err = parse_primary_key(reader, table, columns)) return err;
    if (llvm::Error err = parse_constraints(reader, table, columns)) return err;
    if (llvm::Error err =
            parse_items(reader, "indexes", "index", false, index_parser(columns), table.indexes)) {
      return err;
    }
    return check_distinct_names(reader, table);
  };
  return parse_named_object<Table>(value, path, "", "tables[" + std::to_string(index) + "]",
                                   "table", body);
}

llvm::Error check_foreign_key_targets(const Schema& schema, llvm::StringRef path) {
  for (const Table& table : schema.tables) {
    for (const ForeignKey& key : table.foreign_keys) {
      const std::string where = "table '" + table.name + "': foreign key '" + key.name + "': ";
      const Table* target = schema.find_table(key.referenced_table);
      if (target == nullptr) {
        return file_error(
            path, where + "referenced table '" + key.referenced_table + "' is not in the snapshot");
      }
      for (const std::string& column : key.referenced_columns) {
        if (target->find_column(column) == nullptr) {
          return file_error(path, where + "referenced column '" + column +
                                      "' is not a column of table '" + target->name + "'");
        }
      }
    }
  }
  return llvm::Error::success();
}

}  // namespace structmig::snapshot
