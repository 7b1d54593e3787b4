// read_schema() against objects created by hand in a real PostgreSQL: every
// column type the models use, nullability, each kind of default in the
// models' normal form, identity, comments, enums, every constraint kind,
// every index kind, and what must be left out (bookkeeping tables, other
// schemas, partitions, views, dropped columns, indexes backing constraints).
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "schema_printer.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"

namespace structmig {
namespace {

Column column(std::string name, std::string type, bool nullable = false,
              std::optional<std::string> default_sql = std::nullopt) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql)};
}

IndexKey key(std::string column) { return IndexKey{.column = std::move(column)}; }
IndexKey expression(std::string sql) { return IndexKey{.expression = std::move(sql)}; }

class Introspect : public ::testing::Test {
 protected:
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database(
      ::testing::UnitTest::GetInstance()->current_test_info()->name()));
};

TEST_F(Introspect, EmptyDatabaseHasNothing) { EXPECT_EQ(read_schema(db), Schema{}); }

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
      .tables = {Table{
          .name = "tickets",
          .columns =
              {column("id", "bigint"), column("title", "character varying(200)"),
               column("priority", "character varying(20)", false, "'normal'"),
               column("status", "text", false, "'open'"), column("description", "text", true),
               column("votes", "integer", false, "0"), column("rank", "smallint", true, "-1"),
               column("big", "bigint", true, "9999999999"), column("score", "real", true, "1.5"),
               column("weight", "double precision", false, "-0.5"),
               column("archived", "boolean", false, "false"),
               column("created_at", "timestamp with time zone", false, "now()"),
               column("closed_at", "timestamp with time zone", true), column("email", "text")},
          .primary_key = {"id"},
          .primary_key_name = "pk_tickets",
          .uniques = {UniqueConstraint{"uq_tickets_email", {"email"}}}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, ValueTypesAndArrays) {
  db.exec(R"sql(
    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
    CREATE TABLE v (
      id uuid NOT NULL,
      doc jsonb,
      data bytea,
      price numeric(10,2),
      amount numeric,
      day date,
      local timestamp without time zone,
      at timestamp with time zone,
      tags text[] NOT NULL DEFAULT '{}',
      counts integer[],
      grid integer[],
      moods mood[] DEFAULT '{ok,happy}',
      current mood NOT NULL DEFAULT 'ok',
      code character(3),
      during tsrange
    ))sql");
  Schema expected{
      .enums = {EnumType{"mood", {"sad", "ok", "happy"}}},
      .tables = {Table{
          .name = "v",
          .columns = {
              column("id", "uuid"), column("doc", "jsonb", true), column("data", "bytea", true),
              column("price", "numeric(10,2)", true), column("amount", "numeric", true),
              column("day", "date", true), column("local", "timestamp without time zone", true),
              column("at", "timestamp with time zone", true),
              column("tags", "text[]", false, "'{}'"), column("counts", "integer[]", true),
              column("grid", "integer[]", true), column("moods", "mood[]", true, "'{ok,happy}'"),
              column("current", "mood", false, "'ok'"), column("code", "character(3)", true),
              column("during", "tsrange", true)}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, EnumsWithLabelsInSortOrder) {
  db.exec(R"sql(
    CREATE TYPE status AS ENUM ('open', 'closed', 'archived');
    ALTER TYPE status ADD VALUE 'pending' BEFORE 'closed';
    ALTER TYPE status ADD VALUE 'deleted' AFTER 'archived';
    CREATE TYPE "Zed" AS ENUM ('b', 'a');
    CREATE TYPE nothing AS ENUM ();
    CREATE TYPE pair AS (a integer, b integer);
    CREATE DOMAIN positive AS integer CHECK (VALUE > 0);
    CREATE SCHEMA other;
    CREATE TYPE other.elsewhere AS ENUM ('x');
    CREATE TABLE uses (s status, o other.elsewhere);
    )sql");
  Schema expected{
      .enums = {EnumType{"Zed", {"b", "a"}}, EnumType{"nothing", {}},
                EnumType{"status", {"open", "pending", "closed", "archived", "deleted"}}},
      .tables = {
          Table{.name = "uses",
                .columns = {column("s", "status", true), column("o", "other.elsewhere", true)}}}};
  EXPECT_EQ(read_schema(db), expected);
  Schema other{.enums = {EnumType{"elsewhere", {"x"}}}};
  EXPECT_EQ(read_schema(db, "other"), other);
}

TEST_F(Introspect, EnumOfANamespaceOffSearchPathIsQualified) {
  db.exec(R"sql(
    CREATE SCHEMA other;
    CREATE TYPE other.state AS ENUM ('on', 'off');
    CREATE TABLE other.switches (state other.state NOT NULL DEFAULT 'off');
    )sql");
  Schema expected{.enums = {EnumType{"state", {"on", "off"}}},
                  .tables = {Table{.name = "switches",
                                   .columns = {column("state", "other.state", false, "'off'")}}}};
  EXPECT_EQ(read_schema(db, "other"), expected);
}

TEST_F(Introspect, IdentityAndCommentsAnEmptyCommentIsNone) {
  db.exec(R"sql(
    CREATE TABLE notes (
      id bigint GENERATED ALWAYS AS IDENTITY,
      seq integer GENERATED BY DEFAULT AS IDENTITY (START WITH 10),
      legacy serial,
      body text
    );
    COMMENT ON TABLE notes IS 'Customer''s "notes"';
    COMMENT ON COLUMN notes.body IS E'What they wrote;\nback\\slash';
    COMMENT ON COLUMN notes.seq IS '';
    CREATE TABLE plain (x integer);
    )sql");
  Column id = column("id", "bigint");
  id.identity = Identity::always;
  Column seq = column("seq", "integer");
  seq.identity = Identity::by_default;  // COMMENT … IS '' removes a comment: none
  Column legacy = column("legacy", "integer", false, "nextval('notes_legacy_seq'::regclass)");
  Column body = column("body", "text", true);
  body.comment = "What they wrote;\nback\\slash";
  Schema expected{.tables = {Table{.name = "notes",
                                   .columns = {id, seq, legacy, body},
                                   .comment = "Customer's \"notes\""},
                             Table{.name = "plain", .columns = {column("x", "integer", true)}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, PrimaryKeysAndUniquesInKeyOrder) {
  db.exec(R"sql(
    CREATE TABLE ticket_tags (
      tag text, ticket_id bigint, note text, slot integer, lane integer,
      CONSTRAINT "tags by ticket" PRIMARY KEY (ticket_id, tag),
      CONSTRAINT uq_ticket_tags_note UNIQUE (note),
      CONSTRAINT uq_lane_slot_tag UNIQUE (lane, slot, tag)
    );
    CREATE TABLE defaults (a integer PRIMARY KEY, b integer UNIQUE, c integer, UNIQUE (c, b));
    )sql");
  Schema expected{
      .tables = {Table{.name = "defaults",
                       .columns = {column("a", "integer"), column("b", "integer", true),
                                   column("c", "integer", true)},
                       .primary_key = {"a"},
                       .primary_key_name = "defaults_pkey",
                       .uniques = {UniqueConstraint{"defaults_b_key", {"b"}},
                                   UniqueConstraint{"defaults_c_b_key", {"c", "b"}}}},
                 Table{.name = "ticket_tags",
                       .columns = {column("tag", "text"), column("ticket_id", "bigint"),
                                   column("note", "text", true), column("slot", "integer", true),
                                   column("lane", "integer", true)},
                       .primary_key = {"ticket_id", "tag"},
                       .primary_key_name = "tags by ticket",
                       .uniques = {UniqueConstraint{"uq_lane_slot_tag", {"lane", "slot", "tag"}},
                                   UniqueConstraint{"uq_ticket_tags_note", {"note"}}}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, ChecksInPostgresDeparsedForm) {
  db.exec(R"sql(
    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
    CREATE TABLE reviews (
      rating integer NOT NULL CHECK (rating BETWEEN 1 AND 5),
      price numeric(10,2) CONSTRAINT ck_reviews_price CHECK (price > 0),
      title character varying(200),
      mood mood,
      CONSTRAINT ck_reviews_title CHECK (title <> ''),
      CONSTRAINT ck_reviews_mood CHECK (mood IN ('ok', 'happy'))
    ))sql");
  Schema expected{
      .enums = {EnumType{"mood", {"sad", "ok", "happy"}}},
      .tables = {Table{
          .name = "reviews",
          .columns = {column("rating", "integer"), column("price", "numeric(10,2)", true),
                      column("title", "character varying(200)", true),
                      column("mood", "mood", true)},
          .checks = {
              CheckConstraint{"ck_reviews_mood", "(mood = ANY (ARRAY['ok'::mood, 'happy'::mood]))"},
              CheckConstraint{"ck_reviews_price", "(price > (0)::numeric)"},
              CheckConstraint{"ck_reviews_title", "((title)::text <> ''::text)"},
              CheckConstraint{"reviews_rating_check", "((rating >= 1) AND (rating <= 5))"}}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, ForeignKeysWithEveryActionCompositeAndSelfReferencing) {
  db.exec(R"sql(
    CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
    CREATE UNIQUE INDEX ux_users_email ON users (email);
    CREATE TABLE orders (
      region integer, number integer, user_id bigint,
      PRIMARY KEY (region, number)
    );
    CREATE TABLE actions (
      a bigint REFERENCES users,
      b bigint CONSTRAINT fk_b REFERENCES users ON DELETE RESTRICT ON UPDATE CASCADE,
      c bigint CONSTRAINT fk_c REFERENCES users ON DELETE CASCADE ON UPDATE RESTRICT,
      d bigint CONSTRAINT fk_d REFERENCES users ON DELETE SET NULL ON UPDATE SET DEFAULT,
      e bigint DEFAULT 0 CONSTRAINT fk_e REFERENCES users ON DELETE SET DEFAULT ON UPDATE SET NULL,
      email text CONSTRAINT fk_email REFERENCES users (email) ON DELETE NO ACTION,
      o_number integer, o_region integer,
      id integer PRIMARY KEY,
      parent_id integer,
      CONSTRAINT fk_order FOREIGN KEY (o_number, o_region) REFERENCES orders (number, region),
      CONSTRAINT fk_parent FOREIGN KEY (parent_id) REFERENCES actions (id) ON DELETE CASCADE
    ))sql");
  ForeignKey order{.name = "fk_order",
                   .columns = {"o_number", "o_region"},
                   .referenced_table = "orders",
                   .referenced_columns = {"number", "region"}};
  using enum ForeignKeyAction;
  Schema expected{
      .tables = {
          Table{
              .name = "actions",
              .columns = {column("a", "bigint", true), column("b", "bigint", true),
                          column("c", "bigint", true), column("d", "bigint", true),
                          column("e", "bigint", true, "0"), column("email", "text", true),
                          column("o_number", "integer", true), column("o_region", "integer", true),
                          column("id", "integer"), column("parent_id", "integer", true)},
              .primary_key = {"id"},
              .primary_key_name = "actions_pkey",
              .foreign_keys = {ForeignKey{"actions_a_fkey", {"a"}, "users", {"id"}},
                               ForeignKey{"fk_b", {"b"}, "users", {"id"}, restrict, cascade},
                               ForeignKey{"fk_c", {"c"}, "users", {"id"}, cascade, restrict},
                               ForeignKey{"fk_d", {"d"}, "users", {"id"}, set_null, set_default},
                               ForeignKey{"fk_e", {"e"}, "users", {"id"}, set_default, set_null},
                               ForeignKey{"fk_email", {"email"}, "users", {"email"}}, order,
                               ForeignKey{"fk_parent",
                                          {"parent_id"},
                                          "actions",
                                          {"id"},
                                          cascade,
                                          no_action}}},
          Table{.name = "orders",
                .columns = {column("region", "integer"), column("number", "integer"),
                            column("user_id", "bigint", true)},
                .primary_key = {"region", "number"},
                .primary_key_name = "orders_pkey"},
          // The unique index a foreign key relies on is still this table's index.
          Table{.name = "users",
                .columns = {column("id", "bigint"), column("email", "text")},
                .primary_key = {"id"},
                .primary_key_name = "users_pkey",
                .indexes = {
                    Index{.name = "ux_users_email", .keys = {key("email")}, .unique = true}}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, IndexesOfEveryKind) {
  db.exec(R"sql(
    CREATE TABLE docs (
      id bigint PRIMARY KEY,
      title character varying(200) NOT NULL,
      status text NOT NULL,
      body jsonb,
      during tsrange,
      created_at timestamp without time zone,
      token text,
      email text UNIQUE
    );
    CREATE INDEX ix_docs_title ON docs (title);
    CREATE INDEX ix_docs_status_created_at ON docs (status, created_at DESC);
    CREATE UNIQUE INDEX ux_docs_token ON docs (token);
    CREATE INDEX ix_docs_open ON docs (created_at) WHERE status = 'open' AND title <> '';
    CREATE INDEX ix_docs_body ON docs USING gin (body);
    CREATE INDEX ix_docs_body_path ON docs USING gin (body jsonb_path_ops);
    CREATE INDEX ix_docs_during ON docs USING gist (during);
    CREATE INDEX ix_docs_created_brin ON docs USING brin (created_at);
    CREATE INDEX ix_docs_token_hash ON docs USING hash (token);
    CREATE UNIQUE INDEX ux_docs_lower_title ON docs (lower(title));
    CREATE INDEX ix_docs_mixed ON docs (status, (lower(token)), (id + 1)) INCLUDE (email);
    )sql");
  auto index = [](std::string name, std::vector<IndexKey> keys, std::string method = "btree") {
    return Index{.name = std::move(name), .keys = std::move(keys), .method = std::move(method)};
  };
  Index unique_token = index("ux_docs_token", {key("token")});
  unique_token.unique = true;
  Index unique_lower = index("ux_docs_lower_title", {expression("lower(title::text)")});
  unique_lower.unique = true;
  Index open = index("ix_docs_open", {key("created_at")});
  open.where = "((status = 'open'::text) AND ((title)::text <> ''::text))";
  Schema expected{
      .tables = {Table{
          .name = "docs",
          .columns = {column("id", "bigint"), column("title", "character varying(200)"),
                      column("status", "text"), column("body", "jsonb", true),
                      column("during", "tsrange", true),
                      column("created_at", "timestamp without time zone", true),
                      column("token", "text", true), column("email", "text", true)},
          .primary_key = {"id"},
          .primary_key_name = "docs_pkey",
          .uniques = {UniqueConstraint{"docs_email_key", {"email"}}},
          .indexes = {index("ix_docs_body", {key("body")}, "gin"),
                      index("ix_docs_body_path", {key("body")}, "gin"),
                      index("ix_docs_created_brin", {key("created_at")}, "brin"),
                      index("ix_docs_during", {key("during")}, "gist"),
                      index("ix_docs_mixed",
                            {key("status"), expression("lower(token)"), expression("(id + 1)")}),
                      open, index("ix_docs_status_created_at", {key("status"), key("created_at")}),
                      index("ix_docs_title", {key("title")}),
                      index("ix_docs_token_hash", {key("token")}, "hash"), unique_lower,
                      unique_token}}}};
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
  Schema expected{
      .tables = {Table{
          .name = "d",
          .columns = {column("quoted", "text", true, "'it''s'"),
                      column("backslash", "text", true, "E'a\\\\b'"),
                      column("tags", "text[]", true, "'{}'"),
                      column("codes", "character varying(5)[]", true, "'{}'"),
                      column("big_negative", "bigint", true, "-9999999999"),
                      column("neg_numeric", "numeric(10,2)", true, "-1.25"),
                      column("neg_real", "real", true, "-2"),
                      column("numeric_text", "text", true, "'-1'"),
                      column("nan", "double precision", true, "'NaN'"),
                      column("at", "timestamp with time zone", true, "'2020-01-01 00:00:00+00'"),
                      column("sum", "integer", true, "(1 + 2)"),
                      column("concat", "text", true, "('a'::text || 'b'::text)"),
                      column("stamp", "timestamp with time zone", true, "CURRENT_TIMESTAMP"),
                      column("casted", "real", true, "('-1'::integer)::real"),
                      column("fixed", "character(3)", true, "'abc'")}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, DomainDefaultsLoseTheBaseTypeCast) {
  db.exec("CREATE DOMAIN short_text AS character varying(10)");
  db.exec("CREATE TABLE d (code short_text DEFAULT 'x')");
  Schema expected{
      .tables = {Table{.name = "d", .columns = {column("code", "short_text", true, "'x'")}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, LeavesOutBookkeepingOtherSchemasViewsAndPartitions) {
  db.exec(R"sql(
    CREATE TABLE structmig_version (revision text PRIMARY KEY);
    CREATE TABLE structmig_history (id bigint PRIMARY KEY, revision text NOT NULL CHECK (revision <> ''));
    CREATE INDEX structmig_history_revision ON structmig_history (revision);
    CREATE SCHEMA other;
    CREATE TABLE other.elsewhere (id integer PRIMARY KEY);
    CREATE TABLE users (id integer NOT NULL, name text, CONSTRAINT pk_users PRIMARY KEY (id));
    CREATE VIEW user_names AS SELECT name FROM users;
    CREATE MATERIALIZED VIEW user_count AS SELECT count(*) FROM users;
    CREATE INDEX user_count_idx ON user_count (count);
    CREATE SEQUENCE counter;
    CREATE INDEX users_name ON users (name);
    CREATE TABLE events (at timestamp with time zone NOT NULL, kind text,
                         CONSTRAINT ck_events_kind CHECK (kind <> ''))
      PARTITION BY RANGE (at);
    CREATE INDEX ix_events_kind ON events (kind);
    CREATE TABLE events_2024 PARTITION OF events
      FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
    CREATE TABLE "Empty" ();
    )sql");
  Schema expected{
      .tables = {
          Table{.name = "Empty"},
          Table{.name = "events",
                .columns = {column("at", "timestamp with time zone"), column("kind", "text", true)},
                .checks = {CheckConstraint{"ck_events_kind", "(kind <> ''::text)"}},
                .indexes = {Index{.name = "ix_events_kind", .keys = {key("kind")}}}},
          Table{.name = "users",
                .columns = {column("id", "integer"), column("name", "text", true)},
                .primary_key = {"id"},
                .primary_key_name = "pk_users",
                .indexes = {Index{.name = "users_name", .keys = {key("name")}}}}}};
  EXPECT_EQ(read_schema(db), expected);
  Schema other{.tables = {Table{.name = "elsewhere",
                                .columns = {column("id", "integer")},
                                .primary_key = {"id"},
                                .primary_key_name = "elsewhere_pkey"}}};
  EXPECT_EQ(read_schema(db, "other"), other);
  EXPECT_EQ(read_schema(db, "no_such_schema"), Schema{});
}

TEST_F(Introspect, ForeignKeyToAPartitionedTableIsReadOnce) {
  db.exec(R"sql(
    CREATE TABLE accounts (region integer NOT NULL, id integer NOT NULL,
                           CONSTRAINT pk_accounts PRIMARY KEY (region, id))
      PARTITION BY LIST (region);
    CREATE TABLE accounts_1 PARTITION OF accounts FOR VALUES IN (1);
    CREATE TABLE accounts_2 PARTITION OF accounts FOR VALUES IN (2);
    CREATE TABLE payments (region integer, account_id integer,
      CONSTRAINT fk_payments_account FOREIGN KEY (region, account_id) REFERENCES accounts);
    )sql");
  Schema expected{
      .tables = {Table{.name = "accounts",
                       .columns = {column("region", "integer"), column("id", "integer")},
                       .primary_key = {"region", "id"},
                       .primary_key_name = "pk_accounts"},
                 Table{.name = "payments",
                       .columns = {column("region", "integer", true),
                                   column("account_id", "integer", true)},
                       .foreign_keys = {ForeignKey{"fk_payments_account",
                                                   {"region", "account_id"},
                                                   "accounts",
                                                   {"region", "id"}}}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, DroppedColumnsAreIgnored) {
  db.exec(R"sql(
    CREATE TABLE t (a integer NOT NULL, junk text, b integer NOT NULL, c text UNIQUE);
    ALTER TABLE t DROP COLUMN junk;
    ALTER TABLE t ADD CONSTRAINT ab UNIQUE (a, b);
    ALTER TABLE t ADD COLUMN d boolean DEFAULT true;
    )sql");
  Schema expected{
      .tables = {Table{
          .name = "t",
          .columns = {column("a", "integer"), column("b", "integer"), column("c", "text", true),
                      column("d", "boolean", true, "true")},
          .uniques = {UniqueConstraint{"ab", {"a", "b"}}, UniqueConstraint{"t_c_key", {"c"}}}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, ObjectsInByteOrderAndHostileNames) {
  db.exec(R"sql(
    CREATE TYPE "b""ad" AS ENUM ('it''s', 'x y');
    CREATE TABLE "we""ird" ("naïve ""col""" text CONSTRAINT "u""q" UNIQUE,
                            "Id" integer PRIMARY KEY, kind "b""ad" DEFAULT 'it''s');
    CREATE INDEX "Ix ""1""" ON "we""ird" (lower("naïve ""col"""));
    CREATE TABLE "B" (x integer);
    CREATE TABLE a (x integer);
    )sql");
  Schema expected{
      .enums = {EnumType{"b\"ad", {"it's", "x y"}}},
      .tables = {Table{.name = "B", .columns = {column("x", "integer", true)}},
                 Table{.name = "a", .columns = {column("x", "integer", true)}},
                 Table{.name = "we\"ird",
                       .columns = {column("naïve \"col\"", "text", true), column("Id", "integer"),
                                   column("kind", "\"b\"\"ad\"", true, "'it''s'")},
                       .primary_key = {"Id"},
                       .primary_key_name = "we\"ird_pkey",
                       .uniques = {UniqueConstraint{"u\"q", {"naïve \"col\""}}},
                       .indexes = {Index{.name = "Ix \"1\"",
                                         .keys = {expression("lower(\"naïve \"\"col\"\"\")")}}}}}};
  EXPECT_EQ(read_schema(db), expected);
}

TEST_F(Introspect, SchemaNameIsABoundParameter) {
  db.exec("CREATE TYPE e AS ENUM ('a'); CREATE TABLE t (x integer PRIMARY KEY)");
  EXPECT_EQ(read_schema(db, "public' OR '1'='1"), Schema{});
}

}  // namespace
}  // namespace structmig
