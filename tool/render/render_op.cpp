// Renders operations as Ops calls (see render_op.hpp), their values as
// data declarations (data_declarations.hpp) or initializers
// (value_initializers.hpp).
#include "render/render_op.hpp"

#include <type_traits>

#include "render/cpp_literal.hpp"
#include "render/data_declarations.hpp"
#include "render/value_initializers.hpp"
#include "structmig/spelling.hpp"

namespace structmig::render {
namespace {

constexpr size_t kColumnLimit = 100;  // the repository's .clang-format
constexpr size_t kBodyIndent = 2;

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

// The arguments, and the options initializer after them unless it is empty.
std::vector<std::string> with_options(std::vector<std::string> arguments,
                                      const Initializer& options) {
  std::string text = options.str();
  if (text != "{}") arguments.push_back(std::move(text));
  return arguments;
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

std::string render_op(const Op& op, DataDeclarations& data) {
  return std::visit(
      [&data](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return call("create_table", {data.table(o.table)});
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return call("drop_table", {literal(o.table.name)});
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return call("rename_table", {literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return call("add_column", {literal(o.table), data.column(o.table, o.column)});
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return call("drop_column", {literal(o.table), literal(o.column.name)});
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          return call("rename_column", {literal(o.table), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          std::vector<std::string> arguments = {literal(o.table),
                                                data.column(o.table, o.from, "from"),
                                                data.column(o.table, o.to, "to")};
          if (const auto expression = using_expression(o)) arguments.push_back(literal(*expression));
          return call("alter_column", arguments, /*break_when_long=*/true);
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          std::vector<std::string> arguments = {literal(o.table), string_list(o.from),
                                                string_list(o.to), literal(o.name)};
          if (o.using_index) {
            arguments.push_back(Initializer().add_optional("using_index", o.using_index).str());
          }
          return call("set_primary_key", arguments);
        } else if constexpr (std::is_same_v<T, SetTableComment>) {
          return call("set_table_comment",
                      {literal(o.table), o.to ? literal(*o.to) : "std::nullopt"});
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          return call(kind_of(o.constraint).add_call,
                      with_options({literal(o.table), data.constraint(o.constraint)},
                                   Initializer()
                                       .add_if(o.not_valid, "not_valid", "true")
                                       .add_optional("using_index", o.using_index)));
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return call(kind_of(o.constraint).drop_call,
                      {literal(o.table), literal(name_of(o.constraint))});
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return call("create_index",
                      with_options({literal(o.table), data.index(o.index)},
                                   Initializer().add_if(o.concurrently, "concurrently", "true")));
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return call("drop_index",
                      with_options({literal(o.table), literal(o.index.name)},
                                   Initializer().add_if(o.concurrently, "concurrently", "true")));
        } else if constexpr (std::is_same_v<T, ValidateConstraint>) {
          return call("validate_constraint", {literal(o.table), literal(o.name)});
        } else if constexpr (std::is_same_v<T, Backfill>) {
          const Backfill defaults;
          return call("backfill",
                      with_options({literal(o.table), literal(o.column), literal(o.expression)},
                                   Initializer()
                                       .add_if(o.key != defaults.key, "key", string_list(o.key))
                                       .add_if(o.batch_size != defaults.batch_size, "batch_size",
                                               std::to_string(o.batch_size))),
                      /*break_when_long=*/true);
        } else if constexpr (std::is_same_v<T, CommitStep>) {
          return "op.commit();";
        } else if constexpr (std::is_same_v<T, RenameConstraint>) {
          return call("rename_constraint", {literal(o.table), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, RenameIndex>) {
          return call("rename_index", {literal(o.table), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, CreateEnum>) {
          return call("create_enum", {data.enum_type(o.type)});
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return call("drop_enum", {literal(o.type.name)});
        } else if constexpr (std::is_same_v<T, RenameEnum>) {
          return call("rename_enum", {literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          return render_add_enum_label(o);
        } else if constexpr (std::is_same_v<T, RenameEnumLabel>) {
          return call("rename_enum_label", {literal(o.type), literal(o.from), literal(o.to)});
        } else if constexpr (std::is_same_v<T, RecreateEnum>) {
          return call("recreate_enum",
                      {data.enum_type(o.from, "from"), data.enum_type(o.to, "to"),
                       data.usages(o.to.name, o.usages)},
                      /*break_when_long=*/true);
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          return render_execute(o.sql);
        }
      },
      op);
}

std::string render_op(const Op& op) {
  DataDeclarations data;
  std::string call = render_op(op, data);
  return data.take() + call;
}

std::string render_body(const std::vector<Op>& ops) {
  DataDeclarations data;
  std::string calls;
  for (const Op& op : ops) {
    calls.append(kBodyIndent, ' ');
    calls += render_op(op, data);
    calls += '\n';
  }
  std::string out = data.take();
  out += calls;
  return out;
}

}  // namespace structmig::render
