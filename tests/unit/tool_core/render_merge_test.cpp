// Merge migrations (structmig merge), compared as exact text; the revision id
// is checked against SHA-256 computed outside (printf ... | sha256sum).
#include "render/render_merge.hpp"

#include <gtest/gtest.h>

namespace structmig::render {
namespace {

TEST(RenderMerge, RevisionIdIsTheHashOfTheSortedHeads) {
  // printf 'merge\n3f9a2c1b7e04\n55fd7ad11f08' | sha256sum
  EXPECT_EQ(merge_revision_id({"3f9a2c1b7e04", "55fd7ad11f08"}), "76dba171e073");
  EXPECT_EQ(merge_revision_id({"55fd7ad11f08", "3f9a2c1b7e04"}), "76dba171e073");
  EXPECT_NE(merge_revision_id({"3f9a2c1b7e04", "55fd7ad11f08", "a1b2c3d4e5f6"}), "76dba171e073");
}

TEST(RenderMerge, DocumentedFile) {
  const MigrationFile file = render_merge({"55fd7ad11f08", "3f9a2c1b7e04"}, "", 3);
  EXPECT_EQ(file.revision, "76dba171e073");
  EXPECT_EQ(file.file_name, "0003_merge_3f9a2c1b7e04_55fd7ad11f08.cpp");
  EXPECT_EQ(file.text, R"golden(// Migration 0003: merge 3f9a2c1b7e04, 55fd7ad11f08
//
// Written by `structmig merge`: it joins these heads of the migration history
// (branches merged in git) into one, and changes nothing in the database:
//   3f9a2c1b7e04
//   55fd7ad11f08
// Commit it together with migrations/schema.snapshot.json.
#include <structmig/generated.hpp>

namespace structmig_m_76dba171e073 {

using namespace structmig;

void upgrade([[maybe_unused]] structmig::Ops& op) {
}

void downgrade([[maybe_unused]] structmig::Ops& op) {
}

}  // namespace structmig_m_76dba171e073

STRUCTMIG_MIGRATION({
    .revision = "76dba171e073",
    .parents = {"3f9a2c1b7e04", "55fd7ad11f08"},
    .message = "merge 3f9a2c1b7e04, 55fd7ad11f08",
    .transactional = true,
    .upgrade = structmig_m_76dba171e073::upgrade,
    .downgrade = structmig_m_76dba171e073::downgrade,
});
)golden");
}

TEST(RenderMerge, MessageNamesTheFileAndDoesNotChangeTheId) {
  const MigrationFile named = render_merge({"3f9a2c1b7e04", "55fd7ad11f08"}, " Join billing ", 12);
  EXPECT_EQ(named.revision, "76dba171e073");
  EXPECT_EQ(named.file_name, "0012_merge_join_billing.cpp");
  EXPECT_NE(named.text.find(".message = \"Join billing\","), std::string::npos);
  EXPECT_EQ(render_merge({"a", "b"}, "Merge the branches", 4).file_name,
            "0004_merge_the_branches.cpp");
}

}  // namespace
}  // namespace structmig::render
