// Every kind of the constraint family (constraint.hpp), and the index, through
// every generic piece: snapshot round trip, diff (add, drop, rename by same
// definition) and reverse, SQL, rendering, sort, drift. The kinds are looped
// over with for_each_constraint_kind, and sample() has one overload per kind,
// so a new kind does not compile here until it has a sample, and then fails
// here for any piece that does not know it.
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <variant>

#include "render/data_declarations.hpp"
#include "render/render_op.hpp"
#include "snapshot/snapshot.hpp"
#include "structmig/constraint.hpp"
#include "structmig/diff.hpp"
#include "structmig/drift.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

// A sample of each kind on table "rooms" (see base_schema()).
UniqueConstraint sample(std::type_identity<UniqueConstraint>) {
  return {.name = "uq_rooms_label", .columns = {"label"}};
}
CheckConstraint sample(std::type_identity<CheckConstraint>) {
  return {.name = "ck_rooms_floor", .expression = "floor >= 0"};
}
ForeignKey sample(std::type_identity<ForeignKey>) {
  return {.name = "fk_rooms_owner_id_owners",
          .columns = {"owner_id"},
          .referenced_table = "owners",
          .referenced_columns = {"id"},
          .on_delete = ForeignKeyAction::cascade};
}
ExcludeConstraint sample(std::type_identity<ExcludeConstraint>) {
  return {.name = "ex_rooms_booked",
          .columns = {"floor", "booked"},
          .operators = {"=", "&&"},
          .where = "floor > 0"};
}

Table table(std::string name) {
  Table t{.name = name, .columns = {{.name = "id", .type = "bigint"}}, .primary_key = {"id"}};
  t.primary_key_name = "pk_" + name;
  return t;
}

Schema base_schema() {
  Table rooms = table("rooms");
  rooms.columns.push_back({.name = "label", .type = "text"});
  rooms.columns.push_back({.name = "floor", .type = "integer"});
  rooms.columns.push_back({.name = "owner_id", .type = "bigint"});
  rooms.columns.push_back({.name = "booked", .type = "int4range"});
  return Schema{.tables = {table("owners"), rooms}};
}

template <typename K>
Schema with(const K& constraint) {
  Schema schema = base_schema();
  (schema.tables[1].*ConstraintKindOf<K>::list).push_back(constraint);
  return schema;
}

