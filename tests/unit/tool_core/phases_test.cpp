// How the planner's phases join into one list with step boundaries: a
// CommitStep only between two transactions, operations outside a
// transaction as steps by themselves, trailing renames joined to main or
// finish when those come just before.
#include "plan/phases.hpp"

#include <gtest/gtest.h>

namespace structmig::plan {
namespace {

const Op kMain = AddColumn{"t", {.name = "a", .type = "text", .nullable = true}};
const Op kBuild = CreateIndex{"t", {.name = "ix_t_a", .keys = {{.column = "a"}}}, true};
const Op kValidate = ValidateConstraint{"t", "ck_t_a"};
const Op kOtherValidate = ValidateConstraint{"t", "ck_t_b"};
const Op kRename = RenameTable{"t", "u"};

TEST(Phases, NothingGivesNothing) { EXPECT_TRUE(assemble({}).empty()); }

TEST(Phases, OnlyMainHasNoBoundary) {
  EXPECT_EQ(assemble({.main = {kMain, kMain}}), (std::vector<Op>{kMain, kMain}));
}

TEST(Phases, CommitOnlyBetweenTransactions) {
  const Phases phases{.main = {kMain},
                      .concurrent_builds = {kBuild},
                      .validations = {kValidate, kOtherValidate},
                      .finish = {kMain}};
  EXPECT_EQ(assemble(phases), (std::vector<Op>{kMain, kBuild, kValidate, CommitStep{},
                                               kOtherValidate, CommitStep{}, kMain}));
}

TEST(Phases, TrailingRenamesJoinMainOrFinish) {
  EXPECT_EQ(assemble({.main = {kMain}, .trailing_renames = {kRename}}),
            (std::vector<Op>{kMain, kRename}));
  EXPECT_EQ(
      assemble({.main = {kMain}, .concurrent_builds = {kBuild}, .trailing_renames = {kRename}}),
      (std::vector<Op>{kMain, kBuild, kRename}));
  EXPECT_EQ(assemble({.validations = {kValidate}, .trailing_renames = {kRename}}),
            (std::vector<Op>{kValidate, CommitStep{}, kRename}));
  EXPECT_EQ(assemble({.trailing_renames = {kRename}}), (std::vector<Op>{kRename}));
}

}  // namespace
}  // namespace structmig::plan
