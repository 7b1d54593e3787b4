// The fixture history of the tool_core tests (rendered_fixture_test.cpp): each
// migration's logical plan (which names the file and carries the warnings),
// its safe plan (what the file holds) and its message; and the schema
// rendered as compiled_schema().
#pragma once

#include <string>
#include <vector>

#include "structmig/diff.hpp"
#include "plan/safe_plan.hpp"

namespace structmig::tool_core_fixture {

struct FixtureMigration {
  diff::Plan logical;
  plan::SafePlan safe;
  std::string message;
};

std::vector<FixtureMigration> rendered_fixture_migrations();
Schema rendered_fixture_schema();

}  // namespace structmig::tool_core_fixture
