// Schema operations: the single list that the tool renders into migration
// files, that migrations record when they run, and that becomes SQL. Every
// generated operation knows its inverse, so a downgrade is never diffed.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

#include "structmig/schema.hpp"

namespace structmig {

struct CreateTable {
  Table table;
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};
/// Carries the whole table when the tool builds it, so it can be reversed;
/// a migration file names only the table.
struct DropTable {
  Table table;
  friend bool operator==(const DropTable&, const DropTable&) = default;
};
struct AddColumn {
  std::string table;
  Column column;
  friend bool operator==(const AddColumn&, const AddColumn&) = default;
};
/// As DropTable: the full column when generated, just the name when read.
struct DropColumn {
  std::string table;
  Column column;
  friend bool operator==(const DropColumn&, const DropColumn&) = default;
};
/// Type, nullability, default and single-column uniqueness, from → to.
struct AlterColumn {
  std::string table;
  Column from;
  Column to;
  std::optional<std::string> using_sql;  // USING expression for a type change
  friend bool operator==(const AlterColumn&, const AlterColumn&) = default;
};
/// Replaces a table's primary key (columns in key order); empty means none.
struct SetPrimaryKey {
  std::string table;
  std::vector<std::string> from;
  std::vector<std::string> to;
  friend bool operator==(const SetPrimaryKey&, const SetPrimaryKey&) = default;
};
/// Raw SQL written by hand in a migration.
struct ExecuteSql {
  std::string sql;
  friend bool operator==(const ExecuteSql&, const ExecuteSql&) = default;
};

using Op = std::variant<CreateTable, DropTable, AddColumn, DropColumn, AlterColumn, SetPrimaryKey,
                        ExecuteSql>;

/// Thrown by reverse() for an operation that has no inverse (raw SQL).
class IrreversibleOp : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

Op reverse(const Op& op);
/// The inverse of a whole plan: each op reversed, in the opposite order.
std::vector<Op> reverse(const std::vector<Op>& ops);

/// What a migration's upgrade() and downgrade() are given: they call it, it
/// records the operations in order, the runtime turns them into SQL.
class Ops {
 public:
  void create_table(Table table);
  void drop_table(std::string table);
  void add_column(std::string table, Column column);
  void drop_column(std::string table, std::string column);
  void alter_column(std::string table, Column from, Column to,
                    std::optional<std::string> using_sql = std::nullopt);
  void set_primary_key(std::string table, std::vector<std::string> from,
                       std::vector<std::string> to);
  void execute(std::string sql);

  void add(Op op) { ops_.push_back(std::move(op)); }
  const std::vector<Op>& recorded() const { return ops_; }

 private:
  std::vector<Op> ops_;
};

}  // namespace structmig
