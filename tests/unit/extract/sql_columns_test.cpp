// The SQL identifier scan on its own (no Clang): which identifiers of an
// expression are taken for column names, folded as PostgreSQL folds them,
// with their byte offsets; and everything that is skipped.
#include "extract/sql_columns.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace structmig::extract {
namespace {

std::vector<std::string> names(std::string_view expression) {
  std::vector<std::string> result;
  for (const SqlColumnReference& reference : sql_column_references(expression)) {
    result.push_back(reference.name);
  }
  return result;
}

using Names = std::vector<std::string>;

TEST(SqlColumns, BareIdentifiersAreFoldedAndLocated) {
  std::vector<SqlColumnReference> references = sql_column_references("Rating >= 1 AND  price");
  ASSERT_EQ(references.size(), 2u);
  EXPECT_EQ(references[0].name, "rating");
  EXPECT_EQ(references[0].offset, 0u);
  EXPECT_EQ(references[0].end, 6u);
  EXPECT_EQ(references[1].name, "price");
  EXPECT_EQ(references[1].offset, 17u);
  EXPECT_EQ(references[1].end, 22u);
}

TEST(SqlColumns, QuotedIdentifiersKeepTheirCase) {
  std::vector<SqlColumnReference> references = sql_column_references(R"("Mixed ""Case""" > 0)");
  ASSERT_EQ(references.size(), 1u);
  EXPECT_EQ(references[0].name, "Mixed \"Case\"");
  EXPECT_EQ(references[0].offset, 0u);
  EXPECT_EQ(references[0].end, 16u);
}

TEST(SqlColumns, KeywordsAreNotColumns) {
  EXPECT_EQ(names("a BETWEEN 1 AND 5 OR NOT b IS NULL OR c IN (1, 2) OR d IS TRUE OR e IS FALSE"),
            (Names{"a", "b", "c", "d", "e"}));
  EXPECT_EQ(names("f LIKE 'x%' OR g ILIKE 'y' OR h = ANY (ARRAY[1]) OR i = ALL (ARRAY[2])"),
            (Names{"f", "g", "h", "i"}));
  EXPECT_EQ(names("CASE WHEN j THEN k ELSE l END"), (Names{"j", "k", "l"}));
  EXPECT_EQ(names("m > CURRENT_DATE AND n < current_timestamp"), (Names{"m", "n"}));
}

TEST(SqlColumns, FunctionsCastsLiteralsAndQualifiersAreSkipped) {
  EXPECT_EQ(names("length(trim(name)) > 0"), (Names{"name"}));
  EXPECT_EQ(names("lower (email) <> ''"), (Names{"email"}));
  EXPECT_EQ(names("price::numeric(10,2) > 0 AND ends::timestamp with time zone < now()"),
            (Names{"price", "ends"}));
  EXPECT_EQ(names("code::character varying(4) <> 'x' AND cost::double precision > 1.5e3"),
            (Names{"code", "cost"}));
  EXPECT_EQ(names("CAST(n AS bigint) > 0 AND s COLLATE \"C\" > 'a'"), (Names{"n", "s"}));
  EXPECT_EQ(names("due > now() - interval '1 day' AND d > DATE '2020-01-01'"), (Names{"due", "d"}));
  EXPECT_EQ(names("status = 'it''s -- not a comment' AND note <> E'\\'x'"),
            (Names{"status", "note"}));
  EXPECT_EQ(names("body <> $$ a b $$ AND body <> $tag$ c $tag$"), (Names{"body", "body"}));
  EXPECT_EQ(names("t.col > 0"), (Names{"col"}));
  EXPECT_EQ(names("a > 1 -- b\n AND /* c */ d > .5"), (Names{"a", "d"}));
}

TEST(SqlColumns, EmptyAndLiteralOnlyExpressions) {
  EXPECT_TRUE(names("").empty());
  EXPECT_TRUE(names("1 = 1").empty());
  EXPECT_TRUE(names("'a' <> 'b'").empty());
}

}  // namespace
}  // namespace structmig::extract
