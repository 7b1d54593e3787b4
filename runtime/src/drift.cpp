// check_drift(): the model in PostgreSQL's normal form against what the
// database holds, and the SchemaDrift error the start-up API throws.
#include "structmig/drift.hpp"

#include <utility>

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
  return compare_schemas(normal, read_schema(connection));
}

SchemaDrift::SchemaDrift(DriftReport report)
    : std::runtime_error(drift_message(report)), report_(std::move(report)) {}

}  // namespace structmig
