// The hand-written migration `structmig revision -m "..."` writes: the current
// head as its parent, upgrade() and downgrade() holding only comments that
// show op.execute, op.update_in_batches and op.connection(), and
// `.transactional = false` when asked (CREATE INDEX CONCURRENTLY, batched
// updates that commit as they go).
#pragma once

#include <string>
#include <string_view>

#include "render/render_migration.hpp"

namespace structmig::render {

/// The revision id (revision_id.hpp) of the parts "revision", parent, the
/// trimmed message, and "transactional" or "non-transactional".
std::string hand_written_revision_id(std::string_view parent, std::string_view message,
                                     bool transactional);

/// `parent` is "" for a first migration; `message` is trimmed and must not be
/// empty (it names the file: NNNN_<slug>.cpp).
MigrationFile render_revision(std::string_view parent, std::string_view message, bool transactional,
                              unsigned number);

}  // namespace structmig::render
