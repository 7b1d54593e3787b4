// Inverses of operations, and the recorder a migration calls.
#include "structmig/ops.hpp"

#include <algorithm>
#include <type_traits>

namespace structmig {

Op reverse(const Op& op) {
  return std::visit(
      [](const auto& o) -> Op {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return DropTable{o.table};
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return CreateTable{o.table};
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return DropColumn{o.table, o.column};
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return AddColumn{o.table, o.column};
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          // A USING cast is specific to one direction; the way back is a plain cast.
          return AlterColumn{o.table, o.to, o.from, std::nullopt};
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return SetPrimaryKey{o.table, o.to, o.from};
        } else {
          throw IrreversibleOp("raw SQL has no automatic inverse: " + o.sql);
        }
      },
      op);
}

std::vector<Op> reverse(const std::vector<Op>& ops) {
  std::vector<Op> out;
  out.reserve(ops.size());
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) out.push_back(reverse(*it));
  return out;
}

void Ops::create_table(Table table) { ops_.push_back(CreateTable{std::move(table)}); }

void Ops::drop_table(std::string table) {
  ops_.push_back(DropTable{Table{.name = std::move(table)}});
}

void Ops::add_column(std::string table, Column column) {
  ops_.push_back(AddColumn{std::move(table), std::move(column)});
}

void Ops::drop_column(std::string table, std::string column) {
  ops_.push_back(DropColumn{std::move(table), Column{.name = std::move(column)}});
}

void Ops::alter_column(std::string table, Column from, Column to,
                       std::optional<std::string> using_sql) {
  ops_.push_back(AlterColumn{std::move(table), std::move(from), std::move(to), std::move(using_sql)});
}

void Ops::set_primary_key(std::string table, std::vector<std::string> from,
                          std::vector<std::string> to) {
  ops_.push_back(SetPrimaryKey{std::move(table), std::move(from), std::move(to)});
}

void Ops::execute(std::string sql) { ops_.push_back(ExecuteSql{std::move(sql)}); }

}  // namespace structmig
