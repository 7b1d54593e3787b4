// The merge migration `structmig merge` writes when the history has several
// heads (branches merged in git): parents = every head, sorted; empty upgrade
// and downgrade (it joins the branches and changes nothing in the database);
// a revision id derived from the heads alone, so two people merging the same
// heads write the same file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/render_migration.hpp"

namespace structmig::render {

/// The revision id (revision_id.hpp) of the parts "merge", then each head,
/// sorted.
std::string merge_revision_id(std::vector<std::string> heads);

/// `message` empty: "merge <head>, <head>, ...". The file is
/// NNNN_merge_<slug of the message>.cpp ("merge_" is not doubled when the
/// slug starts with it).
MigrationFile render_merge(std::vector<std::string> heads, std::string_view message,
                           unsigned number);

}  // namespace structmig::render
