// The safe plans of the tool_core fixture (rendered_fixture.hpp) on a real
// PostgreSQL, run step by step as structmig::split_steps cuts them (a
// transaction per group, each concurrent index operation and backfill on its
// own), with rows in the tables, so that the order of the steps holds on a
// database: NOT VALID before VALIDATE, backfills before the checks that need
// them, indexes built before the keys that adopt them, foreign keys after
// the keys they reference. Up through every migration, then down to nothing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "rendered_fixture.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

void run_steps(Connection& db, const std::vector<Op>& ops) {
  for (const Step& step : split_steps(ops)) {
    const std::vector<std::string> statements = to_sql(step.ops);
    if (step.transactional) {
      std::vector<std::string> pipeline = {"BEGIN"};
      pipeline.insert(pipeline.end(), statements.begin(), statements.end());
      pipeline.push_back("COMMIT");
      db.exec_pipeline(pipeline);
    } else {
      for (const std::string& statement : statements) db.exec(statement);
    }
  }
}

std::string scalar(Connection& db, const std::string& sql) { return db.exec(sql).text(0, 0); }

TEST(SafePlanOnADatabase, FixtureUpAndDownWithRows) {
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database("safe_plan"));
  const auto migrations = tool_core_fixture::rendered_fixture_migrations();
  ASSERT_EQ(migrations.size(), 3u);
  for (const auto& migration : migrations) ASSERT_TRUE(migration.safe.refusals.empty());

  run_steps(db, migrations[0].safe.upgrade);
  db.exec("INSERT INTO users (email) VALUES ('ann@example.com'), ('bob@example.com')");
  // description becomes details NOT NULL: rows must have one (a NULL would
  // fail SET NOT NULL in any plan, and the NOT VALID check earlier).
  db.exec(
      "INSERT INTO tickets (id, user_id, title, description) "
      "VALUES (1, 1, 'urgent: login', 'a'), (2, 2, 'x', 'b')");

  run_steps(db, migrations[1].safe.upgrade);
  EXPECT_EQ(scalar(db, "SELECT string_agg(display_name, ',' ORDER BY id) FROM accounts"),
            "ann,bob");
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM tickets WHERE tenant_id = 1"), "2");
  EXPECT_EQ(scalar(db, "SELECT priority FROM tickets WHERE id = 1"), "high");
  // Nothing is left NOT VALID, no helper check stays, no index INVALID.
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM pg_constraint WHERE NOT convalidated"), "0");
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM pg_constraint WHERE conname LIKE '%_not_null'"), "0");
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM pg_index WHERE NOT indisvalid"), "0");
  EXPECT_EQ(scalar(db,
                   "SELECT string_agg(a.attname, ',' ORDER BY k.n) FROM pg_index i "
                   "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) "
                   "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
                   "WHERE i.indrelid = 'tickets'::regclass AND i.indisprimary"),
            "id,tenant_id");

  run_steps(db, migrations[2].safe.upgrade);
  Schema at_head = read_schema(db);
  EXPECT_EQ(at_head.tables.size(), 2u);

  for (auto it = migrations.rbegin(); it != migrations.rend(); ++it) {
    run_steps(db, it->safe.downgrade);
  }
  EXPECT_TRUE(read_schema(db).tables.empty());
}

}  // namespace
}  // namespace structmig
