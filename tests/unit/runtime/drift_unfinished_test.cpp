// The drift lines of INVALID indexes and NOT VALID constraints, no database:
// each kind's wording and the statement it suggests, with names as
// PostgreSQL's quote_ident() spells them.
#include "drift/drift_unfinished.hpp"

#include <gtest/gtest.h>

namespace structmig::drift_detail {
namespace {

using Kind = UnfinishedObject::Kind;

UnfinishedObject object(Kind kind, std::string table, std::string name) {
  return UnfinishedObject{
      .kind = kind, .table = table, .name = name, .table_sql = table, .name_sql = name};
}

TEST(DriftUnfinished, InvalidIndex) {
  EXPECT_EQ(describe(object(Kind::invalid_index, "tickets", "ix_tickets_created_at")),
            "tickets: index ix_tickets_created_at is INVALID (an interrupted concurrent build): "
            "rerun the migration, or DROP INDEX CONCURRENTLY ix_tickets_created_at and build it "
            "again");
}

TEST(DriftUnfinished, ReindexLeftoverIsToBeDropped) {
  EXPECT_EQ(describe(object(Kind::invalid_index, "tickets", "ix_tickets_created_at_ccnew")),
            "tickets: index ix_tickets_created_at_ccnew is INVALID (left by an interrupted "
            "REINDEX CONCURRENTLY): DROP INDEX CONCURRENTLY ix_tickets_created_at_ccnew");
  EXPECT_NE(describe(object(Kind::invalid_index, "t", "ix_t_a_ccold2")).find("REINDEX"),
            std::string::npos);
}

TEST(DriftUnfinished, NotValidConstraints) {
  EXPECT_EQ(describe(object(Kind::unvalidated_foreign_key, "users", "fk_users_org")),
            "users: foreign key fk_users_org is NOT VALID (added without checking existing "
            "rows): ALTER TABLE users VALIDATE CONSTRAINT fk_users_org");
  UnfinishedObject check = object(Kind::unvalidated_check, "order", "Positive");
  check.table_sql = "\"order\"";
  check.name_sql = "\"Positive\"";
  EXPECT_EQ(describe(check),
            "order: check Positive is NOT VALID (added without checking existing rows): "
            "ALTER TABLE \"order\" VALIDATE CONSTRAINT \"Positive\"");
}

}  // namespace
}  // namespace structmig::drift_detail
