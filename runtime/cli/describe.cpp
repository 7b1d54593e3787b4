// Text forms of revisions for the migrate command line; see describe.hpp.
#include "describe.hpp"

#include <algorithm>

#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig::cli {
namespace {

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

bool is_head(const RevisionGraph& graph, const std::string& revision) {
  const auto heads = graph.heads();
  return std::find(heads.begin(), heads.end(), revision) != heads.end();
}

std::string markers(const RevisionGraph& graph, const std::string& revision,
                    const std::set<std::string>& current) {
  std::string out;
  if (is_head(graph, revision)) out += " (head)";
  if (graph.children(revision).size() > 1) out += " (branchpoint)";
  if (graph.parents(revision).size() > 1) out += " (mergepoint)";
  if (current.count(revision) != 0) out += " (current)";
  return out;
}

std::string indented(const std::string& text, std::string_view indent) {
  std::string out(indent);
  for (char c : text) {
    out += c;
    if (c == '\n') out += indent;
  }
  return out;
}

std::string statements_text(Ops& ops, void (*record)(Ops&)) {
  std::string out;
  bool queries = false;
  try {
    if (record != nullptr) record(ops);
  } catch (const OfflineUnsupported&) {
    queries = true;
  }
  for (const auto& statement : to_sql(ops.recorded())) {
    out += indented(statement + ";", "    ") + "\n";
  }
  if (queries) out += "    -- then it queries the database (a data migration)\n";
  if (out.empty()) out = "    -- (no statements)\n";
  return out;
}

std::vector<std::string> resolve_side(const RevisionGraph& graph, std::string_view side,
                                      std::string_view when_empty) {
  return graph.resolve(side.empty() ? when_empty : side);
}

}  // namespace

std::string describe_position(const RevisionGraph& graph, const std::vector<std::string>& heads) {
  if (heads.empty()) return "base";
  std::string text;
  for (const auto& head : heads) {
    if (!text.empty()) text += ", ";
    text += head;
    if (graph.contains(head) && is_head(graph, head)) text += " (head)";
  }
  return text;
}

std::string revision_line(const RevisionGraph& graph, const std::string& revision) {
  if (!graph.contains(revision)) return revision + " (unknown to this program)";
  return revision + (is_head(graph, revision) ? " (head) " : " ") +
         std::string(graph.migration(revision).message);
}

std::string history_line(const RevisionGraph& graph, const std::string& revision,
                         const std::set<std::string>& current) {
  const auto parents = graph.parents(revision);
  return (parents.empty() ? std::string("<base>") : join(parents)) + " -> " + revision +
         markers(graph, revision, current) + ", " + std::string(graph.migration(revision).message);
}

std::string revision_block(const RevisionGraph& graph, const std::string& revision,
                           const std::set<std::string>& current) {
  const Migration& migration = graph.migration(revision);
  const auto parents = graph.parents(revision);
  std::string out = "Rev: " + revision + markers(graph, revision, current) + "\n";
  out += "Parent: " + (parents.empty() ? std::string("<base>") : join(parents)) + "\n";
  if (!graph.dependencies(revision).empty()) {
    out += "Depends on: " + join(graph.dependencies(revision)) + "\n";
  }
  if (graph.children(revision).size() > 1) {
    out += "Branches into: " + join(graph.children(revision)) + "\n";
  }
  out += std::string("Transactional: ") + (migration.transactional ? "yes" : "no") + "\n";
  if (!migration.lock_timeout.empty()) {
    out += "Lock timeout: " + std::string(migration.lock_timeout) + "\n";
  }
  if (!migration.statement_timeout.empty()) {
    out += "Statement timeout: " + std::string(migration.statement_timeout) + "\n";
  }
  if (!migration.checksum.empty()) out += "Checksum: " + std::string(migration.checksum) + "\n";
  out += "\n" + indented(std::string(migration.message), "    ") + "\n";
  return out;
}

std::string sql_block(const Migration& migration) {
  Ops upgrade;
  Ops downgrade;
  return "Upgrade SQL:\n" + statements_text(upgrade, migration.upgrade) + "Downgrade SQL:\n" +
         statements_text(downgrade, migration.downgrade);
}

std::vector<std::string> revisions_in_range(const RevisionGraph& graph, std::string_view range) {
  const auto colon = range.find(':');
  if (colon == std::string_view::npos) {
    throw UnknownRevision("invalid revision range \"" + std::string(range) +
                          "\" (expected A:B, :B or A:)");
  }
  const auto lower = resolve_side(graph, range.substr(0, colon), "base");
  const auto upper = graph.ancestors(resolve_side(graph, range.substr(colon + 1), "heads"));
  const auto above_lower = graph.descendants(lower);
  std::vector<std::string> out;
  for (auto it = graph.ordered().rbegin(); it != graph.ordered().rend(); ++it) {
    if (upper.count(*it) == 0) continue;
    if (!lower.empty() && above_lower.count(*it) == 0) continue;
    out.push_back(*it);
  }
  return out;
}

}  // namespace structmig::cli
