// A branched history for the migrator's integration tests: a diamond (users;
// then tickets on one branch and tags on the other; a merge creating
// ticket_tags; then tickets.priority on top), and a history where a
// migration depends on another branch's migration (depends_on).
#pragma once

#include <string_view>
#include <vector>

#include "history_fixture.hpp"

namespace structmig::graph {

//            ┌─ kLeft (tickets) ──┐
// kRoot (users)                    kMerge (ticket_tags) ── kTop (tickets.priority)
//            └─ kRight (tags) ────┘
inline constexpr std::string_view kRoot = "a00000000001";
inline constexpr std::string_view kLeft = "b00000000002";
inline constexpr std::string_view kRight = "c00000000003";
inline constexpr std::string_view kMerge = "d00000000004";
inline constexpr std::string_view kTop = "e00000000005";

inline Table simple_table(std::string name) {
  return Table{.name = name,
               .columns = {history::column("id", "bigint"), history::column("name", "text", true)},
               .primary_key = {"id"},
               .primary_key_name = "pk_" + name};
}

inline void create_tags(Ops& ops) { ops.create_table(simple_table("tags")); }
inline void drop_tags(Ops& ops) { ops.drop_table("tags"); }
inline void create_ticket_tags(Ops& ops) { ops.create_table(simple_table("ticket_tags")); }
inline void drop_ticket_tags(Ops& ops) { ops.drop_table("ticket_tags"); }

inline std::vector<Migration> diamond() {
  return {
      Migration{kTop,
                {kMerge},
                "add tickets priority",
                true,
                &history::add_priority,
                &history::drop_priority},
      Migration{kMerge,
                {kRight, kLeft},
                "merge: create ticket_tags",
                true,
                &create_ticket_tags,
                &drop_ticket_tags},
      Migration{kRight, {kRoot}, "create tags", true, &create_tags, &drop_tags},
      Migration{
          kLeft, {kRoot}, "create tickets", true, &history::create_tickets, &history::drop_tickets},
      Migration{kRoot, {}, "create users", true, &history::create_users, &history::drop_users},
  };
}

/// The diamond without the merge and the top: two heads, kLeft and kRight.
inline std::vector<Migration> two_heads() {
  auto all = diamond();
  return {all[2], all[3], all[4]};
}

// kRoot, then kAudit (parent kRoot) which depends on kReports (parent kRoot):
// by id kAudit would come first; the dependency makes kReports go first.
inline constexpr std::string_view kAudit = "b10000000000";
inline constexpr std::string_view kReports = "f10000000000";

inline void create_reports(Ops& ops) { ops.create_table(simple_table("reports")); }
inline void drop_reports(Ops& ops) { ops.drop_table("reports"); }
// Fails unless reports exists: the dependency must have run first.
inline void create_audit(Ops& ops) {
  ops.execute("CREATE TABLE audit (id bigint PRIMARY KEY, report_id bigint REFERENCES reports)");
}
inline void drop_audit(Ops& ops) { ops.drop_table("audit"); }

inline std::vector<Migration> with_dependency() {
  Migration audit{kAudit, {kRoot}, "create audit", true, &create_audit, &drop_audit};
  audit.depends_on = {kReports};
  return {
      audit,
      Migration{kReports, {kRoot}, "create reports", true, &create_reports, &drop_reports},
      Migration{kRoot, {}, "create users", true, &history::create_users, &history::drop_users},
  };
}

}  // namespace structmig::graph