template <typename K>
void check_kind() {
  using Kind = ConstraintKindOf<K>;
  const K item = sample(std::type_identity<K>{});
  const std::string word(Kind::kind.word);
  SCOPED_TRACE(word);
  const Schema without = base_schema();
  const Schema schema = with(item);

  // The family lists it, and it is in CREATE TABLE.
  ASSERT_EQ(constraints_of(schema.tables[1]).size(), 1u);
  EXPECT_EQ(constraints_of(schema.tables[1])[0], Constraint{item});
  const std::vector<std::string> create = to_sql(Op{CreateTable{schema.tables[1]}});
  ASSERT_FALSE(create.empty());
  EXPECT_NE(create[0].find("CONSTRAINT " + quote_ident(item.name) + " " + Kind::body_sql(item)),
            std::string::npos)
      << create[0];

  // Snapshot: written under the kind's key, read back equal.
  const std::string text = snapshot::format_snapshot("r1", schema);
  EXPECT_NE(text.find("\"" + std::string(Kind::kind.list_name) + "\": ["), std::string::npos)
      << text;
  auto parsed = snapshot::parse_snapshot(text, "snapshot.json");
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(parsed->schema, schema) << text;

  // Diff: added, dropped, and reverse of each is the other.
  const diff::Plan add = diff::diff_schemas(without, schema);
  ASSERT_EQ(add.upgrade.size(), 1u);
  const auto* added = std::get_if<AddConstraint>(&add.upgrade[0]);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->constraint, Constraint{item});
  EXPECT_EQ(reverse(add.upgrade[0]), (Op{DropConstraint{"rooms", item}}));
  const diff::Plan drop = diff::diff_schemas(schema, without);
  ASSERT_EQ(drop.upgrade.size(), 1u);
  EXPECT_EQ(drop.upgrade[0], (Op{DropConstraint{"rooms", item}}));
  EXPECT_EQ(reverse(drop.upgrade[0]), add.upgrade[0]);
  EXPECT_TRUE(diff::diff_schemas(schema, schema).empty());

  // The same definition under a new name is a rename.
  K renamed = item;
  renamed.name = item.name + "_2";
  const diff::Plan rename = diff::diff_schemas(schema, with(renamed));
  ASSERT_EQ(rename.upgrade.size(), 1u);
  EXPECT_EQ(rename.upgrade[0], (Op{RenameConstraint{"rooms", item.name, renamed.name}}));

  // SQL of the add and the drop.
  const std::vector<std::string> add_sql = to_sql(add.upgrade[0]);
  ASSERT_EQ(add_sql.size(), 1u);
  EXPECT_EQ(add_sql[0], "ALTER TABLE \"rooms\" ADD CONSTRAINT " + quote_ident(item.name) + " " +
                            Kind::body_sql(item));
  EXPECT_NE(add_sql[0].find(std::string(Kind::kind.sql_keyword)), std::string::npos);
  EXPECT_EQ(
      to_sql(drop.upgrade[0]),
      std::vector<std::string>{"ALTER TABLE \"rooms\" DROP CONSTRAINT " + quote_ident(item.name)});

  // Rendering: the kind's recorder calls, and its data list in a table.
  const std::string rendered_add = render::render_op(add.upgrade[0]);
  EXPECT_NE(rendered_add.find("op." + std::string(Kind::kind.add_call) + "(\"rooms\""),
            std::string::npos)
      << rendered_add;
  EXPECT_NE(rendered_add.find("constexpr data::" + std::string(Kind::kind.type_name)),
            std::string::npos)
      << rendered_add;
  EXPECT_NE(render::render_op(drop.upgrade[0])
                .find("op." + std::string(Kind::kind.drop_call) + "(\"rooms\", \"" + item.name),
            std::string::npos);
  render::DataDeclarations data;
  data.table(schema.tables[1]);
  const std::string declared = data.take();
  EXPECT_NE(declared.find("." + std::string(Kind::kind.list_name) + " = rooms_" +
                          std::string(Kind::kind.list_name)),
            std::string::npos)
      << declared;

  // Sort: the kind's list is put in name order.
  Schema unsorted = with(renamed);
  (unsorted.tables[1].*Kind::list).push_back(item);
  EXPECT_FALSE(in_sort_schema_order(unsorted));
  sort_schema(unsorted);
  EXPECT_TRUE(in_sort_schema_order(unsorted));
  EXPECT_EQ((unsorted.tables[1].*Kind::list)[0], item);

  // Drift: the missing constraint is reported by its word.
  const DriftReport drift = compare_schemas(schema, without);
  ASSERT_EQ(drift.differences.size(), 1u);
  EXPECT_NE(
      drift.differences[0].find("missing " + std::string(Kind::kind.word) + " " + item.name),
      std::string::npos)
      << drift.differences[0];
}

TEST(ConstraintKinds, EveryKindThroughEveryGenericPiece) {
  int kinds = 0;
  for_each_constraint_kind([&](auto kind) {
    check_kind<typename decltype(kind)::type>();
    ++kinds;
  });
  EXPECT_EQ(kinds, static_cast<int>(std::variant_size_v<Constraint>));
}

// The index is not a constraint but goes through the same pieces.
TEST(ConstraintKinds, IndexThroughTheSamePieces) {
  Schema schema = base_schema();
  const Index index{.name = "ix_rooms_booked", .keys = {{.column = "booked"}}, .method = "gist"};
  schema.tables[1].indexes.push_back(index);
  auto parsed = snapshot::parse_snapshot(snapshot::format_snapshot("r1", schema), "s.json");
  ASSERT_TRUE(static_cast<bool>(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(parsed->schema, schema);
  const diff::Plan add = diff::diff_schemas(base_schema(), schema);
  ASSERT_EQ(add.upgrade.size(), 1u);
  EXPECT_EQ(add.upgrade[0], (Op{CreateIndex{"rooms", index}}));
  EXPECT_EQ(reverse(add.upgrade[0]), (Op{DropIndex{"rooms", index}}));
  EXPECT_EQ(to_sql(add.upgrade[0]),
            std::vector<std::string>{
                "CREATE INDEX \"ix_rooms_booked\" ON \"rooms\" USING gist (\"booked\")"});
  EXPECT_NE(render::render_op(add.upgrade[0]).find("op.create_index(\"rooms\""), std::string::npos);
}

}  // namespace
}  // namespace structmig
