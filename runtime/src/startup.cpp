// upgrade_to_head(): a lock-free check whether the database is already at
// head, and only otherwise the locked Migrator run.
#include "structmig/startup.hpp"

#include <utility>

#include "structmig/connection.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig {
namespace {

// One query without the lock. A missing structmig_version (42P01) means the
// database was never migrated. Reading it outside the lock is safe: the rows
// only change inside a committed step, and a stale answer merely sends us to
// the locked path, which reads again.
bool is_at(Connection& connection, const std::vector<std::string>& heads) {
  try {
    Result rows = connection.exec("SELECT revision FROM structmig_version ORDER BY revision");
    std::vector<std::string> current;
    for (std::size_t r = 0; r < rows.size(); ++r) current.push_back(rows.text(r, 0));
    return current == heads;
  } catch (const DatabaseError& e) {
    if (e.sqlstate() == "42P01") return heads.empty();
    throw;
  }
}

}  // namespace

StartupReport upgrade_to_head(const std::string& conninfo, const std::vector<Migration>& migrations,
                              std::function<void(const StepEvent&)> progress) {
  const RevisionGraph graph(migrations);
  const std::vector<std::string> heads = graph.heads();
  if (heads.size() > 1) {
    std::string list;
    for (const auto& head : heads) list += (list.empty() ? "" : ", ") + head;
    throw MultipleHeads("the migration history has several heads (" + list +
                        "); upgrade_to_head needs exactly one");
  }
  StartupReport report;
  report.head = heads.empty() ? std::string() : heads.front();

  Connection connection = Connection::open(conninfo);
  if (is_at(connection, heads)) {
    report.already_at_head = true;
    return report;
  }
  Migrator migrator(connection, migrations, MigratorOptions{std::move(progress)});
  report.applied = migrator.upgrade("head");
  report.already_at_head = report.applied.empty();
  return report;
}

}  // namespace structmig
