// Objects PostgreSQL keeps but does not trust yet, which the drift report
// names apart from the model comparison because a Schema cannot say so: an
// INVALID index (a CREATE INDEX CONCURRENTLY or REINDEX CONCURRENTLY that
// was interrupted; it costs every write and serves no query) and a NOT VALID
// foreign key or check (added without checking existing rows; the
// guarantee holds for new rows only). Read with a catalog query of their own
// (introspect_unfinished.cpp) rather than as fields of Schema, which the
// generator and the snapshot share. Private to the runtime.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "structmig/connection.hpp"

namespace structmig::drift_detail {

struct UnfinishedObject {
  enum class Kind { invalid_index, unvalidated_foreign_key, unvalidated_check };
  Kind kind = Kind::invalid_index;
  std::string table;
  std::string name;
  /// The two names as PostgreSQL's quote_ident() spells them, for the SQL
  /// the line suggests (quoted only where needed, keywords included).
  std::string table_sql;
  std::string name_sql;
};

/// Every INVALID index and NOT VALID foreign key or check on the ordinary
/// and partitioned tables of `pg_schema` (not partitions: drift reads the
/// parent tables only), whether or not the model knows the table, sorted by
/// table then name (bytewise).
std::vector<UnfinishedObject> read_unfinished_objects(Connection& connection,
                                                      std::string_view pg_schema);

/// One drift line:
///   T: index N is INVALID (an interrupted concurrent build): rerun the
///     migration, or DROP INDEX CONCURRENTLY N and build it again
///   T: index N_ccnew is INVALID (left by an interrupted REINDEX
///     CONCURRENTLY): DROP INDEX CONCURRENTLY N_ccnew
///   T: foreign key N is NOT VALID (added without checking existing rows):
///     ALTER TABLE T VALIDATE CONSTRAINT N        (check N: the same)
std::string describe(const UnfinishedObject& object);

}  // namespace structmig::drift_detail
