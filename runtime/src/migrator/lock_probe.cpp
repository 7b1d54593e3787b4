// The locks a step asks for up front; see lock_probe.hpp. The modes are
// PostgreSQL's for each ALTER TABLE form (ALTER TABLE's documentation): most
// subcommands take ACCESS EXCLUSIVE; ADD CONSTRAINT takes its kind's lock
// (constraint.hpp: SHARE ROW EXCLUSIVE on both tables for a foreign key);
// CREATE INDEX takes SHARE; VALIDATE, comments and concurrent index
// operations block neither reads nor writes and need no probe.
#include "migrator/lock_probe.hpp"

#include <array>
#include <map>
#include <set>
#include <type_traits>

#include "structmig/spelling.hpp"
#include "structmig/sql.hpp"

namespace structmig::detail {
namespace {

// Ordered by strength: a later mode conflicts with everything an earlier one does.
enum class Mode { none, share, share_row_exclusive, access_exclusive };

// Each mode's name, by its value; spelled as SQL keywords (spelling.hpp).
constexpr std::array<std::string_view, 4> kModeNames{"", "share", "share_row_exclusive",
                                                     "access_exclusive"};

std::string mode_sql(Mode mode) { return keywords_of(kModeNames[static_cast<std::size_t>(mode)]); }

Mode mode_of(TableLock lock) {
  switch (lock) {
    case TableLock::share_row_exclusive:
      return Mode::share_row_exclusive;
    case TableLock::access_exclusive:
      return Mode::access_exclusive;
  }
  return Mode::access_exclusive;
}

class Probes {
 public:
  void need(const std::string& table, Mode mode) {
    if (table.empty() || mode == Mode::none || created_.count(table) != 0) return;
    const auto renamed = renamed_.find(table);
    const std::string& before = renamed == renamed_.end() ? table : renamed->second;
    Mode& held = modes_[before];
    if (mode > held) held = mode;
  }
  void created(const std::string& table) { created_.insert(table); }
  void renamed(const std::string& from, const std::string& to) {
    const auto earlier = renamed_.find(from);
    renamed_[to] = earlier == renamed_.end() ? from : earlier->second;
  }
  std::vector<std::string> statements() const {
    std::vector<std::string> out;
    for (const auto& [table, mode] : modes_) {
      out.push_back("LOCK TABLE " + quote_ident(table) + " IN " + mode_sql(mode) + " MODE NOWAIT");
    }
    return out;
  }
  std::string summary() const {
    return join(modes_, ", ", [](const auto& entry) {
      return mode_sql(entry.second) + " on " + entry.first;
    });
  }

 private:
  std::map<std::string, Mode> modes_;  // by name before the step
  std::set<std::string> created_;
  std::map<std::string, std::string> renamed_;  // name now → name before the step
};

void add(Probes& probes, const Op& op) {
  std::visit(
      [&](const auto& o) {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          // The new table's constraints lock the tables they reference as ADD would.
          for (const Constraint& constraint : constraints_of(o.table)) {
            for (const std::string& table : referenced_tables(constraint)) {
              probes.need(table, mode_of(kind_of(constraint).add_lock));
            }
          }
          probes.created(o.table.name);
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          probes.need(o.from, Mode::access_exclusive);
          probes.renamed(o.from, o.to);
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          const Mode mode = mode_of(kind_of(o.constraint).add_lock);
          probes.need(o.table, mode);
          for (const std::string& table : referenced_tables(o.constraint)) probes.need(table, mode);
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          // A dropped foreign key's triggers on the referenced table go too.
          probes.need(o.table, Mode::access_exclusive);
          for (const std::string& table : referenced_tables(o.constraint)) {
            probes.need(table, Mode::access_exclusive);
          }
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          if (!o.concurrently) probes.need(o.table, Mode::share);
        } else if constexpr (std::is_same_v<T, DropTable> || std::is_same_v<T, AddColumn> ||
                             std::is_same_v<T, DropColumn> || std::is_same_v<T, RenameColumn> ||
                             std::is_same_v<T, AlterColumn> || std::is_same_v<T, SetPrimaryKey> ||
                             std::is_same_v<T, RenameConstraint>) {
          if constexpr (std::is_same_v<T, DropTable>) {
            probes.need(o.table.name, Mode::access_exclusive);
          } else {
            probes.need(o.table, Mode::access_exclusive);
          }
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          if (!o.concurrently) probes.need(o.table, Mode::access_exclusive);
        }
        // Otherwise: no lock that blocks reads or writes (VALIDATE, comments,
        // renamed indexes), locks on types (enums), or unknown (raw SQL).
      },
      op);
}

}  // namespace

std::vector<std::string> lock_probes(const std::vector<Op>& ops) {
  Probes probes;
  for (const Op& op : ops) add(probes, op);
  return probes.statements();
}

std::string lock_summary(const std::vector<Op>& ops) {
  Probes probes;
  for (const Op& op : ops) add(probes, op);
  return probes.summary();
}

}  // namespace structmig::detail
