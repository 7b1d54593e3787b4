// Renders operations as Ops calls (see render_op.hpp). Each value type has an
// initializer function that writes exactly the fields that differ from their
// defaults, so a rendered value, compiled, equals the value it came from.
#include "render/render_op.hpp"

#include <type_traits>

#include "render/cpp_literal.hpp"

namespace structmig::render {
namespace {

constexpr size_t kColumnLimit = 100;  // the repository's .clang-format
constexpr size_t kBodyIndent = 2;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += separator;
    out += items[i];
  }
  return out;
}

std::string literal(const std::string& text) { return cpp_string_literal(text); }

// {"a", "b"}
std::string string_list(const std::vector<std::string>& items) {
  std::vector<std::string> literals;
  for (const std::string& item : items) literals.push_back(literal(item));
  return "{" + join(literals, ", ") + "}";
}

// {.field = value, ...}
class Initializer {
 public:
  Initializer& add(std::string_view field, const std::string& value) {
    fields_.push_back("." + std::string(field) + " = " + value);
    return *this;
  }
  Initializer& add_if(bool present, std::string_view field, const std::string& value) {
    return present ? add(field, value) : *this;
  }
  Initializer& add_optional(std::string_view field, const std::optional<std::string>& text) {
    return text ? add(field, literal(*text)) : *this;
  }
  std::string str() const { return "{" + join(fields_, ", ") + "}"; }

 private:
  std::vector<std::string> fields_;
};

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

std::string usages_initializer(const std::vector<EnumUsage>& usages) {
  std::vector<std::string> items;
  for (const EnumUsage& usage : usages) {
    items.push_back(Initializer()
                        .add("table", literal(usage.table))
                        .add("column", literal(usage.column))
                        .add_if(usage.is_array, "is_array", "true")
                        .add_optional("default_sql", usage.default_sql)
                        .str());
  }
  return "{" + join(items, ", ") + "}";
}

// op.<function>(a, b, c); on one line. Calls whose arguments are whole values
// that can grow long (alter_column, recreate_enum) are broken when too long:
// one argument per line, aligned after the parenthesis as clang-format would.
std::string call(std::string_view function, const std::vector<std::string>& arguments,
                 bool break_when_long = false) {
  const std::string head = "op." + std::string(function) + "(";
  std::string one_line = head + join(arguments, ", ") + ");";
  if (!break_when_long || kBodyIndent + one_line.size() <= kColumnLimit) return one_line;
  const std::string indent(kBodyIndent + head.size(), ' ');
  return head + join(arguments, ",\n" + indent) + ");";
}

// `.field = {` one item per line `},` inside create_table.
template <typename T, typename Render>
std::string list_field(std::string_view field, const std::vector<T>& items, Render render) {
  const std::string field_indent(kBodyIndent + 4, ' ');
  const std::string item_indent(kBodyIndent + 8, ' ');
  if (items.empty()) return "";
  std::string out = field_indent + "." + std::string(field) + " = {\n";
  for (const T& item : items) out += item_indent + render(item) + ",\n";
  return out + field_indent + "},\n";
}

std::string render_create_table(const Table& table) {
  const std::string field_indent(kBodyIndent + 4, ' ');
  std::string out = "op.create_table({\n";
  out += field_indent + ".name = " + literal(table.name) + ",\n";
  out += list_field("columns", table.columns, column_initializer);
  if (!table.primary_key.empty()) {
    out += field_indent + ".primary_key = " + string_list(table.primary_key) + ",\n";
  }
  if (!table.primary_key_name.empty()) {
    out += field_indent + ".primary_key_name = " + literal(table.primary_key_name) + ",\n";
  }
  out += list_field("uniques", table.uniques, unique_initializer);
  out += list_field("checks", table.checks, check_initializer);
  out += list_field("foreign_keys", table.foreign_keys, foreign_key_initializer);
  out += list_field("indexes", table.indexes, index_initializer);
  if (table.comment) out += field_indent + ".comment = " + literal(*table.comment) + ",\n";
  out += std::string(kBodyIndent, ' ') + "});";
  return out;
}

