// read_schema() against tables created by hand in a real PostgreSQL: every
// column type the models use, nullability, each kind of default in the
// models' normal form, composite and unique keys, and what must be left out
// (bookkeeping tables, other schemas, partitions, views, dropped columns).
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "pg_cluster.hpp"
#include "schema_printer.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"

namespace structmig {
namespace {

Column column(std::string name, std::string type, bool nullable = false,
              std::optional<std::string> default_sql = std::nullopt, bool unique = false) {
  return Column{std::move(name), std::move(type), nullable, std::move(default_sql), unique};
}

class Introspect : public ::testing::Test {
 protected:
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database(
      ::testing::UnitTest::GetInstance()->current_test_info()->name()));
};

TEST_F(Introspect, EmptyDatabaseHasNoTables) { EXPECT_EQ(read_schema(db), Schema{}); }

TEST_F(Introspect, EveryTypeNullabilityDefaultAndKey) {
  db.exec(R"sql(
    CREATE TABLE tickets (
      id bigint NOT NULL,
      title character varying(200) NOT NULL,
      priority character varying(20) NOT NULL DEFAULT 'normal',
      status text NOT NULL DEFAULT 'open',
      description text,
      votes integer NOT NULL DEFAULT 0,
      rank smallint DEFAULT -1,
      big bigint DEFAULT 9999999999,
      score real DEFAULT 1.5,
      weight double precision NOT NULL DEFAULT -0.5,
      archived boolean NOT NULL DEFAULT false,
      created_at timestamp with time zone NOT NULL DEFAULT now(),
      closed_at timestamp with time zone,
      email text NOT NULL,
      CONSTRAINT pk_tickets PRIMARY KEY (id),
      CONSTRAINT uq_tickets_email UNIQUE (email)
    ))sql");
  Schema expected{
      {Table{"tickets",
             {column("id", "bigint"), column("title", "character varying(200)"),
              column("priority", "character varying(20)", false, "'normal'"),
              column("status", "text", false, "'open'"), column("description", "text", true),
              column("votes", "integer", false, "0"), column("rank", "smallint", true, "-1"),
              column("big", "bigint", true, "9999999999"), column("score", "real", true, "1.5"),
              column("weight", "double precision", false, "-0.5"),
              column("archived", "boolean", false, "false"),
              column("created_at", "timestamp with time zone", false, "now()"),
              column("closed_at", "timestamp with time zone", true),
              column("email", "text", false, {}, true)},
             {"id"}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, CompositeKeyInKeyOrderNotColumnOrder) {
  db.exec(
      "CREATE TABLE ticket_tags (tag text, ticket_id bigint, note text,"
      " PRIMARY KEY (ticket_id, tag))");
  Schema expected{
      {Table{"ticket_tags",
             {column("tag", "text"), column("ticket_id", "bigint"), column("note", "text", true)},
             {"ticket_id", "tag"}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, LiteralDefaultsLoseTheirCastOnly) {
  db.exec(R"sql(
    CREATE TABLE d (
      quoted text DEFAULT 'it''s',
      backslash text DEFAULT E'a\\b',
      tags text[] DEFAULT '{}',
      codes character varying(5)[] DEFAULT '{}',
      big_negative bigint DEFAULT -9999999999,
      neg_numeric numeric(10,2) DEFAULT -1.25,
      neg_real real DEFAULT -2,
      numeric_text text DEFAULT '-1',
      nan double precision DEFAULT 'NaN',
      at timestamp with time zone DEFAULT '2020-01-01 00:00:00+00',
      sum integer DEFAULT (1 + 2),
      concat text DEFAULT 'a' || 'b',
      stamp timestamp with time zone DEFAULT CURRENT_TIMESTAMP,
      casted real DEFAULT (-1)::real,
      fixed character(3) DEFAULT 'abc'
    ))sql");
  Schema expected{{Table{
      "d",
      {column("quoted", "text", true, "'it''s'"), column("backslash", "text", true, "E'a\\\\b'"),
       column("tags", "text[]", true, "'{}'"),
       column("codes", "character varying(5)[]", true, "'{}'"),
       column("big_negative", "bigint", true, "-9999999999"),
       column("neg_numeric", "numeric(10,2)", true, "-1.25"),
       column("neg_real", "real", true, "-2"), column("numeric_text", "text", true, "'-1'"),
       column("nan", "double precision", true, "'NaN'"),
       column("at", "timestamp with time zone", true, "'2020-01-01 00:00:00+00'"),
       column("sum", "integer", true, "(1 + 2)"),
       column("concat", "text", true, "('a'::text || 'b'::text)"),
       column("stamp", "timestamp with time zone", true, "CURRENT_TIMESTAMP"),
       column("casted", "real", true, "('-1'::integer)::real"),
       column("fixed", "character(3)", true, "'abc'")},
      {}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, DomainDefaultsLoseTheBaseTypeCast) {
  db.exec("CREATE DOMAIN short_text AS character varying(10)");
  db.exec("CREATE TABLE d (code short_text DEFAULT 'x')");
  Schema expected{{Table{"d", {column("code", "short_text", true, "'x'")}, {}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, LeavesOutBookkeepingOtherSchemasViewsAndPartitions) {
  db.exec(R"sql(
    CREATE TABLE structmig_version (revision text PRIMARY KEY);
    CREATE TABLE structmig_history (id bigint PRIMARY KEY, revision text NOT NULL);
    CREATE SCHEMA other;
    CREATE TABLE other.elsewhere (id integer PRIMARY KEY);
    CREATE TABLE users (id integer NOT NULL, name text, CONSTRAINT pk_users PRIMARY KEY (id));
    CREATE VIEW user_names AS SELECT name FROM users;
    CREATE SEQUENCE counter;
    CREATE INDEX users_name ON users (name);
    CREATE TABLE events (at timestamp with time zone NOT NULL, kind text)
      PARTITION BY RANGE (at);
    CREATE TABLE events_2024 PARTITION OF events
      FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE "Empty" ();
    )sql");
  Schema expected{
      {Table{"Empty", {}, {}},
       Table{
           "events", {column("at", "timestamp with time zone"), column("kind", "text", true)}, {}},
       Table{"users", {column("id", "integer"), column("name", "text", true)}, {"id"}}}};
  EXPECT_EQ(read_schema(db), expected);
  Schema other{{Table{"elsewhere", {column("id", "integer")}, {"id"}}}};
  EXPECT_EQ(read_schema(db, "other"), other);
  EXPECT_EQ(read_schema(db, "no_such_schema"), Schema{});
}

TEST_F(Introspect, DroppedColumnsAndMultiColumnUniquesAreIgnored) {
  db.exec(R"sql(
    CREATE TABLE t (a integer NOT NULL, junk text, b integer NOT NULL, c text UNIQUE);
    ALTER TABLE t DROP COLUMN junk;
    ALTER TABLE t ADD CONSTRAINT ab UNIQUE (a, b);
    ALTER TABLE t ADD COLUMN d boolean DEFAULT true;
    )sql");
  Schema expected{
      {Table{"t",
             {column("a", "integer"), column("b", "integer"), column("c", "text", true, {}, true),
              column("d", "boolean", true, "true")},
             {}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, TablesInByteOrderAndHostileNames) {
  db.exec(R"sql(
    CREATE TABLE "we""ird" ("naïve ""col""" text UNIQUE, "Id" integer PRIMARY KEY);
    CREATE TABLE "B" (x integer);
    CREATE TABLE a (x integer);
    )sql");
  Schema expected{{Table{"B", {column("x", "integer", true)}, {}},
                   Table{"a", {column("x", "integer", true)}, {}},
                   Table{"we\"ird",
                         {column("naïve \"col\"", "text", true, {}, true), column("Id", "integer")},
                         {"Id"}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, SchemaNameIsABoundParameter) {
  db.exec("CREATE TABLE t (x integer)");
  EXPECT_EQ(read_schema(db, "public' OR '1'='1"), Schema{});
}

}  // namespace
}  // namespace structmig
