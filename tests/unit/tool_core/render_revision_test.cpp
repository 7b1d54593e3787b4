// Hand-written migrations (structmig revision), compared as exact text; the
// revision id (render/revision_id.hpp) is checked against FNV-1a 64 computed
// outside this code.
#include "render/render_revision.hpp"

#include <gtest/gtest.h>

namespace structmig::render {
namespace {

TEST(RenderRevision, RevisionIdIsTheHashOfParentMessageAndMode) {
  // FNV-1a 64 of 'revision\na8b37c9a1d3d\nbackfill ticket priorities\ntransactional'
  EXPECT_EQ(hand_written_revision_id("a8b37c9a1d3d", "backfill ticket priorities", true),
            "c753197e1a08");
  EXPECT_EQ(hand_written_revision_id("a8b37c9a1d3d", "  backfill ticket priorities\n", true),
            "c753197e1a08");
  // FNV-1a 64 of 'revision\na8b37c9a1d3d\nCreate index concurrently\nnon-transactional'
  EXPECT_EQ(hand_written_revision_id("a8b37c9a1d3d", "Create index concurrently", false),
            "fb6cd719fff4");
  // FNV-1a 64 of 'revision\n\nseed\ntransactional'
  EXPECT_EQ(hand_written_revision_id("", "seed", true), "cf7b442e9f49");
}

TEST(RenderRevision, DocumentedFile) {
  const MigrationFile file =
      render_revision("a8b37c9a1d3d", "backfill ticket priorities", /*transactional=*/true, 11);
  EXPECT_EQ(file.revision, "c753197e1a08");
  EXPECT_EQ(file.file_name, "0011_backfill_ticket_priorities.cpp");
  EXPECT_EQ(file.text, R"golden(// Migration 0011: backfill ticket priorities
//
// Written by `structmig revision`: a hand-written migration (data changes, raw
// SQL). Fill in upgrade() and downgrade(), and commit it together with
// migrations/schema.snapshot.json. The models play no part here: a model change
// still becomes a generated migration of its own, after this one.
#include <structmig/connection.hpp>
#include <structmig/migration.hpp>

namespace structmig_m_c753197e1a08 {

using namespace structmig;

void upgrade([[maybe_unused]] structmig::Ops& op) {
  // Operations run in order, as in a generated migration. For example:
  //   op.execute("UPDATE tickets SET priority = 'high' WHERE title LIKE '%urgent%'");
  // A large update in batches (keyset pagination on .key, never OFFSET):
  //   op.update_in_batches({.table = "tickets", .set = "priority = 'normal'",
  //                         .where = "priority IS NULL", .key = "id", .batch_size = 1000});
  // The live database, for reading data (what was recorded so far runs first):
  //   structmig::Connection& db = op.connection();
  //   structmig::Result rows = db.exec("SELECT id, title FROM tickets");
}

void downgrade([[maybe_unused]] structmig::Ops& op) {
  // Undo what upgrade() did, for example:
  //   op.execute("UPDATE tickets SET priority = 'normal' WHERE priority = 'high'");
}

}  // namespace structmig_m_c753197e1a08

STRUCTMIG_MIGRATION({
    .revision = "c753197e1a08",
    .parents = {"a8b37c9a1d3d"},
    .message = "backfill ticket priorities",
    .transactional = true,
    .upgrade = structmig_m_c753197e1a08::upgrade,
    .downgrade = structmig_m_c753197e1a08::downgrade,
});
)golden");
}

TEST(RenderRevision, NonTransactionalSaysSoAndShowsAConcurrentIndex) {
  const MigrationFile file =
      render_revision("a8b37c9a1d3d", "Create index concurrently", /*transactional=*/false, 12);
  EXPECT_EQ(file.revision, "fb6cd719fff4");
  EXPECT_EQ(file.file_name, "0012_create_index_concurrently.cpp");
  EXPECT_NE(file.text.find("    .transactional = false,\n"), std::string::npos);
  EXPECT_NE(file.text.find("// It runs outside a transaction (.transactional = false)"),
            std::string::npos);
  EXPECT_NE(file.text.find("  //   op.execute(\"CREATE INDEX CONCURRENTLY IF NOT EXISTS "
                           "ix_tickets_title ON tickets (title)\");\n}\n"),
            std::string::npos);
}

TEST(RenderRevision, FirstMigrationHasNoParents) {
  const MigrationFile file = render_revision("", "seed", /*transactional=*/true, 1);
  EXPECT_EQ(file.file_name, "0001_seed.cpp");
  EXPECT_NE(file.text.find("    .parents = {},\n"), std::string::npos);
}

}  // namespace
}  // namespace structmig::render
