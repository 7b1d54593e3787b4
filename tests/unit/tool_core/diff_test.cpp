// The schema diff on hand-built schemas, per kind of object: tables, columns
// (with their USING casts), primary keys, comments, constraints and indexes,
// and the downgrade being the upgrade reversed. Enums, renames and the order
// of a whole plan have their own files.
#include "structmig/diff.hpp"

#include <gtest/gtest.h>

#include "schema_builders.hpp"

namespace structmig::diff {
namespace {

using namespace structmig::test;

Table tickets() { return table("tickets", {col("id", "bigint"), col("title", "text")}); }
Table users() {
  Table t = table("users", {col("id", "bigint"), col("email", "text")});
  t.uniques = {unique("users", {"email"})};
  return t;
}

TEST(Diff, IdenticalSchemasGiveAnEmptyPlan) {
  const Schema s = schema({tickets(), users()}, {enum_type("mood", {"ok"})});
  const Plan plan = diff_schemas(s, s);
  EXPECT_TRUE(plan.empty());
  EXPECT_TRUE(plan.upgrade.empty());
  EXPECT_TRUE(plan.downgrade.empty());
  EXPECT_TRUE(plan.warnings.empty());
  EXPECT_TRUE(diff_schemas({}, {}).empty());
}

TEST(Diff, OrderOfInputsAloneIsNoChange) {
  Table reordered = users();
  std::swap(reordered.columns[0], reordered.columns[1]);
  reordered.uniques.push_back(unique("users", {"id"}));
  Table sorted = users();
  sorted.uniques.insert(sorted.uniques.begin(), unique("users", {"id"}));
  EXPECT_TRUE(diff_schemas(schema({tickets(), sorted}, {enum_type("a", {}), enum_type("b", {})}),
                           schema({reordered, tickets()}, {enum_type("b", {}), enum_type("a", {})}))
                  .empty());
}

TEST(Diff, NewTablesWithoutKeysAreCreatedInNameOrder) {
  const Plan plan = diff_schemas({}, schema({users(), tickets()}));
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{CreateTable{tickets()}, CreateTable{users()}}));
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{DropTable{users()}, DropTable{tickets()}}));
}

TEST(Diff, RemovedTablesAreDroppedInReverseNameOrderWithTheirDefinition) {
  const Table archive = table("archive", {col("id", "bigint")});
  const Plan plan = diff_schemas(schema({archive, tickets(), users()}), schema({tickets()}));
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{DropTable{users()}, DropTable{archive}}));
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{CreateTable{archive}, CreateTable{users()}}));
}

