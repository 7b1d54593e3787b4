// Schema operations: the single list that the tool renders into migration
// files, that migrations record when they run, and that becomes SQL. Every
// generated operation knows its inverse, so a downgrade is never diffed.
//
// Operations built by the diff carry everything their inverse needs (a dropped
// table's full definition, an enum's labels before a change). Operations read
// from a migration file carry only what their SQL needs (a drop names just the
// object), because a downgrade is rendered, not computed, at run time.
#pragma once

#include <concepts>
#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/error.hpp"
#include "structmig/constraint.hpp"
#include "structmig/schema.hpp"
#include "structmig/ops_recorder.hpp"
#include "structmig/schema_data.hpp"

namespace structmig {

// ---- tables and columns ---------------------------------------------------

/// CREATE TABLE with its columns, primary key, unique and check constraints
/// and the foreign keys listed in `table` (the diff leaves out those that must
/// wait for a table created later), then its indexes and comments.
struct CreateTable {
  Table table;
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};
struct DropTable {
  Table table;
  friend bool operator==(const DropTable&, const DropTable&) = default;
};
struct RenameTable {
  std::string from;
  std::string to;
  friend bool operator==(const RenameTable&, const RenameTable&) = default;
};
struct AddColumn {
  std::string table;
  Column column;
  friend bool operator==(const AddColumn&, const AddColumn&) = default;
};
struct DropColumn {
  std::string table;
  Column column;
  friend bool operator==(const DropColumn&, const DropColumn&) = default;
};
struct RenameColumn {
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameColumn&, const RenameColumn&) = default;
};
/// How a type change converts the old values when no USING expression is
/// written out: the diff's decision, turned into SQL by using_expression().
///   none          no USING (PostgreSQL's assignment cast)
///   direct        USING "col"::<new type>
///   through_text  USING "col"::text::<new type> (an enum has no cast to
///                 another enum or most types, but every enum casts to text)
enum class TypeCast { none, direct, through_text };

/// Type, nullability, default, identity and comment, from → to (same name).
struct AlterColumn {
  std::string table;
  Column from;
  Column to;
  /// A USING expression written out (a migration file's alter_column call,
  /// by hand or by the generator); wins over `cast`.
  std::optional<std::string> using_sql;
  /// The conversion the diff chose, when `using_sql` is empty.
  TypeCast cast = TypeCast::none;
  friend bool operator==(const AlterColumn&, const AlterColumn&) = default;
};

/// The USING expression of a type change: `using_sql` if set, else the one
/// `cast` asks for ("col"::type or "col"::text::type), else none.
std::optional<std::string> using_expression(const AlterColumn& alter);
/// Replaces a table's primary key (columns in key order); empty means none.
struct SetPrimaryKey {
  std::string table;
  std::vector<std::string> from;
  std::vector<std::string> to;
  std::string name;  // the constraint's name (the same before and after)
  /// The new key adopts this unique index, built beforehand (concurrently):
  /// ADD CONSTRAINT … PRIMARY KEY USING INDEX, no scan under the lock.
  std::optional<std::string> using_index;
  friend bool operator==(const SetPrimaryKey&, const SetPrimaryKey&) = default;
};
struct SetTableComment {
  std::string table;
  std::optional<std::string> from;
  std::optional<std::string> to;
  friend bool operator==(const SetTableComment&, const SetTableComment&) = default;
};

// ---- constraints and indexes ----------------------------------------------

