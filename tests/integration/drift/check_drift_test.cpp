// check_drift() against a real PostgreSQL: the model created for real gives
// no difference at all (no phantom differences from defaults, casts, BETWEEN,
// IN, expression or partial index spellings); each hand-made change, in a
// fresh database of its own, gives exactly its one line.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drift_model.hpp"
#include "structmig/drift.hpp"
#include "structmig/introspect.hpp"

namespace structmig::drift_test {
namespace {

using Lines = std::vector<std::string>;

class CheckDrift : public DatabaseTest {
 protected:
  void SetUp() override { create(db, model()); }

  Lines after(const std::string& sql) {
    db.exec(sql);
    return check_drift(db, model()).differences;
  }
};

TEST_F(CheckDrift, UntouchedDatabaseHasNoDifferences) {
  const DriftReport report = check_drift(db, model());
  EXPECT_TRUE(report.empty());
  EXPECT_EQ(report.differences, Lines{});
  // Nothing was left behind by the normalization, and a second run agrees.
  EXPECT_EQ(read_schema(db).tables.size(), 4u);
  EXPECT_TRUE(check_drift(db, model()).empty());
}

TEST_F(CheckDrift, DroppedIndex) {
  EXPECT_EQ(after("DROP INDEX ix_documents_published"),
            (Lines{"documents: missing index ix_documents_published: (author_id) WHERE (status = "
                   "'published'::document_status)"}));
}

TEST_F(CheckDrift, ChangedDefault) {
  EXPECT_EQ(after("ALTER TABLE documents ALTER COLUMN status SET DEFAULT 'published'"),
            (Lines{"documents.status: default 'draft' in the model, 'published' in the database"}));
}

TEST_F(CheckDrift, ExtraColumn) {
  EXPECT_EQ(after("ALTER TABLE users ADD COLUMN legacy_code text"),
            (Lines{"users: extra column legacy_code (text)"}));
}

TEST_F(CheckDrift, EnumLabelAdded) {
  EXPECT_EQ(after("ALTER TYPE document_status ADD VALUE 'archived'"),
            (Lines{"enum document_status: labels (draft, in review, published) in the model, "
                   "(draft, in review, published, archived) in the database"}));
}

TEST_F(CheckDrift, ChangedColumnType) {
  EXPECT_EQ(after("ALTER TABLE documents ALTER COLUMN title TYPE character varying(300)"),
            (Lines{"documents.title: type character varying(200) in the model, character "
                   "varying(300) in the database"}));
}

TEST_F(CheckDrift, DroppedCheckConstraint) {
  EXPECT_EQ(after("ALTER TABLE documents DROP CONSTRAINT ck_documents_rating"),
            (Lines{"documents: missing check ck_documents_rating: CHECK (((rating >= 1) AND "
                   "(rating <= 5)))"}));
}

TEST_F(CheckDrift, SeveralChangesAtOnce) {
  EXPECT_EQ(after("DROP TABLE memberships; CREATE TABLE audit_log (id bigint);"
                  "ALTER TABLE users ALTER COLUMN profile DROP NOT NULL;"
                  "COMMENT ON TABLE organizations IS NULL"),
            (Lines{"extra table audit_log", "missing table memberships",
                   "organizations: comment 'Customers' in the model, none in the database",
                   "users.profile: NOT NULL in the model, nullable in the database"}));
}

TEST_F(CheckDrift, EmptyDatabaseMissesEverything) {
  Connection empty = Connection::open(testing::PgCluster::instance().fresh_database("empty"));
  EXPECT_EQ(check_drift(empty, model()).differences,
            (Lines{"missing enum document_status (draft, in review, published)",
                   "missing table documents", "missing table memberships",
                   "missing table organizations", "missing table users"}));
}

}  // namespace
}  // namespace structmig::drift_test
