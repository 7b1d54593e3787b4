// The rendered fixture history (see rendered_fixture_test.cpp) is compiled
// into this test executable through its rendered index. Here we check that
// every file registered itself with the right id, parent and message, that
// running upgrade()/downgrade() records exactly the plan it came from, that
// the hand-written and merge files register as rendered, and that each
// registration carries its file's checksum (the index's
// STRUCTMIG_CURRENT_CHECKSUM); and that the rendered compiled_schema() is the
// fixture schema it came from.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "structmig/diff.hpp"
#include "history/checksum.hpp"
#include "output/migration_dir.hpp"
#include "render/render_merge.hpp"
#include "render/render_migration.hpp"
#include "render/render_revision.hpp"
#include "rendered_fixture.hpp"
#include "structmig/drift.hpp"
#include "structmig/migration.hpp"

namespace structmig::tool_core_fixture {
namespace {

// What running a migration file records: the recorder's drop_* functions get
// only the object's name, set_table_comment only the new comment, and
// add_enum_label only the position (what the inverse would need is not in the
// file, because a downgrade is rendered, not computed).
Op as_written(const Op& op) {
  return std::visit(
      [](const auto& o) -> Op {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, DropTable>) {
          return DropTable{Table{.name = o.table.name}};
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return DropColumn{o.table, Column{.name = o.column.name}};
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          // Only the name, in a value of the constraint's kind.
          return std::visit(
              [&](const auto& constraint) -> Op {
                std::decay_t<decltype(constraint)> named;
                named.name = constraint.name;
                return DropConstraint{o.table, named};
              },
              o.constraint);
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return DropIndex{o.table, Index{.name = o.index.name}, o.concurrently};
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return DropEnum{EnumType{.name = o.type.name}};
        } else if constexpr (std::is_same_v<T, SetTableComment>) {
          return SetTableComment{o.table, std::nullopt, o.to};
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          // The file holds the USING text the diff's cast decided.
          return AlterColumn{o.table, o.from, o.to, using_expression(o)};
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          return AddEnumLabel{
              .type = o.type, .label = o.label, .before = o.before, .after = o.after};
        } else {
          return o;
        }
      },
      op);
}

std::vector<Op> as_written(const std::vector<Op>& ops) {
  std::vector<Op> out;
  for (const Op& op : ops) out.push_back(as_written(op));
  return out;
}

// Every kind of operation appears somewhere in the fixture's plans, so every
// kind is rendered, compiled and run once.
TEST(CompiledFixture, CompiledSchemaIsTheRenderedSchema) {
  const Schema expected = rendered_fixture_schema();
  ASSERT_FALSE(expected.tables.empty());
  EXPECT_EQ(compiled_schema(), expected);
}

TEST(CompiledFixture, CoversEveryKindOfOperation) {
  std::vector<bool> seen(std::variant_size_v<Op>, false);
  for (const auto& [logical, safe, message] : rendered_fixture_migrations()) {
    for (const Op& op : safe.upgrade) seen[op.index()] = true;
    for (const Op& op : safe.downgrade) seen[op.index()] = true;
  }
  for (size_t i = 0; i < seen.size(); ++i) EXPECT_TRUE(seen[i]) << "Op alternative " << i;
}

// Every kind of constraint is added and dropped somewhere (each renders its
// own recorder calls).
TEST(CompiledFixture, CoversEveryKindOfConstraint) {
  std::vector<bool> added(std::variant_size_v<Constraint>, false);
  std::vector<bool> dropped(std::variant_size_v<Constraint>, false);
  for (const auto& [logical, safe, message] : rendered_fixture_migrations()) {
    for (const std::vector<Op>* ops : {&safe.upgrade, &safe.downgrade}) {
      for (const Op& op : *ops) {
        if (auto* o = std::get_if<AddConstraint>(&op)) added[o->constraint.index()] = true;
        if (auto* o = std::get_if<DropConstraint>(&op)) dropped[o->constraint.index()] = true;
      }
    }
  }
  for (size_t i = 0; i < added.size(); ++i) {
    EXPECT_TRUE(added[i]) << "added constraint kind " << i;
    EXPECT_TRUE(dropped[i]) << "dropped constraint kind " << i;
  }
}

// The safe forms of the options are there too (each renders an option).
TEST(CompiledFixture, CoversTheSafeForms) {
  bool concurrent_build = false, concurrent_drop = false, not_valid_key = false,
       not_valid_check = false, unique_using_index = false, key_using_index = false;
  for (const auto& [logical, safe, message] : rendered_fixture_migrations()) {
    EXPECT_TRUE(safe.refusals.empty());
    for (const std::vector<Op>* ops : {&safe.upgrade, &safe.downgrade}) {
      for (const Op& op : *ops) {
        if (auto* o = std::get_if<CreateIndex>(&op)) concurrent_build |= o->concurrently;
        if (auto* o = std::get_if<DropIndex>(&op)) concurrent_drop |= o->concurrently;
        if (auto* o = std::get_if<AddConstraint>(&op)) {
          const bool key = std::holds_alternative<ForeignKey>(o->constraint);
          const bool check = std::holds_alternative<CheckConstraint>(o->constraint);
          const bool unique = std::holds_alternative<UniqueConstraint>(o->constraint);
          not_valid_key |= key && o->not_valid;
          not_valid_check |= check && o->not_valid;
          unique_using_index |= unique && o->using_index.has_value();
        }
        if (auto* o = std::get_if<SetPrimaryKey>(&op))
          key_using_index |= o->using_index.has_value();
      }
    }
  }
  EXPECT_TRUE(concurrent_build);
  EXPECT_TRUE(concurrent_drop);
  EXPECT_TRUE(not_valid_key);
  EXPECT_TRUE(not_valid_check);
  EXPECT_TRUE(unique_using_index);
  EXPECT_TRUE(key_using_index);
}

// The fixture's plans carry warnings (the file renders them as comments).
TEST(CompiledFixture, HasWarnings) {
  size_t warnings = 0;
  for (const auto& [logical, safe, message] : rendered_fixture_migrations()) {
    warnings += logical.warnings.size();
  }
  EXPECT_GT(warnings, 0u);
}

TEST(CompiledFixture, EveryRenderedMigrationRegistersItsPlan) {
  const std::vector<Migration>& migrations = compiled_migrations();
  const auto fixture = rendered_fixture_migrations();
  ASSERT_EQ(migrations.size(), fixture.size() + 2);  // + a hand-written one and a merge

  const std::vector<std::string> messages = {"create enum document status and 6 more",
                                             "Priorities & tenants: \"v2\"",
                                             "rename enum document status ticket and 4 more"};
  std::string parent;
  for (size_t i = 0; i < fixture.size(); ++i) {
    SCOPED_TRACE("migration " + std::to_string(i + 1));
    const Migration& migration = migrations[i];
    const auto& [logical, plan, message] = fixture[i];
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

// After the plans: the hand-written migration (structmig revision) on the
// last plan's revision, outside a transaction, and the merge of the two.
TEST(CompiledFixture, HandWrittenAndMergeMigrationsRegister) {
  const std::vector<Migration>& migrations = compiled_migrations();
  const auto fixture = rendered_fixture_migrations();
  ASSERT_EQ(migrations.size(), fixture.size() + 2);
  const Migration& last_plan = migrations[fixture.size() - 1];
  const Migration& hand_written = migrations[fixture.size()];
  const Migration& merge = migrations[fixture.size() + 1];

  EXPECT_EQ(hand_written.revision,
            render::hand_written_revision_id(last_plan.revision, "Backfill \"priorities\"", false));
  EXPECT_EQ(hand_written.parents, std::vector<std::string_view>{last_plan.revision});
  EXPECT_EQ(hand_written.message, "Backfill \"priorities\"");
  EXPECT_FALSE(hand_written.transactional);

  std::vector<std::string_view> heads = {last_plan.revision, hand_written.revision};
  std::sort(heads.begin(), heads.end());
  EXPECT_EQ(merge.revision, render::merge_revision_id({std::string(last_plan.revision),
                                                       std::string(hand_written.revision)}));
  EXPECT_EQ(merge.parents, heads);
  EXPECT_EQ(merge.message, "merge " + std::string(heads[0]) + ", " + std::string(heads[1]));
  EXPECT_TRUE(merge.transactional);

  // Both do nothing until a person fills them in.
  for (const Migration* m : {&hand_written, &merge}) {
    Ops upgrade;
    m->upgrade(upgrade);
    EXPECT_TRUE(upgrade.recorded().empty());
    Ops downgrade;
    m->downgrade(downgrade);
    EXPECT_TRUE(downgrade.recorded().empty());
  }
}

// The index defined each file's checksum before including it; the
// registrations carry them, in file order.
TEST(CompiledFixture, EveryMigrationCarriesTheChecksumOfItsFile) {
  const std::vector<Migration>& migrations = compiled_migrations();
  const std::vector<std::string> files = output::list_migration_files(STRUCTMIG_FIXTURE_DIR);
  ASSERT_EQ(migrations.size(), files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    SCOPED_TRACE(files[i]);
    std::ifstream in(files[i], std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    EXPECT_EQ(migrations[i].checksum, history::source_checksum(text.str()));
    EXPECT_EQ(migrations[i].checksum.size(), 64u);
  }
}

}  // namespace
}  // namespace structmig::tool_core_fixture