/// ALTER TABLE … ADD CONSTRAINT, of any kind (constraint.hpp).
/// `not_valid`: the constraint holds for new rows at once, the existing rows
/// are checked later by ValidateConstraint, which does not block writes
/// (foreign keys and checks). `using_index`: the constraint adopts a unique
/// index built beforehand (concurrently), no scan under the lock (unique
/// constraints). The recorder and to_sql() refuse an option the kind does not
/// take (InvalidOperation).
struct AddConstraint {
  std::string table;
  Constraint constraint;
  bool not_valid = false;
  std::optional<std::string> using_index;
  friend bool operator==(const AddConstraint&, const AddConstraint&) = default;
};
/// ALTER TABLE … DROP CONSTRAINT. The diff fills the whole definition, so the
/// inverse adds it again; a migration file's drop names just the constraint
/// (its kind is that of the call: drop_foreign_key, drop_unique, drop_check).
struct DropConstraint {
  std::string table;
  Constraint constraint;
  friend bool operator==(const DropConstraint&, const DropConstraint&) = default;
};
/// CONCURRENTLY: reads and writes go on while the index is built (or dropped);
/// PostgreSQL runs it outside any transaction, so it is a step of its own. A
/// concurrent build first drops an INVALID index of the same name, left by an
/// interrupted build.
struct CreateIndex {
  std::string table;
  Index index;
  bool concurrently = false;
  friend bool operator==(const CreateIndex&, const CreateIndex&) = default;
};
struct DropIndex {
  std::string table;
  Index index;
  bool concurrently = false;
  friend bool operator==(const DropIndex&, const DropIndex&) = default;
};
/// A constraint (primary key, unique, check, foreign key) gets a new name,
/// e.g. when its table was renamed and the naming convention follows.
struct RenameConstraint {
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameConstraint&, const RenameConstraint&) = default;
};
struct RenameIndex {
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameIndex&, const RenameIndex&) = default;
};
/// ALTER TABLE … VALIDATE CONSTRAINT: checks the rows of a constraint added
/// NOT VALID, under a lock that lets reads and writes go on. Any kind of
/// constraint (foreign key, check).
struct ValidateConstraint {
  std::string table;
  std::string name;
  friend bool operator==(const ValidateConstraint&, const ValidateConstraint&) = default;
};

// ---- enums ----------------------------------------------------------------

struct CreateEnum {
  EnumType type;
  friend bool operator==(const CreateEnum&, const CreateEnum&) = default;
};
struct DropEnum {
  EnumType type;
  friend bool operator==(const DropEnum&, const DropEnum&) = default;
};
struct RenameEnum {
  std::string from;
  std::string to;
  friend bool operator==(const RenameEnum&, const RenameEnum&) = default;
};
/// A column whose type is an enum (or an array of it), as a recreated enum's
/// columns must be converted: its default is dropped and set again around it.
struct EnumUsage {
  std::string table;
  std::string column;
  bool is_array = false;
  std::optional<std::string> default_sql;
  friend bool operator==(const EnumUsage&, const EnumUsage&) = default;
};
/// ALTER TYPE … ADD VALUE, placed before or after an existing label (neither:
/// at the end). Its inverse recreates the type without the label, so the diff
/// fills `type_before` and `usages`.
struct AddEnumLabel {
  std::string type;
  std::string label;
  std::optional<std::string> before;
  std::optional<std::string> after;
  EnumType type_before;
  std::vector<EnumUsage> usages;
  friend bool operator==(const AddEnumLabel&, const AddEnumLabel&) = default;
};
struct RenameEnumLabel {
  std::string type;
  std::string from;
  std::string to;
  friend bool operator==(const RenameEnumLabel&, const RenameEnumLabel&) = default;
};
/// Labels removed or reordered: the type is renamed aside, created anew, every
/// column using it converted through text, and the old type dropped. A value
/// that no longer has a label makes the conversion fail (nothing is lost
/// silently).
struct RecreateEnum {
  EnumType from;
  EnumType to;  // same name
  std::vector<EnumUsage> usages;
  friend bool operator==(const RecreateEnum&, const RecreateEnum&) = default;
};

// ---- data -----------------------------------------------------------------

