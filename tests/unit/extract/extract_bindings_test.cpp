// The C++ side of extracted models (ModelBindings): fully qualified struct and
// enum names, field types spelled as written (aliases, optional, vector,
// numeric, enums, nested namespaces), what the server generates, the primary
// key as field indexes, enumerators with their labels; sorted by SQL name.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "parse_models.hpp"

namespace structmig::extract {
namespace {

using testing::parse_models;

std::vector<std::string> cxx_types(const TableBinding& table) {
  std::vector<std::string> types;
  for (const ColumnBinding& column : table.columns) types.push_back(column.cxx_type);
  return types;
}

TEST(ExtractBindings, QualifiedNamesAndTypeSpellings) {
  const auto parse = parse_models(R"(
namespace app {
using Id = std::int64_t;
namespace billing {
enum class STRUCTMIG_ENUM(invoice_state) State { open, paid STRUCTMIG_LABEL("settled") };
struct STRUCTMIG_TABLE(invoices) Invoice {
  STRUCTMIG_COLUMN(primary_key, identity) Id id;
  std::int32_t count;
  std::optional<std::string> note;
  std::vector<std::string> tags;
  std::vector<State> history;
  STRUCTMIG_COLUMN(default("0")) structmig::numeric<10, 2> amount;
  STRUCTMIG_COLUMN(default("'open'")) State state;
  std::optional<structmig::timestamp> paid_at;
  structmig::jsonb data;
  bool flag;
};
}  // namespace billing
}  // namespace app
)");
  ASSERT_THAT(parse.errors(), ::testing::IsEmpty());
  ASSERT_EQ(parse.bindings.tables.size(), 1u);
  const TableBinding& table = parse.bindings.tables[0];
  EXPECT_EQ(table.table, "invoices");
  EXPECT_EQ(table.cxx_name, "app::billing::Invoice");
  EXPECT_THAT(
      cxx_types(table),
      ::testing::ElementsAre("app::Id", "int32_t", "std::optional<std::string>",
                             "std::vector<std::string>", "std::vector<app::billing::State>",
                             "structmig::numeric<10, 2>", "app::billing::State",
                             "std::optional<structmig::timestamp>", "structmig::jsonb", "bool"));
  EXPECT_EQ(table.columns[0].name, "id");
  EXPECT_EQ(table.columns[0].sql_type, "bigint");
  EXPECT_EQ(table.columns[0].generation, Generation::identity);
  EXPECT_EQ(table.columns[1].generation, Generation::none);
  EXPECT_EQ(table.columns[5].sql_type, "numeric(10,2)");
  EXPECT_EQ(table.columns[5].generation, Generation::server_default);
  EXPECT_EQ(table.columns[6].generation, Generation::server_default);
  EXPECT_EQ(table.primary_key, std::vector<std::size_t>{0});

  ASSERT_EQ(parse.bindings.enums.size(), 1u);
  const EnumBinding& state = parse.bindings.enums[0];
  EXPECT_EQ(state.name, "invoice_state");
  EXPECT_EQ(state.cxx_name, "app::billing::State");
  EXPECT_EQ(state.enumerators,
            (std::vector<EnumeratorBinding>{{"app::billing::State::open", "open"},
                                            {"app::billing::State::paid", "settled"}}));
}

TEST(ExtractBindings, GlobalStructsCompositeKeysRenamedColumnsAndOrder) {
  const auto parse = parse_models(R"(
struct STRUCTMIG_TABLE(zebras) Zebra {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
struct STRUCTMIG_TABLE(memberships, primary_key(member_id, org)) Membership {
  std::string org;
  STRUCTMIG_COLUMN(name("member_id")) long member;
  std::optional<std::vector<std::byte>> secret;
};
)");
  ASSERT_THAT(parse.errors(), ::testing::IsEmpty());
  ASSERT_EQ(parse.bindings.tables.size(), 2u);
  const TableBinding& memberships = parse.bindings.tables[0];
  EXPECT_EQ(memberships.table, "memberships");
  EXPECT_EQ(memberships.cxx_name, "Membership");
  EXPECT_EQ(memberships.columns[1].name, "member_id");
  EXPECT_THAT(
      cxx_types(memberships),
      ::testing::ElementsAre("std::string", "long", "std::optional<std::vector<std::byte>>"));
  EXPECT_EQ(memberships.primary_key, (std::vector<std::size_t>{1, 0}));
  EXPECT_EQ(parse.bindings.tables[1].cxx_name, "Zebra");
}

}  // namespace
}  // namespace structmig::extract
