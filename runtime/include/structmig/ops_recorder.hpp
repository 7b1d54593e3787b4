// The recorder a migration's upgrade() and downgrade() are given (Ops), on
// its own and light: only <cstddef>, <optional>, <string_view>,
// <variant> and the literal data of schema_data.hpp. Every type its calls take
// or return that needs more (the owned schema values, the operations, the
// connection, BatchUpdate) is only declared here; ops.hpp defines them. So a
// generated file (structmig/generated.hpp), which hands the calls constexpr
// data, compiles without the weight of the full API, and a hand-written one
// includes <structmig/migration.hpp> and uses all of it (braced owned values,
// op.connection(), op.update_in_batches).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <variant>

#include "structmig/schema_data.hpp"

namespace structmig {

// The owned schema values (schema.hpp, constraint.hpp).
struct Table;
struct Column;
struct ForeignKey;
struct UniqueConstraint;
struct CheckConstraint;
struct ExcludeConstraint;
struct Index;
struct EnumType;

// The operations (ops.hpp).
struct CreateTable;
struct DropTable;
struct RenameTable;
struct AddColumn;
struct DropColumn;
struct RenameColumn;
struct AlterColumn;
struct SetPrimaryKey;
struct SetTableComment;
struct AddConstraint;
struct DropConstraint;
struct CreateIndex;
struct DropIndex;
struct RenameConstraint;
struct RenameIndex;
struct ValidateConstraint;
struct CreateEnum;
struct DropEnum;
struct RenameEnum;
struct EnumUsage;
struct AddEnumLabel;
struct RenameEnumLabel;
struct RecreateEnum;
struct Backfill;
struct CommitStep;
struct ExecuteSql;

using Op = std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, RenameColumn,
                        AlterColumn, SetPrimaryKey, SetTableComment, AddConstraint, DropConstraint,
                        CreateIndex, DropIndex, RenameConstraint, RenameIndex, ValidateConstraint,
                        CreateEnum, DropEnum, RenameEnum, AddEnumLabel, RenameEnumLabel,
                        RecreateEnum, Backfill, CommitStep, ExecuteSql>;

struct OpList;         // a std::vector<Op> (ops.hpp)
struct EnumUsageList;  // a std::vector<EnumUsage> (ops.hpp)
class Connection;
struct BatchUpdate;
class MigrationSession;

namespace data {
/// What the recorder's data calls take: a reference to an object of exactly
/// `T` (an lvalue of it converts). Not an aggregate, so a braced list, which
/// initialises the owned value of the overload beside it, does not convert
/// to it. A class rather than a function template constrained to `T`: GCC's
/// front end takes time growing faster than the number of calls of a
/// function template in one function (5,000 `op.create_table(t)` of a
/// generated migration: about 13 s as templates, 0.1 s as plain calls).
template <typename T>
class Ref {
 public:
  constexpr Ref(const T& value) : value_(value) {}  // NOLINT: implicit on purpose
  constexpr const T& get() const { return value_; }

 private:
  const T& value_;
};
}  // namespace data

/// Options of the recorder's calls; a designated initializer in a migration
/// file reads `{.concurrently = true}`.
struct IndexOptions {
  bool concurrently = false;
};
/// Each kind takes only the options constraint.hpp lists for it (NOT VALID:
/// foreign keys and checks; USING INDEX: unique constraints and primary
/// keys); the recorder throws InvalidOperation for another.
/// `{.using_index = "ix"}`.
struct ConstraintOptions {
  bool not_valid = false;
  std::optional<std::string_view> using_index = std::nullopt;
};
/// `.key`: a unique key of the table, `{"id"}` or `{"org", "member"}`.
struct BackfillOptions {
  data::Names key = {{"id"}};
  std::size_t batch_size = 1000;
};

/// Where a new enum label goes.
struct EnumLabelPosition {
  std::optional<std::string_view> before = std::nullopt;
  std::optional<std::string_view> after = std::nullopt;
};

/// What a migration's upgrade() and downgrade() are given: they call it, it
/// records the operations in order, the runtime turns them into SQL. A data
/// migration may also ask for the live connection.
class Ops {
 public:
  Ops();
  explicit Ops(MigrationSession* session);
  Ops(const Ops& other);
  Ops(Ops&& other) noexcept;
  Ops& operator=(Ops other) noexcept;
  ~Ops();

  // Text parameters are string views, so a string literal builds no
  // std::string where the call is written.
  void create_table(Table table);
  void drop_table(std::string_view table);
  void rename_table(std::string_view from, std::string_view to);
  void add_column(std::string_view table, Column column);
  void drop_column(std::string_view table, std::string_view column);
  void rename_column(std::string_view table, std::string_view from, std::string_view to);
  void alter_column(std::string_view table, Column from, Column to,
                    std::optional<std::string_view> using_sql = std::nullopt);
  /// The key's columns in order, `{"id"}` (`{}`: none).
  void set_primary_key(std::string_view table, const data::Names& from, const data::Names& to,
                       std::string_view name, ConstraintOptions options = {});
  /// std::nullopt removes the comment.
  void set_table_comment(std::string_view table, std::optional<std::string_view> comment);

