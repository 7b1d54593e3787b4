// A concurrent index build that survives interruptions; see step_runner.hpp.
// An interrupted CREATE INDEX CONCURRENTLY (a lock timeout, a deadlock, a
// killed migrator) leaves an INVALID index behind that blocks every later
// build of the same name with 42P07; this is where it is cleared.
#include "migrator/step_runner.hpp"
#include "structmig/sql.hpp"

namespace structmig::detail {
namespace {

enum class IndexState { absent, valid, invalid };

IndexState index_state(Connection& connection, const std::string& name) {
  const Result result = connection.exec_params(
      "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
      "WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace",
      {name});
  if (result.empty()) return IndexState::absent;
  return result.text(0, 0) == "t" ? IndexState::valid : IndexState::invalid;
}

}  // namespace

void build_index_concurrently(Connection& connection, const CreateIndex& op,
                              const std::function<void(const std::string&)>& log) {
  const std::vector<std::string> statements = to_sql(Op{op});  // DROP … IF EXISTS, CREATE …
  switch (index_state(connection, op.index.name)) {
    case IndexState::valid:
      if (log) {
        log("index " + op.index.name + " on " + op.table +
            " already exists and is valid (an earlier run built it but was interrupted before "
            "recording it): kept");
      }
      return;
    case IndexState::invalid:
      if (log) {
        log("index " + op.index.name + " on " + op.table +
            " is INVALID (an interrupted concurrent build): dropping it and building it again");
      }
      connection.exec(statements.front());
      break;
    case IndexState::absent:
      break;
  }
  connection.exec(statements.back());
}

}  // namespace structmig::detail
