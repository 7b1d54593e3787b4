// The snapshot file, migrations/schema.snapshot.json: the schema that the
// committed migration history produces and the head revision it belongs to.
// It is reviewed in diffs, so the text is canonical (fixed key order, one item
// per line, everything in name order except columns) and reading is strict:
// anything unexpected is an error that names the file, the table and the
// column or constraint.
//
// clang-format off
//   {
//     "format": "structmig-snapshot",
//     "version": 1,
//     "head": "3f9a2c1b7e04",
//     "enums": [
//       {"name": "document_status", "labels": ["draft", "in review"]}
//     ],
//     "tables": [
//       {
//         "name": "tickets",
//         "comment": "Customer support tickets",
//         "primary_key": ["id"],
//         "primary_key_name": "pk_tickets",
//         "columns": [
//           {"name": "id", "type": "bigint", "nullable": false, "identity": "by_default"},
//           {"name": "status", "type": "document_status", "nullable": false, "default": "'draft'"}
//         ],
//         "uniques": [
//           {"name": "uq_tickets_title", "columns": ["title"]}
//         ],
//         "checks": [
//           {"name": "ck_tickets_title", "expression": "title <> ''"}
//         ],
//         "foreign_keys": [
//           {"name": "fk_tickets_user_id_users", "columns": ["user_id"], "referenced_table": "users", "referenced_columns": ["id"], "on_delete": "cascade"}
//         ],
//         "excludes": [
//           {"name": "ex_tickets_user_id", "method": "btree", "columns": ["user_id"], "operators": ["="], "where": "user_id > 0"}
//         ],
//         "indexes": [
//           {"name": "ix_tickets_user_id_exprab12cd34", "keys": ["user_id", {"expression": "lower(title)"}], "method": "gin", "where": "status <> 'draft'"}
//         ]
//       }
//     ]
//   }
// clang-format on
//
// Left out when they say nothing: "enums" and a table's "uniques", "checks",
// "foreign_keys", "excludes" and "indexes" when empty (a table's constraint
// lists are the kinds of constraint.hpp, in its order, each under its
// list_name); a table's or column's "comment"
// when unset; "default" and "identity" (none); a foreign key's "on_delete" /
// "on_update" when no_action; an index's "unique" (false), "method" (btree)
// and "where"; an exclusion constraint's "where". Its "method" is always
// written. Reading accepts them spelled out and writes them canonically.
#pragma once

#include <string>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "structmig/schema.hpp"

namespace structmig::snapshot {

inline constexpr const char* kSnapshotFormat = "structmig-snapshot";
inline constexpr int kSnapshotVersion = 1;

struct Snapshot {
  std::string head;  // revision id of the newest migration; "" = no migration yet
  Schema schema;     // in sort_schema order

  friend bool operator==(const Snapshot&, const Snapshot&) = default;
};

/// Parses snapshot text. `path_for_errors` only labels the messages
/// ("<path>:<line>:<col>: error: invalid JSON: ...", "<path>: error: ...").
/// The schema comes back in sort_schema order; columns keep the file's order.
llvm::Expected<Snapshot> parse_snapshot(llvm::StringRef text, llvm::StringRef path_for_errors);

/// Reads and parses a snapshot file. A missing file is not an error: it is the
/// state before the first migration (no head, no tables).
llvm::Expected<Snapshot> read_snapshot(llvm::StringRef path);

/// The canonical text, ending in a newline. format_snapshot(parse(x)) == x for
/// any file this function wrote.
std::string format_snapshot(const Snapshot& snapshot);

/// The same for a head and a schema held elsewhere, without copying the
/// schema when it is already in sort_schema() order.
std::string format_snapshot(llvm::StringRef head, const Schema& schema);

}  // namespace structmig::snapshot
