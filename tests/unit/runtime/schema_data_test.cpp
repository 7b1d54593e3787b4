// The constexpr data of generated files (schema_data.hpp): every field of
// every type converts to the owned value it spells (schema_from_data.hpp),
// bad data is refused with the object named, and the Ops calls taking data
// record what the calls taking owned values record. (That a rendered file's
// data compiles back to the plan it came from is the tool_core fixture's
// test.)
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <type_traits>

#include "structmig/ops.hpp"
#include "structmig/schema_from_data.hpp"

namespace structmig {
namespace {

constexpr data::Column kColumns[] = {
    {.name = "id", .type = "bigint", .identity = Identity::always},
    {.name = "note",
     .type = "text",
     .nullable = true,
     .default_sql = "'x'",
     .identity = Identity::by_default,
     .comment = "A \"note\""},
};
constexpr data::UniqueConstraint kUniques[] = {{.name = "uq_t", .columns = {"a", "b"}}};
constexpr data::CheckConstraint kChecks[] = {{.name = "ck_t", .expression = "a > 0"}};
constexpr data::ForeignKey kKeys[] = {{.name = "fk_t",
                                       .columns = {"a", "b"},
                                       .referenced_table = "u",
                                       .referenced_columns = {"x", "y"},
                                       .on_delete = ForeignKeyAction::set_null,
                                       .on_update = ForeignKeyAction::cascade}};
constexpr data::IndexKey kIndexKeys[] = {{.column = "a"}, {.expression = "lower(b)"}};
constexpr data::Index kIndexes[] = {
    {.name = "ix_t", .keys = kIndexKeys, .unique = true, .method = "gin", .where = "a > 1"},
    {.name = "ix_plain", .keys = kIndexKeys},
};
constexpr data::Table kTable{
    .name = "t",
    .columns = kColumns,
    .primary_key = {"id", "note"},
    .primary_key_name = "pk_t",
    .uniques = kUniques,
    .checks = kChecks,
    .foreign_keys = kKeys,
    .indexes = kIndexes,
    .comment = "T",
};
constexpr data::Text kLabels[] = {"a", "b c"};
constexpr data::EnumType kEnum{.name = "mood", .labels = kLabels};
constexpr data::Table kTables[] = {kTable, {.name = "bare"}};
constexpr data::EnumType kEnums[] = {kEnum};
constexpr data::Schema kSchema{.enums = kEnums, .tables = kTables};

const Table kOwnedTable{
    .name = "t",
    .columns = {{.name = "id", .type = "bigint", .identity = Identity::always},
                {.name = "note",
                 .type = "text",
                 .nullable = true,
                 .default_sql = "'x'",
                 .identity = Identity::by_default,
                 .comment = "A \"note\""}},
    .primary_key = {"id", "note"},
    .primary_key_name = "pk_t",
    .uniques = {{.name = "uq_t", .columns = {"a", "b"}}},
    .checks = {{.name = "ck_t", .expression = "a > 0"}},
    .foreign_keys = {{.name = "fk_t",
                      .columns = {"a", "b"},
                      .referenced_table = "u",
                      .referenced_columns = {"x", "y"},
                      .on_delete = ForeignKeyAction::set_null,
                      .on_update = ForeignKeyAction::cascade}},
    .indexes = {{.name = "ix_t",
                 .keys = {{.column = "a"}, {.expression = "lower(b)"}},
                 .unique = true,
                 .method = "gin",
                 .where = "a > 1"},
                {.name = "ix_plain", .keys = {{.column = "a"}, {.expression = "lower(b)"}}}},
    .comment = "T",
};

TEST(SchemaData, EveryFieldConverts) {
  EXPECT_EQ(from_data(kTable), kOwnedTable);
  EXPECT_EQ(from_data(data::Table{.name = "bare"}), Table{.name = "bare"});
  EXPECT_EQ(from_data(kEnum), (EnumType{.name = "mood", .labels = {"a", "b c"}}));
  EXPECT_EQ(from_data(data::EnumType{.name = "empty"}), EnumType{.name = "empty"});
  EXPECT_EQ(from_data(kSchema),
            (Schema{.enums = {{.name = "mood", .labels = {"a", "b c"}}},
                    .tables = {kOwnedTable, {.name = "bare"}}}));
  EXPECT_EQ(from_data(data::EnumUsage{.table = "t", .column = "c", .is_array = true,
                                      .default_sql = "'a'"}),
            (EnumUsage{.table = "t", .column = "c", .is_array = true, .default_sql = "'a'"}));
}

// A data::List is the array it was made from, its length from the array's
// type; `{}` is empty.
TEST(SchemaData, ListsAreTheirArrays) {
  constexpr data::List<data::Column> columns = kColumns;
  static_assert(columns.size() == 2 && columns.begin() == kColumns && columns.end() == kColumns + 2);
  static_assert(kTable.columns.items == kColumns && kTable.columns.count == 2);
  static_assert(kEnum.labels.size() == 2 && kEnum.labels[1] == kLabels[1]);
  constexpr data::List<data::Table> none = {};
  static_assert(none.empty() && none.items == nullptr && none.begin() == none.end());
  std::size_t seen = 0;
  for (const data::Table& table : kSchema.tables) seen += table.name != nullptr;
  EXPECT_EQ(seen, 2u);
}

// 32 names fit (PostgreSQL's limit for a key).
TEST(SchemaData, NamesHoldThirtyTwo) {
  data::Names names;
  for (std::size_t i = 0; i < data::Names::capacity; ++i) names.items[i] = "c";
  EXPECT_EQ(from_data(names).size(), 32u);
  EXPECT_TRUE(from_data(data::Names{}).empty());
}

std::string error_of(auto convert) {
  try {
    convert();
  } catch (const structmig::InvalidOperation& error) {
    return error.what();
  }
  return "(no error)";
}

TEST(SchemaData, BadDataIsRefusedByName) {
  constexpr data::Column no_type[] = {{.name = "c"}};
  EXPECT_EQ(error_of([&] { from_data(data::Table{.name = "t", .columns = no_type}); }),
            "structmig::data::Table \"t\": structmig::data::Column \"c\": .type is not set "
            "(nullptr)");
  EXPECT_EQ(error_of([] { from_data(data::Table{}); }),
            "structmig::data::Table: .name is not set (nullptr)");
  EXPECT_EQ(error_of([] { from_data(data::UniqueConstraint{.name = "uq", .columns = {"a", nullptr, "b"}}); }),
            "structmig::data::UniqueConstraint \"uq\": .columns has name 3 after a nullptr");
  constexpr data::IndexKey both[] = {{.column = "a", .expression = "b"}};
  EXPECT_EQ(error_of([&] { from_data(data::Index{.name = "ix", .keys = both}); }),
            "structmig::data::Index \"ix\": structmig::data::IndexKey: exactly one of .column "
            "and .expression must be set");
  EXPECT_EQ(error_of([] { from_data(data::IndexKey{}); }),
            "structmig::data::IndexKey: exactly one of .column and .expression must be set");
  EXPECT_EQ(error_of([] { from_data(data::Index{.name = "ix", .method = nullptr}); }),
            "structmig::data::Index \"ix\": .method is not set (nullptr)");
  EXPECT_EQ(error_of([] { from_data(data::CheckConstraint{.name = "ck"}); }),
            "structmig::data::CheckConstraint \"ck\": .expression is not set (nullptr)");
  EXPECT_EQ(error_of([] { from_data(data::ForeignKey{.name = "fk"}); }),
            "structmig::data::ForeignKey \"fk\": .referenced_table is not set (nullptr)");
  constexpr data::Text gap[] = {"a", nullptr};
  EXPECT_EQ(error_of([&] { from_data(data::EnumType{.name = "e", .labels = gap}); }),
            "structmig::data::EnumType \"e\": label 2 is nullptr");
  EXPECT_EQ(error_of([] { from_data(data::EnumUsage{.table = "t"}); }),
            "structmig::data::EnumUsage \"t\": .column is not set (nullptr)");
}

// The data calls record what the owned calls record; a braced list still
// means the owned value (the data calls are templates it cannot deduce).
TEST(SchemaData, OpsRecordDataAsOwned) {
  constexpr data::Column column{.name = "c", .type = "text", .nullable = true};
  constexpr data::Column wider{.name = "c", .type = "character varying(9)"};
  constexpr data::EnumUsage usages[] = {{.table = "t", .column = "m"}};
  Ops from_data_calls;
  from_data_calls.create_table(kTable);
  from_data_calls.add_column("t", column);
  from_data_calls.alter_column("t", column, wider, "c::text");
  from_data_calls.alter_column("t", wider, column);
  from_data_calls.add_foreign_key("t", kKeys[0], {.not_valid = true});
  from_data_calls.add_unique("t", kUniques[0], {.using_index = "ux_t"});
  from_data_calls.add_check("t", kChecks[0]);
  from_data_calls.create_index("t", kIndexes[0], {.concurrently = true});
  from_data_calls.create_enum(kEnum);
  from_data_calls.recreate_enum(kEnum, data::EnumType{.name = "mood"}, usages);

  const Column owned_column{.name = "c", .type = "text", .nullable = true};
  const Column owned_wider{.name = "c", .type = "character varying(9)"};
  Ops owned;
  owned.create_table(kOwnedTable);
  owned.add_column("t", owned_column);
  owned.alter_column("t", owned_column, owned_wider, "c::text");
  owned.alter_column("t", owned_wider, owned_column);
  owned.add_foreign_key("t", kOwnedTable.foreign_keys[0], {.not_valid = true});
  owned.add_unique("t", kOwnedTable.uniques[0], {.using_index = "ux_t"});
  owned.add_check("t", kOwnedTable.checks[0]);
  owned.create_index("t", kOwnedTable.indexes[0], {.concurrently = true});
  owned.create_enum({.name = "mood", .labels = {"a", "b c"}});
  owned.recreate_enum({.name = "mood", .labels = {"a", "b c"}}, {.name = "mood"},
                      {{.table = "t", .column = "m"}});
  EXPECT_EQ(from_data_calls.recorded(), owned.recorded());

  Ops braced;
  braced.create_table({.name = "x", .columns = {{.name = "id", .type = "bigint"}}});
  braced.add_column("x", {.name = "c", .type = "text"});
  ASSERT_EQ(braced.recorded().size(), 2u);
}

// The data calls take a data::Ref: an object of exactly the data type
// converts, nothing else does, and a braced list cannot (not an aggregate), so
// it keeps meaning the owned value.
TEST(SchemaData, RefTakesExactlyItsType) {
  static_assert(std::is_convertible_v<const data::Table&, data::Ref<data::Table>>);
  static_assert(!std::is_convertible_v<const data::Column&, data::Ref<data::Table>>);
  static_assert(!std::is_convertible_v<const Table&, data::Ref<data::Table>>);
  static_assert(!std::is_aggregate_v<data::Ref<data::Table>>);
  const data::Ref<data::Table> ref = kTable;
  EXPECT_EQ(&ref.get(), &kTable);
}

// The options a kind does not take are refused as with owned values.
TEST(SchemaData, OptionsAreCheckedAsOwned) {
  Ops op;
  EXPECT_THROW(op.add_check("t", kChecks[0], {.using_index = "ux"}), structmig::InvalidOperation);
}

}  // namespace
}  // namespace structmig
