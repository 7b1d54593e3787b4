// The pieces of SQL generation that more than one sql_*.cpp file needs:
// quoted lists, column definitions, constraint clauses and the small
// statement builders. Private to the runtime (not installed); sql.hpp is the
// public face.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/constraint.hpp"
#include "structmig/ops.hpp"
#include "structmig/schema.hpp"
#include "structmig/spelling.hpp"

namespace structmig::sql_detail {

using Statements = std::vector<std::string>;

/// "a", "b" — identifiers quoted and joined; throws on an empty list (`what`
/// names the owner in the message).
std::string quote_ident_list(const std::vector<std::string>& names, std::string_view what);
/// `ALTER TABLE "t" ` — the prefix of every single-table statement.
std::string alter_table(std::string_view table);

/// The column's type, or invalid_argument when it has none.
const std::string& require_type(const Column& column);
/// Identity implies NOT NULL, whatever `nullable` says.
bool effective_not_null(const Column& column);
/// `"name" type [GENERATED … AS IDENTITY] [NOT NULL] [DEFAULT expr]`.
std::string column_definition(const Column& column);
/// `COMMENT ON COLUMN "t"."c" IS '…'` (or `IS NULL`).
std::string column_comment(std::string_view table, std::string_view column,
                           const std::optional<std::string>& comment);
/// `COMMENT ON TABLE "t" IS '…'` (or `IS NULL`).
std::string table_comment(std::string_view table, const std::optional<std::string>& comment);

/// `CONSTRAINT "name" <body>` (the body from the kind, constraint.hpp): the
/// text CREATE TABLE lists.
std::string constraint_definition(const Constraint& constraint);
std::string constraint_definition(const PrimaryKey& key);
/// What ALTER TABLE "table" ADD appends: the definition, or `CONSTRAINT
/// "name" <KEYWORD> USING INDEX "index"`, then ` NOT VALID` when asked.
/// Throws InvalidOperation for an option the kind does not take.
std::string added_constraint(std::string_view table, const Constraint& constraint, bool not_valid,
                             const std::optional<std::string>& using_index);
std::string added_constraint(std::string_view table, const PrimaryKey& key, bool not_valid,
                             const std::optional<std::string>& using_index);
/// `CREATE [UNIQUE] INDEX [CONCURRENTLY] "name" ON "t" [USING m] (keys) [WHERE p]`.
std::string create_index(std::string_view table, const Index& index, bool concurrently = false);
/// `DROP INDEX CONCURRENTLY IF EXISTS "name"`.
std::string drop_index_concurrently(std::string_view name);
/// One batch of a keyset-paginated UPDATE (Backfill, Ops::update_in_batches):
///   WITH structmig_batch AS (SELECT <key> FROM t WHERE (<where>)
///                              [AND (<key>) > (<after>)] ORDER BY <key> LIMIT n),
///        structmig_done AS (UPDATE t SET <set> WHERE (t.<key>) IN
///                             (SELECT <key> FROM structmig_batch) RETURNING t.<key>)
/// without the final SELECT, which the caller appends (over structmig_batch
/// or structmig_done). Row comparison and ORDER BY work for any orderable
/// key type and any number of key columns; never OFFSET, never max().
/// `after` is SQL (the last key of the previous batch), empty for the first.
std::string keyset_batch(std::string_view table, const std::vector<std::string>& key,
                         std::string_view where, std::string_view set, std::size_t batch_size,
                         std::string_view after);
/// "k1", "k2" with `prefix` before each name (`"t".` gives "t"."k1", …).
std::string prefixed_keys(const std::vector<std::string>& key, std::string_view prefix);
/// "k1" DESC, "k2" DESC: the last key of a batch first.
std::string descending_keys(const std::vector<std::string>& key);
/// A backfill as one DO block that commits batch by batch (PostgreSQL 11+,
/// outside a transaction block), for offline scripts.
std::string backfill_script(const Backfill& op);

Statements create_table_sql(const Table& table);
Statements add_column_sql(const AddColumn& op);
Statements alter_column_sql(const AlterColumn& op);
Statements set_primary_key_sql(const SetPrimaryKey& op);

Statements create_enum_sql(const EnumType& type);
Statements add_enum_label_sql(const AddEnumLabel& op);
Statements recreate_enum_sql(const RecreateEnum& op);

}  // namespace structmig::sql_detail
