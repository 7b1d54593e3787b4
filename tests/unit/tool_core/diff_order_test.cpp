// The order of a plan, which must run on a real database as generated:
// enums before the tables that use them, new tables in foreign-key order with
// cycles broken, keys dropped before what they reference, removed tables
// dropped referencing-first, and every step of diff.hpp in one plan.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "structmig/diff.hpp"
#include "schema_builders.hpp"

namespace structmig::diff {
namespace {

using namespace structmig::test;

Table with_keys(Table t, std::vector<ForeignKey> keys) {
  t.foreign_keys = std::move(keys);
  return t;
}

Table without_keys(Table t) {
  t.foreign_keys.clear();
  return t;
}

// Name order would create the child first; the key wins.
TEST(DiffOrder, NewTablesInForeignKeyOrder) {
  const Table child = with_keys(table("a_child", {col("id", "bigint"), col("parent_id", "bigint")}),
                                {fk("a_child", {"parent_id"}, "z_parent")});
  const Table middle =
      with_keys(table("m_middle", {col("id", "bigint"), col("child_id", "bigint")}),
                {fk("m_middle", {"child_id"}, "a_child")});
  const Table parent = table("z_parent", {col("id", "bigint")});
  const Plan plan = diff_schemas({}, schema({middle, child, parent}));
  EXPECT_EQ(plan.upgrade,
            (std::vector<Op>{CreateTable{parent}, CreateTable{child}, CreateTable{middle}}));
  // Dropped the other way round: referencing tables first.
  EXPECT_EQ(diff_schemas(schema({middle, child, parent}), {}).upgrade,
            (std::vector<Op>{DropTable{middle}, DropTable{child}, DropTable{parent}}));
}

// Neither table of a cycle can be created with its key: the first by name is
// created without it, and the key is added once both exist.
TEST(DiffOrder, ForeignKeyCycleBetweenNewTables) {
  const Table left =
      with_keys(table("left_side", {col("id", "bigint"), col("right_id", "bigint", true)}),
                {fk("left_side", {"right_id"}, "right_side")});
  const Table right =
      with_keys(table("right_side", {col("id", "bigint"), col("left_id", "bigint", true)}),
                {fk("right_side", {"left_id"}, "left_side")});
  const Plan plan = diff_schemas({}, schema({right, left}));
  const std::vector<Op> expected = {
      CreateTable{without_keys(left)},
      CreateTable{right},
      AddConstraint{"left_side", left.foreign_keys[0]},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{DropConstraint{"left_side", left.foreign_keys[0]},
                                             DropTable{right}, DropTable{without_keys(left)}}));
}

// Dropping a cycle: the key that blocks is dropped first, and the DropTable
// that follows carries its table without it, so the downgrade recreates the
// tables and then the key.
TEST(DiffOrder, ForeignKeyCycleBetweenDroppedTables) {
  const Table left =
      with_keys(table("left_side", {col("id", "bigint"), col("right_id", "bigint", true)}),
                {fk("left_side", {"right_id"}, "right_side")});
  const Table right =
      with_keys(table("right_side", {col("id", "bigint"), col("left_id", "bigint", true)}),
                {fk("right_side", {"left_id"}, "left_side")});
  const Table kept = table("kept", {col("id", "bigint")});
  const Plan plan = diff_schemas(schema({left, right, kept}), schema({kept}));
  const std::vector<Op> expected = {
      DropConstraint{"left_side", left.foreign_keys[0]},
      DropTable{right},
      DropTable{without_keys(left)},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, diff_schemas(schema({kept}), schema({left, right, kept})).upgrade);
}

// A chain of keys against name order: t00000 references t00001, which
// references t00002, and so on, so each table can only be created after every
// table named after it. Picking the next table by walking the waiting ones
// from the first by name made this quadratic (about 12.5 million readiness
// checks at 5,000 tables); the order is still the chain's, every key inline,
// and the drop order its reverse.
TEST(DiffOrder, LongForeignKeyChainAgainstNameOrder) {
  constexpr int kTables = 5000;
  const auto name = [](int i) {
    std::string digits = std::to_string(i);
    return "t" + std::string(5 - digits.size(), '0') + digits;
  };
  std::vector<Table> tables;
  for (int i = 0; i < kTables; ++i) {
    Table t = table(name(i), {col("id", "bigint"), col("next_id", "bigint", true)});
    if (i + 1 < kTables) t.foreign_keys = {fk(name(i), {"next_id"}, name(i + 1))};
    tables.push_back(std::move(t));
  }
  const Schema chain = schema(tables);

  const Plan created = diff_schemas({}, chain);
  std::vector<Op> expected;
  for (int i = kTables - 1; i >= 0; --i) expected.push_back(CreateTable{tables[i]});
  EXPECT_EQ(created.upgrade, expected);

  const Plan dropped = diff_schemas(chain, {});
  expected.clear();
  for (int i = 0; i < kTables; ++i) expected.push_back(DropTable{tables[i]});
  EXPECT_EQ(dropped.upgrade, expected);
}

// The tables of a cycle wait for each other; once the first by name breaks
// it, the rest follow in key order, and a table outside the cycle that was
// ready all along still comes first by name.
TEST(DiffOrder, CycleBrokenThenChainFollows) {
  Table a = table("a", {col("id", "bigint"), col("b_id", "bigint", true)});
  a.foreign_keys = {fk("a", {"b_id"}, "b")};
  Table b = table("b", {col("id", "bigint"), col("c_id", "bigint", true)});
  b.foreign_keys = {fk("b", {"c_id"}, "c")};
  Table c = table("c", {col("id", "bigint"), col("a_id", "bigint", true)});
  c.foreign_keys = {fk("c", {"a_id"}, "a")};
  Table d = table("d", {col("id", "bigint"), col("c_id", "bigint", true)});
  d.foreign_keys = {fk("d", {"c_id"}, "c")};
  const Table z = table("z", {col("id", "bigint")});
  const Plan plan = diff_schemas({}, schema({d, c, z, b, a}));
  const std::vector<Op> expected = {
      CreateTable{z},                     // ready from the start
      CreateTable{without_keys(a)},       // the cycle a → b → c → a: a first by name
      CreateTable{c},                     // waited for a only
      CreateTable{b},                     // then b (c exists)
      CreateTable{d},                     // d waited for c
      AddConstraint{"a", a.foreign_keys[0]},
  };
  EXPECT_EQ(plan.upgrade, expected);
}

TEST(DiffOrder, SelfReferenceStaysInline) {
  const Table tree =
      with_keys(table("tree", {col("id", "bigint"), col("parent_id", "bigint", true)}),
                {fk("tree", {"parent_id"}, "tree")});
  EXPECT_EQ(diff_schemas({}, schema({tree})).upgrade, (std::vector<Op>{CreateTable{tree}}));
  EXPECT_EQ(diff_schemas(schema({tree}), {}).upgrade, (std::vector<Op>{DropTable{tree}}));
}

// A new table's key to a kept table stays inline when the referenced key is
// there all along, and waits for step 6 when the key is new in this plan.
TEST(DiffOrder, NewTableReferencingAKeptTable) {
  const Table users = table("users", {col("id", "bigint")});
  Table users_now = table("users", {col("id", "bigint"), col("handle", "text")});
  users_now.uniques = {unique("users", {"handle"})};
  const Table notes = with_keys(
      table("notes", {col("id", "bigint"), col("user_id", "bigint"), col("handle", "text")}),
      {fk("notes", {"handle"}, "users", {"handle"}), fk("notes", {"user_id"}, "users")});
  const Plan plan = diff_schemas(schema({users}), schema({users_now, notes}));
  Table created = notes;
  created.foreign_keys = {notes.foreign_keys[1]};  // to users(id): there all along
  const std::vector<Op> expected = {
      CreateTable{created},
      AddColumn{"users", users_now.columns[1]},
      AddConstraint{"users", users_now.uniques[0]},
      AddConstraint{"notes", notes.foreign_keys[0]},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

// A kept table's key to a table that is dropped goes first.
TEST(DiffOrder, ForeignKeyDroppedBeforeTheTableItReferences) {
  const Table kept_with_key =
      with_keys(table("kept", {col("id", "bigint"), col("gone_id", "bigint", true)}),
                {fk("kept", {"gone_id"}, "gone")});
  const Table kept = table("kept", {col("id", "bigint")});
  const Table gone = table("gone", {col("id", "bigint")});
  const Plan plan = diff_schemas(schema({kept_with_key, gone}), schema({kept}));
  const std::vector<Op> expected = {
      DropConstraint{"kept", kept_with_key.foreign_keys[0]},
      DropColumn{"kept", kept_with_key.columns[1]},
      DropTable{gone},
  };
  EXPECT_EQ(plan.upgrade, expected);
}

// A key to a column that is dropped goes before the column.
TEST(DiffOrder, ForeignKeyDroppedBeforeTheColumnItReferences) {
  Table users = table("users", {col("id", "bigint"), col("handle", "text")});
  users.uniques = {unique("users", {"handle"})};
  const Table users_now = table("users", {col("id", "bigint")});
  const Table notes = with_keys(table("notes", {col("id", "bigint"), col("handle", "text")}),
                                {fk("notes", {"handle"}, "users", {"handle"})});
  const Table notes_now = table("notes", {col("id", "bigint"), col("handle", "text")});
  const Plan plan = diff_schemas(schema({users, notes}), schema({users_now, notes_now}));
  const std::vector<Op> expected = {
      DropConstraint{"notes", notes.foreign_keys[0]},
      DropConstraint{"users", users.uniques[0]},
      DropColumn{"users", users.columns[1]},
  };
  EXPECT_EQ(plan.upgrade, expected);
}

// A removed table's key to a kept table's unique that is dropped: the unique
// could not go while the key exists, so the key is dropped before it, and
// the DropTable carries the table without it.
TEST(DiffOrder, RemovedTablesKeyToAChangingKeyIsDroppedFirst) {
  Table users = table("users", {col("id", "bigint"), col("handle", "text")});
  users.uniques = {unique("users", {"handle"})};
  const Table users_now = table("users", {col("id", "bigint"), col("handle", "text")});
  const Table notes = with_keys(table("notes", {col("id", "bigint"), col("handle", "text")}),
                                {fk("notes", {"handle"}, "users", {"handle"})});
  const Plan plan = diff_schemas(schema({users, notes}), schema({users_now}));
  const std::vector<Op> expected = {
      DropConstraint{"notes", notes.foreign_keys[0]},
      DropConstraint{"users", users.uniques[0]},
      DropTable{without_keys(notes)},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));

  // With the unique kept, the key goes with its table.
  const Plan kept_unique = diff_schemas(schema({users, notes}), schema({users}));
  EXPECT_EQ(kept_unique.upgrade, (std::vector<Op>{DropTable{notes}}));
}

// One plan with every step of diff.hpp, in that order.
TEST(DiffOrder, EveryStepInOrder) {
  // Kept tables.
  Table accounts =
      table("accounts", {col("id", "bigint"), col("legacy", "character varying(9)", true),
                         col("code", "integer"), col("note", "text", true)});
  accounts.uniques = {unique("accounts", {"code"})};
  accounts.checks = {check("accounts", "code", "code > 0")};
  accounts.indexes = {index("accounts", {{.column = "legacy"}})};
  Table accounts_now = table("accounts", {col("id", "bigint"), col("code", "bigint"),
                                          col("handle", "text"), col("remark", "text", true)});
  accounts_now.uniques = {unique("accounts", {"code"}), unique("accounts", {"handle"})};
  accounts_now.checks = {check("accounts", "code", "code >= 0")};
  accounts_now.comment = "Accounts";

  Table tickets =
      table("tickets", {col("id", "bigint"), col("account_id", "bigint"), col("feeling", "mood")});
  tickets.foreign_keys = {fk("tickets", {"account_id"}, "accounts")};
  Table tickets_now =
      table("tickets", {col("id", "bigint"), col("account_id", "bigint"), col("mood", "mood"),
                        col("kind", "kind", true), col("parent_id", "bigint", true)});
  tickets_now.foreign_keys = {fk("tickets", {"account_id"}, "accounts"),
                              fk("tickets", {"parent_id"}, "new_parent")};

  // New tables: the child references the parent, the parent a key of a kept
  // table that this plan adds.
  const Table new_child =
      with_keys(table("new_child", {col("id", "bigint"), col("parent_id", "bigint")}),
                {fk("new_child", {"parent_id"}, "new_parent")});
  const Table new_parent = with_keys(
      table("new_parent", {col("id", "bigint"), col("f", "fresh"), col("handle", "text")}),
      {fk("new_parent", {"handle"}, "accounts", {"handle"})});

  // Removed tables: a cycle, and one that uses an enum that goes too.
  const Table gone_a = with_keys(table("gone_a", {col("id", "bigint"), col("b_id", "bigint")}),
                                 {fk("gone_a", {"b_id"}, "gone_b")});
  const Table gone_b = with_keys(table("gone_b", {col("id", "bigint"), col("a_id", "bigint")}),
                                 {fk("gone_b", {"a_id"}, "gone_a")});
  const Table old_stuff = table("old_stuff", {col("id", "bigint"), col("k", "old_enum")});

  const Schema before = schema(
      {tickets, old_stuff, gone_b, gone_a, accounts},
      {enum_type("old_enum", {"x"}), enum_type("mood", {"ok"}), enum_type("kind", {"a", "b"})});
  const Schema now = schema(
      {new_child, tickets_now, accounts_now, new_parent},
      {enum_type("fresh", {"p"}), enum_type("kind", {"b"}), enum_type("mood", {"ok", "meh"})});
  const RenameHints hints{.columns = {{{"tickets", "mood"}, "feeling"}}};

  const std::vector<EnumUsage> mood_usages = {{.table = "tickets", .column = "mood"}};
  const std::vector<Op> expected = {
      // 1. renames
      RenameColumn{"tickets", "feeling", "mood"},
      // 2. enums
      CreateEnum{enum_type("fresh", {"p"})},
      AddEnumLabel{.type = "mood",
                   .label = "meh",
                   .after = "ok",
                   .type_before = enum_type("mood", {"ok"}),
                   .usages = mood_usages},
      RecreateEnum{enum_type("kind", {"a", "b"}), enum_type("kind", {"b"}), {}},
      // 3. drops of constraints and indexes on kept tables
      DropIndex{"accounts", accounts.indexes[0]},
      DropConstraint{"accounts", accounts.checks[0]},
      // 4. new tables, referenced first; the key to accounts(handle) waits
      CreateTable{without_keys(new_parent)},
      CreateTable{new_child},
      // 5. columns, key, comment of kept tables
      AddColumn{"accounts", accounts_now.columns[2]},
      AddColumn{"accounts", accounts_now.columns[3]},
      AlterColumn{"accounts", accounts.columns[2], accounts_now.columns[1], std::nullopt, TypeCast::direct},
      SetTableComment{"accounts", std::nullopt, "Accounts"},
      AddColumn{"tickets", tickets_now.columns[3]},
      AddColumn{"tickets", tickets_now.columns[4]},
      // 6. constraints and indexes, foreign keys last
      AddConstraint{"accounts", accounts_now.uniques[1]},
      AddConstraint{"accounts", accounts_now.checks[0]},
      AddConstraint{"new_parent", new_parent.foreign_keys[0]},
      AddConstraint{"tickets", tickets_now.foreign_keys[1]},
      // 7. dropped columns
      DropColumn{"accounts", accounts.columns[1]},
      DropColumn{"accounts", accounts.columns[3]},
      // 8. removed tables: the key that closes the cycle, then referencing first
      DropConstraint{"gone_a", gone_a.foreign_keys[0]},
      DropTable{gone_b},
      DropTable{without_keys(gone_a)},
      DropTable{old_stuff},
      // 9. enums
      DropEnum{enum_type("old_enum", {"x"})},
  };
  const Plan plan = diff_schemas(before, now, hints);
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
  // accounts.note (text NULL) dropped, accounts.remark (text NULL) added.
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_NE(plan.warnings[0].text.find("renamed_from(note)"), std::string::npos)
      << plan.warnings[0].text;
  EXPECT_EQ(plan.warnings[0].op, 19u);
}

}  // namespace
}  // namespace structmig::diff
