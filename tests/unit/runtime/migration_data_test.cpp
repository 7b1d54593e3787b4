// A migration file's registration data (structmig::data::Migration, what
// STRUCTMIG_MIGRATION declares) converted to the owned structmig::Migration.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/migration.hpp"

namespace {

using structmig::Migration;
using structmig::Ops;
using structmig::detail::migration_from_data;
using SV = std::vector<std::string_view>;

void up(Ops&) {}
void down(Ops&) {}

constexpr structmig::data::Migration every_field{
    .revision = "b2c3d4e5f6a7",
    .parents = {"a1b2c3d4e5f6", "c3d4e5f6a7b8"},
    .message = "merge with timeouts",
    .transactional = false,
    .upgrade = up,
    .downgrade = down,
    .depends_on = {"d4e5f6a7b8c9"},
    .lock_timeout = "5s",
    .statement_timeout = "1min",
    .lock_retries = 3,
    .checksum = "own-checksum",
};

TEST(MigrationData, EveryFieldBecomesTheOwnedMigration) {
  const Migration m = migration_from_data(every_field, "index-checksum");
  EXPECT_EQ(m.revision, "b2c3d4e5f6a7");
  EXPECT_EQ(m.parents, (SV{"a1b2c3d4e5f6", "c3d4e5f6a7b8"}));
  EXPECT_EQ(m.message, "merge with timeouts");
  EXPECT_FALSE(m.transactional);
  EXPECT_EQ(m.upgrade, &up);
  EXPECT_EQ(m.downgrade, &down);
  EXPECT_EQ(m.depends_on, SV{"d4e5f6a7b8c9"});
  EXPECT_EQ(m.lock_timeout, "5s");
  EXPECT_EQ(m.statement_timeout, "1min");
  EXPECT_EQ(m.lock_retries, 3);
  EXPECT_EQ(m.checksum, "own-checksum");  // the data's own wins over the index's
}

TEST(MigrationData, UnsetFieldsAreTheOwnedDefaults) {
  constexpr structmig::data::Migration first{.revision = "a1b2c3d4e5f6"};
  const Migration m = migration_from_data(first, "index-checksum");
  const Migration defaults{};
  EXPECT_EQ(m.revision, "a1b2c3d4e5f6");
  EXPECT_TRUE(m.parents.empty());
  EXPECT_TRUE(m.message.empty());
  EXPECT_EQ(m.transactional, defaults.transactional);
  EXPECT_EQ(m.upgrade, nullptr);
  EXPECT_EQ(m.downgrade, nullptr);
  EXPECT_TRUE(m.depends_on.empty());
  EXPECT_TRUE(m.lock_timeout.empty());
  EXPECT_TRUE(m.statement_timeout.empty());
  EXPECT_EQ(m.lock_retries, defaults.lock_retries);
  EXPECT_EQ(m.checksum, "index-checksum");  // none of its own: the index's
}

TEST(MigrationData, AllThirtyTwoParentsAreKept) {
  structmig::data::Migration wide{.revision = "r"};
  std::vector<std::string> names;
  for (int i = 0; i < 32; ++i) names.push_back("p" + std::to_string(i));
  for (int i = 0; i < 32; ++i) wide.parents.items[i] = names[i].c_str();
  const Migration m = migration_from_data(wide, "");
  ASSERT_EQ(m.parents.size(), 32u);
  EXPECT_EQ(m.parents.back(), "p31");
}

TEST(MigrationData, ANameAfterANullptrIsAnError) {
  constexpr structmig::data::Migration gap{.revision = "r1", .depends_on = {"a", nullptr, "b"}};
  try {
    (void)migration_from_data(gap, "");
    FAIL() << "no error";
  } catch (const structmig::InvalidOperation& e) {
    EXPECT_STREQ(e.what(), "migration \"r1\": .depends_on has name 3 after a nullptr");
  }
}

// More parents than the 32 slots do not compile (too many initializers).
template <class M>
concept thirty_three_parents = requires {
  M{.parents = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
                "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22",
                "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33"}};
};
template <class M>
concept thirty_two_parents = requires {
  M{.parents = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11",
                "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22",
                "23", "24", "25", "26", "27", "28", "29", "30", "31", "32"}};
};
static_assert(thirty_two_parents<structmig::data::Migration>);
static_assert(!thirty_three_parents<structmig::data::Migration>);

TEST(MigrationData, RegistrationAppendsTheConvertedMigration) {
  auto& list = structmig::detail::registered_migrations();
  const std::size_t before = list.size();
  structmig::detail::register_migration(every_field, "index-checksum");
  ASSERT_EQ(list.size(), before + 1);
  EXPECT_EQ(list.back().revision, "b2c3d4e5f6a7");
  EXPECT_EQ(list.back().parents, (SV{"a1b2c3d4e5f6", "c3d4e5f6a7b8"}));
  list.pop_back();
}

}  // namespace

// The macro itself, as a migration file writes it (at namespace scope).
namespace macro_file {
void up(structmig::Ops&) {}
}  // namespace macro_file
#undef STRUCTMIG_CURRENT_CHECKSUM
#define STRUCTMIG_CURRENT_CHECKSUM "file-checksum"
STRUCTMIG_MIGRATION({
    .revision = "e5f6a7b8c9d0",
    .parents = {"d4e5f6a7b8c9"},
    .message = "by the macro",
    .transactional = true,
    .upgrade = macro_file::up,
    .downgrade = macro_file::up,
    .depends_on = {"a1b2c3d4e5f6"},
    .lock_timeout = "5s",
    .statement_timeout = "0",
    .lock_retries = 0,
});

namespace {
TEST(MigrationData, TheMacroRegistersItsDataWithTheFileChecksum) {
  const auto& list = structmig::detail::registered_migrations();
  ASSERT_EQ(list.size(), 1u);
  const Migration& m = list.front();
  EXPECT_EQ(m.revision, "e5f6a7b8c9d0");
  EXPECT_EQ(m.parents, SV{"d4e5f6a7b8c9"});
  EXPECT_EQ(m.depends_on, SV{"a1b2c3d4e5f6"});
  EXPECT_EQ(m.lock_timeout, "5s");
  EXPECT_EQ(m.statement_timeout, "0");
  EXPECT_EQ(m.lock_retries, 0);
  EXPECT_EQ(m.checksum, "file-checksum");
}
}  // namespace
