// The C++ → PostgreSQL type mapping, through Clang: every scalar (through
// typedefs and aliases), the structmig value types, std::vector arrays
// (varchar applying to the element), STRUCTMIG_ENUM enums, and nullability.
// The spellings are PostgreSQL's format_type() ones.
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

// The columns of the only table of `code`, which must be free of diagnostics.
std::vector<Column> columns_of(std::string_view code) {
  ModelParse parse = parse_models(code);
  for (const CapturedDiagnostic& diagnostic : parse.diagnostics) {
    ADD_FAILURE() << "unexpected diagnostic " << diagnostic;
  }
  if (parse.schema.tables.size() != 1) {
    ADD_FAILURE() << "expected one table, got " << parse.schema.tables.size();
    return {};
  }
  return parse.schema.tables[0].columns;
}

TEST(ExtractTypes, MapsEveryScalarTypeThroughAliases) {
  std::vector<Column> columns = columns_of(R"model(
using Id = long;
typedef int Count;
namespace app { using Money = double; }
struct STRUCTMIG_TABLE(types) Types {
  STRUCTMIG_COLUMN(primary_key) Id id;
  bool flag;
  std::int16_t small;
  short also_small;
  std::int32_t medium;
  int also_medium;
  Count count;
  std::int64_t big;
  long long also_big;
  float ratio;
  app::Money amount;
  std::string text;
  std::basic_string<char> also_text;
  structmig::timestamp at;
  std::chrono::system_clock::time_point also_at;
  std::chrono::time_point<std::chrono::system_clock, std::chrono::seconds> at_seconds;
  const std::int64_t constant;
};
)model");
  EXPECT_EQ(
      columns,
      (std::vector<Column>{
          column("id", "bigint"), column("flag", "boolean"), column("small", "smallint"),
          column("also_small", "smallint"), column("medium", "integer"),
          column("also_medium", "integer"), column("count", "integer"), column("big", "bigint"),
          column("also_big", "bigint"), column("ratio", "real"),
          column("amount", "double precision"), column("text", "text"), column("also_text", "text"),
          column("at", "timestamp with time zone"), column("also_at", "timestamp with time zone"),
          column("at_seconds", "timestamp with time zone"), column("constant", "bigint")}));
}

TEST(ExtractTypes, StructmigValueTypes) {
  std::vector<Column> columns = columns_of(R"model(
namespace app { using Price = structmig::numeric<10, 2>; }
struct STRUCTMIG_TABLE(values) Values {
  STRUCTMIG_COLUMN(primary_key) structmig::uuid id;
  structmig::local_timestamp wall_clock;
  std::chrono::local_time<std::chrono::seconds> wall_clock_seconds;
  structmig::date day;
  std::chrono::sys_days also_day;
  std::chrono::time_point<std::chrono::system_clock, std::chrono::duration<int, std::ratio<86400>>> int_day;
  std::chrono::time_point<std::chrono::system_clock, std::chrono::hours> hour;
  structmig::jsonb document;
  structmig::numeric<10, 2> price;
  app::Price aliased_price;
  structmig::numeric<> any_number;
  structmig::numeric<5> whole;
  structmig::bytea blob;
  std::vector<std::byte> also_blob;
};
)model");
  EXPECT_EQ(columns,
            (std::vector<Column>{
                column("id", "uuid"), column("wall_clock", "timestamp without time zone"),
                column("wall_clock_seconds", "timestamp without time zone"), column("day", "date"),
                column("also_day", "date"), column("int_day", "date"),
                column("hour", "timestamp with time zone"), column("document", "jsonb"),
                column("price", "numeric(10,2)"), column("aliased_price", "numeric(10,2)"),
                column("any_number", "numeric"), column("whole", "numeric(5,0)"),
                column("blob", "bytea"), column("also_blob", "bytea")}));
}

