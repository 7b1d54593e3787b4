// The structmig_state row a database at given heads gets: its heads written
// unambiguously, and a digest that changes with the applied set and with the
// checksum of any applied migration, but not with migrations not applied.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "migrator/state_row.hpp"

namespace structmig::detail {
namespace {

// a → b → c, and d on its own.
std::vector<Migration> history(std::string_view b_checksum = "bb",
                               std::string_view c_checksum = "cc") {
  std::vector<Migration> list{
      Migration{.revision = "a", .message = "a", .checksum = "aa"},
      Migration{.revision = "b", .parents = {"a"}, .message = "b", .checksum = b_checksum},
      Migration{.revision = "c", .parents = {"b"}, .message = "c", .checksum = c_checksum},
      Migration{.revision = "d", .message = "d", .checksum = "dd"},
  };
  return list;
}

StateRow row(const std::vector<Migration>& list, const std::vector<std::string>& heads) {
  return state_row_at(RevisionGraph(list), heads);
}

TEST(StateRowTest, HeadsAreSortedAndLengthPrefixed) {
  EXPECT_EQ(row(history(), {"d", "b"}).heads, "1:b 1:d");
  EXPECT_EQ(row(history(), {}).heads, "");
}

TEST(StateRowTest, TheDigestIsVersionedHex) {
  const std::string digest = row(history(), {"c"}).digest;
  ASSERT_EQ(digest.size(), 3u + 16u);
  EXPECT_TRUE(digest.starts_with("v1:"));
  EXPECT_EQ(digest.find_first_not_of("0123456789abcdef", 3), std::string::npos);
}

TEST(StateRowTest, TheDigestFollowsTheChecksumsOfAppliedMigrationsOnly) {
  const StateRow at_b = row(history(), {"b"});
  EXPECT_EQ(row(history("bb", "changed"), {"b"}), at_b);  // c is not applied
  EXPECT_NE(row(history("changed"), {"b"}).digest, at_b.digest);
  EXPECT_NE(row(history("", "cc"), {"b"}).digest, at_b.digest);  // no checksum is another one
  EXPECT_NE(row(history(), {"c"}).digest, at_b.digest);          // another applied set
  EXPECT_NE(row(history(), {"b", "d"}).digest, at_b.digest);
  EXPECT_EQ(row(history(), {"d", "b"}), row(history(), {"b", "d"}));
}

TEST(StateRowTest, FieldsDoNotRunIntoEachOther) {
  // "ab" + "c" and "a" + "bc" must not hash alike.
  const std::vector<Migration> one{Migration{.revision = "ab", .message = "", .checksum = "c"}};
  const std::vector<Migration> two{Migration{.revision = "a", .message = "", .checksum = "bc"}};
  EXPECT_NE(row(one, {"ab"}).digest, row(two, {"a"}).digest);
}

}  // namespace
}  // namespace structmig::detail