  void add_foreign_key(std::string_view table, ForeignKey foreign_key,
                       ConstraintOptions options = {});
  void drop_foreign_key(std::string_view table, std::string_view name);
  void add_unique(std::string_view table, UniqueConstraint unique, ConstraintOptions options = {});
  void drop_unique(std::string_view table, std::string_view name);
  void add_check(std::string_view table, CheckConstraint check, ConstraintOptions options = {});
  void drop_check(std::string_view table, std::string_view name);
  /// EXCLUDE USING … (ACCESS EXCLUSIVE while its index is built; it takes
  /// neither NOT VALID nor USING INDEX).
  void add_exclude(std::string_view table, ExcludeConstraint exclude,
                   ConstraintOptions options = {});
  void drop_exclude(std::string_view table, std::string_view name);
  void validate_constraint(std::string_view table, std::string_view name);
  void create_index(std::string_view table, Index index, IndexOptions options = {});
  void drop_index(std::string_view table, std::string_view name, IndexOptions options = {});
  void rename_constraint(std::string_view table, std::string_view from, std::string_view to);
  void rename_index(std::string_view table, std::string_view from, std::string_view to);

  void create_enum(EnumType type);
  void drop_enum(std::string_view name);
  void rename_enum(std::string_view from, std::string_view to);
  void add_enum_label(std::string_view type, std::string_view label,
                      EnumLabelPosition position = {});
  void rename_enum_label(std::string_view type, std::string_view from, std::string_view to);
  void recreate_enum(EnumType from, EnumType to, EnumUsageList usages);

  // The same calls with the literal data of generated files
  // (schema_data.hpp): `op.create_table(tickets_table)` with a constexpr
  // data::Table. Each takes a data::Ref, which an object of exactly the data
  // type converts to and a braced list does not (see there), so a braced list
  // (`op.create_table({...})`) still means the owned value above.
  void create_table(data::Ref<data::Table> table) { record(table.get()); }
  void add_column(std::string_view table, data::Ref<data::Column> column) {
    record_add_column(table, column.get());
  }
  void alter_column(std::string_view table, data::Ref<data::Column> from,
                    data::Ref<data::Column> to, const char* using_sql = nullptr) {
    record_alter_column(table, from.get(), to.get(), using_sql);
  }
  void add_foreign_key(std::string_view table, data::Ref<data::ForeignKey> foreign_key,
                       const ConstraintOptions& options = {}) {
    record(table, foreign_key.get(), options);
  }
  void add_unique(std::string_view table, data::Ref<data::UniqueConstraint> unique,
                  const ConstraintOptions& options = {}) {
    record(table, unique.get(), options);
  }
  void add_check(std::string_view table, data::Ref<data::CheckConstraint> check,
                 const ConstraintOptions& options = {}) {
    record(table, check.get(), options);
  }
  void add_exclude(std::string_view table, data::Ref<data::ExcludeConstraint> exclude,
                   const ConstraintOptions& options = {}) {
    record(table, exclude.get(), options);
  }
  void create_index(std::string_view table, data::Ref<data::Index> index,
                    IndexOptions options = {}) {
    record(table, index.get(), options);
  }
  void create_enum(data::Ref<data::EnumType> type) { record(type.get()); }
  void recreate_enum(data::Ref<data::EnumType> from, data::Ref<data::EnumType> to,
                     data::List<data::EnumUsage> usages) {
    record_recreate_enum(from.get(), to.get(), usages);
  }

  /// Raw SQL, run in order with the other operations.
  void execute(std::string_view sql);

  /// See Backfill: `column` = `expression` where it is NULL, batch by batch.
  void backfill(std::string_view table, std::string_view column, std::string_view expression,
                BackfillOptions options = {});
  /// Ends the current step (see CommitStep).
  void commit();

  /// The live connection, for data migrations. Everything recorded so far is
  /// executed first. Throws OfflineUnsupported when there is no database (the
  /// migration is being rendered as offline SQL).
  Connection& connection();
  /// Runs a BatchUpdate now (see there); returns the number of rows updated.
  /// Rendered as offline SQL, the batches become a DO block of the script
  /// (no progress callback) and it returns 0.
  std::size_t update_in_batches(const BatchUpdate& batch);

  void add(Op op);
  /// Every operation recorded, flushed or not.
  const OpList& recorded() const;
  /// The operations recorded since the last flush (what is left to execute).
  OpList pending() const;

 private:
  // The data calls, out of line (schema_from_data.hpp converts).
  void record(const data::Table& table);
  void record_add_column(std::string_view table, const data::Column& column);
  void record_alter_column(std::string_view table, const data::Column& from,
                           const data::Column& to, const char* using_sql);
  void record(std::string_view table, const data::ForeignKey& key,
              const ConstraintOptions& options);
  void record(std::string_view table, const data::UniqueConstraint& unique,
              const ConstraintOptions& options);
  void record(std::string_view table, const data::CheckConstraint& check,
              const ConstraintOptions& options);
  void record(std::string_view table, const data::ExcludeConstraint& exclude,
              const ConstraintOptions& options);
  void record(std::string_view table, const data::Index& index, IndexOptions options);
  void record(const data::EnumType& type);
  void record_recreate_enum(const data::EnumType& from, const data::EnumType& to,
                            data::List<data::EnumUsage> usages);

  /// With an offline session: hands it `batch` to render; false otherwise.
  bool rendered_offline(const BatchUpdate& batch);

  MigrationSession* session_ = nullptr;
  OpList* ops_;  // owned; out of line, so this header need not define it
  std::size_t flushed_ = 0;
};

}  // namespace structmig
