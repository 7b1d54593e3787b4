// Merge migrations (structmig merge), compared as exact text; the revision id
// (render/revision_id.hpp) is checked against FNV-1a 64 computed outside this
// code.
#include "render/render_merge.hpp"

#include <gtest/gtest.h>

namespace structmig::render {
namespace {

TEST(RenderMerge, RevisionIdIsTheHashOfTheSortedHeads) {
  // FNV-1a 64 of 'merge\n3f9a2c1b7e04\n55fd7ad11f08'
  EXPECT_EQ(merge_revision_id({"3f9a2c1b7e04", "55fd7ad11f08"}), "b3e29485844a");
  EXPECT_EQ(merge_revision_id({"55fd7ad11f08", "3f9a2c1b7e04"}), "b3e29485844a");
  EXPECT_NE(merge_revision_id({"3f9a2c1b7e04", "55fd7ad11f08", "a1b2c3d4e5f6"}), "b3e29485844a");
}

TEST(RenderMerge, DocumentedFile) {
  const MigrationFile file = render_merge({"55fd7ad11f08", "3f9a2c1b7e04"}, "", 3);
  EXPECT_EQ(file.revision, "b3e29485844a");
  EXPECT_EQ(file.file_name, "0003_merge_3f9a2c1b7e04_55fd7ad11f08.cpp");
  EXPECT_EQ(file.text, R"golden(// Migration 0003: merge 3f9a2c1b7e04, 55fd7ad11f08
//
// Written by `structmig merge`: it joins these heads of the migration history
// (branches merged in git) into one, and changes nothing in the database:
//   3f9a2c1b7e04
//   55fd7ad11f08
// Commit it together with migrations/schema.snapshot.json.
#include <structmig/generated.hpp>

namespace structmig_m_b3e29485844a {

using namespace structmig;

void upgrade([[maybe_unused]] structmig::Ops& op) {
}

void downgrade([[maybe_unused]] structmig::Ops& op) {
}

}  // namespace structmig_m_b3e29485844a

STRUCTMIG_MIGRATION({
    .revision = "b3e29485844a",
    .parents = {"3f9a2c1b7e04", "55fd7ad11f08"},
    .message = "merge 3f9a2c1b7e04, 55fd7ad11f08",
    .transactional = true,
    .upgrade = structmig_m_b3e29485844a::upgrade,
    .downgrade = structmig_m_b3e29485844a::downgrade,
});
)golden");
}

TEST(RenderMerge, MessageNamesTheFileAndDoesNotChangeTheId) {
  const MigrationFile named = render_merge({"3f9a2c1b7e04", "55fd7ad11f08"}, " Join billing ", 12);
  EXPECT_EQ(named.revision, "b3e29485844a");
  EXPECT_EQ(named.file_name, "0012_merge_join_billing.cpp");
  EXPECT_NE(named.text.find(".message = \"Join billing\","), std::string::npos);
  EXPECT_EQ(render_merge({"a", "b"}, "Merge the branches", 4).file_name,
            "0004_merge_the_branches.cpp");
}

}  // namespace
}  // namespace structmig::render
