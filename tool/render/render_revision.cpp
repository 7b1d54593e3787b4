// Renders hand-written migrations (see render_revision.hpp). The example
// calls are comments, so the file compiles and does nothing until edited.
#include "render/render_revision.hpp"

#include <utility>

#include "structmig/diff.hpp"
#include "render/migration_parts.hpp"
#include "render/revision_id.hpp"
#include "render/slug.hpp"

namespace structmig::render {
namespace {

constexpr const char* kUpgradeExamples =
    "  // Operations run in order, as in a generated migration. For example:\n"
    "  //   op.execute(\"UPDATE tickets SET priority = 'high' WHERE title LIKE '%urgent%'\");\n"
    "  // A large update in batches (keyset pagination on .key, never OFFSET):\n"
    "  //   op.update_in_batches({.table = \"tickets\", .set = \"priority = 'normal'\",\n"
    "  //                         .where = \"priority IS NULL\", .key = \"id\", "
    ".batch_size = 1000});\n"
    "  // The live database, for reading data (what was recorded so far runs first):\n"
    "  //   structmig::Connection& db = op.connection();\n"
    "  //   structmig::Result rows = db.exec(\"SELECT id, title FROM tickets\");\n";

constexpr const char* kNonTransactionalUpgradeExample =
    "  // Outside a transaction, for example:\n"
    "  //   op.execute(\"CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_tickets_title ON tickets "
    "(title)\");\n";

constexpr const char* kDowngradeExamples =
    "  // Undo what upgrade() did, for example:\n"
    "  //   op.execute(\"UPDATE tickets SET priority = 'normal' WHERE priority = 'high'\");\n";

}  // namespace

std::string hand_written_revision_id(std::string_view parent, std::string_view message,
                                     bool transactional) {
  return revision_id({"revision", parent, trim(message),
                      transactional ? "transactional" : "non-transactional"});
}

MigrationFile render_revision(std::string_view parent, std::string_view message, bool transactional,
                              unsigned number) {
  const std::string text_message(trim(message));
  std::string about =
      "// Written by `structmig revision`: a hand-written migration (data changes, raw\n"
      "// SQL). Fill in upgrade() and downgrade(), and commit it together with\n"
      "// migrations/schema.snapshot.json. The models play no part here: a model change\n"
      "// still becomes a generated migration of its own, after this one.\n";
  if (!transactional) {
    about +=
        "//\n"
        "// It runs outside a transaction (.transactional = false): every statement\n"
        "// commits on its own, as CREATE INDEX CONCURRENTLY requires, and\n"
        "// op.update_in_batches commits each batch. Write steps that can run again after\n"
        "// an interruption (IF NOT EXISTS, a WHERE that skips finished rows).\n";
  }
  std::string upgrade = kUpgradeExamples;
  if (!transactional) upgrade += kNonTransactionalUpgradeExample;
  return render_file({.number = number,
                      .slug = slug_for(diff::Plan{}, text_message),
                      .about = std::move(about),
                      .includes = {"structmig/connection.hpp", "structmig/migration.hpp"},
                      .upgrade = {.body = std::move(upgrade)},
                      .downgrade = {.body = kDowngradeExamples},
                      .registration = {.revision = hand_written_revision_id(parent, text_message,
                                                                            transactional),
                                       .parents = parents_of(parent),
                                       .message = text_message,
                                       .transactional = transactional}});
}

}  // namespace structmig::render
