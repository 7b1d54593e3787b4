// A plan as a migration file: the .cpp text users review and commit, its file
// name, and its revision id. The text is byte-stable: the same plan, parent,
// message and number always give the same file.
//
// Slugs (the file name after NNNN_, and the default message):
//  - From a message when one is given: ASCII letters and digits lowercased,
//    every run of other characters one '_', no leading or trailing '_', at
//    most 48 characters (cut at a '_' where possible), "migration" if nothing
//    is left. A message of only whitespace counts as none.
//  - Otherwise from the upgrade operations. Each kind has a verb: create,
//    drop (tables), add, drop (columns), alter, primary_key, execute_sql.
//    * All operations of one kind: the verb, then what they touch in order --
//      tables for create/drop/primary_key ("create_tickets_users"), table and
//      column for column operations, the table named once for consecutive
//      columns of the same table ("add_tickets_priority_status").
//      If that is longer than 48 characters, as many leading operations as fit
//      and "_and_N_more" for the rest ("create_a_b_and_7_more").
//    * Mixed kinds: the first operation's phrase and "_and_N_more", N the
//      number of other operations ("add_tickets_priority_and_2_more").
//    * No operations: "migration".
//    The result goes through the same cleaning as a message.
#pragma once

#include <string>
#include <string_view>

#include "diff/diff.hpp"
#include "structmig/ops.hpp"

namespace structmig::render {

/// The statement(s) for one operation as they appear in upgrade()/downgrade(),
/// ending in ';' without a newline. The first line carries no indentation;
/// continuation lines carry their full indentation in the file (the body is
/// indented by 2). Every call is one line except create_table (one field
/// per line), an alter_column longer than 100 columns (one argument per line)
/// and execute of multi-line SQL (one literal per SQL line).
std::string render_op(const Op& op);

/// The body of upgrade() or downgrade(): each op indented by 2, one per line.
std::string render_body(const std::vector<Op>& ops);

std::string slug_for(const diff::Plan& plan, std::string_view message);

/// 12 lowercase hex digits: the top of FNV-1a 64 over
/// parent + "\n" + render_body(upgrade) + "\n" + render_body(downgrade).
std::string revision_id(std::string_view parent, const diff::Plan& plan);

struct MigrationFile {
  std::string revision;   // revision_id(parent, plan)
  std::string file_name;  // NNNN_<slug>.cpp, no directory
  std::string text;
};

/// `parent` is "" for the first migration; `message` may be empty (the slug,
/// with spaces for '_', is used); `number` is written with at least 4 digits.
MigrationFile render_migration(const diff::Plan& plan, std::string_view parent,
                               std::string_view message, unsigned number);

}  // namespace structmig::render