/// Fills `column` with `expression` (SQL) in every row where it is NULL, in
/// batches in the order of `key` (keyset pagination, never OFFSET), each batch
/// committed on its own: a step of its own, outside a transaction, that row
/// locks only a batch at a time. Rerunning it continues where it stopped.
struct Backfill {
  std::string table;
  std::string column;
  std::string expression;
  std::vector<std::string> key = {"id"};  // a unique key of the table (its primary key)
  std::size_t batch_size = 1000;
  friend bool operator==(const Backfill&, const Backfill&) = default;
};

// ---- steps ----------------------------------------------------------------

/// Ends the current step: what was recorded before commits, what follows runs
/// in a new transaction (a VALIDATE after the NOT VALID constraint it checks).
struct CommitStep {
  friend bool operator==(const CommitStep&, const CommitStep&) = default;
};

// ---- raw SQL --------------------------------------------------------------

/// Raw SQL written by hand in a migration.
struct ExecuteSql {
  std::string sql;
  friend bool operator==(const ExecuteSql&, const ExecuteSql&) = default;
};

// Op (the variant of all of them) is declared in ops_recorder.hpp.

/// Thrown by reverse() for an operation that has no inverse (raw SQL), or
/// whose inverse is nothing (VALIDATE, a backfill, a step boundary).
class IrreversibleOp : public Error {
 public:
  using Error::Error;
};

Op reverse(const Op& op);
/// The inverse of a whole plan: each op reversed, in the opposite order;
/// operations whose inverse is nothing (VALIDATE, a backfill, a step
/// boundary) are left out.
std::vector<Op> reverse(const std::vector<Op>& ops);

// ---- steps ----------------------------------------------------------------

/// True for operations that cannot run inside a transaction block
/// (concurrent index builds and drops) or that commit as they go (a backfill):
/// each is a step of its own.
bool runs_outside_transaction(const Op& op);

/// One step of a migration: a transactional group of operations, committed
/// together, or a single operation outside any transaction.
struct Step {
  bool transactional = true;
  std::vector<Op> ops;
  friend bool operator==(const Step&, const Step&) = default;
};

/// A migration's operations cut into its steps, as the migrator runs them and
/// as the offline SQL and the generated file show them: a CommitStep ends a
/// group; an operation that runs outside a transaction is a step of its own;
/// in a non-transactional migration every operation is. Empty groups vanish.
std::vector<Step> split_steps(const std::vector<Op>& ops, bool transactional_migration = true);


/// Where a run of update_in_batches in a non-transactional migration keeps
/// its place between runs of the migration (a row of structmig_progress):
/// the migration, the steps committed before the batches, and which run of
/// update_in_batches at that point it is (with its table and key columns).
struct BatchPlace {
  std::string revision;
  std::string direction;
  std::size_t steps_done = 0;
  std::string batch;
};

/// What runs a migration against a live database (the migrator provides it):
/// it executes the operations recorded so far when the migration asks for the
/// connection, so the migration's own queries see them.
class MigrationSession {
 public:
  virtual ~MigrationSession() = default;
  /// Executes `pending` (recorded since the last flush), in order.
  virtual void flush(const std::vector<Op>& pending) = 0;
  virtual Connection& connection() = 0;
  /// True when the migration runs inside one transaction.
  virtual bool transactional() const = 0;
  /// True while the migration records a step that an earlier, interrupted run
  /// already committed: its operations are skipped, and so are the batches of
  /// update_in_batches (the migration's own queries still run).
  virtual bool step_done() const { return false; }
  /// True for a session that renders the migration as offline SQL instead of
  /// running it: it has no connection (connection() throws
  /// OfflineUnsupported), and update_in_batches, instead of running, flushes
  /// what was recorded before it and hands the batch to render_batch_update.
  virtual bool offline() const { return false; }
  virtual void render_batch_update(const BatchUpdate& /*batch*/) {}
  /// update_in_batches says how far it got, for progress reports: before its
  /// first batch (0 rows), after each batch (the rows updated so far), and
  /// once more with `finished` after the last.
  virtual void batch_progress(const BatchUpdate& /*batch*/, std::size_t /*rows_done*/,
                              bool /*finished*/) {}
  /// Where update_in_batches saves the last key of each committed batch, so
  /// that a rerun of the migration continues after it; nullopt: nowhere (a
  /// transactional migration: a failure rolls all its batches back). Called
  /// once per run of update_in_batches, in order.
  virtual std::optional<BatchPlace> batch_place(const BatchUpdate& /*batch*/) {
    return std::nullopt;
  }
};

