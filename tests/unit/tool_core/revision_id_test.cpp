// The one revision-id scheme (render/revision_id.hpp) and the FNV-1a it is
// built on (structmig/fnv1a.hpp), against values computed outside this code
// (the FNV reference vectors; a Python FNV-1a 64 for the joined parts).
#include "render/revision_id.hpp"

#include <gtest/gtest.h>

#include "structmig/fnv1a.hpp"

namespace structmig::render {
namespace {

TEST(Fnv1a, ReferenceVectors) {
  EXPECT_EQ(fnv1a32(""), 0x811c9dc5u);
  EXPECT_EQ(fnv1a32("a"), 0xe40c292cu);
  EXPECT_EQ(Fnv1a64().hex(), "cbf29ce484222325");
  EXPECT_EQ(Fnv1a64().add("a").hex(), "af63dc4c8601ec8c");
  EXPECT_EQ(Fnv1a64().add("foo").hex(), "dcb27518fed9d577");
}

TEST(Fnv1a, PiecesHashLikeTheirConcatenation) {
  EXPECT_EQ(Fnv1a64().add("fo").add("").add("o").value(), Fnv1a64().add("foo").value());
}

TEST(RevisionId, PartsJoinedByNewlines) {
  EXPECT_EQ(revision_id({"a", "b"}), "e5beb1190415");  // FNV-1a 64 of "a\nb"
  EXPECT_EQ(revision_id({"", "", ""}), "08547e07b508");  // of "\n\n"
  EXPECT_EQ(RevisionHash().part("a").part("b").id(), revision_id({"a", "b"}));
  EXPECT_NE(revision_id({"a", "b"}), revision_id({"ab"}));
  EXPECT_NE(revision_id({"a\n", "b"}), revision_id({"a", "b"}));
}

}  // namespace
}  // namespace structmig::render
