// The rendered fixture history (see rendered_fixture_test.cpp) is compiled
// into this test executable through its rendered index. Here we check that
// every file registered itself with the right id, parent and message, and
// that running upgrade()/downgrade() records exactly the plan it came from.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "diff/diff.hpp"
#include "render/render_migration.hpp"
#include "structmig/migration.hpp"

namespace structmig::tool_core_fixture {
std::vector<std::pair<diff::Plan, std::string>> rendered_fixture_plans();

namespace {

// A migration file names only the table or column it drops; that is what
// running it records.
std::vector<Op> as_written(const std::vector<Op>& ops) {
  std::vector<Op> out;
  for (const Op& op : ops) {
    if (const auto* drop = std::get_if<DropTable>(&op)) {
      out.push_back(DropTable{Table{.name = drop->table.name}});
    } else if (const auto* drop_column = std::get_if<DropColumn>(&op)) {
      out.push_back(DropColumn{drop_column->table, Column{.name = drop_column->column.name}});
    } else {
      out.push_back(op);
    }
  }
  return out;
}

TEST(CompiledFixture, EveryRenderedMigrationRegistersItsPlan) {
  const std::vector<Migration>& migrations = compiled_migrations();
  const auto fixture = rendered_fixture_plans();
  ASSERT_EQ(migrations.size(), fixture.size());

  const std::vector<std::string> messages = {"create tickets users", "Priorities & tenants: \"v2\"",
                                             "drop users"};
  std::string parent;
  for (size_t i = 0; i < fixture.size(); ++i) {
    SCOPED_TRACE("migration " + std::to_string(i + 1));
    const Migration& migration = migrations[i];
    const auto& [plan, message] = fixture[i];
    const std::string revision = render::revision_id(parent, plan);

    EXPECT_EQ(migration.revision, revision);
    if (parent.empty()) {
      EXPECT_TRUE(migration.parents.empty());
    } else {
      EXPECT_EQ(migration.parents, std::vector<std::string_view>{parent});
    }
    EXPECT_EQ(migration.message, messages[i]);
    EXPECT_TRUE(migration.transactional);

    Ops upgrade;
    migration.upgrade(upgrade);
    EXPECT_EQ(upgrade.recorded(), as_written(plan.upgrade));
    Ops downgrade;
    migration.downgrade(downgrade);
    EXPECT_EQ(downgrade.recorded(), as_written(plan.downgrade));
    parent = revision;
  }
}

}  // namespace
}  // namespace structmig::tool_core_fixture
