// Exclusion constraints on a real PostgreSQL, end to end below the tool: the
// SQL of CREATE TABLE and ALTER TABLE … ADD creates them, read_schema() reads
// them back equal (method, columns, operators, predicate), reverse() drops
// and renames them back, normalize_schema() brings a model's predicate into
// PostgreSQL's form so the drift check sees no difference, and the
// constraint refuses overlapping rows. Extension-free: gist on ranges and
// btree on scalars.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "schema_printer.hpp"
#include "structmig/connection.hpp"
#include "structmig/drift.hpp"
#include "structmig/error.hpp"
#include "structmig/introspect.hpp"
#include "structmig/normalize.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

Table bookings() {
  return Table{.name = "bookings",
               .columns = {{.name = "id", .type = "bigint"},
                           {.name = "room", .type = "integer"},
                           {.name = "during", .type = "tstzrange"},
                           {.name = "label", .type = "text", .nullable = true}},
               .primary_key = {"id"},
               .primary_key_name = "pk_bookings"};
}

// In PostgreSQL's deparsed form, so it reads back verbatim.
ExcludeConstraint no_overlap() {
  return {.name = "ex_bookings_during",
          .method = "gist",
          .columns = {"during"},
          .operators = {"&&"},
          .where = "(room > 0)"};
}

ExcludeConstraint one_label_per_room() {
  return {.name = "ex_bookings_room_label",
          .method = "btree",
          .columns = {"room", "label"},
          .operators = {"=", "="}};
}

Schema with(std::vector<ExcludeConstraint> excludes) {
  Table table = bookings();
  table.excludes = std::move(excludes);
  return Schema{.tables = {table}};
}

class Exclude : public ::testing::Test {
 protected:
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database(
      ::testing::UnitTest::GetInstance()->current_test_info()->name()));

  void apply(const Op& op) {
    for (const std::string& statement : to_sql(op)) db.exec(statement);
  }
  Schema read_back() { return canonical(read_schema(db)); }
};

TEST_F(Exclude, CreateTableWithExclusionConstraintsReadsBackExactly) {
  const Schema schema = with({no_overlap(), one_label_per_room()});
  apply(CreateTable{schema.tables[0]});
  EXPECT_EQ(read_back(), canonical(schema));
}

TEST_F(Exclude, AddDropAndRenameRoundTrip) {
  apply(CreateTable{bookings()});
  const Op add = AddConstraint{"bookings", no_overlap()};
  apply(add);
  EXPECT_EQ(read_back(), canonical(with({no_overlap()})));
  apply(reverse(add));
  EXPECT_EQ(read_back(), canonical(with({})));

  apply(add);
  ExcludeConstraint renamed = no_overlap();
  renamed.name = "bookings_no_overlap";
  const Op rename = RenameConstraint{"bookings", no_overlap().name, renamed.name};
  apply(rename);
  EXPECT_EQ(read_back(), canonical(with({renamed})));
  apply(reverse(rename));
  EXPECT_EQ(read_back(), canonical(with({no_overlap()})));

  // The diff's drop carries the definition, so its reverse adds it back.
  const Op drop = DropConstraint{"bookings", no_overlap()};
  apply(drop);
  EXPECT_EQ(read_back(), canonical(with({})));
  apply(reverse(drop));
  EXPECT_EQ(read_back(), canonical(with({no_overlap()})));
}

TEST_F(Exclude, RefusesOverlappingRowsWhereThePredicateHolds) {
  apply(CreateTable{with({no_overlap()}).tables[0]});
  db.exec("INSERT INTO bookings VALUES (1, 7, '[2026-01-01, 2026-01-03)', NULL)");
  // Outside the predicate (room 0): not constrained.
  db.exec("INSERT INTO bookings VALUES (2, 0, '[2026-01-02, 2026-01-04)', NULL)");
  db.exec("INSERT INTO bookings VALUES (3, 0, '[2026-01-02, 2026-01-04)', NULL)");
  try {
    db.exec("INSERT INTO bookings VALUES (4, 9, '[2026-01-02, 2026-01-04)', NULL)");
    FAIL() << "an overlapping booking was accepted";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.sqlstate(), "23P01");  // exclusion_violation
  }
  // ADD on a table whose rows conflict fails the same way, and leaves no constraint.
  apply(DropConstraint{"bookings", no_overlap()});
  db.exec("INSERT INTO bookings VALUES (5, 9, '[2026-01-02, 2026-01-04)', NULL)");
  EXPECT_THROW(apply(AddConstraint{"bookings", no_overlap()}), DatabaseError);
  EXPECT_TRUE(read_schema(db).tables[0].excludes.empty());
}

TEST_F(Exclude, ModelPredicateNormalizesSoDriftSeesNoDifference) {
  ExcludeConstraint model_form = no_overlap();
  model_form.where = "room > 0";  // as a model writes it
  const Schema model = with({model_form, one_label_per_room()});
  apply(CreateTable{model.tables[0]});
  const Schema normalized = normalize_schema(db, model);
  EXPECT_EQ(canonical(normalized), read_back());
  EXPECT_TRUE(compare_schemas(normalized, read_schema(db)).empty());

  // A constraint missing from the database is drift.
  apply(DropConstraint{"bookings", one_label_per_room()});
  const DriftReport report = compare_schemas(normalized, read_schema(db));
  ASSERT_EQ(report.differences.size(), 1u);
  EXPECT_EQ(report.differences[0],
            "bookings: missing exclusion constraint ex_bookings_room_label: EXCLUDE USING btree "
            "(room WITH =, label WITH =)");
}

}  // namespace
}  // namespace structmig
