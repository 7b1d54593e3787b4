// How the drift report names an INVALID index or a NOT VALID constraint, and
// the statement that finishes it; see drift_unfinished.hpp.
#include "drift/drift_unfinished.hpp"

#include <cctype>

namespace structmig::drift_detail {
namespace {

/// REINDEX CONCURRENTLY builds `<name>_ccnew[N]` beside the old index and
/// renames the old one `<name>_ccold[N]`; interrupted, it leaves one of them
/// INVALID, a leftover to drop rather than an index the model wants.
bool reindex_leftover(std::string_view name) {
  while (!name.empty() && std::isdigit(static_cast<unsigned char>(name.back()))) {
    name.remove_suffix(1);
  }
  return name.ends_with("_ccnew") || name.ends_with("_ccold");
}

}  // namespace

std::string describe(const UnfinishedObject& object) {
  const std::string prefix = object.table + ": ";
  switch (object.kind) {
    case UnfinishedObject::Kind::invalid_index:
      if (reindex_leftover(object.name)) {
        return prefix + "index " + object.name +
               " is INVALID (left by an interrupted REINDEX CONCURRENTLY): "
               "DROP INDEX CONCURRENTLY " +
               object.name_sql;
      }
      return prefix + "index " + object.name +
             " is INVALID (an interrupted concurrent build): rerun the migration, or "
             "DROP INDEX CONCURRENTLY " +
             object.name_sql + " and build it again";
    case UnfinishedObject::Kind::unvalidated_foreign_key:
    case UnfinishedObject::Kind::unvalidated_check: {
      const char* what =
          object.kind == UnfinishedObject::Kind::unvalidated_check ? "check " : "foreign key ";
      return prefix + what + object.name +
             " is NOT VALID (added without checking existing rows): ALTER TABLE " +
             object.table_sql + " VALIDATE CONSTRAINT " + object.name_sql;
    }
  }
  return prefix + object.name;  // unreachable: every kind is handled above
}

}  // namespace structmig::drift_detail
