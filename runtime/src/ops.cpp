// Inverses of operations, and the recorder a migration calls.
#include "structmig/ops.hpp"

#include <algorithm>
#include <type_traits>

#include "structmig/sql.hpp"

namespace structmig {
namespace {

// The enum as it is after `op` added its label (type_before + the label).
EnumType with_label(const AddEnumLabel& op) {
  EnumType type = op.type_before;
  type.name = op.type;
  auto& labels = type.labels;
  auto at = labels.end();
  if (op.before) at = std::find(labels.begin(), labels.end(), *op.before);
  if (op.after) {
    at = std::find(labels.begin(), labels.end(), *op.after);
    if (at != labels.end()) ++at;
  }
  labels.insert(at, op.label);
  return type;
}

// An add the recorder was asked for, refused (std::invalid_argument) when its
// kind does not take the options.
template <typename K>
AddConstraint added(std::string table, K constraint, ConstraintOptions options) {
  check_constraint_options(ConstraintKindOf<K>::kind, table, constraint.name, options.not_valid,
                           options.using_index.has_value());
  return AddConstraint{std::move(table), std::move(constraint), options.not_valid,
                       std::move(options.using_index)};
}

template <typename T>
T swapped(T op) {
  std::swap(op.from, op.to);
  return op;
}

}  // namespace

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
          // A USING cast belongs to one direction; the way back casts to the old
          // type, through text when the way there did (enums have no direct casts).
          std::optional<std::string> back;
          if (o.using_sql && o.from.type != o.to.type) {
            const bool via_text = o.using_sql->find("::text::") != std::string::npos;
            back = quote_ident(o.from.name) + (via_text ? "::text::" : "::") + o.from.type;
          }
          return AlterColumn{o.table, o.to, o.from, back};
        } else if constexpr (std::is_same_v<T, SetPrimaryKey> ||
                             std::is_same_v<T, SetTableComment> || std::is_same_v<T, RenameTable> ||
                             std::is_same_v<T, RenameColumn> ||
                             std::is_same_v<T, RenameConstraint> ||
                             std::is_same_v<T, RenameIndex> || std::is_same_v<T, RenameEnum> ||
                             std::is_same_v<T, RenameEnumLabel> ||
                             std::is_same_v<T, RecreateEnum>) {
          T back = swapped(o);
          if constexpr (std::is_same_v<T, SetPrimaryKey>) back.using_index.reset();
          return back;
        } else if constexpr (std::is_same_v<T, ValidateConstraint> || std::is_same_v<T, Backfill> ||
                             std::is_same_v<T, CommitStep>) {
          throw IrreversibleOp("a validation, a backfill or a step boundary has no inverse");
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          return DropConstraint{o.table, o.constraint};
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return AddConstraint{o.table, o.constraint};
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return DropIndex{o.table, o.index, o.concurrently};
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return CreateIndex{o.table, o.index, o.concurrently};
        } else if constexpr (std::is_same_v<T, CreateEnum>) {
          return DropEnum{o.type};
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return CreateEnum{o.type};
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          // PostgreSQL cannot drop an enum label: the way back recreates the type.
          EnumType before = o.type_before;
          before.name = o.type;
          return RecreateEnum{with_label(o), before, o.usages};
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          throw IrreversibleOp("raw SQL has no automatic inverse: " + o.sql);
        }
      },
      op);
}

std::vector<Op> reverse(const std::vector<Op>& ops) {
  std::vector<Op> out;
  out.reserve(ops.size());
  for (auto it = ops.rbegin(); it != ops.rend(); ++it) {
    if (std::holds_alternative<ValidateConstraint>(*it) || std::holds_alternative<Backfill>(*it) ||
        std::holds_alternative<CommitStep>(*it)) {
      continue;  // nothing to undo: the inverse of what they check or fill undoes them
    }
    out.push_back(reverse(*it));
  }
  return out;
}

bool runs_outside_transaction(const Op& op) {
  if (const auto* create = std::get_if<CreateIndex>(&op)) return create->concurrently;
  if (const auto* drop = std::get_if<DropIndex>(&op)) return drop->concurrently;
  return std::holds_alternative<Backfill>(op);
}

std::vector<Step> split_steps(const std::vector<Op>& ops, bool transactional_migration) {
  std::vector<Step> steps;
  Step group;
  auto close_group = [&] {
    if (!group.ops.empty()) steps.push_back(std::move(group));
    group = Step{};
  };
  for (const Op& op : ops) {
    if (std::holds_alternative<CommitStep>(op)) {
      close_group();
    } else if (!transactional_migration || runs_outside_transaction(op)) {
      close_group();
      steps.push_back(Step{false, {op}});
    } else {
      group.ops.push_back(op);
    }
  }
  close_group();
  return steps;
}

void Ops::create_table(Table table) { ops_.push_back(CreateTable{std::move(table)}); }

void Ops::drop_table(std::string table) {
  ops_.push_back(DropTable{Table{.name = std::move(table)}});
}

void Ops::rename_table(std::string from, std::string to) {
  ops_.push_back(RenameTable{std::move(from), std::move(to)});
}

void Ops::add_column(std::string table, Column column) {
  ops_.push_back(AddColumn{std::move(table), std::move(column)});
}

