// The example's committed, tool-generated history applied to a real
// PostgreSQL: after every step the schema read back from pg_catalog equals the
// schema the snapshot records for that point (the models at head), and going
// down to base and up again lands on the same schema; the compiled-in schema
// of the models is the snapshot's.
#include <gtest/gtest.h>

#include <string>

#include "pg_cluster.hpp"
#include "snapshot/snapshot.hpp"
#include "structmig/connection.hpp"
#include "structmig/drift.hpp"
#include "structmig/introspect.hpp"
#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"
#include "structmig/normalize.hpp"

namespace structmig {
namespace {

Schema snapshot_schema() {
  auto snapshot = snapshot::read_snapshot(STRUCTMIG_EXAMPLE_SNAPSHOT);
  if (!snapshot) {
    ADD_FAILURE() << llvm::toString(snapshot.takeError());
    return {};
  }
  EXPECT_FALSE(snapshot->head.empty());
  return snapshot->schema;
}

TEST(ExampleHistory, UpgradeDowngradeUpgradeMatchesTheSnapshot) {
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database("example"));
  // The snapshot holds SQL as the models wrote it; PostgreSQL stores its own
  // deparsed form, so the comparison is made in that one normal form.
  const Schema expected = canonical(normalize_schema(db, snapshot_schema()));
  ASSERT_FALSE(expected.tables.empty());
  Migrator migrator(db, compiled_migrations());

  migrator.upgrade("head");
  EXPECT_EQ(canonical(read_schema(db)), expected);

  migrator.downgrade("base");
  EXPECT_TRUE(read_schema(db).tables.empty());
  EXPECT_TRUE(read_schema(db).enums.empty());
  EXPECT_TRUE(migrator.current().empty());

  migrator.upgrade("head");
  EXPECT_EQ(canonical(read_schema(db)), expected);
  ASSERT_EQ(migrator.current().size(), 1u);
}

TEST(ExampleHistory, HeadRevisionIsTheSnapshotHead) {
  auto snapshot = snapshot::read_snapshot(STRUCTMIG_EXAMPLE_SNAPSHOT);
  ASSERT_TRUE(static_cast<bool>(snapshot)) << llvm::toString(snapshot.takeError());
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database("example_head"));
  Migrator migrator(db, compiled_migrations());
  migrator.upgrade("head");
  ASSERT_EQ(migrator.current().size(), 1u);
  EXPECT_EQ(migrator.current()[0], snapshot->head);
}

TEST(ExampleHistory, EachStepDownAndUpIsExact) {
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database("example_steps"));
  Migrator migrator(db, compiled_migrations());
  migrator.upgrade("head");
  const Schema at_head = canonical(read_schema(db));
  migrator.downgrade("-1");
  const Schema one_down = canonical(read_schema(db));
  EXPECT_NE(one_down, at_head);
  migrator.upgrade("+1");
  EXPECT_EQ(canonical(read_schema(db)), at_head);
}

// The schema the build compiled in (compiled_schema(), generated from the
// models) is the snapshot's, and a database at head does not drift from it.
TEST(ExampleHistory, CompiledSchemaIsTheSnapshotAndMatchesTheDatabase) {
  EXPECT_EQ(compiled_schema(), snapshot_schema());
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database("example_drift"));
  Migrator(db, compiled_migrations()).upgrade("head");
  EXPECT_EQ(check_drift(db, compiled_schema()).differences, std::vector<std::string>{});
}

}  // namespace
}  // namespace structmig
