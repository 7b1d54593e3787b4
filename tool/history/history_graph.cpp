// Validation of the history and its heads (see history_graph.hpp). The file
// and the revision come first in each message, so a build log points at the
// file to open.
#include "history/history_graph.hpp"

#include <map>
#include <set>
#include <system_error>

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Path.h"

namespace structmig::history {
namespace {

llvm::Error error(const llvm::Twine& message) {
  return llvm::createStringError(std::errc::invalid_argument, message.str().c_str());
}

std::vector<Migration> migrations_of(const History& history) {
  std::vector<Migration> out;
  for (const MigrationSource& source : history.migrations) {
    const MigrationDeclaration& d = source.declaration;
    Migration m;
    m.revision = d.revision;
    m.message = d.message;
    m.transactional = d.transactional;
    m.parents.assign(d.parents.begin(), d.parents.end());
    m.depends_on.assign(d.depends_on.begin(), d.depends_on.end());
    out.push_back(std::move(m));
  }
  return out;
}

// The revisions a cycle error of the graph names, with their files.
std::string cycle_members(const History& history, const std::vector<std::string>& revisions) {
  std::string out;
  for (const std::string& revision : revisions) {
    if (const MigrationSource* source = history.find(revision)) {
      out += "\n  " + source->path + ": " + describe_migration(*source);
    }
  }
  return out;
}

// Names given twice in one list, ids declared twice, names of nothing.
llvm::Error check_references(const History& history) {
  std::map<std::string, const MigrationSource*> by_revision;
  for (const MigrationSource& source : history.migrations) {
    const auto [it, inserted] = by_revision.emplace(source.declaration.revision, &source);
    if (!inserted) {
      return error(source.path + ": error: revision " + source.declaration.revision +
                   " is also declared by " + it->second->path +
                   "; every migration needs its own revision id");
    }
  }
  const auto check_list = [&](const MigrationSource& source, const std::vector<std::string>& list,
                              llvm::StringRef what) -> llvm::Error {
    std::set<std::string> seen;
    for (const std::string& revision : list) {
      const std::string& self = source.declaration.revision;
      if (!seen.insert(revision).second) {
        return error(source.path + ": error: revision " + self + " names " + revision +
                     " twice in " + what);
      }
      if (revision == self) {
        return error(source.path + ": error: revision " + self + " names itself in " + what);
      }
      if (!by_revision.count(revision)) {
        return error(source.path + ": error: revision " + self + " names " + revision + " in " +
                     what + ", but no migration in " + history.directory +
                     " declares it (was its file deleted or renamed?)");
      }
    }
    return llvm::Error::success();
  };
  for (const MigrationSource& source : history.migrations) {
    if (auto err = check_list(source, source.declaration.parents, ".parents")) return err;
    if (auto err = check_list(source, source.declaration.depends_on, ".depends_on")) return err;
  }
  return llvm::Error::success();
}

}  // namespace

llvm::Expected<RevisionGraph> build_graph(const History& history) {
  if (auto err = check_references(history)) return err;
  try {
    return RevisionGraph(migrations_of(history));
  } catch (const CycleDetected& cycle) {
    return error("structmig: error: the migration history in " + history.directory +
                 " has a cycle (a migration is its own ancestor, through .parents or "
                 ".depends_on); " +
                 cycle.what() + ":" + cycle_members(history, cycle.revisions()));
  } catch (const RevisionError& other) {
    return error("structmig: error: the migration history in " + history.directory +
                 " is invalid: " + other.what());
  }
}

std::string describe_heads(const History& history, const std::vector<std::string>& heads) {
  std::string out;
  if (heads.size() < 2) return out;
  for (const std::string& head : heads) {
    const MigrationSource* source = history.find(head);
    out += "\n  head " + head;
    if (source != nullptr) {
      out += " in " + source->path + ": \"" + source->declaration.message + "\"";
    }
  }
  return out;
}

llvm::Expected<std::string> single_head(const History& history, const RevisionGraph& graph) {
  const std::vector<std::string> heads = graph.heads();
  if (heads.empty()) return std::string();
  if (heads.size() == 1) return heads.front();
  return error("structmig: error: the history has " + llvm::Twine(heads.size()) +
               " heads (branches were merged in git); run the migrations_merge target "
               "(structmig merge) to join them:" +
               describe_heads(history, heads) +
               "\nstructmig: cmake --build <build dir> --target migrations_merge writes a merge "
               "migration whose parents are these heads and rewrites the snapshot; then commit "
               "both. Nothing is generated until the history has one head.");
}

llvm::Error check_snapshot_head(const History& history, llvm::StringRef head,
                                llvm::StringRef snapshot_head, llvm::StringRef snapshot_path) {
  if (snapshot_head == head) return llvm::Error::success();
  const std::string snapshot = snapshot_path.str();
  const std::string name = llvm::sys::path::filename(snapshot_path).str();
  if (head.empty()) {
    return error(snapshot + ": error: the snapshot records head " + snapshot_head + ", but " +
                 history.directory +
                 " has no migration files; restore them (git checkout), or delete the "
                 "snapshot to start a new history");
  }
  const MigrationSource& newest = *history.find(head);
  const std::string at_head = head.str() + " (" + newest.path + ")";
  if (snapshot_head.empty()) {
    return error(snapshot +
                 ": error: the snapshot is missing or records no head, but the "
                 "migration history's head is " +
                 at_head + "; restore the " + name + " that was committed with " +
                 file_name(newest.path) + " (git checkout)");
  }
  const MigrationSource* recorded = history.find(snapshot_head);
  if (recorded == nullptr) {
    return error(snapshot + ": error: the snapshot's head " + snapshot_head +
                 " is not declared by any migration in " + history.directory +
                 " (the history's head is " + at_head +
                 "); restore the missing migration file, or the " + name +
                 " that was committed with " + file_name(newest.path));
  }
  return error(snapshot + ": error: the snapshot's head is " + snapshot_head + " (" +
               file_name(recorded->path) + "), but the migration history's head is " + at_head +
               ": a migration was added without updating the snapshot. Write hand-written "
               "migrations with the migrations_revision target (structmig revision), which keeps "
               "the snapshot in step; or restore the " +
               name + " that was committed with " + file_name(newest.path));
}

}  // namespace structmig::history
