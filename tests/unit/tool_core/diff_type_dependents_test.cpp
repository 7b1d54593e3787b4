// Checks and indexes that name a column converted between types: dropped
// before the conversion (the enum changes of step 2, or the AlterColumn of
// step 5) and created again after it, so PostgreSQL never has to rebuild an
// expression that compares the column with a constant of its old type.
#include <gtest/gtest.h>

#include "structmig/diff.hpp"
#include "schema_builders.hpp"

namespace structmig::diff {
namespace {

using namespace structmig::test;

// documents.status and documents.history use the enum; the open index and the
// status check name status, the others do not.
const CheckConstraint kCodeCheck = check("documents", "code", "status_code > 0");
const CheckConstraint kStatusCheck = check("documents", "status", "status <> 'gone'");
const Index kExpressionIndex = index("documents", {{.expression = "(status_code + 1)"}});
const Index kOpenIndex =
    index("documents", {{.column = "id"}}, false, "btree", "\"status\" = 'draft'");
const Index kStatusIndex = index("documents", {{.column = "status"}});

Table documents() {
  Table t = table("documents", {col("id", "bigint"), col("status", "st", false, "'draft'"),
                                col("history", "st[]", true), col("status_code", "integer")});
  t.checks = {kCodeCheck, kStatusCheck};
  t.indexes = {kExpressionIndex, kOpenIndex, kStatusIndex};
  return t;
}

const std::vector<EnumUsage> kUsages = {
    {.table = "documents", .column = "status", .default_sql = "'draft'"},
    {.table = "documents", .column = "history", .is_array = true}};

TEST(DiffTypeDependents, EnumLabelAddedRebuildsWhatNamesItsColumns) {
  const Table d = documents();
  const Plan plan = diff_schemas(schema({d}, {enum_type("st", {"draft", "gone"})}),
                                 schema({d}, {enum_type("st", {"draft", "new", "gone"})}));
  const std::vector<Op> expected = {
      DropIndex{"documents", kOpenIndex},
      DropConstraint{"documents", kStatusCheck},
      AddEnumLabel{.type = "st",
                   .label = "new",
                   .after = "draft",
                   .type_before = enum_type("st", {"draft", "gone"}),
                   .usages = kUsages},
      AddConstraint{"documents", kStatusCheck},
      CreateIndex{"documents", kOpenIndex},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

// A table that goes away is dropped without what was dropped before the
// enum changed; the downgrade creates it, then the enum, then the index.
TEST(DiffTypeDependents, RemovedTableLosesThemBeforeTheEnumIsRecreated) {
  const Table d = documents();
  const Plan plan = diff_schemas(schema({d}, {enum_type("st", {"draft", "gone"})}),
                                 schema({}, {enum_type("st", {"draft"})}));
  Table dropped = d;
  dropped.checks = {kCodeCheck};
  dropped.indexes = {kExpressionIndex, kStatusIndex};
  const std::vector<Op> expected = {
      DropIndex{"documents", kOpenIndex},
      DropConstraint{"documents", kStatusCheck},
      RecreateEnum{enum_type("st", {"draft", "gone"}), enum_type("st", {"draft"}), kUsages},
      DropTable{dropped},
  };
  EXPECT_EQ(plan.upgrade, expected);
}

TEST(DiffTypeDependents, ColumnConvertedToAnEnumRebuildsAroundTheAlter) {
  Table before = table("t", {col("id", "bigint"), col("s", "text"), col("n", "integer")});
  const CheckConstraint s_check = check("t", "s", "s <> 'x'");
  before.checks = {check("t", "n", "n > 0"), s_check};
  Table now = before;
  now.columns[1].type = "st";
  const Plan plan = diff_schemas(schema({before}, {enum_type("st", {"x"})}),
                                 schema({now}, {enum_type("st", {"x"})}));
  const std::vector<Op> expected = {
      DropConstraint{"t", s_check},
      AlterColumn{"t", before.columns[1], now.columns[1], std::nullopt, TypeCast::direct},
      AddConstraint{"t", s_check},
  };
  EXPECT_EQ(plan.upgrade, expected);
  // A plain widening rebuilds nothing.
  Table widened = before;
  widened.columns[2].type = "bigint";
  EXPECT_EQ(diff_schemas(schema({before}), schema({widened})).upgrade.size(), 1u);
}

// Rebuilt anyway, a renamed index is dropped under its old name and created
// under its new one.
TEST(DiffTypeDependents, RebuiltObjectsAreNotRenamed) {
  const Table d = documents();
  Table renamed = d;
  for (Index& i : renamed.indexes) {
    if (i.name == kOpenIndex.name) i.name = "documents_open";
  }
  const Plan plan = diff_schemas(schema({d}, {enum_type("st", {"a", "b"})}),
                                 schema({renamed}, {enum_type("st", {"b", "a"})}));
  ASSERT_FALSE(plan.upgrade.empty());
  Index created = kOpenIndex;
  created.name = "documents_open";
  EXPECT_EQ(plan.upgrade.front(), (Op{DropIndex{"documents", kOpenIndex}}));
  EXPECT_EQ(plan.upgrade.back(), (Op{CreateIndex{"documents", created}}));
  for (const Op& op : plan.upgrade) EXPECT_FALSE(std::holds_alternative<RenameIndex>(op));
}

}  // namespace
}  // namespace structmig::diff
