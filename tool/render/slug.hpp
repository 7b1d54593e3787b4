// Slugs: the file name of a migration after NNNN_, and its default message.
//  - From a message when one is given: ASCII letters and digits lowercased,
//    every run of other characters one '_', no leading or trailing '_', at
//    most 48 characters (cut at a '_' where possible), "migration" if nothing
//    is left. A message of only whitespace counts as none.
//  - Otherwise from the upgrade operations. Each kind has a verb and a
//    subject:
//      create / drop (tables), rename (tables: old and new name), add / drop /
//      alter (columns: table and column), rename (columns: table, old and new
//      name), primary_key, comment (tables);
//      add_foreign_key, drop_foreign_key, add_unique, drop_unique, add_check,
//      drop_check, create_index, drop_index, rename_constraint, rename_index
//      (the constraint's or index's name, the new one for renames);
//      create_enum, drop_enum, recreate_enum (the enum), rename_enum (old and
//      new name), add_enum_label (enum and label), rename_enum_label (enum,
//      old and new label); execute_sql (nothing).
//    * All operations of one kind: the verb, then their subjects in order --
//      ("create_tickets_users"), the table named once for consecutive columns
//      of the same table ("add_tickets_priority_status"), likewise the enum
//      for labels. If that is longer than 48 characters, as many leading
//      operations as fit and "_and_N_more" for the rest.
//    * Mixed kinds: the first operation's phrase and "_and_N_more", N the
//      number of other operations ("add_tickets_priority_and_2_more"); the
//      phrase is cut (at a '_' where possible) to keep it all within 48.
//    * No operations: "migration".
//    The result goes through the same cleaning as a message.
#pragma once

#include <string>
#include <string_view>

#include "structmig/diff.hpp"

namespace structmig::render {

std::string slug_for(const diff::Plan& plan, std::string_view message);

/// `text` without leading and trailing whitespace.
std::string_view trim(std::string_view text);

}  // namespace structmig::render
