// Golden-text tests of the SQL for enum types: labels as escaped literals,
// positions of a new label, and RecreateEnum's rename-aside conversion.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "structmig/naming.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

using Statements = std::vector<std::string>;

TEST(SqlEnum, CreateDropRename) {
  EXPECT_EQ(to_sql(CreateEnum{{"mood", {"sad", "it's ok", "happy"}}}),
            Statements{"CREATE TYPE \"mood\" AS ENUM ('sad', 'it''s ok', 'happy')"});
  EXPECT_EQ(to_sql(CreateEnum{{"Empty", {}}}), Statements{"CREATE TYPE \"Empty\" AS ENUM ()"});
  EXPECT_EQ(to_sql(DropEnum{{"mood", {}}}), Statements{"DROP TYPE \"mood\""});
  EXPECT_EQ(to_sql(RenameEnum{"mood", "feeling"}),
            Statements{"ALTER TYPE \"mood\" RENAME TO \"feeling\""});
}

TEST(SqlEnum, AddLabelAtTheEndBeforeOrAfter) {
  EXPECT_EQ(to_sql(AddEnumLabel{.type = "mood", .label = "ecstatic"}),
            Statements{"ALTER TYPE \"mood\" ADD VALUE 'ecstatic'"});
  EXPECT_EQ(to_sql(AddEnumLabel{.type = "mood", .label = "meh", .before = "happy"}),
            Statements{"ALTER TYPE \"mood\" ADD VALUE 'meh' BEFORE 'happy'"});
  EXPECT_EQ(to_sql(AddEnumLabel{.type = "mood", .label = "o'k", .after = "sad"}),
            Statements{"ALTER TYPE \"mood\" ADD VALUE 'o''k' AFTER 'sad'"});
  EXPECT_THROW(to_sql(AddEnumLabel{.type = "mood", .label = "x", .before = "a", .after = "b"}),
               structmig::InvalidOperation);
}

TEST(SqlEnum, RenameLabel) {
  EXPECT_EQ(to_sql(RenameEnumLabel{"mood", "sad", "blue\\"}),
            Statements{"ALTER TYPE \"mood\" RENAME VALUE 'sad' TO E'blue\\\\'"});
}

TEST(SqlRecreateEnum, ConvertsEveryUsageThroughText) {
  RecreateEnum op{.from = {"status", {"open", "closed", "archived"}},
                  .to = {"status", {"closed", "open"}},
                  .usages = {EnumUsage{"tickets", "status", false, "'open'::status"},
                             EnumUsage{"tickets", "history", true, std::nullopt},
                             EnumUsage{"we\"ird", "flags", true, "'{}'::status[]"}}};
  EXPECT_EQ(
      to_sql(op),
      (Statements{
          "ALTER TYPE \"status\" RENAME TO \"status__structmig_old\"",
          "CREATE TYPE \"status\" AS ENUM ('closed', 'open')",
          "ALTER TABLE \"tickets\" ALTER COLUMN \"status\" DROP DEFAULT, ALTER COLUMN \"status\" "
          "TYPE \"status\" USING \"status\"::text::\"status\"",
          "ALTER TABLE \"tickets\" ALTER COLUMN \"status\" SET DEFAULT 'open'::status",
          "ALTER TABLE \"tickets\" ALTER COLUMN \"history\" TYPE \"status\"[] USING "
          "\"history\"::text[]::\"status\"[]",
          "ALTER TABLE \"we\"\"ird\" ALTER COLUMN \"flags\" DROP DEFAULT, ALTER COLUMN \"flags\" "
          "TYPE \"status\"[] USING \"flags\"::text[]::\"status\"[]",
          "ALTER TABLE \"we\"\"ird\" ALTER COLUMN \"flags\" SET DEFAULT '{}'::status[]",
          "DROP TYPE \"status__structmig_old\""}));
}

TEST(SqlRecreateEnum, WithoutUsagesAndWithALongName) {
  std::string name(60, 'e');
  std::string old_name = fit_identifier(name + "__structmig_old");
  ASSERT_LE(old_name.size(), max_identifier_bytes);
  EXPECT_EQ(
      to_sql(RecreateEnum{{name, {"a", "b"}}, {name, {"b"}}, {}}),
      (Statements{"ALTER TYPE \"" + name + "\" RENAME TO \"" + old_name + "\"",
                  "CREATE TYPE \"" + name + "\" AS ENUM ('b')", "DROP TYPE \"" + old_name + "\""}));
}

TEST(SqlRecreateEnum, DifferentNamesAreRejected) {
  EXPECT_THROW(to_sql(RecreateEnum{{"a", {"x"}}, {"b", {"x"}}, {}}), structmig::InvalidOperation);
}

TEST(SqlRecreateEnum, TheInverseOfAddEnumLabelRecreatesWithoutIt) {
  AddEnumLabel add{.type = "mood",
                   .label = "meh",
                   .after = "sad",
                   .type_before = {"mood", {"sad", "happy"}},
                   .usages = {EnumUsage{"people", "mood", false, std::nullopt}}};
  EXPECT_EQ(to_sql(reverse(Op{add})),
            (Statements{"ALTER TYPE \"mood\" RENAME TO \"mood__structmig_old\"",
                        "CREATE TYPE \"mood\" AS ENUM ('sad', 'happy')",
                        "ALTER TABLE \"people\" ALTER COLUMN \"mood\" TYPE \"mood\" USING "
                        "\"mood\"::text::\"mood\"",
                        "DROP TYPE \"mood__structmig_old\""}));
}

}  // namespace
}  // namespace structmig
