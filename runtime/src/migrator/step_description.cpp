// Step descriptions; see step_description.hpp. The common operations are
// named; the others (constraints, enums) say what kind of change they make
// to which table or type, without naming every operation type.
#include "migrator/step_description.hpp"

#include <string>
#include <type_traits>

namespace structmig::detail {
namespace {

template <typename T>
concept OnTable = requires(const T& op) {
  { op.table } -> std::convertible_to<std::string>;
};

std::string first_line(const std::string& sql) {
  std::string out;
  for (char c : sql) {
    if (c == '\n') break;
    out += c;
  }
  constexpr std::size_t kLongest = 60;
  return out.size() > kLongest ? out.substr(0, kLongest) + "…" : out;
}

}  // namespace

std::string describe_op(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return "create table " + o.table.name;
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return "drop table " + o.table.name;
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return "rename table " + o.from + " to " + o.to;
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return "add column " + o.column.name + " to " + o.table;
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return "drop column " + o.column.name + " from " + o.table;
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          return "rename column " + o.table + "." + o.from + " to " + o.to;
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return "alter column " + o.table + "." + o.to.name;
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return "create index " + o.index.name + " on " + o.table +
                 (o.concurrently ? " concurrently" : "");
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return "drop index " + o.index.name + (o.concurrently ? " concurrently" : "");
        } else if constexpr (std::is_same_v<T, ValidateConstraint>) {
          return "validate constraint " + o.name + " on " + o.table;
        } else if constexpr (std::is_same_v<T, Backfill>) {
          return "backfill " + o.table + "." + o.column;
        } else if constexpr (std::is_same_v<T, ExecuteSql>) {
          return "SQL: " + first_line(o.sql);
        } else if constexpr (std::is_same_v<T, CommitStep>) {
          return "commit";
        } else if constexpr (OnTable<T>) {
          return "change table " + std::string(o.table);
        } else {
          return "change a type";  // the enum operations
        }
      },
      op);
}

std::string describe_step(const std::vector<Op>& ops) {
  if (ops.empty()) return "";
  std::string out = describe_op(ops.front());
  if (ops.size() > 1) out += " and " + std::to_string(ops.size() - 1) + " more";
  return out;
}

}  // namespace structmig::detail