TEST(ExtractTypes, VectorsOfEveryScalarAreArrays) {
  std::vector<Column> columns = columns_of(R"model(
enum class STRUCTMIG_ENUM(mood) Mood { happy, sad };
using Tags = std::vector<std::string>;
struct STRUCTMIG_TABLE(arrays) Arrays {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::vector<bool> flags;
  std::vector<std::int16_t> smalls;
  std::vector<std::int32_t> ints;
  std::vector<std::int64_t> bigs;
  std::vector<float> reals;
  std::vector<double> doubles;
  Tags tags;
  STRUCTMIG_COLUMN(varchar(20)) std::vector<std::string> codes;
  std::vector<structmig::timestamp> times;
  std::vector<structmig::local_timestamp> local_times;
  std::vector<structmig::date> days;
  std::vector<structmig::uuid> ids;
  std::vector<structmig::jsonb> documents;
  std::vector<structmig::numeric<10, 2>> prices;
  std::vector<structmig::numeric<>> numbers;
  std::vector<Mood> moods;
  std::optional<std::vector<std::int32_t>> maybe_ints;
  STRUCTMIG_COLUMN(varchar(5)) std::optional<std::vector<std::string>> maybe_codes;
};
)model");
  EXPECT_EQ(
      columns,
      (std::vector<Column>{
          column("id", "bigint"), column("flags", "boolean[]"), column("smalls", "smallint[]"),
          column("ints", "integer[]"), column("bigs", "bigint[]"), column("reals", "real[]"),
          column("doubles", "double precision[]"), column("tags", "text[]"),
          column("codes", "character varying(20)[]"), column("times", "timestamp with time zone[]"),
          column("local_times", "timestamp without time zone[]"), column("days", "date[]"),
          column("ids", "uuid[]"), column("documents", "jsonb[]"),
          column("prices", "numeric(10,2)[]"), column("numbers", "numeric[]"),
          column("moods", "mood[]"), column("maybe_ints", "integer[]", true),
          column("maybe_codes", "character varying(5)[]", true)}));
}

TEST(ExtractTypes, AnnotatedEnumsByTheirNameThroughTypedefs) {
  std::vector<Column> columns = columns_of(R"model(
namespace app {
enum class STRUCTMIG_ENUM(ticket_status) Status { open, closed };
}
using StatusAlias = app::Status;
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  app::Status status;
  StatusAlias also_status;
  std::optional<app::Status> previous_status;
  STRUCTMIG_COLUMN(default("'open'")) app::Status with_default;
};
)model");
  Column with_default = column("with_default", "ticket_status");
  with_default.default_sql = "'open'";
  EXPECT_EQ(columns,
            (std::vector<Column>{column("id", "bigint"), column("status", "ticket_status"),
                                 column("also_status", "ticket_status"),
                                 column("previous_status", "ticket_status", true), with_default}));
}

TEST(ExtractTypes, OptionalMakesColumnsNullable) {
  std::vector<Column> columns = columns_of(R"model(
template <typename T> using Maybe = std::optional<T>;
using OptionalName = std::optional<std::string>;
struct STRUCTMIG_TABLE(people) Person {
  STRUCTMIG_COLUMN(primary_key) std::int32_t id;
  std::optional<std::int64_t> age;
  std::optional<bool> active;
  std::optional<double> score;
  OptionalName nickname;
  Maybe<structmig::timestamp> deleted_at;
  STRUCTMIG_COLUMN(varchar(40)) std::optional<std::string> title;
  std::optional<structmig::bytea> picture;
  std::optional<structmig::date> birthday;
};
)model");
  EXPECT_EQ(
      columns,
      (std::vector<Column>{
          column("id", "integer"), column("age", "bigint", true), column("active", "boolean", true),
          column("score", "double precision", true), column("nickname", "text", true),
          column("deleted_at", "timestamp with time zone", true),
          column("title", "character varying(40)", true), column("picture", "bytea", true),
          column("birthday", "date", true)}));
}

TEST(ExtractTypes, DefaultedIsTheColumnOfItsValueType) {
  Column with_default = column("status", "text");
  with_default.default_sql = "'open'";
  Column nullable_with_default = column("note", "text", true);
  nullable_with_default.default_sql = "'none'";
  Column created = column("created_at", "timestamp with time zone");
  created.default_sql = "now()";
  Column label = column("label", "character varying(20)");
  label.default_sql = "'x'";
  std::vector<Column> columns = columns_of(R"model(
using Created = structmig::defaulted<structmig::timestamp>;
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int32_t id;
  STRUCTMIG_COLUMN(default("'open'")) structmig::defaulted<std::string> status;
  STRUCTMIG_COLUMN(default("'none'")) structmig::defaulted<std::optional<std::string>> note;
  STRUCTMIG_COLUMN(default("now()")) Created created_at;
  STRUCTMIG_COLUMN(varchar(20), default("'x'")) structmig::defaulted<std::string> label;
};
)model");
  EXPECT_EQ(columns, (std::vector<Column>{column("id", "integer"), with_default,
                                          nullable_with_default, created, label}));
}

}  // namespace
}  // namespace structmig::extract::testing
