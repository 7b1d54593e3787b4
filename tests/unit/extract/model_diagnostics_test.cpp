// The mistakes in enums, column and table arguments that extract_models
// reports, each at its exact line and column: enum names and labels, enum
// types, identity misuse, unknown index methods and foreign key actions,
// columns a key or index names that do not exist, checks and index SQL that
// name missing columns, renamed_from naming itself.
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include <gtest/gtest.h>

#include "expect_diagnostics.hpp"

namespace structmig::extract::testing {
namespace {

// ---- enums -----------------------------------------------------------------

TEST(ModelDiagnostics, EnumWithoutAName) {
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM(renamed_from(old)) Status { a };
)model",
                    "renamed_from", "STRUCTMIG_ENUM needs the enum type's name");
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM() Status { a };
)model",
                    "STRUCTMIG_ENUM", "STRUCTMIG_ENUM needs the enum type's name");
}

TEST(ModelDiagnostics, EmptyLabel) {
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM(status) Status { a, b STRUCTMIG_LABEL("") };
)model",
                    "\"\"", "enum label cannot be empty");
}

TEST(ModelDiagnostics, DuplicateLabelAtTheSecondWithANote) {
  expect_diagnostics(R"model(
enum class STRUCTMIG_ENUM(status) Status {
  open,
  opened STRUCTMIG_LABEL("open"),
  closed,
  done STRUCTMIG_LABEL("closed"),
};
)model",
                     {{"error", "\"open\"", "duplicate label 'open' in enum 'status'"},
                      {"note", "open,", "label 'open' first declared here"},
                      {"error", "\"closed\"", "duplicate label 'closed' in enum 'status'"},
                      {"note", "closed,", "label 'closed' first declared here"}});
}

TEST(ModelDiagnostics, LabelLongerThan63Bytes) {
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM(status) Status {
  fine STRUCTMIG_LABEL("123456789012345678901234567890123456789012345678901234567890123"),
  too_long STRUCTMIG_LABEL("1234567890123456789012345678901234567890123456789012345678901234"),
};
)model",
                    "\"1234567890123456789012345678901234567890123456789012345678901234\"",
                    "enum label '1234567890123456789012345678901234567890123456789012345678901234' "
                    "is 64 bytes long; PostgreSQL allows at most 63");
}

TEST(ModelDiagnostics, UnknownLabelArgument) {
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM(status) Status { a STRUCTMIG_LABEL("x", renamed_form("y")) };
)model",
                    "renamed_form",
                    "unknown annotation argument 'renamed_form'; did you mean 'renamed_from'?");
}

TEST(ModelDiagnostics, DuplicateEnumName) {
  expect_diagnostics(R"model(
enum class STRUCTMIG_ENUM(status) A { a };
enum class STRUCTMIG_ENUM(status) B { b };
)model",
                     {{"error", "status", "duplicate enum name 'status'", 2},
                      {"note", "status", "enum 'status' first declared here", 1}});
}

TEST(ModelDiagnostics, EnumNamedLikeATable) {
  expect_diagnostics(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket { STRUCTMIG_COLUMN(primary_key) std::int64_t id; };
enum class STRUCTMIG_ENUM(tickets) Kind { a };
)model",
                     {{"error", "tickets", "enum name 'tickets' is also the name of a table", 2},
                      {"note", "Ticket", "table 'tickets' first declared here"}});
}

TEST(ModelDiagnostics, EnumAndLabelRenamedFromThemselves) {
  expect_diagnostics(R"model(
enum class STRUCTMIG_ENUM(status, renamed_from(status)) Status {
  a STRUCTMIG_LABEL(renamed_from(a)),
};
)model",
                     {{"error", "status)", "enum 'status' cannot be renamed from itself"},
                      {"error", "a)", "label 'a' cannot be renamed from itself"}});
}

