// extract_models on valid models parsed from in-memory code: the basic
// column and table annotations, which structs count, and the deterministic
// order. (Types: extract_types_test; constraints and indexes:
// extract_constraints_test; enums: extract_enums_test.)
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include <gtest/gtest.h>

#include "parse_models.hpp"

namespace structmig::extract::testing {
namespace {

Column column(std::string name, std::string type, bool nullable = false) {
  Column result;
  result.name = std::move(name);
  result.type = std::move(type);
  result.nullable = nullable;
  return result;
}

// Parses code that must be free of diagnostics.
Schema extract_clean(std::string_view code) {
  ModelParse parse = parse_models(code);
  for (const CapturedDiagnostic& diagnostic : parse.diagnostics) {
    ADD_FAILURE() << "unexpected diagnostic " << diagnostic;
  }
  return parse.schema;
}

TEST(Extract, ExampleModel) {
  Schema schema = extract_clean(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(varchar(200)) std::string title;
  STRUCTMIG_COLUMN(varchar(20), default("'normal'")) std::string priority;
  std::int64_t user_id;                                   // un-annotated field = plain NOT NULL column
  std::optional<std::string> description;                 // nullable text
  STRUCTMIG_COLUMN(default("now()")) structmig::timestamp created_at;
  STRUCTMIG_COLUMN(unique) std::string email;
};
struct STRUCTMIG_TABLE(memberships, primary_key(user_id, org_id)) Membership {
  std::int64_t user_id;
  std::int64_t org_id;
};
)model");

  Table tickets;
  tickets.name = "tickets";
  tickets.columns = {column("id", "bigint"),
                     column("title", "character varying(200)"),
                     column("priority", "character varying(20)"),
                     column("user_id", "bigint"),
                     column("description", "text", true),
                     column("created_at", "timestamp with time zone"),
                     column("email", "text")};
  tickets.columns[2].default_sql = "'normal'";
  tickets.columns[5].default_sql = "now()";
  tickets.primary_key = {"id"};
  tickets.primary_key_name = "pk_tickets";
  tickets.uniques = {UniqueConstraint{"uq_tickets_email", {"email"}}};
  Table memberships;
  memberships.name = "memberships";
  memberships.columns = {column("user_id", "bigint"), column("org_id", "bigint")};
  memberships.primary_key = {"user_id", "org_id"};
  memberships.primary_key_name = "pk_memberships";
  Schema expected;
  expected.tables = {memberships, tickets};
  EXPECT_EQ(schema, expected);
}

TEST(Extract, ColumnAnnotations) {
  Schema schema = extract_clean(R"model(
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key, name("user_id")) std::int64_t id;
  STRUCTMIG_COLUMN(varchar(320), unique, name("email_address")) std::string email;
  STRUCTMIG_COLUMN(default("false")) bool admin;
  STRUCTMIG_COLUMN(default("'it''s'")) STRUCTMIG_COLUMN(unique) std::string motto;
};
)model");
  ASSERT_EQ(schema.tables.size(), 1u);
  const Table& users = schema.tables[0];
  EXPECT_EQ(users.primary_key, std::vector<std::string>{"user_id"});
  Column admin = column("admin", "boolean");
  admin.default_sql = "false";
  Column motto = column("motto", "text");
  motto.default_sql = "'it''s'";
  EXPECT_EQ(users.columns,
            (std::vector<Column>{column("user_id", "bigint"),
                                 column("email_address", "character varying(320)"), admin, motto}));
  EXPECT_EQ(users.uniques,
            (std::vector<UniqueConstraint>{{"uq_users_email_address", {"email_address"}},
                                           {"uq_users_motto", {"motto"}}}));
}

TEST(Extract, CompositeKeys) {
  Schema schema = extract_clean(R"model(
struct STRUCTMIG_TABLE(grants, primary_key(role, user_id)) Grant {
  std::int64_t user_id;
  std::string role;
};
struct STRUCTMIG_TABLE(tags) Tag {
  STRUCTMIG_COLUMN(primary_key) std::int64_t post_id;
  STRUCTMIG_COLUMN(primary_key, varchar(30)) std::string tag;
};
struct STRUCTMIG_TABLE(renamed, primary_key(key_a)) Renamed {
  STRUCTMIG_COLUMN(name("key_a")) std::int64_t a;
};
)model");
  ASSERT_EQ(schema.tables.size(), 3u);
  EXPECT_EQ(schema.tables[0].name, "grants");
  EXPECT_EQ(schema.tables[0].primary_key, (std::vector<std::string>{"role", "user_id"}));
  EXPECT_EQ(schema.tables[1].name, "renamed");
  EXPECT_EQ(schema.tables[1].primary_key, std::vector<std::string>{"key_a"});
  EXPECT_EQ(schema.tables[2].name, "tags");
  EXPECT_EQ(schema.tables[2].primary_key, (std::vector<std::string>{"post_id", "tag"}));
}

TEST(Extract, OnlyAnnotatedStructDefinitionsAreTables) {
  Schema schema = extract_clean(R"model(
struct Plain { std::int64_t id; unsigned weird; };
struct [[clang::annotate("something:else")]] Other { int x; };
struct STRUCTMIG_TABLE(things) Thing;
struct Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  static constexpr int version = 2;
  static inline unsigned counter = 0;
  void touch() {}
  struct Nested { unsigned ignored; };
  using Alias = unsigned;
};
namespace app::models {
struct STRUCTMIG_TABLE(scoped) Scoped { STRUCTMIG_COLUMN(primary_key) int id; };
}
)model");
  ASSERT_EQ(schema.tables.size(), 2u);
  EXPECT_EQ(schema.tables[0].name, "scoped");
  EXPECT_EQ(schema.tables[1].name, "things");
  EXPECT_EQ(schema.tables[1].columns, std::vector<Column>{column("id", "bigint")});
}

TEST(Extract, PlainClangAnnotationsWork) {
  Schema schema = extract_clean(R"model(
struct [[clang::annotate("structmig:table:events")]] Event {
  [[clang::annotate("structmig:column:primary_key")]] std::int64_t id;
  [[clang::annotate("structmig:column:default(\"now()\")")]] structmig::timestamp at;
};
)model");
  ASSERT_EQ(schema.tables.size(), 1u);
  EXPECT_EQ(schema.tables[0].primary_key, std::vector<std::string>{"id"});
  EXPECT_EQ(schema.tables[0].columns[1].default_sql, "now()");
}

TEST(Extract, TablesAreSortedByNameWhateverTheDeclarationOrder) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(zebras) Z { STRUCTMIG_COLUMN(primary_key) int id; };
struct STRUCTMIG_TABLE(apples) A { STRUCTMIG_COLUMN(primary_key) int id; };
struct STRUCTMIG_TABLE(mangos) M { STRUCTMIG_COLUMN(primary_key) int id; };
)model";
  Schema first = extract_clean(kCode);
  ASSERT_EQ(first.tables.size(), 3u);
  EXPECT_EQ(first.tables[0].name, "apples");
  EXPECT_EQ(first.tables[1].name, "mangos");
  EXPECT_EQ(first.tables[2].name, "zebras");
  EXPECT_EQ(extract_clean(kCode), first);
}

}  // namespace
}  // namespace structmig::extract::testing