/// Thrown when a migration needs the live database (a data migration) while
/// it is being rendered as offline SQL.
class OfflineUnsupported : public Error {
 public:
  using Error::Error;
};

/// The columns of a unique key, in order: `"id"`, or `{"org", "member"}`.
struct KeyColumns {
  KeyColumns(const char* column) : columns{column} {}
  KeyColumns(std::string column) : columns{std::move(column)} {}
  KeyColumns(std::initializer_list<std::string> list) : columns(list) {}
  KeyColumns(std::vector<std::string> list) : columns(std::move(list)) {}
  std::vector<std::string> columns;
};

/// A large UPDATE split into batches by keyset pagination on `key` (never
/// OFFSET): each batch updates the next `batch_size` rows, in key order, that
/// still match `where`. The key may be of any orderable type (bigint, uuid,
/// text, …) and have several columns (compared as a row). In a
/// non-transactional migration every batch commits on its own, so locks stay
/// short and progress survives an interruption: each batch saves the last key
/// it reached in structmig_progress, in the same statement (so the saved key
/// never disagrees with the data), and a rerun of the migration continues
/// after that key, so no row is updated twice even with the default `where`
/// "true". The saved key is cleared when the batches complete. In a
/// transactional migration a failure rolls every batch back and nothing is
/// saved.
struct BatchUpdate {
  std::string table;
  std::string set;             // SQL after SET, e.g. "priority = 'normal'"
  std::string where = "true";  // SQL: the rows that still need the update
  KeyColumns key = "id";       // a unique key of the table (not null), e.g. its primary key
  std::size_t batch_size = 1000;
  /// Called after each batch with the number of rows updated so far.
  std::function<void(std::size_t rows_done)> progress = {};
};

/// A batch of update_in_batches failed. Carries the server's error and what
/// the batches before it left behind (committed, outside a transaction, or
/// rolled back with the step); the migrator adds note() to its MigrationError.
/// Of the kind (LockTimeout …) of the batch's own error.
class BatchUpdateError : public virtual DatabaseError {
 public:
  BatchUpdateError(const DatabaseError& cause, std::size_t batches_done, std::size_t rows_done,
                   std::string note)
      : DatabaseError(cause), batches_done_(batches_done), rows_done_(rows_done),
        note_(std::move(note)) {}
  /// The batches (and their rows) that succeeded before the failing one.
  std::size_t batches_done() const noexcept { return batches_done_; }
  std::size_t rows_done() const noexcept { return rows_done_; }
  /// "update_in_batches on \"big\": 15 batches (15000 rows) were committed before batch 16
  /// failed; …"
  const std::string& note() const noexcept { return note_; }

 private:
  std::size_t batches_done_;
  std::size_t rows_done_;
  std::string note_;
};

/// What Ops::recorded() and Ops::pending() return: the operations, in order
/// (a std::vector<Op>; a class of its own so that ops_recorder.hpp can name it
/// without <vector>).
/// What Ops::recreate_enum takes: `{EnumUsage{...}, ...}` or a std::vector.
struct EnumUsageList : std::vector<EnumUsage> {
  using std::vector<EnumUsage>::vector;
  EnumUsageList() = default;
  EnumUsageList(std::vector<EnumUsage> usages) : std::vector<EnumUsage>(std::move(usages)) {}
};

struct OpList : std::vector<Op> {
  using std::vector<Op>::vector;
  OpList() = default;
  OpList(std::vector<Op> ops) : std::vector<Op>(std::move(ops)) {}
};

}  // namespace structmig
