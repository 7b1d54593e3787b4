// Inverses of operations, and the recorder a migration calls.
#include "structmig/ops.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

#include "structmig/schema_from_data.hpp"
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

std::optional<std::string> owned(std::optional<std::string_view> text);

// An add the recorder was asked for, refused (InvalidOperation) when its
// kind does not take the options.
template <typename K>
AddConstraint added(std::string table, K constraint, ConstraintOptions options) {
  check_constraint_options(ConstraintKindOf<K>::kind, table, constraint.name, options.not_valid,
                           options.using_index.has_value());
  return AddConstraint{std::move(table), std::move(constraint), options.not_valid,
                       owned(options.using_index)};
}

std::optional<std::string> owned(std::optional<std::string_view> text) {
  if (!text) return std::nullopt;
  return std::string(*text);
}

template <typename T>
T swapped(T op) {
  std::swap(op.from, op.to);
  return op;
}

}  // namespace

std::optional<std::string> using_expression(const AlterColumn& alter) {
  if (alter.using_sql) return alter.using_sql;
  switch (alter.cast) {
    case TypeCast::direct:
      return quote_ident(alter.to.name) + "::" + alter.to.type;
    case TypeCast::through_text:
      return quote_ident(alter.to.name) + "::text::" + alter.to.type;
    case TypeCast::none:
      break;
  }
  return std::nullopt;
}

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
          // type the way the way there did (through text: enums have no direct
          // casts). A hand-written USING goes back with a direct cast.
          AlterColumn back{o.table, o.to, o.from, std::nullopt, TypeCast::none};
          if (o.from.type != o.to.type) {
            back.cast = o.cast != TypeCast::none ? o.cast
                        : o.using_sql            ? TypeCast::direct
                                                 : TypeCast::none;
          }
          return back;
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

void Ops::create_table(Table table) { ops_->push_back(CreateTable{std::move(table)}); }

void Ops::drop_table(std::string_view table) {
  ops_->push_back(DropTable{Table{.name = std::string(table)}});
}

void Ops::rename_table(std::string_view from, std::string_view to) {
  ops_->push_back(RenameTable{std::string(from), std::string(to)});
}

void Ops::add_column(std::string_view table, Column column) {
  ops_->push_back(AddColumn{std::string(table), std::move(column)});
}

void Ops::drop_column(std::string_view table, std::string_view column) {
  ops_->push_back(DropColumn{std::string(table), Column{.name = std::string(column)}});
}

void Ops::rename_column(std::string_view table, std::string_view from, std::string_view to) {
  ops_->push_back(RenameColumn{std::string(table), std::string(from), std::string(to)});
}

void Ops::alter_column(std::string_view table, Column from, Column to,
                       std::optional<std::string_view> using_sql) {
  ops_->push_back(
      AlterColumn{std::string(table), std::move(from), std::move(to), owned(using_sql)});
}

void Ops::set_primary_key(std::string_view table_name, const data::Names& from,
                          const data::Names& to, std::string_view name_text,
                          ConstraintOptions options) {
  std::string table(table_name);
  std::string name(name_text);
  check_constraint_options(ConstraintKindOf<PrimaryKey>::kind, table, name, options.not_valid,
                           options.using_index.has_value());
  ops_->push_back(SetPrimaryKey{std::move(table), from_data(from), from_data(to), std::move(name),
                                owned(options.using_index)});
}

void Ops::set_table_comment(std::string_view table, std::optional<std::string_view> comment) {
  ops_->push_back(SetTableComment{std::string(table), std::nullopt, owned(comment)});
}

void Ops::add_foreign_key(std::string_view table, ForeignKey foreign_key,
                          ConstraintOptions options) {
  ops_->push_back(added(std::string(table), std::move(foreign_key), std::move(options)));
}

void Ops::drop_foreign_key(std::string_view table, std::string_view name) {
  ops_->push_back(DropConstraint{std::string(table), ForeignKey{.name = std::string(name)}});
}

void Ops::add_unique(std::string_view table, UniqueConstraint unique, ConstraintOptions options) {
  ops_->push_back(added(std::string(table), std::move(unique), std::move(options)));
}

void Ops::drop_unique(std::string_view table, std::string_view name) {
  ops_->push_back(DropConstraint{std::string(table), UniqueConstraint{.name = std::string(name)}});
}

void Ops::add_check(std::string_view table, CheckConstraint check, ConstraintOptions options) {
  ops_->push_back(added(std::string(table), std::move(check), std::move(options)));
}

void Ops::drop_check(std::string_view table, std::string_view name) {
  ops_->push_back(DropConstraint{std::string(table), CheckConstraint{.name = std::string(name)}});
}

void Ops::add_exclude(std::string_view table, ExcludeConstraint exclude,
                      ConstraintOptions options) {
  ops_->push_back(added(std::string(table), std::move(exclude), std::move(options)));
}

void Ops::drop_exclude(std::string_view table, std::string_view name) {
  ops_->push_back(
      DropConstraint{std::string(table), ExcludeConstraint{.name = std::string(name)}});
}

void Ops::validate_constraint(std::string_view table, std::string_view name) {
  ops_->push_back(ValidateConstraint{std::string(table), std::string(name)});
}

void Ops::create_index(std::string_view table, Index index, IndexOptions options) {
  ops_->push_back(CreateIndex{std::string(table), std::move(index), options.concurrently});
}

