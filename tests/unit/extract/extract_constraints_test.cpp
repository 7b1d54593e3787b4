// Every column and table argument through Clang, with the values it gives:
// keys, unique constraints, indexes (keys, method, predicate, uniqueness),
// checks, foreign keys (actions, composite, to a primary key), identity,
// comments and renamed_from hints; names by the convention of
// structmig/naming.hpp unless the model gives one.
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include <gtest/gtest.h>

#include "parse_models.hpp"
#include "structmig/naming.hpp"

namespace structmig::extract::testing {
namespace {

ModelParse parse_clean(std::string_view code) {
  ModelParse parse = parse_models(code);
  for (const CapturedDiagnostic& diagnostic : parse.diagnostics) {
    ADD_FAILURE() << "unexpected diagnostic " << diagnostic;
  }
  return parse;
}

const Table& table_named(const Schema& schema, std::string_view name) {
  const Table* table = schema.find_table(name);
  if (table == nullptr) {
    static const Table kNone;
    ADD_FAILURE() << "no table " << name;
    return kNone;
  }
  return *table;
}

TEST(ExtractConstraints, ColumnArguments) {
  ModelParse parse = parse_clean(R"model(
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
};
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key, identity(always)) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_delete = cascade, on_update = restrict)) std::int64_t user_id;
  STRUCTMIG_COLUMN(references(users, on_delete = set_null, name = "fk_assignee")) std::optional<std::int64_t> assignee_id;
  STRUCTMIG_COLUMN(unique, varchar(200), comment("Shown in lists")) std::string title;
  STRUCTMIG_COLUMN(unique(name = "uq_ticket_code"), index(using = hash)) std::string code;
  STRUCTMIG_COLUMN(check("rating BETWEEN 1 AND 5"), check("rating <> 3", name = "ck_not_three"),
                   check("rating <> 4", name = not_four)) std::int32_t rating;
  STRUCTMIG_COLUMN(index) std::string status;
  STRUCTMIG_COLUMN(index(unique, where = "status = 'open'", name = "ux_open_subject"))
      std::string subject;
  STRUCTMIG_COLUMN(index(using = gin)) std::vector<std::string> tags;
  STRUCTMIG_COLUMN(renamed_from(body)) std::string description;
};
)model");
  ASSERT_EQ(parse.schema.tables.size(), 2u);
  const Table& tickets = table_named(parse.schema, "tickets");
  EXPECT_EQ(tickets.primary_key, std::vector<std::string>{"id"});
  EXPECT_EQ(tickets.primary_key_name, "pk_tickets");
  EXPECT_EQ(tickets.columns[0].identity, Identity::always);
  EXPECT_EQ(table_named(parse.schema, "users").columns[0].identity, Identity::by_default);
  EXPECT_EQ(tickets.columns[1].identity, Identity::none);
  EXPECT_EQ(tickets.columns[3].comment, "Shown in lists");
  EXPECT_EQ(tickets.columns[3].type, "character varying(200)");
  EXPECT_EQ(tickets.columns[4].comment, std::nullopt);

  EXPECT_EQ(tickets.foreign_keys, (std::vector<ForeignKey>{{"fk_assignee",
                                                            {"assignee_id"},
                                                            "users",
                                                            {"id"},
                                                            ForeignKeyAction::set_null,
                                                            ForeignKeyAction::no_action},
                                                           {"fk_tickets_user_id_users",
                                                            {"user_id"},
                                                            "users",
                                                            {"id"},
                                                            ForeignKeyAction::cascade,
                                                            ForeignKeyAction::restrict}}));
  EXPECT_EQ(tickets.uniques, (std::vector<UniqueConstraint>{{"uq_ticket_code", {"code"}},
                                                            {"uq_tickets_title", {"title"}}}));
  EXPECT_EQ(tickets.checks,
            (std::vector<CheckConstraint>{{"ck_not_three", "rating <> 3"},
                                          {"ck_tickets_not_four", "rating <> 4"},
                                          {"ck_tickets_rating", "rating BETWEEN 1 AND 5"}}));
  Index code{"ix_tickets_code", {{"code", ""}}, false, "hash", std::nullopt};
  Index status{"ix_tickets_status", {{"status", ""}}, false, "btree", std::nullopt};
  Index tags{"ix_tickets_tags", {{"tags", ""}}, false, "gin", std::nullopt};
  Index subject{"ux_open_subject", {{"subject", ""}}, true, "btree", "status = 'open'"};
  EXPECT_EQ(tickets.indexes, (std::vector<Index>{code, status, tags, subject}));

  RenameHints hints;
  hints.columns[{"tickets", "description"}] = "body";
  EXPECT_EQ(parse.hints, hints);
}