TEST(ModelDiagnostics, EnumWithoutStructmigEnumAtTheFieldType) {
  expect_diagnostics(R"model(
enum class Plain { a, b };
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  Plain plain;
  std::vector<Plain> plains;
  std::optional<Plain> maybe;
};
)model",
                     {{"error", "Plain plain",
                       "enum 'Plain' is not a STRUCTMIG_ENUM; annotate it to store it as a "
                       "PostgreSQL enum"},
                      {"error", "std::vector<Plain>", "enum 'Plain' is not a STRUCTMIG_ENUM"},
                      {"error", "std::optional<Plain>", "enum 'Plain' is not a STRUCTMIG_ENUM"}});
}

TEST(ModelDiagnostics, ABrokenEnumAnnotationIsReportedOnce) {
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM(renamed_from(x)) Broken { a };
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  Broken broken;
};
)model",
                    "renamed_from", "STRUCTMIG_ENUM needs the enum type's name");
}

TEST(ModelDiagnostics, LabelsAndEnumAnnotationsThatDoNothingAreWarnings) {
  constexpr std::string_view kCode = R"model(
enum class Plain { a STRUCTMIG_LABEL("x") };
struct STRUCTMIG_ENUM(not_an_enum) S {};
)model";
  ModelParse parse = parse_models(kCode);
  std::vector<CapturedDiagnostic> warnings = parse.with_severity("warning");
  ASSERT_EQ(warnings.size(), 2u) << ::testing::PrintToString(parse.diagnostics);
  EXPECT_EQ(warnings[0].column, position_of(kCode, "a STRUCTMIG").column);
  EXPECT_EQ(warnings[0].message,
            "STRUCTMIG_LABEL has no effect on 'a': its enum has no STRUCTMIG_ENUM annotation");
  EXPECT_EQ(warnings[1].column, position_of(kCode, "S {").column);
  EXPECT_TRUE(parse.errors().empty());
}

// ---- column arguments ------------------------------------------------------

TEST(ModelDiagnostics, IdentityMisuse) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(identity) std::string code;
};
)model",
                    "identity",
                    "identity needs an integer column (smallint, integer or bigint), but column "
                    "'code' has type 'std::string'");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, default("1"), identity) std::int64_t id;
};
)model",
                    "identity", "column 'id' cannot have both identity and default(...)");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(identity) std::optional<std::int32_t> number;
};
)model",
                    "identity", "identity column 'number' cannot be nullable");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(varchar(20)) structmig::defaulted<std::string> status;
};
)model",
                    "structmig::defaulted",
                    "column 'status' has type 'structmig::defaulted<std::string>' (aka "
                    "'defaulted<basic_string<char>>'), but no default(...): structmig::defaulted leaves an empty field to the column's "
                    "server default; add default(\"SQL\") to the column, or use the plain type");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(identity) std::vector<std::int64_t> numbers;
};
)model",
                    "identity", "identity needs an integer column");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, identity(alway)) std::int64_t id;
};
)model",
                    "alway", "unknown identity kind 'alway'; did you mean 'always'?");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, identity(sometimes)) std::int64_t id;
};
)model",
                    "sometimes",
                    "unknown identity kind 'sometimes'; expected one of: always, by_default");
}

TEST(ModelDiagnostics, UnknownIndexMethod) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(index(using = gim)) std::vector<std::string> tags;
};
)model",
                    "gim", "unknown index method 'gim'; did you mean 'gin'?");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things, index(id, using = fancy)) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "fancy",
                    "unknown index method 'fancy'; expected one of: brin, btree, gin, gist, hash, "
                    "spgist");
}

TEST(ModelDiagnostics, UnknownForeignKeyActionOrKeyword) {
  constexpr std::string_view kUsers = R"model(
struct STRUCTMIG_TABLE(users) User { STRUCTMIG_COLUMN(primary_key) std::int64_t id; };
)model";
  expect_only_error(std::string(kUsers) + R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_delete = cascad)) std::int64_t user_id;
};
)model",
                    "cascad", "unknown foreign key action 'cascad'; did you mean 'cascade'?");
  expect_only_error(std::string(kUsers) + R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_update = explode)) std::int64_t user_id;
};
)model",
                    "explode",
                    "unknown foreign key action 'explode'; expected one of: cascade, no_action, "
                    "restrict, set_default, set_null");
  expect_only_error(std::string(kUsers) + R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(users.id, on_delet = cascade)) std::int64_t user_id;
};
)model",
                    "on_delet",
                    "unknown annotation argument 'on_delet'; did you mean 'on_delete'?");
}