void Ops::drop_index(std::string_view table, std::string_view name, IndexOptions options) {
  ops_->push_back(
      DropIndex{std::string(table), Index{.name = std::string(name)}, options.concurrently});
}

void Ops::rename_constraint(std::string_view table, std::string_view from, std::string_view to) {
  ops_->push_back(RenameConstraint{std::string(table), std::string(from), std::string(to)});
}

void Ops::rename_index(std::string_view table, std::string_view from, std::string_view to) {
  ops_->push_back(RenameIndex{std::string(table), std::string(from), std::string(to)});
}

void Ops::create_enum(EnumType type) { ops_->push_back(CreateEnum{std::move(type)}); }

void Ops::drop_enum(std::string_view name) {
  ops_->push_back(DropEnum{EnumType{.name = std::string(name)}});
}

void Ops::rename_enum(std::string_view from, std::string_view to) {
  ops_->push_back(RenameEnum{std::string(from), std::string(to)});
}

void Ops::add_enum_label(std::string_view type, std::string_view label,
                         EnumLabelPosition position) {
  ops_->push_back(AddEnumLabel{.type = std::string(type),
                              .label = std::string(label),
                               .before = owned(position.before),
                               .after = owned(position.after)});
}

void Ops::rename_enum_label(std::string_view type, std::string_view from, std::string_view to) {
  ops_->push_back(RenameEnumLabel{std::string(type), std::string(from), std::string(to)});
}

void Ops::recreate_enum(EnumType from, EnumType to, EnumUsageList usages) {
  ops_->push_back(RecreateEnum{std::move(from), std::move(to), std::move(usages)});
}

void Ops::execute(std::string_view sql) { ops_->push_back(ExecuteSql{std::string(sql)}); }
void Ops::backfill(std::string_view table, std::string_view column, std::string_view expression,
                   BackfillOptions options) {
  ops_->push_back(Backfill{std::string(table), std::string(column), std::string(expression),
                           from_data(options.key), options.batch_size});
}

// ---- the data calls of generated files ------------------------------------

void Ops::record(const data::Table& table) { create_table(from_data(table)); }

void Ops::record_add_column(std::string_view table, const data::Column& column) {
  add_column(table, from_data(column));
}

void Ops::record_alter_column(std::string_view table, const data::Column& from,
                              const data::Column& to, const char* using_sql) {
  alter_column(table, from_data(from), from_data(to),
               using_sql ? std::optional<std::string_view>(using_sql) : std::nullopt);
}

void Ops::record(std::string_view table, const data::ForeignKey& key,
                 const ConstraintOptions& options) {
  add_foreign_key(table, from_data(key), options);
}

void Ops::record(std::string_view table, const data::UniqueConstraint& unique,
                 const ConstraintOptions& options) {
  add_unique(table, from_data(unique), options);
}

void Ops::record(std::string_view table, const data::CheckConstraint& check,
                 const ConstraintOptions& options) {
  add_check(table, from_data(check), options);
}

void Ops::record(std::string_view table, const data::ExcludeConstraint& exclude,
                 const ConstraintOptions& options) {
  add_exclude(table, from_data(exclude), options);
}

void Ops::record(std::string_view table, const data::Index& index, IndexOptions options) {
  create_index(table, from_data(index), options);
}

void Ops::record(const data::EnumType& type) { create_enum(from_data(type)); }

void Ops::record_recreate_enum(const data::EnumType& from, const data::EnumType& to,
                               data::List<data::EnumUsage> usages) {
  EnumUsageList owned_usages;
  for (const data::EnumUsage& usage : usages) owned_usages.push_back(from_data(usage));
  recreate_enum(from_data(from), from_data(to), std::move(owned_usages));
}

void Ops::commit() { ops_->push_back(CommitStep{}); }

Ops::Ops() : ops_(new OpList) {}
Ops::Ops(MigrationSession* session) : session_(session), ops_(new OpList) {}
Ops::Ops(const Ops& other)
    : session_(other.session_), ops_(new OpList(*other.ops_)), flushed_(other.flushed_) {}
Ops::Ops(Ops&& other) noexcept
    : session_(other.session_), ops_(std::exchange(other.ops_, nullptr)),
      flushed_(other.flushed_) {}
Ops& Ops::operator=(Ops other) noexcept {
  std::swap(session_, other.session_);
  std::swap(ops_, other.ops_);
  std::swap(flushed_, other.flushed_);
  return *this;
}
Ops::~Ops() { delete ops_; }

void Ops::add(Op op) { ops_->push_back(std::move(op)); }

const OpList& Ops::recorded() const { return *ops_; }

OpList Ops::pending() const {
  return OpList(ops_->begin() + static_cast<std::ptrdiff_t>(flushed_), ops_->end());
}

Connection& Ops::connection() {
  if (!session_) {
    throw OfflineUnsupported(
        "this migration queries the database (a data migration) and cannot be rendered as "
        "offline SQL; run it online");
  }
  session_->flush(pending());
  flushed_ = ops_->size();
  return session_->connection();
}

bool Ops::rendered_offline(const BatchUpdate& batch) {
  if (session_ == nullptr || !session_->offline()) return false;
  session_->flush(pending());
  flushed_ = ops_->size();
  session_->render_batch_update(batch);
  return true;
}

}  // namespace structmig
