// Unknown applied revisions and changed checksums; see integrity.hpp. The
// error types of these checks (declared in migrator.hpp) are built here too.
#include "migrator/integrity.hpp"

#include <algorithm>

#include "migrator/bookkeeping.hpp"
#include "structmig/spelling.hpp"

namespace structmig {
namespace {

std::string unknown_text(const std::vector<std::string>& revisions) {
  return "the database is at revision" + std::string(revisions.size() > 1 ? "s " : " ") +
         join(revisions) +
         ", which this program does not know — was it migrated by a newer release?";
}

std::string mismatch_text(const std::vector<ChecksumChange>& changes) {
  std::string text = changes.size() == 1
                         ? std::string("an applied migration was changed after it was applied: ")
                         : std::to_string(changes.size()) +
                               " applied migrations were changed after they were applied: ";
  bool first = true;
  for (const auto& change : changes) {
    if (!first) text += "; ";
    first = false;
    text += "migration " + change.revision + " (" + change.message + "), recorded checksum " +
            change.recorded + ", compiled " + change.compiled;
  }
  return text +
         ". Nothing was applied. Restore the migration as it was applied, or, if the change "
         "is intended, accept it with --accept-checksums "
         "(MigratorOptions::accept_changed_checksums), which records the new checksum";
}

}  // namespace

ChecksumMismatch::ChecksumMismatch(std::vector<ChecksumChange> changes)
    : HistoryError(mismatch_text(changes)), changes_(std::move(changes)) {}

UnknownAppliedRevision::UnknownAppliedRevision(std::vector<std::string> revisions)
    : RevisionError(unknown_text(revisions)), revisions_(std::move(revisions)) {}

namespace detail {

std::vector<std::string> unknown_revisions(const RevisionGraph& graph,
                                           const std::vector<std::string>& heads) {
  std::vector<std::string> out;
  for (const auto& head : heads) {
    if (!graph.contains(head)) out.push_back(head);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void require_known(const RevisionGraph& graph, const std::vector<std::string>& heads) {
  auto unknown = unknown_revisions(graph, heads);
  if (!unknown.empty()) throw UnknownAppliedRevision(std::move(unknown));
}

std::vector<ChecksumChange> changed_checksums(const RevisionGraph& graph,
                                              const RecordedState& state) {
  const auto applied = graph.ancestors(state.heads);
  std::vector<ChecksumChange> out;
  for (const auto& revision : graph.ordered()) {
    if (applied.count(revision) == 0) continue;
    const Migration& migration = graph.migration(revision);
    auto recorded = state.checksums.find(revision);
    if (recorded == state.checksums.end() || migration.checksum.empty()) continue;
    if (recorded->second == migration.checksum) continue;
    out.push_back(ChecksumChange{revision, std::string(migration.message), recorded->second,
                                 std::string(migration.checksum)});
  }
  return out;
}

std::vector<std::string> accept_checksum_statements(const std::vector<ChecksumChange>& changes) {
  std::vector<std::string> out;
  for (const auto& change : changes) {
    out.push_back(bookkeeping::insert_history(change.revision, "checksum", change.message,
                                              change.compiled, "0"));
  }
  return out;
}

}  // namespace detail
}  // namespace structmig