TEST(ExtractConstraints, TableArguments) {
  ModelParse parse = parse_clean(R"model(
struct STRUCTMIG_TABLE(organizations, primary_key(id, region, name = "organizations_pkey")) Organization {
  std::int64_t id;
  STRUCTMIG_COLUMN(varchar(8)) std::string region;
};
struct STRUCTMIG_TABLE(members,
                       primary_key(org_id, email),
                       unique(org_id, handle),
                       unique(email, handle, name = "members_email_handle_key"),
                       index(org_id, "lower(email)", unique, using = btree, where = "handle <> ''"),
                       index(handle, name = "members_handle_idx", using = brin),
                       check("length(handle) > 2"),
                       check("org_id > 0", name = positive_org),
                       check("org_id < 1000000", name = "org_range"),
                       foreign_key(org_id, region, references = organizations(id, region),
                                   on_delete = cascade, on_update = set_default),
                       foreign_key(org_id, org_region, references = organizations,
                                   name = "fk_members_org"),
                       comment("Who belongs where"),
                       renamed_from(memberships)) Member {
  std::int64_t org_id;
  STRUCTMIG_COLUMN(varchar(8)) std::string region;
  STRUCTMIG_COLUMN(varchar(8)) std::string org_region;
  std::string email;
  std::string handle;
};
)model");
  ASSERT_EQ(parse.schema.tables.size(), 2u);
  const Table& members = table_named(parse.schema, "members");
  EXPECT_EQ(members.primary_key, (std::vector<std::string>{"org_id", "email"}));
  EXPECT_EQ(members.primary_key_name, "pk_members");
  EXPECT_EQ(table_named(parse.schema, "organizations").primary_key_name, "organizations_pkey");
  EXPECT_EQ(members.comment, "Who belongs where");
  EXPECT_EQ(members.uniques,
            (std::vector<UniqueConstraint>{{"members_email_handle_key", {"email", "handle"}},
                                           {"uq_members_org_id_handle", {"org_id", "handle"}}}));
  std::string hashed = check_name("members", "", "length(handle) > 2");
  EXPECT_EQ(hashed.substr(0, 11), "ck_members_");
  EXPECT_EQ(hashed.size(), 19u);  // ck_members_ + 8 hex digits
  EXPECT_EQ(members.checks, (std::vector<CheckConstraint>{{hashed, "length(handle) > 2"},
                                                          {"ck_members_positive_org", "org_id > 0"},
                                                          {"org_range", "org_id < 1000000"}}));
  EXPECT_EQ(members.foreign_keys,
            (std::vector<ForeignKey>{{"fk_members_org",
                                      {"org_id", "org_region"},
                                      "organizations",
                                      {"id", "region"},
                                      ForeignKeyAction::no_action,
                                      ForeignKeyAction::no_action},
                                     {"fk_members_org_id_region_organizations",
                                      {"org_id", "region"},
                                      "organizations",
                                      {"id", "region"},
                                      ForeignKeyAction::cascade,
                                      ForeignKeyAction::set_default}}));
  std::vector<IndexKey> keys = {{"org_id", ""}, {"", "lower(email)"}};
  Index expression{index_name("members", keys, true), keys, true, "btree", "handle <> ''"};
  EXPECT_EQ(expression.name.substr(0, 18), "ux_members_org_id_");
  Index handle{"members_handle_idx", {{"handle", ""}}, false, "brin", std::nullopt};
  EXPECT_EQ(members.indexes, (std::vector<Index>{handle, expression}));

  RenameHints hints;
  hints.tables["members"] = "memberships";
  EXPECT_EQ(parse.hints, hints);
}

