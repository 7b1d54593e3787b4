// Which defaults the planner counts as volatile (a rewrite when a column is
// added with one): calls of the documented functions, not words that only
// look like them.
#include "plan/volatile_defaults.hpp"

#include <gtest/gtest.h>

namespace structmig::plan {
namespace {

TEST(VolatileDefaults, CallsOfVolatileFunctions) {
  EXPECT_EQ(volatile_function_in("gen_random_uuid()"), "gen_random_uuid");
  EXPECT_EQ(volatile_function_in("uuid_generate_v4()"), "uuid_generate_v4");
  EXPECT_EQ(volatile_function_in("(RANDOM () * 10)::int"), "random");
  EXPECT_EQ(volatile_function_in("clock_timestamp()"), "clock_timestamp");
  EXPECT_EQ(volatile_function_in("timeofday()::timestamptz"), "timeofday");
  EXPECT_EQ(volatile_function_in("nextval('t_id_seq'::regclass)"), "nextval");
  EXPECT_EQ(volatile_function_in("pg_catalog.random()"), "random");
}

TEST(VolatileDefaults, StableFunctionsAndConstantsAreNot) {
  EXPECT_EQ(volatile_function_in("now()"), std::nullopt);
  EXPECT_EQ(volatile_function_in("CURRENT_TIMESTAMP"), std::nullopt);
  EXPECT_EQ(volatile_function_in("statement_timestamp()"), std::nullopt);
  EXPECT_EQ(volatile_function_in("'random'"), std::nullopt);
  EXPECT_EQ(volatile_function_in("my_random()"), std::nullopt);
  EXPECT_EQ(volatile_function_in("random_value"), std::nullopt);
  EXPECT_EQ(volatile_function_in("0"), std::nullopt);
}

}  // namespace
}  // namespace structmig::plan