// Multi-line SQL becomes adjacent literals, one source line per SQL line, so
// a hand-written statement stays readable in the file.
std::string render_execute(const std::string& sql) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find('\n', start);
    end = end == std::string::npos ? sql.size() : end + 1;
    pieces.push_back(cpp_string_literal(std::string_view(sql).substr(start, end - start)));
    start = end;
  }
  if (pieces.size() <= 1) return call("execute", {literal(sql)});
  const std::string indent(kBodyIndent + 4, ' ');
  return "op.execute(\n" + indent + join(pieces, "\n" + indent) + ");";
}

std::string render_add_enum_label(const AddEnumLabel& add) {
  std::vector<std::string> arguments = {literal(add.type), literal(add.label)};
  if (add.before || add.after) {
    arguments.push_back(
        Initializer().add_optional("before", add.before).add_optional("after", add.after).str());
  }
  return call("add_enum_label", arguments);
}

}  // namespace

std::string render_op(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return render_create_table(o.table);
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return call("drop_table", {literal(o.table.name)});
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return call("rename_table", {literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return call("add_column", {literal(o.table), column_initializer(o.column)});
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return call("drop_column", {literal(o.table), literal(o.column.name)});
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          return call("rename_column", {literal(o.table), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          std::vector<std::string> arguments = {literal(o.table), column_initializer(o.from),
                                                column_initializer(o.to)};
          if (o.using_sql) arguments.push_back(literal(*o.using_sql));
          return call("alter_column", arguments, /*break_when_long=*/true);
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return call("set_primary_key",
                      {literal(o.table), string_list(o.from), string_list(o.to), literal(o.name)});
        } else if constexpr (std::is_same_v<T, SetTableComment>) {
          return call("set_table_comment",
                      {literal(o.table), o.to ? literal(*o.to) : "std::nullopt"});
        } else if constexpr (std::is_same_v<T, AddForeignKey>) {
          return call("add_foreign_key",
                      {literal(o.table), foreign_key_initializer(o.foreign_key)});
        } else if constexpr (std::is_same_v<T, DropForeignKey>) {
          return call("drop_foreign_key", {literal(o.table), literal(o.foreign_key.name)});
        } else if constexpr (std::is_same_v<T, AddUnique>) {
          return call("add_unique", {literal(o.table), unique_initializer(o.unique)});
        } else if constexpr (std::is_same_v<T, DropUnique>) {
          return call("drop_unique", {literal(o.table), literal(o.unique.name)});
        } else if constexpr (std::is_same_v<T, AddCheck>) {
          return call("add_check", {literal(o.table), check_initializer(o.check)});
        } else if constexpr (std::is_same_v<T, DropCheck>) {
          return call("drop_check", {literal(o.table), literal(o.check.name)});
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return call("create_index", {literal(o.table), index_initializer(o.index)});
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return call("drop_index", {literal(o.table), literal(o.index.name)});
        } else if constexpr (std::is_same_v<T, RenameConstraint>) {
          return call("rename_constraint", {literal(o.table), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, RenameIndex>) {
          return call("rename_index", {literal(o.table), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, CreateEnum>) {
          return call("create_enum", {enum_initializer(o.type)});
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return call("drop_enum", {literal(o.type.name)});
        } else if constexpr (std::is_same_v<T, RenameEnum>) {
          return call("rename_enum", {literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          return render_add_enum_label(o);
        } else if constexpr (std::is_same_v<T, RenameEnumLabel>) {
          return call("rename_enum_label", {literal(o.type), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, RecreateEnum>) {
          return call(
              "recreate_enum",
              {enum_initializer(o.from), enum_initializer(o.to), usages_initializer(o.usages)},
              /*break_when_long=*/true);
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          return render_execute(o.sql);
        }
      },
      op);
}

std::string render_body(const std::vector<Op>& ops) {
  std::string out;
  for (const Op& op : ops) out += std::string(kBodyIndent, ' ') + render_op(op) + "\n";
  return out;
}

}  // namespace structmig::render
