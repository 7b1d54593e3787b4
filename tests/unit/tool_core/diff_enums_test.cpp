// The diff of enum types: created and dropped around the tables that use
// them, labels inserted one by one (each op carrying what its inverse needs),
// and the type recreated when labels are removed or reordered.
#include <gtest/gtest.h>

#include "structmig/diff.hpp"
#include "schema_builders.hpp"

namespace structmig::diff {
namespace {

using namespace structmig::test;

EnumType status(std::vector<std::string> labels) {
  return enum_type("document_status", std::move(labels));
}

Table documents() {
  return table("documents",
               {col("id", "bigint"), col("status", "document_status", false, "'draft'"),
                col("history", "document_status[]", true)});
}

const std::vector<EnumUsage> kUsages = {
    {.table = "documents", .column = "status", .is_array = false, .default_sql = "'draft'"},
    {.table = "documents", .column = "history", .is_array = true, .default_sql = std::nullopt},
};

TEST(DiffEnums, CreatedBeforeAndDroppedAfterTheTablesThatUseThem) {
  const Schema with = schema({documents()}, {status({"draft"})});
  const Plan create = diff_schemas({}, with);
  EXPECT_EQ(create.upgrade,
            (std::vector<Op>{CreateEnum{status({"draft"})}, CreateTable{documents()}}));
  const Plan drop = diff_schemas(with, {});
  EXPECT_EQ(drop.upgrade, (std::vector<Op>{DropTable{documents()}, DropEnum{status({"draft"})}}));
  EXPECT_EQ(drop.downgrade, create.upgrade);
}

TEST(DiffEnums, LabelInsertedInTheMiddle) {
  const Plan plan =
      diff_schemas(schema({documents()}, {status({"draft", "published"})}),
                   schema({documents()}, {status({"draft", "in review", "published"})}));
  const std::vector<Op> expected = {AddEnumLabel{.type = "document_status",
                                                 .label = "in review",
                                                 .after = "draft",
                                                 .type_before = status({"draft", "published"}),
                                                 .usages = kUsages}};
  EXPECT_EQ(plan.upgrade, expected);
  // PostgreSQL cannot drop a label: the way back recreates the type.
  EXPECT_EQ(plan.downgrade,
            (std::vector<Op>{RecreateEnum{status({"draft", "in review", "published"}),
                                          status({"draft", "published"}), kUsages}}));
}

// A label before every old one goes before the first old one; each op knows
// the type as it is just before it runs.
TEST(DiffEnums, LabelsInsertedFirstAndLast) {
  const Plan plan =
      diff_schemas(schema({documents()}, {status({"draft"})}),
                   schema({documents()}, {status({"idea", "sketch", "draft", "archived"})}));
  const std::vector<Op> expected = {
      AddEnumLabel{.type = "document_status",
                   .label = "idea",
                   .before = "draft",
                   .type_before = status({"draft"}),
                   .usages = kUsages},
      AddEnumLabel{.type = "document_status",
                   .label = "sketch",
                   .after = "idea",
                   .type_before = status({"idea", "draft"}),
                   .usages = kUsages},
      AddEnumLabel{.type = "document_status",
                   .label = "archived",
                   .after = "draft",
                   .type_before = status({"idea", "sketch", "draft"}),
                   .usages = kUsages},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
  // Undoing the three steps in reverse leads back to the old labels.
  ASSERT_EQ(plan.downgrade.size(), 3u);
  EXPECT_EQ(std::get<RecreateEnum>(plan.downgrade[0]).from,
            status({"idea", "sketch", "draft", "archived"}));
  EXPECT_EQ(std::get<RecreateEnum>(plan.downgrade[2]).to, status({"draft"}));
}

TEST(DiffEnums, LabelsOfAnEnumThatHadNone) {
  const Plan plan = diff_schemas(schema({}, {status({})}), schema({}, {status({"a", "b"})}));
  const std::vector<Op> expected = {
      AddEnumLabel{.type = "document_status", .label = "a", .type_before = status({})},
      AddEnumLabel{
          .type = "document_status", .label = "b", .after = "a", .type_before = status({"a"})},
  };
  EXPECT_EQ(plan.upgrade, expected);
}

TEST(DiffEnums, LabelRemovedRecreatesTheType) {
  const Plan plan =
      diff_schemas(schema({documents()}, {status({"draft", "obsolete", "published"})}),
                   schema({documents()}, {status({"draft", "published"})}));
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{RecreateEnum{status({"draft", "obsolete", "published"}),
                                                        status({"draft", "published"}), kUsages}}));
  EXPECT_EQ(plan.downgrade,
            (std::vector<Op>{RecreateEnum{status({"draft", "published"}),
                                          status({"draft", "obsolete", "published"}), kUsages}}));
}

TEST(DiffEnums, LabelsReorderedOrSwappedRecreateTheType) {
  EXPECT_EQ(diff_schemas(schema({}, {status({"published", "draft"})}),
                         schema({}, {status({"draft", "published"})}))
                .upgrade,
            (std::vector<Op>{
                RecreateEnum{status({"published", "draft"}), status({"draft", "published"}), {}}}));
  EXPECT_EQ(
      diff_schemas(schema({}, {status({"a", "b"})}), schema({}, {status({"a", "c"})})).upgrade,
      (std::vector<Op>{RecreateEnum{status({"a", "b"}), status({"a", "c"}), {}}}));
}

// PostgreSQL refuses a label added in place until the transaction commits, so
// a label the model's SQL uses at once recreates the type instead.
TEST(DiffEnums, LabelInsertedAndUsedAtOnceRecreatesTheType) {
  Table now = documents();
  now.columns.push_back(col("next", "document_status", false, "'in review'::document_status"));
  const Plan plan = diff_schemas(schema({documents()}, {status({"draft", "published"})}),
                                 schema({now}, {status({"draft", "in review", "published"})}));
  const std::vector<Op> expected = {
      RecreateEnum{status({"draft", "published"}), status({"draft", "in review", "published"}),
                   kUsages},
      AddColumn{"documents", now.columns[3]},
  };
  EXPECT_EQ(plan.upgrade, expected);

  Table checked = documents();
  checked.checks = {{.name = "ck", .expression = "status <> 'it''s'"}};
  EXPECT_TRUE(std::holds_alternative<RecreateEnum>(
      diff_schemas(schema({documents()}, {status({"draft"})}),
                   schema({checked}, {status({"draft", "it's"})}))
          .upgrade.front()));
}

// The columns converted are those that exist when the type is recreated:
// columns and tables dropped later count, columns added later do not.
TEST(DiffEnums, UsagesAreTheColumnsOfTheOldSchema) {
  Table old_documents = table("old_documents", {col("id", "bigint"), col("s", "document_status")});
  Table now_documents = documents();
  now_documents.columns.pop_back();  // history dropped
  now_documents.columns.push_back(col("fresh", "document_status", true));
  const Plan plan = diff_schemas(schema({documents(), old_documents}, {status({"a", "draft"})}),
                                 schema({now_documents}, {status({"draft"})}));
  std::vector<EnumUsage> usages = kUsages;
  usages.push_back({.table = "old_documents", .column = "s"});
  const std::vector<Op> expected = {
      RecreateEnum{status({"a", "draft"}), status({"draft"}), usages},
      AddColumn{"documents", now_documents.columns[2]},
      DropColumn{"documents", documents().columns[2]},
      DropTable{old_documents},
  };
  EXPECT_EQ(plan.upgrade, expected);
}

// Creates, then label insertions, then recreations, each in name order; drops
// last, in reverse name order.
TEST(DiffEnums, ChangesOfSeveralEnumsInOrder) {
  const Schema before = schema({}, {enum_type("b", {"x"}), enum_type("c", {"x", "y"}),
                                    enum_type("y", {}), enum_type("z", {})});
  const Schema now = schema({}, {enum_type("d", {}), enum_type("c", {"y", "x"}),
                                 enum_type("b", {"x", "w"}), enum_type("a", {"n"})});
  const std::vector<Op> expected = {
      CreateEnum{enum_type("a", {"n"})},
      CreateEnum{enum_type("d", {})},
      AddEnumLabel{.type = "b", .label = "w", .after = "x", .type_before = enum_type("b", {"x"})},
      RecreateEnum{enum_type("c", {"x", "y"}), enum_type("c", {"y", "x"}), {}},
      DropEnum{enum_type("z", {})},
      DropEnum{enum_type("y", {})},
  };
  const Plan plan = diff_schemas(before, now);
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

}  // namespace
}  // namespace structmig::diff
