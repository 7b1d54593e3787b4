// check_drift() against a real PostgreSQL on objects the database holds but
// does not trust: an index left INVALID by a concurrent build that failed for
// real (duplicates under a unique index), and a foreign key and a check
// added NOT VALID with the model's very definitions. Each gives its line
// (and only its line where the definition matches the model); after DROP or
// VALIDATE the report is empty again.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drift_model.hpp"
#include "structmig/drift.hpp"

namespace structmig::drift_test {
namespace {

using Lines = std::vector<std::string>;

class UnfinishedDrift : public DatabaseTest {
 protected:
  void SetUp() override {
    create(db, model());
    db.exec(
        "INSERT INTO organizations (id, name) VALUES (1, 'acme');"
        "INSERT INTO users (id, organization_id, email) VALUES (1, 1, 'a@x'), (2, 1, 'b@x');"
        "INSERT INTO memberships (organization_id, user_id, role) VALUES (1, 1, 'member'), "
        "(1, 2, 'member')");
  }
};

TEST_F(UnfinishedDrift, FailedConcurrentBuildLeavesAnInvalidIndex) {
  // Two memberships share a role: the build fails after its catalog entry
  // was committed, and PostgreSQL keeps the index, INVALID.
  EXPECT_THROW(
      db.exec("CREATE UNIQUE INDEX CONCURRENTLY ux_memberships_role ON memberships (role)"),
      DatabaseError);
  ASSERT_EQ(db.exec("SELECT indisvalid FROM pg_index "
                    "WHERE indexrelid = 'ux_memberships_role'::regclass")
                .text(0, 0),
            "f");

  const DriftReport report = check_drift(db, model());
  EXPECT_FALSE(report.empty());
  EXPECT_EQ(report.differences,
            (Lines{"memberships: extra index ux_memberships_role: UNIQUE (role)",
                   "memberships: index ux_memberships_role is INVALID (an interrupted concurrent "
                   "build): rerun the migration, or DROP INDEX CONCURRENTLY ux_memberships_role "
                   "and build it again"}));

  db.exec("DROP INDEX CONCURRENTLY ux_memberships_role");
  EXPECT_TRUE(check_drift(db, model()).empty());
}

TEST_F(UnfinishedDrift, RebuiltIndexIsTrustedAgain) {
  // The model's own index, rebuilt unique by mistake and failed: it differs
  // and is INVALID; dropped and built again as the model says, all is well.
  db.exec(
      "DROP INDEX ix_users_email_lower; INSERT INTO users (id, organization_id, email) "
      "VALUES (3, 1, 'A@x')");
  EXPECT_THROW(
      db.exec("CREATE UNIQUE INDEX CONCURRENTLY ix_users_email_lower ON users (lower(email))"),
      DatabaseError);
  const Lines lines = check_drift(db, model()).differences;
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].starts_with("users: index ix_users_email_lower differs: ")) << lines[0];
  EXPECT_TRUE(lines[1].starts_with("users: index ix_users_email_lower is INVALID")) << lines[1];

  db.exec("DROP INDEX CONCURRENTLY ix_users_email_lower");
  db.exec("CREATE INDEX CONCURRENTLY ix_users_email_lower ON users (lower(email))");
  EXPECT_TRUE(check_drift(db, model()).empty());
}

TEST_F(UnfinishedDrift, NotValidConstraintsUntilValidated) {
  db.exec(
      "ALTER TABLE users DROP CONSTRAINT fk_users_organization_id_organizations;"
      "ALTER TABLE users ADD CONSTRAINT fk_users_organization_id_organizations "
      "  FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE NOT VALID;"
      "ALTER TABLE documents DROP CONSTRAINT ck_documents_rating;"
      "ALTER TABLE documents ADD CONSTRAINT ck_documents_rating "
      "  CHECK (rating BETWEEN 1 AND 5) NOT VALID");

  const DriftReport report = check_drift(db, model());
  EXPECT_FALSE(report.empty());
  EXPECT_EQ(report.differences,
            (Lines{"documents: check ck_documents_rating is NOT VALID (added without checking "
                   "existing rows): ALTER TABLE documents VALIDATE CONSTRAINT ck_documents_rating",
                   "users: foreign key fk_users_organization_id_organizations is NOT VALID (added "
                   "without checking existing rows): ALTER TABLE users VALIDATE CONSTRAINT "
                   "fk_users_organization_id_organizations"}));

  // The suggested statements are the fix.
  db.exec("ALTER TABLE documents VALIDATE CONSTRAINT ck_documents_rating");
  db.exec("ALTER TABLE users VALIDATE CONSTRAINT fk_users_organization_id_organizations");
  EXPECT_TRUE(check_drift(db, model()).empty());
}

TEST_F(UnfinishedDrift, TablesOutsideTheModelCountToo) {
  db.exec(
      "CREATE TABLE \"order\" (id bigint, total integer);"
      "ALTER TABLE \"order\" ADD CONSTRAINT \"Positive\" CHECK (total > 0) NOT VALID");
  EXPECT_EQ(check_drift(db, model()).differences,
            (Lines{"extra table order",
                   "order: check Positive is NOT VALID (added without checking existing rows): "
                   "ALTER TABLE \"order\" VALIDATE CONSTRAINT \"Positive\""}));
}

}  // namespace
}  // namespace structmig::drift_test
