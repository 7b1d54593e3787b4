// The safe planner's forms on tables that existed before the migration, and
// the plain forms on tables created in it; the order of the phases; the
// downgrade; determinism. Plans come from diff_schemas as generate makes them.
#include "plan/safe_plan.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "plan/safe_forms.hpp"
#include "schema_builders.hpp"

namespace structmig::plan {
namespace {

using namespace structmig::test;

SafePlan plan(const Schema& before, const Schema& now, const Acknowledgements& acks = {},
              const RenameHints& hints = {}) {
  return plan_safely(diff::diff_schemas(before, now, hints), before, now, acks);
}

Table users() {
  return table("users", {{.name = "id", .type = "bigint", .identity = Identity::by_default},
                         col("email", "text"),
                         col("nickname", "text", true)});
}

Table organizations() { return table("organizations", {col("id", "bigint"), col("name", "text")}); }

TEST(SafePlan, ObjectsOfANewTableStayPlainInItsTransaction) {
  Table t = users();
  Table orgs = organizations();
  t.columns.push_back(col("organization_id", "bigint", true));
  t.foreign_keys = {fk("users", {"organization_id"}, "organizations")};
  t.uniques = {unique("users", {"email"})};
  t.indexes = {index("users", {{.column = "nickname"}})};
  const Schema now = schema({orgs, t});
  const diff::Plan logical = diff::diff_schemas({}, now);
  const SafePlan safe = plan_safely(logical, {}, now, {});
  EXPECT_EQ(safe.upgrade, logical.upgrade);
  EXPECT_EQ(safe.downgrade, logical.downgrade);
  EXPECT_TRUE(safe.refusals.empty());
}

TEST(SafePlan, IndexOnAnExistingTableIsBuiltAndDroppedConcurrently) {
  Table with_index = users();
  with_index.indexes = {index("users", {{.column = "nickname"}})};
  const Index ix = with_index.indexes[0];
  const SafePlan added = plan(schema({users()}), schema({with_index}));
  EXPECT_EQ(added.upgrade, (std::vector<Op>{CreateIndex{"users", ix, true}}));
  EXPECT_EQ(added.downgrade, (std::vector<Op>{DropIndex{"users", ix, true}}));
  EXPECT_TRUE(added.refusals.empty());

  const SafePlan dropped = plan(schema({with_index}), schema({users()}));
  EXPECT_EQ(dropped.upgrade, (std::vector<Op>{DropIndex{"users", ix, true}}));
  EXPECT_EQ(dropped.downgrade, (std::vector<Op>{CreateIndex{"users", ix, true}}));
}

// Example stage 4: a new table, a column on an existing one with its foreign
// key to the new table and its index.
TEST(SafePlan, ForeignKeyIsAddedNotValidAndValidatedLater) {
  Table now_users = users();
  now_users.columns.push_back(col("organization_id", "bigint", true));
  now_users.foreign_keys = {fk("users", {"organization_id"}, "organizations")};
  now_users.indexes = {index("users", {{.column = "organization_id"}})};
  const SafePlan safe = plan(schema({users()}), schema({organizations(), now_users}));
  const ForeignKey key = now_users.foreign_keys[0];
  EXPECT_EQ(safe.upgrade,
            (std::vector<Op>{
                CreateTable{organizations()}, AddColumn{"users", now_users.columns.back()},
                AddConstraint{"users", key, true}, CreateIndex{"users", now_users.indexes[0], true},
                ValidateConstraint{"users", key.name}}));
  EXPECT_EQ(split_steps(safe.upgrade).size(), 3u);
  // The way back: the index dropped concurrently first, then one transaction.
  EXPECT_EQ(
      safe.downgrade,
      (std::vector<Op>{DropIndex{"users", now_users.indexes[0], true}, DropConstraint{"users", key},
                       DropColumn{"users", now_users.columns.back()}, DropTable{organizations()}}));
}

TEST(SafePlan, CheckIsAddedNotValidEachValidationItsOwnStep) {
  Table now_users = users();
  now_users.checks = {check("users", "email", "email <> ''"),
                      check("users", "nickname", "nickname <> ''")};
  const SafePlan safe = plan(schema({users()}), schema({now_users}));
  const auto& checks = now_users.checks;
  EXPECT_EQ(safe.upgrade,
            (std::vector<Op>{AddConstraint{"users", checks[0], true},
                             AddConstraint{"users", checks[1], true}, CommitStep{},
                             ValidateConstraint{"users", checks[0].name}, CommitStep{},
                             ValidateConstraint{"users", checks[1].name}}));
  EXPECT_EQ(split_steps(safe.upgrade).size(), 3u);
}

TEST(SafePlan, UniqueConstraintAdoptsAConcurrentlyBuiltIndex) {
  Table now_users = users();
  now_users.uniques = {unique("users", {"email"})};
  const UniqueConstraint uq = now_users.uniques[0];
  const SafePlan safe = plan(schema({users()}), schema({now_users}));
  const Index index{.name = uq.name, .keys = {{.column = "email"}}, .unique = true};
  EXPECT_EQ(safe.upgrade, (std::vector<Op>{CreateIndex{"users", index, true},
                                           AddConstraint{"users", uq, false, uq.name}}));
  EXPECT_EQ(safe.downgrade, (std::vector<Op>{DropConstraint{"users", uq}}));
}

TEST(SafePlan, NewPrimaryKeyAdoptsAnIndexBuiltUnderATemporaryName) {
  Table before = table("memberships", {col("id", "bigint"), col("tenant_id", "bigint")});
  Table now = before;
  now.primary_key = {"id", "tenant_id"};
  const SafePlan safe = plan(schema({before}), schema({now}));
  const Index index{.name = "pk_memberships_new",
                    .keys = {{.column = "id"}, {.column = "tenant_id"}},
                    .unique = true};
  EXPECT_EQ(safe.upgrade, (std::vector<Op>{CreateIndex{"memberships", index, true},
                                           SetPrimaryKey{"memberships",
                                                         {"id"},
                                                         {"id", "tenant_id"},
                                                         "pk_memberships",
                                                         "pk_memberships_new"}}));
  EXPECT_EQ(
      safe.downgrade,
      (std::vector<Op>{
          CreateIndex{"memberships",
                      {.name = "pk_memberships_new", .keys = {{.column = "id"}}, .unique = true},
                      true},
          SetPrimaryKey{"memberships",
                        {"id", "tenant_id"},
                        {"id"},
                        "pk_memberships",
                        "pk_memberships_new"}}));
}

TEST(SafePlan, TemporaryIndexNameFits63Bytes) {
  const std::string long_key = "pk_" + std::string(60, 'k');
  const std::string name = primary_key_index_name(long_key);
  EXPECT_LE(name.size(), 63u);
  EXPECT_NE(name, fit_identifier(long_key));
  EXPECT_EQ(primary_key_index_name("pk_t"), "pk_t_new");
}

TEST(SafePlan, SetNotNullGoesThroughAValidatedCheck) {
  Table now_users = users();
  now_users.columns[2].nullable = false;
  now_users.columns[2].default_sql = "''";
  const SafePlan safe = plan(schema({users()}), schema({now_users}));
  const CheckConstraint helper = not_null_check("users", "nickname");
  EXPECT_EQ(helper.name, "ck_users_nickname_not_null");
  EXPECT_EQ(helper.expression, "\"nickname\" IS NOT NULL");
  Column with_default = now_users.columns[2];
  with_default.nullable = true;
  EXPECT_EQ(safe.upgrade,
            (std::vector<Op>{// the default changes at once; NOT NULL waits for the check
                             AlterColumn{"users", users().columns[2], with_default, std::nullopt},
                             AddConstraint{"users", helper, true}, CommitStep{},
                             ValidateConstraint{"users", helper.name}, CommitStep{},
                             AlterColumn{"users", with_default, now_users.columns[2], std::nullopt},
                             DropConstraint{"users", helper}}));
  // Back: DROP NOT NULL (and the default) is brief, plain.
  EXPECT_EQ(safe.downgrade, (std::vector<Op>{AlterColumn{"users", now_users.columns[2],
                                                         users().columns[2], std::nullopt}}));
}

TEST(SafePlan, NotNullColumnWithABackfill) {
  Table now_users = users();
  now_users.columns.push_back(col("locale", "text"));
  Acknowledgements acks;
  acks.backfills[{"users", "locale"}] = "'en'";
  const SafePlan safe = plan(schema({users()}), schema({now_users}), acks);
  EXPECT_TRUE(safe.refusals.empty());
  const Column nullable = col("locale", "text", true);
  const CheckConstraint helper = not_null_check("users", "locale");
  EXPECT_EQ(safe.upgrade,
            (std::vector<Op>{
                AddColumn{"users", nullable}, AddConstraint{"users", helper, true},
                Backfill{.table = "users", .column = "locale", .expression = "'en'", .key = {"id"}},
                ValidateConstraint{"users", helper.name}, CommitStep{},
                AlterColumn{"users", nullable, col("locale", "text"), std::nullopt},
                DropConstraint{"users", helper}}));
  EXPECT_EQ(split_steps(safe.upgrade).size(), 4u);
  EXPECT_EQ(safe.downgrade, (std::vector<Op>{DropColumn{"users", col("locale", "text")}}));
}

TEST(SafePlan, NotNullColumnWithoutDefaultOrBackfillIsRefused) {
  Table now_users = users();
  now_users.columns.push_back(col("locale", "text"));
  const SafePlan safe = plan(schema({users()}), schema({now_users}));
  ASSERT_EQ(safe.refusals.size(), 1u);
  EXPECT_EQ(safe.refusals[0].kind, RefusalKind::not_null_without_default);
  EXPECT_EQ(safe.refusals[0].table, "users");
  EXPECT_EQ(safe.refusals[0].column, "locale");
  EXPECT_NE(safe.refusals[0].recipe.find("backfill(\"SQL\")"), std::string::npos);
  EXPECT_NE(safe.refusals[0].recipe.find("std::optional"), std::string::npos);
}

// The backfill walks the key in place while it runs: the old one when the
// plan changes the key (the new one is adopted later, after NOT NULL).
TEST(SafePlan, BackfillWalksTheKeyInPlace) {
  Table before = table("memberships", {col("id", "bigint")});
  Table now =
      table("memberships", {col("id", "bigint"), col("tenant_id", "bigint")}, {"id", "tenant_id"});
  Acknowledgements acks;
  acks.backfills[{"memberships", "tenant_id"}] = "1";
  const SafePlan safe = plan(schema({before}), schema({now}), acks);
  EXPECT_TRUE(safe.refusals.empty());
  std::vector<std::string> key;
  std::size_t set_not_null = 0, adoption = 0;
  for (std::size_t i = 0; i < safe.upgrade.size(); ++i) {
    if (const auto* backfill = std::get_if<Backfill>(&safe.upgrade[i])) key = backfill->key;
    if (std::holds_alternative<AlterColumn>(safe.upgrade[i])) set_not_null = i;
    if (std::holds_alternative<SetPrimaryKey>(safe.upgrade[i])) adoption = i;
  }
  EXPECT_EQ(key, std::vector<std::string>{"id"});
  EXPECT_LT(set_not_null, adoption);
}

TEST(SafePlan, BackfillNeedsAPrimaryKey) {
  Table before = table("events", {col("at", "text")}, {});
  Table now = table("events", {col("at", "text"), col("kind", "text")}, {});
  Acknowledgements acks;
  acks.backfills[{"events", "kind"}] = "'click'";
  const SafePlan safe = plan(schema({before}), schema({now}), acks);
  ASSERT_EQ(safe.refusals.size(), 1u);
  EXPECT_EQ(safe.refusals[0].kind, RefusalKind::not_null_without_default);
  EXPECT_NE(safe.refusals[0].reason.find("primary key"), std::string::npos);
}

TEST(SafePlan, NewIdentityColumnOnAnExistingTableIsARewrite) {
  Table before = table("events", {col("at", "text")}, {});
  Table now = before;
  now.columns.push_back({.name = "id", .type = "bigint", .identity = Identity::always});
  const SafePlan refused = plan(schema({before}), schema({now}));
  ASSERT_EQ(refused.refusals.size(), 1u);
  EXPECT_EQ(refused.refusals[0].kind, RefusalKind::volatile_default);
  EXPECT_NE(refused.refusals[0].reason.find("identity"), std::string::npos);
  Acknowledgements acks;
  acks.rewrites.insert({"events", "id"});
  EXPECT_TRUE(plan(schema({before}), schema({now}), acks).refusals.empty());
}

// A rewrite the model accepts still gets NOT NULL the safe way.
TEST(SafePlan, AcknowledgedRewriteWithNotNull) {
  Table before = table("t", {col("id", "bigint"), col("n", "text", true)});
  Table now = table("t", {col("id", "bigint"), col("n", "integer")});
  Acknowledgements acks;
  acks.rewrites.insert({"t", "n"});
  const SafePlan safe = plan(schema({before}), schema({now}), acks);
  EXPECT_TRUE(safe.refusals.empty());
  ASSERT_FALSE(safe.upgrade.empty());
  const auto* type_change = std::get_if<AlterColumn>(&safe.upgrade[0]);
  ASSERT_NE(type_change, nullptr);
  EXPECT_EQ(type_change->to.type, "integer");
  EXPECT_TRUE(type_change->to.nullable);
  EXPECT_EQ(using_expression(*type_change), "\"n\"::integer");
  ASSERT_TRUE(std::holds_alternative<DropConstraint>(safe.upgrade.back()));
  EXPECT_TRUE(std::holds_alternative<CheckConstraint>(
      std::get<DropConstraint>(safe.upgrade.back()).constraint));
}

TEST(SafePlan, NotNullColumnWithAStableDefaultStaysPlain) {
  Table now_users = users();
  now_users.columns.push_back(col("locale", "text", false, "'en'"));
  now_users.columns.push_back(col("joined_at", "timestamp with time zone", false, "now()"));
  now_users.columns.push_back(
      col("seen_at", "timestamp with time zone", false, "CURRENT_TIMESTAMP"));
  const Schema before = schema({users()});
  const Schema now = schema({now_users});
  const diff::Plan logical = diff::diff_schemas(before, now);
  const SafePlan safe = plan_safely(logical, before, now, {});
  EXPECT_TRUE(safe.refusals.empty());
  EXPECT_EQ(safe.upgrade, logical.upgrade);
}

TEST(SafePlan, VolatileDefaultOnANewColumnIsRefusedUnlessAcknowledged) {
  Table now_users = users();
  now_users.columns.push_back(col("public_id", "uuid", false, "gen_random_uuid()"));
  const Schema before = schema({users()});
  const Schema now = schema({now_users});
  const SafePlan refused = plan(before, now);
  ASSERT_EQ(refused.refusals.size(), 1u);
  EXPECT_EQ(refused.refusals[0].kind, RefusalKind::volatile_default);
  EXPECT_NE(refused.refusals[0].reason.find("gen_random_uuid()"), std::string::npos);
  EXPECT_NE(refused.refusals[0].recipe.find("acknowledge(rewrite)"), std::string::npos);

  Acknowledgements acks;
  acks.rewrites.insert({"users", "public_id"});
  const SafePlan acknowledged = plan(before, now, acks);
  EXPECT_TRUE(acknowledged.refusals.empty());
  EXPECT_EQ(acknowledged.upgrade, diff::diff_schemas(before, now).upgrade);
}

TEST(SafePlan, VolatileDefaultOnANewTableIsFine) {
  Table t = table("webhooks",
                  {col("id", "bigint"), col("public_id", "uuid", false, "gen_random_uuid()")});
  EXPECT_TRUE(plan({}, schema({t})).refusals.empty());
}

TEST(SafePlan, RewritingTypeChangeIsRefusedUnlessAcknowledged) {
  Table now_users = users();
  now_users.columns[1].type = "character varying(100)";
  const Schema before = schema({users()});
  const Schema now = schema({now_users});
  const SafePlan refused = plan(before, now);
  ASSERT_EQ(refused.refusals.size(), 1u);
  EXPECT_EQ(refused.refusals[0].kind, RefusalKind::rewriting_type_change);
  EXPECT_EQ(refused.refusals[0].column, "email");
  Acknowledgements acks;
  acks.rewrites.insert({"users", "email"});
  EXPECT_TRUE(plan(before, now, acks).refusals.empty());
  EXPECT_EQ(plan(before, now, acks).upgrade, diff::diff_schemas(before, now).upgrade);
  // The way back (varchar(100) to text) rewrites nothing, and is never refused anyway.
}

TEST(SafePlan, WideningTypeChangeStaysPlain) {
  Table before = table("t", {col("id", "bigint"), col("name", "character varying(50)")});
  Table now = before;
  now.columns[1].type = "character varying(80)";
  const SafePlan safe = plan(schema({before}), schema({now}));
  EXPECT_TRUE(safe.refusals.empty());
  EXPECT_EQ(safe.upgrade, diff::diff_schemas(schema({before}), schema({now})).upgrade);
}

TEST(SafePlan, DropsAreRefusedUnlessAcknowledged) {
  Table now_users = users();
  now_users.columns.pop_back();  // nickname
  const Schema before =
      schema({users(), organizations()}, {enum_type("mood", {"happy", "sad", "meh"})});
  const Schema now = schema({now_users}, {enum_type("mood", {"happy", "meh"})});
  const SafePlan refused = plan(before, now);
  ASSERT_EQ(refused.refusals.size(), 3u);
  EXPECT_EQ(refused.refusals[0].kind, RefusalKind::drop_enum_label);
  EXPECT_EQ(refused.refusals[0].table, "mood");
  EXPECT_EQ(refused.refusals[0].column, "sad");
  EXPECT_NE(refused.refusals[0].recipe.find("acknowledge(drop_label(\"sad\"))"), std::string::npos);
  EXPECT_EQ(refused.refusals[1].kind, RefusalKind::drop_column);
  EXPECT_NE(refused.refusals[1].recipe.find("acknowledge(drop_column(nickname))"),
            std::string::npos);
  EXPECT_EQ(refused.refusals[2].kind, RefusalKind::drop_table);
  EXPECT_NE(refused.refusals[2].recipe.find("STRUCTMIG_ACKNOWLEDGE(drop_table(organizations));"),
            std::string::npos);

  Acknowledgements acks;
  acks.dropped_labels.insert({"mood", "sad"});
  acks.dropped_columns.insert({"users", "nickname"});
  acks.dropped_tables.insert("organizations");
  const SafePlan acknowledged = plan(before, now, acks);
  EXPECT_TRUE(acknowledged.refusals.empty());
  EXPECT_EQ(acknowledged.upgrade, diff::diff_schemas(before, now).upgrade);
}

TEST(SafePlan, RenamedEnumLabelIsNoDrop) {
  const Schema before = schema({}, {enum_type("mood", {"happy", "sad"})});
  const Schema now = schema({}, {enum_type("mood", {"glad", "sad"})});
  const RenameHints hints{.enum_labels = {{{"mood", "glad"}, "happy"}}};
  EXPECT_TRUE(plan(before, now, {}, hints).refusals.empty());
}

TEST(SafePlan, RenamesStayPlain) {
  Table now_users = users();
  now_users.columns[2].name = "handle";
  const Schema before = schema({users()});
  const Schema now = schema({now_users});
  const RenameHints hints{.columns = {{{"users", "handle"}, "nickname"}}};
  const SafePlan safe = plan(before, now, {}, hints);
  EXPECT_EQ(safe.upgrade, (std::vector<Op>{RenameColumn{"users", "nickname", "handle"}}));
  EXPECT_EQ(safe.downgrade, (std::vector<Op>{RenameColumn{"users", "handle", "nickname"}}));
}

// The downgrade ends with its renames back: what moves later (a concurrent
// build) still names the table as it is before them, and they stay last.
TEST(SafePlan, DowngradeKeepsItsRenamesLast) {
  Table accounts = users();
  accounts.name = "accounts";
  accounts.primary_key_name = "pk_accounts";
  accounts.indexes = {index("accounts", {{.column = "nickname"}})};
  Table before_users = users();
  before_users.indexes = {index("users", {{.column = "email"}})};
  const RenameHints hints{.tables = {{"accounts", "users"}}};
  const SafePlan safe = plan(schema({before_users}), schema({accounts}), {}, hints);
  const Index old_index = before_users.indexes[0];
  const Index new_index = accounts.indexes[0];
  EXPECT_EQ(safe.upgrade,
            (std::vector<Op>{DropIndex{"users", old_index, true},  // before the rename: old name
                             RenameTable{"users", "accounts"},
                             RenameConstraint{"accounts", "pk_users", "pk_accounts"},
                             CreateIndex{"accounts", new_index, true}}));
  EXPECT_EQ(safe.downgrade,
            (std::vector<Op>{DropIndex{"accounts", new_index, true},
                             RenameConstraint{"accounts", "pk_accounts", "pk_users"},
                             CreateIndex{"accounts", old_index, true},
                             RenameTable{"accounts", "users"}}));
}

// A foreign key to a unique constraint that an existing table adopts waits
// for it (PostgreSQL needs the unique key to reference it); drops that follow
// an adoption wait too.
TEST(SafePlan, ForeignKeyToAnAdoptedUniqueKeyComesAfterIt) {
  Table codes_before = table("codes", {col("id", "bigint"), col("code", "text")});
  Table codes = codes_before;
  codes.uniques = {unique("codes", {"code"})};
  Table items = table("items", {col("id", "bigint"), col("code", "text")});
  items.foreign_keys = {fk("items", {"code"}, "codes", {"code"})};
  const SafePlan safe = plan(schema({codes_before}), schema({codes, items}));
  const UniqueConstraint uq = codes.uniques[0];
  Table created = items;
  created.foreign_keys.clear();
  EXPECT_EQ(safe.upgrade,
            (std::vector<Op>{
                CreateTable{created},
                CreateIndex{
                    "codes", {.name = uq.name, .keys = {{.column = "code"}}, .unique = true}, true},
                AddConstraint{"codes", uq, false, uq.name},
                AddConstraint{"items", items.foreign_keys[0], false}}));
}

TEST(SafePlan, DowngradeIsNeverRefused) {
  Table now_users = users();
  now_users.columns.push_back(col("locale", "text", false, "'en'"));
  // The upgrade drops email (acknowledged); the downgrade adds it back as it
  // was, NOT NULL without a default, which the upgrade would refuse.
  now_users.columns.erase(now_users.columns.begin() + 1);
  Acknowledgements acks;
  acks.dropped_columns.insert({"users", "email"});
  const SafePlan safe = plan(schema({users()}), schema({now_users}), acks);
  EXPECT_TRUE(safe.refusals.empty());
  EXPECT_EQ(safe.downgrade, diff::diff_schemas(schema({users()}), schema({now_users})).downgrade);
}

TEST(SafePlan, DeterministicWhateverTheInputOrder) {
  Table now_users = users();
  now_users.indexes = {index("users", {{.column = "nickname"}}),
                       index("users", {{.column = "email"}})};
  now_users.checks = {check("users", "email", "email <> ''")};
  Table orgs = organizations();
  orgs.indexes = {index("organizations", {{.column = "name"}})};
  const Schema before = schema({users(), organizations()});
  const Schema now = schema({now_users, orgs});
  Schema now_reversed = schema({orgs, now_users});
  std::reverse(now_reversed.tables[1].indexes.begin(), now_reversed.tables[1].indexes.end());
  const SafePlan first = plan(before, now);
  EXPECT_EQ(plan(before, now), first);
  EXPECT_EQ(plan(before, now_reversed), first);
}

}  // namespace
}  // namespace structmig::plan
