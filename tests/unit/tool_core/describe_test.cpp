// The one-line descriptions of operations used by the drift report.
#include "diff/describe.hpp"

#include <gtest/gtest.h>

namespace structmig::diff {
namespace {

const Column kPriority{
    .name = "priority", .type = "character varying(20)", .default_sql = "'normal'"};

TEST(Describe, EveryOpKind) {
  const std::vector<Op> ops = {
      CreateTable{{.name = "tickets"}},
      DropTable{{.name = "tickets"}},
      AddColumn{"tickets", kPriority},
      AddColumn{"tickets", {.name = "note", .type = "text", .nullable = true}},
      AddColumn{"users", {.name = "email", .type = "text", .unique = true}},
      DropColumn{"tickets", kPriority},
      SetPrimaryKey{"tickets", {"id"}, {"id", "tenant_id"}},
      SetPrimaryKey{"tickets", {}, {"id"}},
      ExecuteSql{"UPDATE tickets SET priority = 'high'"},
  };
  const std::vector<std::string> expected = {
      "create table tickets",
      "drop table tickets",
      "add column tickets.priority character varying(20) NOT NULL DEFAULT 'normal'",
      "add column tickets.note text",
      "add column users.email text NOT NULL UNIQUE",
      "drop column tickets.priority",
      "primary key of tickets: (id) -> (id, tenant_id)",
      "primary key of tickets: none -> (id)",
      "execute SQL",
  };
  EXPECT_EQ(describe(ops), expected);
}

TEST(Describe, AlterListsOnlyWhatChanges) {
  const Column text{.name = "title", .type = "text"};
  Column all = text;
  all.type = "character varying(200)";
  all.nullable = true;
  all.default_sql = "'x'";
  EXPECT_EQ(describe(AlterColumn{"tickets", text, all, std::nullopt}),
            "alter column tickets.title: type text -> character varying(200); NOT NULL -> NULL; "
            "default none -> 'x'");

  Column nullable = text;
  nullable.nullable = true;
  EXPECT_EQ(describe(AlterColumn{"tickets", nullable, text, std::nullopt}),
            "alter column tickets.title: NULL -> NOT NULL");

  Column with_default = text;
  with_default.default_sql = "''";
  EXPECT_EQ(describe(AlterColumn{"tickets", with_default, text, std::nullopt}),
            "alter column tickets.title: default '' -> none");

  Column unique = text;
  unique.unique = true;
  EXPECT_EQ(describe(AlterColumn{"tickets", text, unique, std::nullopt}),
            "alter column tickets.title: unique no -> yes");
  EXPECT_EQ(describe(AlterColumn{"tickets", unique, text, std::nullopt}),
            "alter column tickets.title: unique yes -> no");
}

TEST(Describe, EmptyListGivesNoLines) { EXPECT_TRUE(describe(std::vector<Op>{}).empty()); }

}  // namespace
}  // namespace structmig::diff
