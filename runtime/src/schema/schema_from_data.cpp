// The literal data of generated files as owned schema values (see
// schema_from_data.hpp).
#include "structmig/schema_from_data.hpp"

#include <forward_list>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>

#include "schema/names_from_data.hpp"
#include "structmig/compiled_schema.hpp"
#include "structmig/constraint.hpp"
#include "structmig/error.hpp"

namespace structmig {
namespace {

// `kind "name"`, or just `kind` when the object has no name.
std::string object(std::string_view kind, data::Text name) {
  std::string out = "structmig::data::" + std::string(kind);
  if (name) out += " \"" + std::string(name) + "\"";
  return out;
}

std::string required(data::Text text, std::string_view kind, data::Text name,
                     std::string_view field) {
  if (!text) {
    throw InvalidOperation(object(kind, name) + ": ." + std::string(field) +
                           " is not set (nullptr)");
  }
  return text;
}

std::optional<std::string> optional(data::Text text) {
  return text ? std::optional<std::string>(text) : std::nullopt;
}

std::vector<std::string> names(const data::Names& names, std::string_view kind, data::Text name,
                               std::string_view field) {
  return detail::names_from_data<std::string>(names, field, [&] { return object(kind, name); });
}

template <typename Owned, typename Data>
std::vector<Owned> all(data::List<Data> items) {
  std::vector<Owned> out;
  out.reserve(items.size());
  for (const Data& item : items) out.push_back(from_data(item));
  return out;
}

// Rethrows an error of one part of a table with the table's name in front.
template <typename F>
auto in_table(data::Text table, F convert) {
  try {
    return convert();
  } catch (const InvalidOperation& error) {
    throw InvalidOperation(object("Table", table) + ": " + error.what());
  }
}

}  // namespace

std::vector<std::string> from_data(const data::Names& list) {
  return names(list, "Names", nullptr, "items");
}

EnumType from_data(const data::EnumType& type) {
  EnumType out{.name = required(type.name, "EnumType", nullptr, "name")};
  for (std::size_t i = 0; i < type.labels.size(); ++i) {
    if (!type.labels[i]) {
      throw InvalidOperation(object("EnumType", type.name) + ": label " + std::to_string(i + 1) +
                             " is nullptr");
    }
    out.labels.emplace_back(type.labels[i]);
  }
  return out;
}

Column from_data(const data::Column& column) {
  return {.name = required(column.name, "Column", nullptr, "name"),
          .type = required(column.type, "Column", column.name, "type"),
          .nullable = column.nullable,
          .default_sql = optional(column.default_sql),
          .identity = column.identity,
          .comment = optional(column.comment)};
}

ForeignKey from_data(const data::ForeignKey& key) {
  return {.name = required(key.name, "ForeignKey", nullptr, "name"),
          .columns = names(key.columns, "ForeignKey", key.name, "columns"),
          .referenced_table = required(key.referenced_table, "ForeignKey", key.name,
                                       "referenced_table"),
          .referenced_columns =
              names(key.referenced_columns, "ForeignKey", key.name, "referenced_columns"),
          .on_delete = key.on_delete,
          .on_update = key.on_update};
}

UniqueConstraint from_data(const data::UniqueConstraint& unique) {
  return {.name = required(unique.name, "UniqueConstraint", nullptr, "name"),
          .columns = names(unique.columns, "UniqueConstraint", unique.name, "columns")};
}

CheckConstraint from_data(const data::CheckConstraint& check) {
  return {.name = required(check.name, "CheckConstraint", nullptr, "name"),
          .expression = required(check.expression, "CheckConstraint", check.name, "expression")};
}

ExcludeConstraint from_data(const data::ExcludeConstraint& exclude) {
  const data::Text name = exclude.name;
  return {.name = required(name, "ExcludeConstraint", nullptr, "name"),
          .method = required(exclude.method, "ExcludeConstraint", name, "method"),
          .columns = names(exclude.columns, "ExcludeConstraint", name, "columns"),
          .operators = names(exclude.operators, "ExcludeConstraint", name, "operators"),
          .where = optional(exclude.where)};
}

IndexKey from_data(const data::IndexKey& key) {
  if (!key.column == !key.expression) {
    throw InvalidOperation(
        "structmig::data::IndexKey: exactly one of .column and .expression must be set");
  }
  return {.column = key.column ? key.column : "", .expression = key.expression ? key.expression : ""};
}

Index from_data(const data::Index& index) {
  const data::Text name = index.name;
  Index out{.name = required(name, "Index", nullptr, "name"),
            .unique = index.unique,
            .method = required(index.method, "Index", name, "method"),
            .where = optional(index.where)};
  try {
    out.keys = all<IndexKey>(index.keys);
  } catch (const InvalidOperation& error) {
    throw InvalidOperation(object("Index", name) + ": " + error.what());
  }
  return out;
}

Table from_data(const data::Table& table) {
  const data::Text name = table.name;
  Table out{.name = required(name, "Table", nullptr, "name"),
            .columns = in_table(name, [&] { return all<Column>(table.columns); }),
            .primary_key = names(table.primary_key, "Table", name, "primary_key"),
            .primary_key_name = table.primary_key_name ? table.primary_key_name : ""};
  for_each_constraint_kind([&](auto kind) {
    using K = typename decltype(kind)::type;
    out.*ConstraintKindOf<K>::list =
        in_table(name, [&] { return all<K>(table.*ConstraintKindOf<K>::data_list); });
  });
  out.indexes = in_table(name, [&] { return all<Index>(table.indexes); });
  out.comment = optional(table.comment);
  return out;
}

Schema from_data(const data::Schema& schema) {
  return {.enums = all<EnumType>(schema.enums), .tables = all<Table>(schema.tables)};
}

EnumUsage from_data(const data::EnumUsage& usage) {
  return {.table = required(usage.table, "EnumUsage", nullptr, "table"),
          .column = required(usage.column, "EnumUsage", usage.table, "column"),
          .is_array = usage.is_array,
          .default_sql = optional(usage.default_sql)};
}

const Schema& data::keep(const data::Schema& schema) {
  static std::mutex mutex;
  static std::forward_list<structmig::Schema> kept;  // never moves what it returned
  structmig::Schema converted = from_data(schema);
  const std::lock_guard lock(mutex);
  kept.push_front(std::move(converted));
  return kept.front();
}

}  // namespace structmig
