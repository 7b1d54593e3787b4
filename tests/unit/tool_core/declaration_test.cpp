// Reading a migration file's STRUCTMIG_MIGRATION block without Clang: every
// kind of file structmig writes reads back, hand-edited files in the same
// shape read too, and broken ones give an error at file:line:col.
#include "history/declaration.hpp"

#include <gtest/gtest.h>

#include <string>

#include "render/render_merge.hpp"
#include "render/render_migration.hpp"
#include "render/render_revision.hpp"

namespace structmig::history {
namespace {

MigrationDeclaration parse_ok(llvm::StringRef source) {
  auto parsed = parse_declaration(source, "m/0002_x.cpp");
  EXPECT_TRUE(bool(parsed)) << (parsed ? "" : llvm::toString(parsed.takeError()));
  return parsed ? *parsed : MigrationDeclaration{};
}

std::string error_of(llvm::StringRef source) {
  auto parsed = parse_declaration(source, "m/0002_x.cpp");
  if (parsed) return "no error";
  return llvm::toString(parsed.takeError());
}

TEST(Declaration, ReadsAGeneratedMigration) {
  diff::Plan plan{.upgrade = {AddColumn{"tickets", {.name = "priority", .type = "text"}}}};
  plan.downgrade = reverse(plan.upgrade);
  const render::MigrationFile file =
      render::render_migration(plan, "a1b2c3d4e5f6", "Add \"priority\" \\ now", 2);
  const MigrationDeclaration d = parse_ok(file.text);
  EXPECT_EQ(d.revision, file.revision);
  EXPECT_EQ(d.parents, std::vector<std::string>{"a1b2c3d4e5f6"});
  EXPECT_TRUE(d.depends_on.empty());
  EXPECT_EQ(d.message, "Add \"priority\" \\ now");
  EXPECT_TRUE(d.transactional);
  EXPECT_GT(d.line, 10u);
}

TEST(Declaration, ReadsMergeAndHandWrittenMigrations) {
  const render::MigrationFile merge = render::render_merge({"bbb", "aaa"}, "", 3);
  const MigrationDeclaration m = parse_ok(merge.text);
  EXPECT_EQ(m.revision, merge.revision);
  EXPECT_EQ(m.parents, (std::vector<std::string>{"aaa", "bbb"}));
  EXPECT_EQ(m.message, "merge aaa, bbb");

  const render::MigrationFile revision = render::render_revision("", "seed", false, 1);
  const MigrationDeclaration r = parse_ok(revision.text);
  EXPECT_EQ(r.revision, revision.revision);
  EXPECT_TRUE(r.parents.empty());
  EXPECT_FALSE(r.transactional);
}

// What a person may do to the block: reorder fields, add comments and the
// optional fields, split literals, drop the trailing comma, use CRLF.
TEST(Declaration, ReadsAHandEditedBlock) {
  const MigrationDeclaration d = parse_ok(
      "#include <structmig/migration.hpp>\r\n"
      "// STRUCTMIG_MIGRATION({.revision = \"in a comment\"})\r\n"
      "namespace m { void up(structmig::Ops& op) { op.execute(\"STRUCTMIG_MIGRATION(\"); } }\r\n"
      "STRUCTMIG_MIGRATION( {\r\n"
      "    .revision = \"abc\" /* ours */ \"def\",\r\n"
      "    // .parents = {\"old\"},\r\n"
      "    .parents = {\r\n"
      "        \"p1\",  // main\r\n"
      "        \"p2\",\r\n"
      "    },\r\n"
      "    .message = R\"(Backfill \"x\", then y)\",\r\n"
      "    .transactional = false,\r\n"
      "    .upgrade = m::up,\r\n"
      "    .downgrade = [](structmig::Ops& op) { op.execute(\"SELECT {1}, (2)\"); },\r\n"
      "    .depends_on = {\"d1\"},\r\n"
      "    .lock_timeout = \"5s\",\r\n"
      "    .statement_timeout = std::string_view(\"1min\")\r\n"
      "} ) ;\r\n");
  EXPECT_EQ(d.revision, "abcdef");
  EXPECT_EQ(d.parents, (std::vector<std::string>{"p1", "p2"}));
  EXPECT_EQ(d.depends_on, std::vector<std::string>{"d1"});
  EXPECT_EQ(d.message, "Backfill \"x\", then y");
  EXPECT_FALSE(d.transactional);
  EXPECT_EQ(d.line, 4u);
}

TEST(Declaration, OnlyTheRevisionIsRequired) {
  const MigrationDeclaration d = parse_ok("STRUCTMIG_MIGRATION({.revision = \"r\"});");
  EXPECT_EQ(d.revision, "r");
  EXPECT_TRUE(d.parents.empty());
  EXPECT_EQ(d.message, "");
  EXPECT_TRUE(d.transactional);
}

TEST(Declaration, BrokenFilesAreErrorsAtTheirPlace) {
  EXPECT_EQ(error_of("void upgrade() {}\n"),
            "m/0002_x.cpp: error: no STRUCTMIG_MIGRATION({...}) block; a migration file ends "
            "with one (.revision = \"...\", .parents = {...}, ...) like the files structmig "
            "writes");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"a\"});\n"
                     "STRUCTMIG_MIGRATION({.revision = \"b\"});"),
            "m/0002_x.cpp:2:1: error: a second STRUCTMIG_MIGRATION block; a migration file "
            "declares exactly one migration");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({\n    .revision = kRevision,\n});"),
            "m/0002_x.cpp:2:17: error: .revision must be a string literal");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"\"});"),
            "m/0002_x.cpp:1:34: error: .revision is empty");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.message = \"m\"});"),
            "m/0002_x.cpp:1:1: error: the migration has no .revision");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\", .parents = \"p\"});"),
            "m/0002_x.cpp:1:50: error: .parents must be a list of string literals: {\"...\", "
            "...}");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\", .parents = {\"p\" \"q\" x}});"),
            "m/0002_x.cpp:1:59: error: expected ',' or '}' in the list of .parents");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\", .transactional = 0});"),
            "m/0002_x.cpp:1:56: error: .transactional must be true or false");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\", .revision = \"s\"});"),
            "m/0002_x.cpp:1:39: error: field .revision is given twice");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\" .message = \"m\"});"),
            "m/0002_x.cpp:1:38: error: expected ',' or '}' after the value of .revision");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({revision = \"r\"});"),
            "m/0002_x.cpp:1:22: error: expected a field such as '.revision = ...'");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\",\n  .upgrade = f(\n"),
            "m/0002_x.cpp:2:16: error: the STRUCTMIG_MIGRATION block is not closed with '})'");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\", .upgrade = f(]) });"),
            "m/0002_x.cpp:1:52: error: unbalanced ']'");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\"};"),
            "m/0002_x.cpp:1:38: error: expected ')' closing STRUCTMIG_MIGRATION({...})");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION(.revision = \"r\");"),
            "m/0002_x.cpp:1:21: error: expected '{' opening the migration's fields");
  EXPECT_EQ(error_of("STRUCTMIG_MIGRATION({.revision = \"r\", .message = \"unterminated});\n"),
            "m/0002_x.cpp:1:50: error: unterminated string literal");
}

}  // namespace
}  // namespace structmig::history
