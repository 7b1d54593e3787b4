// The calls of light_include_calls.cpp (compiled with only generated.hpp)
// record what the same calls record with the full API.
#include <gtest/gtest.h>

#include "structmig/migration.hpp"

namespace light_include {
void record_every_generated_call(structmig::Ops& op);
}

namespace structmig {
namespace {

TEST(LightInclude, GeneratedCallsRecordThroughTheLightHeader) {
  Ops op;
  light_include::record_every_generated_call(op);
  const OpList& ops = op.recorded();
  ASSERT_EQ(ops.size(), 23u);
  EXPECT_EQ(std::get<CreateTable>(ops[0]).table.name, "t");
  EXPECT_EQ(std::get<AlterColumn>(ops[2]).using_sql, std::optional<std::string>("c::text"));
  EXPECT_EQ(std::get<AlterColumn>(ops[3]).using_sql, std::nullopt);
  const auto& pk = std::get<SetPrimaryKey>(ops[5]);
  EXPECT_EQ(pk.from, std::vector<std::string>{"id"});
  EXPECT_EQ(pk.to, (std::vector<std::string>{"id", "x"}));
  EXPECT_EQ(pk.using_index, std::optional<std::string>("ix"));
  EXPECT_EQ(std::get<SetTableComment>(ops[6]).to, std::nullopt);
  EXPECT_EQ(std::get<SetTableComment>(ops[7]).to, std::optional<std::string>("hi"));
  EXPECT_TRUE(std::get<AddConstraint>(ops[8]).not_valid);
  EXPECT_EQ(std::get<AddConstraint>(ops[9]).using_index, std::optional<std::string>("ix"));
  EXPECT_TRUE(std::get<CreateIndex>(ops[11]).concurrently);
  EXPECT_TRUE(std::get<RecreateEnum>(ops[14]).usages.empty());
  EXPECT_EQ(std::get<RecreateEnum>(ops[15]).usages.size(), 1u);
  EXPECT_EQ(std::get<AddEnumLabel>(ops[16]).after, std::optional<std::string>("a"));
  EXPECT_EQ(std::get<Backfill>(ops[18]).key, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(std::get<Backfill>(ops[18]).batch_size, 7u);
  EXPECT_EQ(std::get<Backfill>(ops[19]).key, std::vector<std::string>{"id"});
  EXPECT_EQ(std::get<ExecuteSql>(ops[20]).sql, "SELECT 1");
}

// The same options through the owned (full) API, as hand-written files pass
// them: a std::string, an optional, a braced list of usages.
TEST(LightInclude, OwnedCallsTakeTheSameOptions) {
  Ops op;
  const std::string index = "ix";
  op.add_unique("t", UniqueConstraint{.name = "u", .columns = {"a"}}, {.using_index = index});
  op.set_table_comment("t", std::optional<std::string>("c"));
  op.recreate_enum({.name = "e", .labels = {"a"}}, {.name = "e"},
                   {EnumUsage{.table = "t", .column = "c"}});
  op.alter_column("t", Column{.name = "c", .type = "text"}, Column{.name = "c", .type = "int"},
                  std::string("c::int"));
  const OpList& ops = op.recorded();
  ASSERT_EQ(ops.size(), 4u);
  EXPECT_EQ(std::get<AddConstraint>(ops[0]).using_index, std::optional<std::string>("ix"));
  EXPECT_EQ(std::get<SetTableComment>(ops[1]).to, std::optional<std::string>("c"));
  EXPECT_EQ(std::get<RecreateEnum>(ops[2]).usages.size(), 1u);
  EXPECT_EQ(std::get<AlterColumn>(ops[3]).using_sql, std::optional<std::string>("c::int"));
}

}  // namespace
}  // namespace structmig