TEST(Diff, AddAndDropColumns) {
  Table now = tickets();
  now.columns.erase(now.columns.begin() + 1);  // title dropped
  now.columns.push_back(col("priority", "character varying(20)", false, "'normal'"));
  now.columns.push_back(col("description", "integer", true));
  const Plan plan = diff_schemas(schema({tickets()}), schema({now}));
  const std::vector<Op> expected = {
      AddColumn{"tickets", now.columns[1]},
      AddColumn{"tickets", now.columns[2]},
      DropColumn{"tickets", col("title", "text")},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

TEST(Diff, TypeChangeAltersWithAUsingCast) {
  Table now = tickets();
  now.columns[1].type = "character varying(200)";
  const Plan plan = diff_schemas(schema({tickets()}), schema({now}));
  EXPECT_EQ(plan.upgrade,
            (std::vector<Op>{AlterColumn{"tickets", col("title", "text"), now.columns[1],
                                         std::nullopt, TypeCast::direct}}));
  // The way back casts to the old type.
  EXPECT_EQ(plan.downgrade,
            (std::vector<Op>{
                AlterColumn{"tickets", now.columns[1], col("title", "text"), std::nullopt, TypeCast::direct}}));
}

TEST(Diff, UsingCastQuotesTheColumnName) {
  const Table before = table("t", {col("odd\"name", "text")}, {});
  Table now = before;
  now.columns[0].type = "integer";
  const Plan plan = diff_schemas(schema({before}), schema({now}));
  ASSERT_EQ(plan.upgrade.size(), 1u);
  const auto& alter = std::get<AlterColumn>(plan.upgrade[0]);
  EXPECT_EQ(alter.cast, TypeCast::direct);
  EXPECT_EQ(alter.using_sql, std::nullopt);  // a decision, not text
  EXPECT_EQ(using_expression(alter), "\"odd\"\"name\"::integer");
  EXPECT_EQ(using_expression(std::get<AlterColumn>(plan.downgrade[0])), "\"odd\"\"name\"::text");
}

// PostgreSQL casts an enum to text and text to anything, but has no cast
// from one enum to another.
TEST(Diff, TypeChangeFromAnEnumCastsThroughText) {
  const std::vector<EnumType> enums = {enum_type("mood", {"ok"}), enum_type("state", {"ok"})};
  const Table before = table("t", {col("id", "bigint"), col("a", "mood"), col("b", "mood[]"),
                                   col("c", "text"), col("d", "mood")});
  const Table now = table("t", {col("id", "bigint"), col("a", "state"), col("b", "text[]"),
                                col("c", "mood"), col("d", "text")});
  const Plan plan = diff_schemas(schema({before}, enums), schema({now}, enums));
  const std::vector<Op> expected = {
      AlterColumn{"t", before.columns[1], now.columns[1], std::nullopt, TypeCast::through_text},
      AlterColumn{"t", before.columns[2], now.columns[2], std::nullopt, TypeCast::through_text},
      AlterColumn{"t", before.columns[3], now.columns[3], std::nullopt, TypeCast::direct},
      AlterColumn{"t", before.columns[4], now.columns[4], std::nullopt, TypeCast::through_text},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(using_expression(std::get<AlterColumn>(plan.upgrade[0])), "\"a\"::text::state");
  EXPECT_EQ(using_expression(std::get<AlterColumn>(plan.upgrade[2])), "\"c\"::mood");
  // The way back casts the way there did.
  EXPECT_EQ(using_expression(std::get<AlterColumn>(plan.downgrade[3])), "\"a\"::text::mood");
}

TEST(Diff, NullabilityDefaultIdentityAndCommentAlterWithoutCast) {
  const Table before = table(
      "t", {col("id", "bigint"), col("a", "text", true), col("b", "integer"), col("c", "text")});
  Table now = before;
  now.columns[0].identity = Identity::by_default;
  now.columns[1].nullable = false;
  now.columns[1].default_sql = "''";
  now.columns[2].identity = Identity::always;
  now.columns[3].comment = "what it is";
  const Plan plan = diff_schemas(schema({before}), schema({now}));
  const std::vector<Op> expected = {
      AlterColumn{"t", before.columns[0], now.columns[0], std::nullopt},
      AlterColumn{"t", before.columns[1], now.columns[1], std::nullopt},
      AlterColumn{"t", before.columns[2], now.columns[2], std::nullopt},
      AlterColumn{"t", before.columns[3], now.columns[3], std::nullopt},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

TEST(Diff, PrimaryKeyColumnsChange) {
  Table now = tickets();
  now.columns.push_back(col("tenant_id", "bigint"));
  now.primary_key = {"id", "tenant_id"};
  const Plan plan = diff_schemas(schema({tickets()}), schema({now}));
  const std::vector<Op> expected = {
      AddColumn{"tickets", now.columns[2]},
      SetPrimaryKey{"tickets", {"id"}, {"id", "tenant_id"}, "pk_tickets"},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade,
            (std::vector<Op>{SetPrimaryKey{"tickets", {"id", "tenant_id"}, {"id"}, "pk_tickets"},
                             DropColumn{"tickets", now.columns[2]}}));
}

TEST(Diff, PrimaryKeyOrderMatters) {
  Table before = tickets();
  before.primary_key = {"id", "title"};
  Table now = tickets();
  now.primary_key = {"title", "id"};
  EXPECT_EQ(
      diff_schemas(schema({before}), schema({now})).upgrade,
      (std::vector<Op>{SetPrimaryKey{"tickets", {"id", "title"}, {"title", "id"}, "pk_tickets"}}));
}

// The key that exists names the operation: the new one when a key is added,
// the old one when it is removed.
TEST(Diff, PrimaryKeyAddedOrRemoved) {
  Table keyless = tickets();
  keyless.primary_key = {};
  keyless.primary_key_name = "";
  Table named = tickets();
  named.primary_key_name = "tickets_pkey";
  EXPECT_EQ(diff_schemas(schema({keyless}), schema({named})).upgrade,
            (std::vector<Op>{SetPrimaryKey{"tickets", {}, {"id"}, "tickets_pkey"}}));
  EXPECT_EQ(diff_schemas(schema({named}), schema({keyless})).upgrade,
            (std::vector<Op>{SetPrimaryKey{"tickets", {"id"}, {}, "tickets_pkey"}}));
}

// A key whose name and columns both change is renamed first, then replaced
// under its new name.
TEST(Diff, PrimaryKeyRenamedAndChanged) {
  Table now = tickets();
  now.primary_key = {"id", "title"};
  now.primary_key_name = "tickets_pkey";
  const Plan plan = diff_schemas(schema({tickets()}), schema({now}));
  EXPECT_EQ(plan.upgrade,
            (std::vector<Op>{RenameConstraint{"tickets", "pk_tickets", "tickets_pkey"},
                             SetPrimaryKey{"tickets", {"id"}, {"id", "title"}, "tickets_pkey"}}));
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

TEST(Diff, TableComment) {
  Table commented = tickets();
  commented.comment = "Support tickets";
  Table changed = tickets();
  changed.comment = "Tickets";
  EXPECT_EQ(diff_schemas(schema({tickets()}), schema({commented})).upgrade,
            (std::vector<Op>{SetTableComment{"tickets", std::nullopt, "Support tickets"}}));
  EXPECT_EQ(diff_schemas(schema({commented}), schema({changed})).upgrade,
            (std::vector<Op>{SetTableComment{"tickets", "Support tickets", "Tickets"}}));
  const Plan removed = diff_schemas(schema({commented}), schema({tickets()}));
  EXPECT_EQ(removed.upgrade,
            (std::vector<Op>{SetTableComment{"tickets", "Support tickets", std::nullopt}}));
  EXPECT_EQ(removed.downgrade,
            (std::vector<Op>{SetTableComment{"tickets", std::nullopt, "Support tickets"}}));
}

// Members with every kind of constraint and index, before and after.
struct Members {
  Table organizations = [] {
    Table t = table("organizations", {col("id", "bigint"), col("region", "text")});
    t.uniques = {unique("organizations", {"id", "region"})};
    return t;
  }();
  Table bare = table("members", {col("id", "bigint"), col("org_id", "bigint", true),
                                 col("email", "text"), col("rating", "integer")});
  Table full = [this] {
    Table t = bare;
    t.uniques = {unique("members", {"email"})};
    t.checks = {check("members", "rating", "rating BETWEEN 1 AND 5")};
    t.foreign_keys = {
        fk("members", {"org_id"}, "organizations", {"id"}, ForeignKeyAction::cascade)};
    t.indexes = {index("members", {{.column = "org_id"}, {.expression = "lower(email)"}}),
                 index("members", {{.column = "email"}}, true, "hash", "rating > 0")};
    return t;
  }();
};

TEST(DiffConstraints, AddedOnAKeptTable) {
  const Members m;
  const Plan plan =
      diff_schemas(schema({m.organizations, m.bare}), schema({m.organizations, m.full}));
  const std::vector<Op> expected = {
      AddConstraint{"members", m.full.uniques[0]},      AddConstraint{"members", m.full.checks[0]},
      CreateIndex{"members", m.full.indexes[0]},        CreateIndex{"members", m.full.indexes[1]},
      AddConstraint{"members", m.full.foreign_keys[0]},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

TEST(DiffConstraints, DroppedFromAKeptTable) {
  const Members m;
  const Plan plan =
      diff_schemas(schema({m.organizations, m.full}), schema({m.organizations, m.bare}));
  const std::vector<Op> expected = {
      DropConstraint{"members", m.full.foreign_keys[0]},
      DropIndex{"members", m.full.indexes[0]},
      DropIndex{"members", m.full.indexes[1]},
      DropConstraint{"members", m.full.uniques[0]},
      DropConstraint{"members", m.full.checks[0]},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

// Same name, different definition: dropped before the column changes, added
// again after them.
TEST(DiffConstraints, ChangedAreDroppedAndAddedAgain) {
  const Members m;
  Table changed = m.full;
  changed.uniques[0].columns = {"email", "org_id"};
  changed.checks[0].expression = "rating BETWEEN 0 AND 10";
  changed.foreign_keys[0].on_delete = ForeignKeyAction::set_null;
  changed.indexes[1].method = "btree";
  changed.columns[3].type = "smallint";
  const Plan plan =
      diff_schemas(schema({m.organizations, m.full}), schema({m.organizations, changed}));
  const std::vector<Op> expected = {
      DropConstraint{"members", m.full.foreign_keys[0]},
      DropIndex{"members", m.full.indexes[1]},
      DropConstraint{"members", m.full.uniques[0]},
      DropConstraint{"members", m.full.checks[0]},
      AlterColumn{"members", m.full.columns[3], changed.columns[3], std::nullopt, TypeCast::direct},
      AddConstraint{"members", changed.uniques[0]},
      AddConstraint{"members", changed.checks[0]},
      CreateIndex{"members", changed.indexes[1]},
      AddConstraint{"members", changed.foreign_keys[0]},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

TEST(DiffConstraints, ExplicitlyRenamedConstraintsAndIndexesAreRenamed) {
  const Members m;
  Table renamed = m.full;
  renamed.uniques[0].name = "members_email_key";
  renamed.checks[0].name = "rating_range";
  renamed.foreign_keys[0].name = "members_org";
  renamed.indexes[0].name = "members_by_org";
  const Plan plan =
      diff_schemas(schema({m.organizations, m.full}), schema({m.organizations, renamed}));
  const std::vector<Op> expected = {
      RenameConstraint{"members", m.full.uniques[0].name, "members_email_key"},
      RenameConstraint{"members", m.full.checks[0].name, "rating_range"},
      RenameConstraint{"members", m.full.foreign_keys[0].name, "members_org"},
      RenameIndex{"members", m.full.indexes[0].name, "members_by_org"},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

// A new name with a different definition is not a rename.
TEST(DiffConstraints, NewNameAndNewDefinitionIsDropAndAdd) {
  const Members m;
  Table changed = m.full;
  changed.checks = {check("members", "positive", "rating > 0")};
  const Plan plan =
      diff_schemas(schema({m.organizations, m.full}), schema({m.organizations, changed}));
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{DropConstraint{"members", m.full.checks[0]},
                                           AddConstraint{"members", changed.checks[0]}}));
}

TEST(Diff, DowngradeIsTheUpgradeReversed) {
  const Members m;
  Table changed = m.full;
  changed.columns.push_back(col("nickname", "text", true));
  changed.comment = "x";
  const Plan plan =
      diff_schemas(schema({m.organizations, users()}, {enum_type("a", {"x"})}),
                   schema({m.organizations, changed, tickets()}, {enum_type("b", {"y"})}));
  EXPECT_FALSE(plan.empty());
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

}  // namespace
}  // namespace structmig::diff