TEST(ModelDiagnostics, SecondUnnamedCheckOnAColumnAsksForAName) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(check("rating >= 1"), check("rating <= 5")) std::int32_t rating;
};
)model",
                    "check(\"rating <=",
                    "column 'rating' already has an unnamed check; name this one, as in "
                    "check(\"...\", name = \"ck_...\")");
}

TEST(ModelDiagnostics, CheckNamingAMissingColumnAtTheIdentifier) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(products) Product {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(check("price >= 0 AND pirce < 1000")) double price;
};
)model",
                    "pirce",
                    "check constraint refers to unknown column 'pirce' of table 'products'; did "
                    "you mean 'price'?");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(products, check("\"Price\" > discount", name = cheap)) Product {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  double price;
  double discount;
};
)model",
                    "\\\"Price",
                    "check constraint refers to unknown column 'Price' of table 'products'");
}

TEST(ModelDiagnostics, IndexSqlNamingAMissingColumn) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(users, index("lower(emial)")) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::string email;
};
)model",
                    "emial",
                    "index expression refers to unknown column 'emial' of table 'users'; did you "
                    "mean 'email'?");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(index(where = "deleted IS NULL")) std::string email;
};
)model",
                    "deleted",
                    "index predicate refers to unknown column 'deleted' of table 'users'");
}

TEST(ModelDiagnostics, KeysAndIndexesNamingUnknownColumns) {
  expect_diagnostics(
      R"model(
struct STRUCTMIG_TABLE(members, unique(org_id, emial), index(org_id, handle, org_id),
                       foreign_key(org, references = orgs),
                       primary_key(org_id, nope)) Member {
  std::int64_t org_id;
  std::string email;
};
)model",
      {{"error", "nope", "primary_key(...) names unknown column 'nope' of table 'members'"},
       {"error", "emial",
        "unique(...) names unknown column 'emial' of table 'members'; did you "
        "mean 'email'?"},
       {"error", "org, ref", "foreign_key(...) names unknown column 'org' of table 'members'"},
       {"error", "handle", "index(...) names unknown column 'handle' of table 'members'"},
       {"error", "org_id)", "column 'org_id' appears more than once in index(...)"}});
}

TEST(ModelDiagnostics, RenamedFromItself) {
  expect_diagnostics(R"model(
struct STRUCTMIG_TABLE(things, renamed_from(things)) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(renamed_from(label), name("label")) std::string title;
};
)model",
                     {{"error", "label)", "column 'label' cannot be renamed from itself"},
                      {"error", "things)", "table 'things' cannot be renamed from itself"}});
}

TEST(ModelDiagnostics, ArgumentShapes) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, references(users.id.x)) std::int64_t id;
};
)model",
                    "users.id.x", "annotation argument 'references' expects the referenced table");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things, foreign_key(id)) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "foreign_key",
                    "annotation argument 'foreign_key' expects columns and references");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, check(1)) std::int64_t id;
};
)model",
                    "check", "annotation argument 'check' expects one SQL expression");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, index(id)) std::int64_t id;
};
)model",
                    "id))", "annotation argument 'index' on a column takes unique");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things, index(unique)) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "index", "annotation argument 'index' expects columns");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, comment("")) std::int64_t id;
};
)model",
                    "comment", "annotation argument 'comment' expects one non-empty string");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, "stray") std::int64_t id;
};
)model",
                    "\"stray", "annotation argument '\"stray\"' is a bare string");
}

}  // namespace
}  // namespace structmig::extract::testing