void Ops::drop_column(std::string table, std::string column) {
  ops_.push_back(DropColumn{std::move(table), Column{.name = std::move(column)}});
}

void Ops::rename_column(std::string table, std::string from, std::string to) {
  ops_.push_back(RenameColumn{std::move(table), std::move(from), std::move(to)});
}

void Ops::alter_column(std::string table, Column from, Column to,
                       std::optional<std::string> using_sql) {
  ops_.push_back(
      AlterColumn{std::move(table), std::move(from), std::move(to), std::move(using_sql)});
}

void Ops::set_primary_key(std::string table, std::vector<std::string> from,
                          std::vector<std::string> to, std::string name,
                          ConstraintOptions options) {
  check_constraint_options(ConstraintKindOf<PrimaryKey>::kind, table, name, options.not_valid,
                           options.using_index.has_value());
  ops_.push_back(SetPrimaryKey{std::move(table), std::move(from), std::move(to), std::move(name),
                               std::move(options.using_index)});
}

void Ops::set_table_comment(std::string table, std::optional<std::string> comment) {
  ops_.push_back(SetTableComment{std::move(table), std::nullopt, std::move(comment)});
}

void Ops::add_foreign_key(std::string table, ForeignKey foreign_key, ConstraintOptions options) {
  ops_.push_back(added(std::move(table), std::move(foreign_key), std::move(options)));
}

void Ops::drop_foreign_key(std::string table, std::string name) {
  ops_.push_back(DropConstraint{std::move(table), ForeignKey{.name = std::move(name)}});
}

void Ops::add_unique(std::string table, UniqueConstraint unique, ConstraintOptions options) {
  ops_.push_back(added(std::move(table), std::move(unique), std::move(options)));
}

void Ops::drop_unique(std::string table, std::string name) {
  ops_.push_back(DropConstraint{std::move(table), UniqueConstraint{.name = std::move(name)}});
}

void Ops::add_check(std::string table, CheckConstraint check, ConstraintOptions options) {
  ops_.push_back(added(std::move(table), std::move(check), std::move(options)));
}

void Ops::drop_check(std::string table, std::string name) {
  ops_.push_back(DropConstraint{std::move(table), CheckConstraint{.name = std::move(name)}});
}

void Ops::validate_constraint(std::string table, std::string name) {
  ops_.push_back(ValidateConstraint{std::move(table), std::move(name)});
}

void Ops::create_index(std::string table, Index index, IndexOptions options) {
  ops_.push_back(CreateIndex{std::move(table), std::move(index), options.concurrently});
}

void Ops::drop_index(std::string table, std::string name, IndexOptions options) {
  ops_.push_back(DropIndex{std::move(table), Index{.name = std::move(name)}, options.concurrently});
}

void Ops::rename_constraint(std::string table, std::string from, std::string to) {
  ops_.push_back(RenameConstraint{std::move(table), std::move(from), std::move(to)});
}

void Ops::rename_index(std::string table, std::string from, std::string to) {
  ops_.push_back(RenameIndex{std::move(table), std::move(from), std::move(to)});
}

void Ops::create_enum(EnumType type) { ops_.push_back(CreateEnum{std::move(type)}); }

void Ops::drop_enum(std::string name) {
  ops_.push_back(DropEnum{EnumType{.name = std::move(name)}});
}

void Ops::rename_enum(std::string from, std::string to) {
  ops_.push_back(RenameEnum{std::move(from), std::move(to)});
}

void Ops::add_enum_label(std::string type, std::string label, EnumLabelPosition position) {
  ops_.push_back(AddEnumLabel{.type = std::move(type),
                              .label = std::move(label),
                              .before = std::move(position.before),
                              .after = std::move(position.after)});
}

void Ops::rename_enum_label(std::string type, std::string from, std::string to) {
  ops_.push_back(RenameEnumLabel{std::move(type), std::move(from), std::move(to)});
}

void Ops::recreate_enum(EnumType from, EnumType to, std::vector<EnumUsage> usages) {
  ops_.push_back(RecreateEnum{std::move(from), std::move(to), std::move(usages)});
}

void Ops::execute(std::string sql) { ops_.push_back(ExecuteSql{std::move(sql)}); }
void Ops::backfill(std::string table, std::string column, std::string expression,
                   BackfillOptions options) {
  ops_.push_back(Backfill{std::move(table), std::move(column), std::move(expression),
                          std::move(options.key), options.batch_size});
}
void Ops::commit() { ops_.push_back(CommitStep{}); }

std::vector<Op> Ops::pending() const {
  return std::vector<Op>(ops_.begin() + static_cast<std::ptrdiff_t>(flushed_), ops_.end());
}

Connection& Ops::connection() {
  if (!session_) {
    throw OfflineUnsupported(
        "this migration queries the database (a data migration) and cannot be rendered as "
        "offline SQL; run it online");
  }
  session_->flush(pending());
  flushed_ = ops_.size();
  return session_->connection();
}

bool Ops::rendered_offline(const BatchUpdate& batch) {
  if (session_ == nullptr || !session_->offline()) return false;
  session_->flush(pending());
  flushed_ = ops_.size();
  session_->render_batch_update(batch);
  return true;
}

}  // namespace structmig
