// The mistakes only visible with every table read, each at its exact line
// and column: foreign keys to unknown tables or columns, with the wrong
// number or type of columns, or to columns that are not unique; and names
// that PostgreSQL would refuse because another relation or constraint has it.
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include <gtest/gtest.h>

#include "expect_diagnostics.hpp"

namespace structmig::extract::testing {
namespace {

constexpr std::string_view kReferenced = R"model(
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::string email;
  STRUCTMIG_COLUMN(unique) std::string handle;
};
struct STRUCTMIG_TABLE(orgs, primary_key(id, region)) Org {
  std::int64_t id;
  STRUCTMIG_COLUMN(varchar(8)) std::string region;
};
)model";

// The referenced tables, then `code`.
std::string with_referenced(std::string_view code) {
  return std::string(kReferenced) + std::string(code);
}

TEST(ResolveDiagnostics, ForeignKeyToAnUnknownTable) {
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(userz.id)) std::int64_t user_id;
};
)model"),
                    "userz", "foreign key references unknown table 'userz'; did you mean 'users'?");
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets, foreign_key(id, references = teams(id))) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model"),
                    "teams", "foreign key references unknown table 'teams'");
}

TEST(ResolveDiagnostics, ForeignKeyToAnUnknownColumn) {
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(users . idd)) std::int64_t user_id;
};
)model"),
                    "idd",
                    "foreign key references unknown column 'idd' of table 'users'; did you mean "
                    "'id'?");
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets, foreign_key(org_id, org_region,
                                            references = orgs(id, territory))) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int64_t org_id;
  std::string org_region;
};
)model"),
                    "territory",
                    "foreign key references unknown column 'territory' of table 'orgs'");
}

TEST(ResolveDiagnostics, ForeignKeyColumnCountMismatch) {
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(orgs)) std::int64_t org_id;
};
)model"),
                    "references(orgs)",
                    "foreign key has 1 column but references 2 columns of table 'orgs' (id, "
                    "region)");
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets, foreign_key(org_id, references = orgs(id, region))) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int64_t org_id;
};
)model"),
                    "foreign_key", "foreign key has 1 column but references 2 columns");
}

TEST(ResolveDiagnostics, ForeignKeyColumnTypeMismatch) {
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id)) std::int32_t user_id;
};
)model"),
                    "references(users.id)",
                    "foreign key column 'user_id' has type 'integer' but the referenced column "
                    "'users.id' has type 'bigint'");
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets, foreign_key(org_id, org_region, references = orgs)) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int64_t org_id;
  std::string org_region;
};
)model"),
                    "org_region,",
                    "foreign key column 'org_region' has type 'text' but the referenced column "
                    "'orgs.region' has type 'character varying(8)'");
}

TEST(ResolveDiagnostics, ForeignKeyToColumnsThatAreNotUnique) {
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(invites) Invite {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.email)) std::string email;
  STRUCTMIG_COLUMN(references(users.handle)) std::string handle;
};
)model"),
                    "email))",
                    "foreign key references (email) of table 'users', which is neither its "
                    "primary key nor unique");
  expect_only_error(with_referenced(R"model(
struct STRUCTMIG_TABLE(tickets, foreign_key(org_id, references = orgs(id))) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int64_t org_id;
};
)model"),
                    "id)))", "foreign key references (id) of table 'orgs'");
}

TEST(ResolveDiagnostics, RelationNamesAreSharedByTablesIndexesAndKeys) {
  expect_diagnostics(R"model(
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(index(name = "users")) std::string email;
};
struct STRUCTMIG_TABLE(teams, primary_key(id, name = "pk_users")) Team {
  std::int64_t id;
  STRUCTMIG_COLUMN(unique(name = "uq_shared")) std::string code;
};
struct STRUCTMIG_TABLE(rooms, unique(code, name = "uq_shared")) Room {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::string code;
};
)model",
                     {{"error", "name = \"users\"",
                       "index name 'users' is already used by table 'users'; tables, indexes, "
                       "unique constraints and primary keys share one name space in PostgreSQL"},
                      {"note", "User", "'users' first used here"},
                      {"error", "name = \"pk_users\"",
                       "primary key name 'pk_users' is already used by the primary key of table "
                       "'users'"},
                      {"note", "primary_key)", "'pk_users' first used here"},
                      {"error", "name = \"uq_shared\"",
                       "unique constraint name 'uq_shared' is already used by a unique "
                       "constraint of table 'teams'",
                       2},
                      {"note", "name = \"uq_shared\"", "'uq_shared' first used here"}});
}

TEST(ResolveDiagnostics, ConstraintNamesAreUniquePerTable) {
  expect_diagnostics(R"model(
struct STRUCTMIG_TABLE(tickets, index(status)) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(unique(name = "x"), index) std::string status;
  STRUCTMIG_COLUMN(check("priority > 0", name = "x")) std::int32_t priority;
};
struct STRUCTMIG_TABLE(other) Other {
  STRUCTMIG_COLUMN(primary_key, check("id > 0", name = "x")) std::int64_t id;
};
)model",
                     {{"error", "index)",
                       "index name 'ix_tickets_status' is already used by an index of table "
                       "'tickets'"},
                      {"note", "index(status)", "'ix_tickets_status' first used here"},
                      {"error", "name = \"x\"",
                       "check constraint name 'x' is already used by a unique constraint of table "
                       "'tickets'; the constraints of a table need distinct names",
                       2},
                      {"note", "name = \"x\"", "'x' first used here"}});
}

// A table declared inside another comes after it in the tables' order but
// before the outer table's later fields in the source: the first name in
// source order still keeps it.
TEST(ResolveDiagnostics, FirstInSourceOrderAcrossNestedTables) {
  expect_diagnostics(R"model(
struct STRUCTMIG_TABLE(outers) Outer {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  struct STRUCTMIG_TABLE(inners) Inner {
    STRUCTMIG_COLUMN(primary_key) std::int64_t id;
    STRUCTMIG_COLUMN(index(name = "shared")) std::string code;
  };
  STRUCTMIG_COLUMN(index(name = "shared")) std::string code;
};
)model",
                     {{"error", "name = \"shared\"",
                       "index name 'shared' is already used by an index of table 'inners'", 2},
                      {"note", "name = \"shared\"", "'shared' first used here"}});
}

TEST(ResolveDiagnostics, ExtractionCarriesOnAfterResolutionErrors) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(nowhere.id)) std::int64_t a;
  STRUCTMIG_COLUMN(references(tickets.id)) std::int64_t parent_id;
};
)model";
  ModelParse parse = parse_models(kCode);
  EXPECT_EQ(parse.errors().size(), 1u) << ::testing::PrintToString(parse.diagnostics);
  ASSERT_EQ(parse.schema.tables.size(), 1u);
  ASSERT_EQ(parse.schema.tables[0].foreign_keys.size(), 1u);
  EXPECT_EQ(parse.schema.tables[0].foreign_keys[0].referenced_table, "tickets");
}

}  // namespace
}  // namespace structmig::extract::testing
