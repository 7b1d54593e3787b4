// The migrate `check` verb through structmig::cli::run(): exit 0 and "the
// database matches the models" when it does, exit 1 and the report when it
// does not (a NOT VALID constraint included), and an error when the program
// has no compiled schema.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "drift_model.hpp"

namespace structmig::drift_test {
namespace {

struct Outcome {
  int code;
  std::string out;
  std::string err;
};

Outcome migrate(const std::vector<std::string>& args, const Schema* schema) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(args, migrations(), out, err, schema);
  return {code, out.str(), err.str()};
}

using CliCheck = DatabaseTest;

TEST_F(CliCheck, MatchesAfterUpgrade) {
  const Schema schema = model();
  const Outcome up = migrate({"--url", url, "upgrade"}, &schema);
  ASSERT_EQ(up.code, 0) << up.err;
  const Outcome check = migrate({"check", "--url", url}, &schema);
  EXPECT_EQ(check.code, 0) << check.err;
  EXPECT_EQ(check.out, "the database matches the models\n");
  EXPECT_EQ(check.err, "");
}

TEST_F(CliCheck, ReportsDriftWithExitCodeOne) {
  const Schema schema = model();
  ASSERT_EQ(migrate({"--url", url, "upgrade"}, &schema).code, 0);
  db.exec(
      "ALTER TABLE documents DROP CONSTRAINT ck_documents_rating;"
      "ALTER TABLE organizations ALTER COLUMN region SET DEFAULT 'us'");
  const Outcome check = migrate({"--url", url, "check"}, &schema);
  EXPECT_EQ(check.code, 1);
  EXPECT_EQ(check.out,
            "the database does not match the models (2 difference(s)):\n"
            "  documents: missing check ck_documents_rating: CHECK (((rating >= 1) AND (rating <= "
            "5)))\n"
            "  organizations.region: default 'eu' in the model, 'us' in the database\n");
  EXPECT_EQ(check.err, "");
}

TEST_F(CliCheck, ReportsANotValidConstraint) {
  const Schema schema = model();
  ASSERT_EQ(migrate({"--url", url, "upgrade"}, &schema).code, 0);
  db.exec(
      "ALTER TABLE documents DROP CONSTRAINT ck_documents_rating;"
      "ALTER TABLE documents ADD CONSTRAINT ck_documents_rating "
      "  CHECK (rating BETWEEN 1 AND 5) NOT VALID");
  const Outcome check = migrate({"--url", url, "check"}, &schema);
  EXPECT_EQ(check.code, 1);
  EXPECT_EQ(check.out,
            "the database does not match the models (1 difference(s)):\n"
            "  documents: check ck_documents_rating is NOT VALID (added without checking existing "
            "rows): ALTER TABLE documents VALIDATE CONSTRAINT ck_documents_rating\n");
  db.exec("ALTER TABLE documents VALIDATE CONSTRAINT ck_documents_rating");
  EXPECT_EQ(migrate({"--url", url, "check"}, &schema).code, 0);
}

TEST_F(CliCheck, EmptyDatabaseDrifts) {
  const Schema schema = model();
  const Outcome check = migrate({"--url", url, "check"}, &schema);
  EXPECT_EQ(check.code, 1);
  EXPECT_NE(check.out.find("  missing table users\n"), std::string::npos) << check.out;
}

TEST_F(CliCheck, WithoutACompiledSchema) {
  const Outcome check = migrate({"--url", url, "check"}, nullptr);
  EXPECT_EQ(check.code, 1);
  EXPECT_EQ(check.out, "");
  EXPECT_NE(check.err.find("error: this program has no compiled schema"), std::string::npos)
      << check.err;
}

TEST_F(CliCheck, HelpListsTheVerb) {
  const Outcome help = migrate({"--help"}, nullptr);
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("check"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace structmig::drift_test