TEST(ExtractConstraints, ForeignKeysToUniqueColumnsAndToItself) {
  ModelParse parse = parse_clean(R"model(
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(unique) std::string email;
  STRUCTMIG_COLUMN(index(unique)) std::string handle;
  STRUCTMIG_COLUMN(references(users.id)) std::optional<std::int64_t> manager_id;
};
struct STRUCTMIG_TABLE(invites) Invite {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.email)) std::string email;
  STRUCTMIG_COLUMN(references(users(handle))) std::string handle;
};
)model");
  const Table& invites = table_named(parse.schema, "invites");
  ASSERT_EQ(invites.foreign_keys.size(), 2u);
  EXPECT_EQ(invites.foreign_keys[0].referenced_columns, std::vector<std::string>{"email"});
  EXPECT_EQ(invites.foreign_keys[1].referenced_columns, std::vector<std::string>{"handle"});
  const Table& users = table_named(parse.schema, "users");
  ASSERT_EQ(users.foreign_keys.size(), 1u);
  EXPECT_EQ(users.foreign_keys[0].name, "fk_users_manager_id_users");
  EXPECT_EQ(users.foreign_keys[0].referenced_table, "users");
}

TEST(ExtractConstraints, ChecksMayNameAnyColumnInSqlThatIsNotOne) {
  // Keywords, functions, casts, typed literals, strings and quoted names
  // of real columns are not mistaken for missing columns.
  ModelParse parse = parse_clean(R"model(
struct STRUCTMIG_TABLE(events) Event {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(check("starts_at < \"Ends\" AND starts_at > now() - interval '1 year'"))
      structmig::timestamp starts_at;
  STRUCTMIG_COLUMN(name("Ends"), check("\"Ends\" IS NULL OR \"Ends\"::date <> CURRENT_DATE"))
      structmig::timestamp ends_at;
  STRUCTMIG_COLUMN(check("kind IN ('a', 'b') AND kind::character varying(4) NOT LIKE 'x%'"))
      std::string kind;
};
)model");
  ASSERT_EQ(parse.schema.tables.size(), 1u);
  EXPECT_EQ(parse.schema.tables[0].checks.size(), 3u);
}

TEST(ExtractConstraints, PrimaryKeyColumnsAreNeverNullable) {
  ModelParse parse = parse_models(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::optional<std::int64_t> id;
};
)model");
  EXPECT_EQ(parse.errors().size(), 1u);  // reported, and still NOT NULL in the schema
  ASSERT_EQ(parse.schema.tables.size(), 1u);
  EXPECT_FALSE(parse.schema.tables[0].columns[0].nullable);
}

}  // namespace
}  // namespace structmig::extract::testing

namespace structmig::extract::testing {
namespace {

TEST(ExtractConstraints, ExcludeTableArgument) {
  ModelParse parse = parse_clean(R"model(
struct STRUCTMIG_TABLE(bookings,
                       exclude("room WITH =", "label with =", using = btree),
                       exclude("room WITH <>", using = btree, where = "room > 0", name = "ex_rooms")) Booking {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int32_t room;
  std::string label;
};
)model");
  ASSERT_EQ(parse.schema.tables.size(), 1u);
  const Table& bookings = table_named(parse.schema, "bookings");
  ASSERT_EQ(bookings.excludes.size(), 2u);
  EXPECT_EQ(bookings.excludes[0], (ExcludeConstraint{.name = "ex_bookings_room_label",
                                                     .method = "btree",
                                                     .columns = {"room", "label"},
                                                     .operators = {"=", "="}}));
  EXPECT_EQ(bookings.excludes[0].name, exclude_name("bookings", {"room", "label"}));
  EXPECT_EQ(bookings.excludes[1], (ExcludeConstraint{.name = "ex_rooms",
                                                     .method = "btree",
                                                     .columns = {"room"},
                                                     .operators = {"<>"},
                                                     .where = "room > 0"}));
}

TEST(ExtractConstraints, ExcludeMistakesAreReported) {
  const ModelParse parse = parse_models(R"model(
struct STRUCTMIG_TABLE(bookings, exclude("room =")) A {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int32_t room;
};
struct STRUCTMIG_TABLE(rooms, exclude("nope WITH =", using = btree)) B {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int32_t room;
};
)model");
  ASSERT_EQ(parse.diagnostics.size(), 2u);
  EXPECT_NE(parse.diagnostics[0].message.find("column WITH operator"), std::string::npos)
      << parse.diagnostics[0];
  EXPECT_NE(parse.diagnostics[1].message.find("nope"), std::string::npos) << parse.diagnostics[1];
}

}  // namespace
}  // namespace structmig::extract::testing
