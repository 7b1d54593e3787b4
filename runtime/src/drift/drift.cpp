// check_drift(): the model in PostgreSQL's normal form against what the
// database holds, then what the database holds but does not trust (INVALID
// indexes, NOT VALID constraints), and the SchemaDrift error the start-up API
// throws.
#include "structmig/drift.hpp"

#include <utility>

#include "drift/drift_unfinished.hpp"
#include "structmig/introspect.hpp"
#include "structmig/normalize.hpp"

namespace structmig {
namespace {

std::string drift_message(const DriftReport& report) {
  std::string out = "the database schema does not match this program's models (" +
                    std::to_string(report.differences.size()) + " difference(s)):";
  for (const std::string& line : report.differences) out += "\n  " + line;
  return out;
}

}  // namespace

DriftReport check_drift(Connection& connection, const Schema& model) {
  // Normalized first: it must not run inside a transaction, and reading the
  // database last gives the freshest picture.
  const Schema normal = normalize_schema(connection, model);
  DriftReport report = compare_schemas(normal, read_schema(connection));
  // Every table of the schema, not only the model's: an index left INVALID
  // costs every write to its table whichever program owns it.
  for (const auto& object : drift_detail::read_unfinished_objects(connection, "public")) {
    report.differences.push_back(drift_detail::describe(object));
  }
  return report;
}

SchemaDrift::SchemaDrift(DriftReport report)
    : Error(drift_message(report)), report_(std::move(report)) {}

}  // namespace structmig
