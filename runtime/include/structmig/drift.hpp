// Schema drift: does a live database still match the schema compiled into the
// program? compare_schemas() describes the generator's own diff
// (diff::diff_schemas(database, model), diff.hpp): the operations that would
// turn the database into the model, one readable line each, with the
// descriptions of columns, indexes and constraints of schema_description.hpp
// -- one comparer for migrations and drift; check_drift() brings the model into PostgreSQL's
// normal form first (normalize_schema), so equal schemas never show phantom
// differences from default, type or expression spellings. The start-up API
// (StartupOptions::schema) and the migrate CLI's `check` verb use it.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/error.hpp"
#include "structmig/schema.hpp"

namespace structmig {

/// The schema of the models this program was built from. Defined by the code
/// the structmig tool generates (the migrations index), never by the runtime.
const Schema& compiled_schema();

/// The differences between a model and a database, one line each, in a
/// deterministic order: enums by name, then tables by name, and within a
/// table its comment, primary key, columns by name, constraints kind by kind
/// (the family's order: unique, check, foreign key) and indexes by name, then
/// constraints and indexes whose name alone differs; then (check_drift only) the objects PostgreSQL
/// holds but does not trust, by table and name. Empty when they match. Line
/// formats:
///
///   missing enum E (a, b)              extra enum E (a, b)
///   enum E: labels (a, b) in the model, (a, b, c) in the database
///   missing table T                    extra table T
///   T: comment 'x' in the model, none in the database
///   T: primary key (a) in the model, (a, b) in the database      (none: none)
///   T: primary key name pk_t in the model, t_pkey in the database
///   T: missing column C (character varying(20) NOT NULL DEFAULT 'normal')
///   T: extra column C (text)
///   T.C: type X in the model, Y in the database
///   T.C: NOT NULL in the model, nullable in the database
///   T.C: default 'open' in the model, 'closed' in the database  (none: none)
///   T.C: identity by default in the model, none in the database (always)
///   T.C: comment 'x' in the model, none in the database
///   T: missing unique constraint N: UNIQUE (a, b)  T: extra unique constraint N: …
///   T: missing check N: CHECK (expr)               T: extra check N: …
///   T: missing foreign key N: FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE
///   T: missing index N: (a, lower(b)) WHERE p      (UNIQUE …, USING gin (…) …)
///   T: <kind> N differs: <definition> in the model, <definition> in the database
///   T: constraint name N in the model, M in the database   (the same definition)
///   T: index name N in the model, M in the database
/// (<kind> is the constraint family's word, constraint.hpp; a table missing or
/// extra is its one line, nothing about its columns, keys or indexes; a
/// constraint or index the diff only rebuilds is no line)
///   T: index N is INVALID (an interrupted concurrent build): rerun the migration,
///      or DROP INDEX CONCURRENTLY N and build it again
///      (N_ccnew, N_ccold: left by an interrupted REINDEX CONCURRENTLY: DROP …)
///   T: foreign key N is NOT VALID (added without checking existing rows):
///      ALTER TABLE T VALIDATE CONSTRAINT N                  (check N: the same)
struct DriftReport {
  std::vector<std::string> differences;

  bool empty() const { return differences.empty(); }
};

/// Pure: describe(diff_schemas(database, model)) from the database's side;
/// ignores column order (PostgreSQL cannot reorder columns) and the order of
/// the vectors. Both sides should be in the same normal form (see check_drift).
DriftReport compare_schemas(const Schema& model, const Schema& database);

/// normalize_schema(connection, model) compared with read_schema(connection)
/// (public; structmig's bookkeeping tables are never part of it), then every
/// INVALID index and NOT VALID constraint of the public schema's tables,
/// whether the model knows the table or not (read_schema cannot show them:
/// Schema has no place for "not trusted yet"). Must not be
/// called inside an open transaction. Throws DatabaseError, e.g. when the
/// model has an expression PostgreSQL rejects.
DriftReport check_drift(Connection& connection, const Schema& model);

/// The database does not match the program's schema (start-up with
/// StartupOptions::schema). what(): "the database schema does not match this
/// program's models (N difference(s)):" then one indented line per
/// difference. Same base as NotAtHead (structmig::Error).
class SchemaDrift : public Error {
 public:
  explicit SchemaDrift(DriftReport report);
  const DriftReport& report() const noexcept { return report_; }

 private:
  DriftReport report_;
};

}  // namespace structmig
