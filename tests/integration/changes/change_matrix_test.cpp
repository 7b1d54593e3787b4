// Every kind of schema change, through the whole pipeline on a real
// PostgreSQL: diff(before, after, hints) → the safe plan (every change the
// planner would refuse acknowledged, as a model can) run step by step, as the
// migrator cuts it → the schema
// read back from pg_catalog equals the model (in PostgreSQL's normal form);
// downgrade → equals the previous model; upgrade again → equals the model.
// Rows inserted before a change are checked after it where data must survive.
#include <gtest/gtest.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "structmig/diff.hpp"
#include "plan/safe_plan.hpp"
#include "pg_cluster.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"
#include "structmig/naming.hpp"
#include "structmig/normalize.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

// ---- building schemas concisely -----------------------------------------

Column col(std::string name, std::string type, bool nullable = false,
           std::optional<std::string> default_sql = std::nullopt) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql)};
}

Table table(std::string name, std::vector<Column> columns, std::vector<std::string> pk = {"id"}) {
  Table t{.name = std::move(name), .columns = std::move(columns), .primary_key = std::move(pk)};
  t.primary_key_name = primary_key_name(t.name);
  return t;
}

ForeignKey fk(const std::string& table_name, std::vector<std::string> columns, std::string target,
              std::vector<std::string> target_columns,
              ForeignKeyAction on_delete = ForeignKeyAction::no_action,
              ForeignKeyAction on_update = ForeignKeyAction::no_action) {
  return ForeignKey{.name = foreign_key_name(table_name, columns, target),
                    .columns = columns,
                    .referenced_table = std::move(target),
                    .referenced_columns = std::move(target_columns),
                    .on_delete = on_delete,
                    .on_update = on_update};
}

Index index(const std::string& table_name, std::vector<IndexKey> keys, bool unique = false,
            std::string method = "btree", std::optional<std::string> where = std::nullopt) {
  return Index{.name = index_name(table_name, keys, unique),
               .keys = std::move(keys),
               .unique = unique,
               .method = std::move(method),
               .where = std::move(where)};
}

UniqueConstraint unique(const std::string& table_name, std::vector<std::string> columns) {
  return UniqueConstraint{.name = unique_name(table_name, columns), .columns = columns};
}

CheckConstraint check(const std::string& table_name, std::string label, std::string expression) {
  return CheckConstraint{.name = check_name(table_name, label, expression),
                         .expression = std::move(expression)};
}

Schema schema(std::vector<Table> tables, std::vector<EnumType> enums = {}) {
  Schema s{.enums = std::move(enums), .tables = std::move(tables)};
  sort_schema(s);
  return s;
}

Table users() { return table("users", {col("id", "bigint"), col("email", "text")}); }

// ---- the pipeline ---------------------------------------------------------

struct Change {
  std::string name;
  Schema before;
  Schema after;
  RenameHints hints;
  std::function<void(Connection&)> seed;         // rows to insert at `before`
  std::function<void(Connection&)> check_after;  // what must hold after the upgrade
  std::function<void(Connection&)> check_down;   // … and after the downgrade
};

void PrintTo(const Change& change, std::ostream* os) { *os << change.name; }

// Each step as the migrator runs it: a transactional group in one
// transaction, a concurrent index operation or a backfill on its own.
void apply_ops(Connection& db, const std::vector<Op>& ops) {
  for (const Step& step : split_steps(ops)) {
    std::optional<Transaction> tx;
    if (step.transactional) tx.emplace(db);
    for (const std::string& statement : to_sql(step.ops)) {
      SCOPED_TRACE(statement);
      db.exec(statement);
    }
    if (tx) tx->commit();
  }
}

// What a model would write to allow every refused change of the matrix: the
// matrix is about what the changes do to a database, the refusals have their
// own tests.
plan::Acknowledgements acknowledge_everything(const Schema& before, const Schema& after) {
  plan::Acknowledgements out;
  for (const Schema* schema : {&before, &after}) {
    for (const Table& t : schema->tables) {
      out.dropped_tables.insert(t.name);
      for (const Column& c : t.columns) {
        out.rewrites.insert({t.name, c.name});
        out.dropped_columns.insert({t.name, c.name});
      }
    }
    for (const EnumType& e : schema->enums) {
      for (const std::string& label : e.labels) out.dropped_labels.insert({e.name, label});
    }
  }
  return out;
}

std::string describe(const Schema& s) {
  std::string out;
  for (const EnumType& e : s.enums) {
    out += "enum " + e.name + ":";
    for (const auto& l : e.labels) out += " " + l;
    out += "\n";
  }
  for (const Table& t : s.tables) {
    out += "table " + t.name + (t.comment ? " -- " + *t.comment : "") + "\n";
    for (const Column& c : t.columns) {
      out += "  " + c.name + " " + c.type + (c.nullable ? "" : " NOT NULL") +
             (c.default_sql ? " DEFAULT " + *c.default_sql : "") +
             (c.identity != Identity::none ? " IDENTITY" : "") +
             (c.comment ? " -- " + *c.comment : "") + "\n";
    }
    out += "  pk " + t.primary_key_name + " (";
    for (const auto& c : t.primary_key) out += c + " ";
    out += ")\n";
    for (const auto& u : t.uniques) out += "  unique " + u.name + "\n";
    for (const auto& c : t.checks) out += "  check " + c.name + " " + c.expression + "\n";
    for (const auto& f : t.foreign_keys)
      out += "  fk " + f.name + " -> " + f.referenced_table + "\n";
    for (const auto& i : t.indexes) {
      out += "  index " + i.name + " " + i.method + (i.unique ? " unique" : "") +
             (i.where ? " where " + *i.where : "") + "\n";
    }
  }
  return out;
}

void expect_schema(Connection& db, const Schema& model, const std::string& when) {
  Schema expected = canonical(normalize_schema(db, model));
  Schema actual = canonical(read_schema(db));
  EXPECT_EQ(actual, expected) << when << "\nexpected:\n"
                              << describe(expected) << "actual:\n"
                              << describe(actual);
}

std::string scalar(Connection& db, const std::string& sql) { return db.exec(sql).text(0, 0); }

class ChangeMatrix : public ::testing::TestWithParam<Change> {};

TEST_P(ChangeMatrix, UpgradeDowngradeUpgrade) {
  const Change& change = GetParam();
  Connection db = Connection::open(testing::PgCluster::instance().fresh_database(change.name));

  diff::Plan initial = diff::diff_schemas(Schema{}, change.before);
  apply_ops(db, initial.upgrade);
  expect_schema(db, change.before, "at before");
  if (change.seed) change.seed(db);

  const diff::Plan logical = diff::diff_schemas(change.before, change.after, change.hints);
  ASSERT_FALSE(logical.upgrade.empty()) << "the change produced no operation";
  EXPECT_EQ(logical.downgrade, reverse(logical.upgrade));
  const plan::SafePlan plan = plan::plan_safely(logical, change.before, change.after,
                                                acknowledge_everything(change.before, change.after));
  for (const plan::Refusal& refusal : plan.refusals) ADD_FAILURE() << refusal.reason;

  apply_ops(db, plan.upgrade);
  expect_schema(db, change.after, "after upgrade");
  if (change.check_after) change.check_after(db);

  apply_ops(db, plan.downgrade);
  expect_schema(db, change.before, "after downgrade");
  if (change.check_down) change.check_down(db);

  apply_ops(db, plan.upgrade);
  expect_schema(db, change.after, "after upgrading again");
  if (change.check_after) change.check_after(db);
}

// ---- the cases ------------------------------------------------------------

EnumType status_enum(std::vector<std::string> labels) {
  return EnumType{.name = "document_status", .labels = std::move(labels)};
}

Table documents(std::string status_default = "'draft'") {
  return table("documents", {col("id", "bigint"),
                             col("status", "document_status", false, std::move(status_default)),
                             col("history", "document_status[]", true)});
}

std::vector<Change> type_changes() {
  Table every = table(
      "everything",
      {Column{.name = "id", .type = "bigint", .identity = Identity::by_default},
       Column{.name = "seq", .type = "integer", .identity = Identity::always},
       col("flag", "boolean", false, "false"), col("small", "smallint"), col("r", "real"),
       col("d", "double precision"), col("t", "text", true), col("v", "character varying(40)"),
       col("u", "uuid", true), col("j", "jsonb", false, "'{}'"), col("b", "bytea", true),
       col("n", "numeric(10,2)", false, "0"), col("day", "date", true),
       col("local", "timestamp without time zone", true),
       col("at", "timestamp with time zone", false, "now()"), col("tags", "text[]", false, "'{}'"),
       col("scores", "integer[]", true), col("status", "document_status", false, "'draft'"),
       col("statuses", "document_status[]", true)});
  return {
      {"create_every_type", schema({}), schema({every}, {status_enum({"draft", "published"})})},
      {"type_change_with_using",
       schema({table("t", {col("id", "bigint"), col("code", "text")})}),
       schema({table("t", {col("id", "bigint"), col("code", "integer")})}),
       {},
       [](Connection& db) { db.exec("INSERT INTO t VALUES (1, '42')"); },
       [](Connection& db) { EXPECT_EQ(scalar(db, "SELECT code + 1 FROM t"), "43"); },
       [](Connection& db) { EXPECT_EQ(scalar(db, "SELECT code || 'x' FROM t"), "42x"); }},
      {"widen_varchar_and_integer",
       schema({table("t", {col("id", "integer"), col("v", "character varying(20)")})}),
       schema({table("t", {col("id", "bigint"), col("v", "character varying(200)")})})},
      {"text_to_enum_and_back",
       schema({table("t", {col("id", "bigint"), col("s", "text")})}, {status_enum({"draft"})}),
       schema({table("t", {col("id", "bigint"), col("s", "document_status")})},
              {status_enum({"draft"})}),
       {},
       [](Connection& db) { db.exec("INSERT INTO t VALUES (1, 'draft')"); },
       [](Connection& db) { EXPECT_EQ(scalar(db, "SELECT s::text FROM t"), "draft"); }},
      {"nullability_and_default",
       schema({table("t", {col("id", "bigint"), col("a", "text", true), col("b", "integer")})}),
       schema({table("t", {col("id", "bigint"), col("a", "text", false, "'x'"),
                           col("b", "integer", true, "7")})}),
       {},
       [](Connection& db) { db.exec("INSERT INTO t (id, a, b) VALUES (1, 'set', 1)"); }},
      {"identity_added_and_changed",
       schema({table("t", {col("id", "bigint"), col("n", "integer")})}),
       schema({table("t", {Column{.name = "id", .type = "bigint", .identity = Identity::by_default},
                           Column{.name = "n", .type = "integer", .identity = Identity::always}})}),
       {},
       [](Connection& db) { db.exec("INSERT INTO t VALUES (1, 10), (7, 11)"); },
       // The new identities continue after the rows already there.
       [](Connection& db) {
         EXPECT_EQ(scalar(db, "INSERT INTO t DEFAULT VALUES RETURNING id::text || '/' || n"),
                   "8/12");
         db.exec("DELETE FROM t WHERE id = 8");
       }},
      {"column_added_and_dropped",
       schema({table("t", {col("id", "bigint"), col("old", "text", true)})}),
       schema({table("t", {col("id", "bigint"), col("fresh", "integer", false, "0")})})},
  };
}

std::vector<Change> constraint_changes() {
  Table orgs = table("organizations", {col("id", "bigint"), col("region", "text")});
  orgs.uniques = {unique("organizations", {"id", "region"})};
  Table members =
      table("members", {col("id", "bigint"), col("org_id", "bigint", true),
                        col("region", "text", true), col("email", "text"), col("rating", "integer"),
                        col("data", "jsonb", false, "'{}'"), col("status", "text", false, "'open'"),
                        col("created_at", "timestamp with time zone", false, "now()")});
  Table members_full = members;
  members_full.foreign_keys = {fk("members", {"org_id"}, "organizations", {"id"},
                                  ForeignKeyAction::set_null, ForeignKeyAction::cascade),
                               fk("members", {"org_id", "region"}, "organizations",
                                  {"id", "region"}, ForeignKeyAction::cascade)};
  members_full.uniques = {unique("members", {"email"}), unique("members", {"org_id", "email"})};
  members_full.checks = {check("members", "rating", "rating BETWEEN 1 AND 5"),
                         check("members", "", "char_length(email) > 3 AND rating <> 0")};
  members_full.indexes = {
      index("members", {{.column = "created_at"}}),
      index("members", {{.column = "org_id"}, {.column = "created_at"}}),
      index("members", {{.expression = "lower(email)"}}, true),
      index("members", {{.column = "created_at"}}, false, "btree", "status = 'open'"),
      index("members", {{.column = "data"}}, false, "gin"),
      index("members", {{.column = "created_at"}}, false, "brin"),
      index("members", {{.column = "email"}}, false, "hash")};
  // Distinct names for the indexes that share keys.
  members_full.indexes[3].name = "ix_members_open";
  members_full.indexes[5].name = "ix_members_created_brin";
  members_full.comment = "Members of organizations";
  members_full.columns[3].comment = "Where we write to; it's unique";

  Table members_changed = members_full;
  members_changed.foreign_keys[0].on_delete = ForeignKeyAction::cascade;
  members_changed.checks[0].expression = "rating BETWEEN 0 AND 10";
  members_changed.indexes[0].unique = true;
  members_changed.comment = "Changed";
  members_changed.columns[3].comment.reset();
  return {
      {"add_every_constraint_and_index",
       schema({orgs, members}),
       schema({orgs, members_full}),
       {},
       [](Connection& db) { db.exec("INSERT INTO organizations VALUES (1, 'eu')"); }},
      {"change_every_constraint_and_index", schema({orgs, members_full}),
       schema({orgs, members_changed})},
      {"primary_key_changed", schema({table("t", {col("id", "bigint"), col("tenant", "bigint")})}),
       schema({table("t", {col("id", "bigint"), col("tenant", "bigint")}, {"tenant", "id"})})},
  };
}

std::vector<Change> enum_changes() {
  Table docs = documents();
  return {
      {"enum_label_added_in_the_middle",
       schema({docs}, {status_enum({"draft", "published"})}),
       schema({docs}, {status_enum({"draft", "in_review", "published"})}),
       {},
       [](Connection& db) { db.exec("INSERT INTO documents VALUES (1, 'published', '{draft}')"); },
       [](Connection& db) {
         EXPECT_EQ(scalar(db, "SELECT status::text FROM documents"), "published");
       }},
      {"enum_labels_added_first_and_last", schema({docs}, {status_enum({"draft"})}),
       schema({docs}, {status_enum({"idea", "draft", "archived"})})},
      {"enum_label_renamed", schema({docs}, {status_enum({"draft", "live"})}),
       schema({docs}, {status_enum({"draft", "published"})}),
       RenameHints{.enum_labels = {{{"document_status", "published"}, "live"}}},
       [](Connection& db) { db.exec("INSERT INTO documents VALUES (1, 'live', '{live,draft}')"); },
       [](Connection& db) {
         EXPECT_EQ(scalar(db, "SELECT status::text FROM documents"), "published");
         EXPECT_EQ(scalar(db, "SELECT history::text FROM documents"), "{published,draft}");
       },
       [](Connection& db) { EXPECT_EQ(scalar(db, "SELECT status::text FROM documents"), "live"); }},
      {"enum_label_removed",
       schema({docs}, {status_enum({"draft", "obsolete", "published"})}),
       schema({docs}, {status_enum({"draft", "published"})}),
       {},
       [](Connection& db) { db.exec("INSERT INTO documents VALUES (1, 'published', NULL)"); },
       [](Connection& db) {
         EXPECT_EQ(scalar(db, "SELECT status::text FROM documents"), "published");
       }},
      {"enum_labels_reordered",
       schema({docs}, {status_enum({"published", "draft"})}),
       schema({docs}, {status_enum({"draft", "published"})}),
       {},
       [](Connection& db) { db.exec("INSERT INTO documents VALUES (1, 'draft', '{draft}')"); },
       [](Connection& db) {
         EXPECT_EQ(scalar(db, "SELECT status::text FROM documents"), "draft");
       }},
      {"enum_type_renamed",
       schema({table("t", {col("id", "bigint"), col("s", "state")})},
              {EnumType{.name = "state", .labels = {"a", "b"}}}),
       schema({table("t", {col("id", "bigint"), col("s", "document_status")})},
              {status_enum({"a", "b"})}),
       RenameHints{.enums = {{"document_status", "state"}}},
       [](Connection& db) { db.exec("INSERT INTO t VALUES (1, 'b')"); },
       [](Connection& db) { EXPECT_EQ(scalar(db, "SELECT s::text FROM t"), "b"); }},
      {"enum_created_and_dropped_with_its_table", schema({}),
       schema({docs}, {status_enum({"draft"})})},
  };
}

std::vector<Change> order_and_rename_changes() {
  // Name order would create the child first: foreign-key order must win.
  Table child = table("a_child", {col("id", "bigint"), col("parent_id", "bigint")});
  child.foreign_keys = {fk("a_child", {"parent_id"}, "z_parent", {"id"})};
  Table parent = table("z_parent", {col("id", "bigint")});
  // A cycle between two new tables.
  Table left = table("left_side", {col("id", "bigint"), col("right_id", "bigint", true)});
  left.foreign_keys = {fk("left_side", {"right_id"}, "right_side", {"id"})};
  Table right = table("right_side", {col("id", "bigint"), col("left_id", "bigint", true)});
  right.foreign_keys = {fk("right_side", {"left_id"}, "left_side", {"id"})};
  // A self-reference.
  Table tree = table("tree", {col("id", "bigint"), col("parent_id", "bigint", true)});
  tree.foreign_keys = {fk("tree", {"parent_id"}, "tree", {"id"})};
  // A kept table loses its reference to a table that is dropped.
  Table kept_with_fk = table("kept", {col("id", "bigint"), col("gone_id", "bigint", true)});
  kept_with_fk.foreign_keys = {fk("kept", {"gone_id"}, "gone", {"id"})};
  Table kept = table("kept", {col("id", "bigint")});
  Table gone = table("gone", {col("id", "bigint")});

  Table old_users = users();
  old_users.uniques = {unique("users", {"email"})};
  old_users.indexes = {index("users", {{.column = "email"}, {.column = "id"}})};
  Table accounts = old_users;
  accounts.name = "accounts";
  accounts.primary_key_name = primary_key_name("accounts");
  accounts.uniques = {unique("accounts", {"email"})};
  accounts.indexes = {index("accounts", {{.column = "email"}, {.column = "id"}})};
  Table tickets = table("tickets", {col("id", "bigint"), col("user_id", "bigint")});
  tickets.foreign_keys = {fk("tickets", {"user_id"}, "users", {"id"})};
  Table tickets_after = tickets;
  tickets_after.foreign_keys = {fk("tickets", {"user_id"}, "accounts", {"id"})};

  Table notes = table("notes", {col("id", "bigint"), col("body", "text")});
  Table notes_renamed = table("notes", {col("id", "bigint"), col("details", "text")});
  return {
      {"new_tables_in_foreign_key_order", schema({}), schema({child, parent})},
      {"foreign_key_cycle", schema({}), schema({left, right, tree})},
      {"dropped_table_referenced_by_a_kept_table", schema({kept_with_fk, gone}), schema({kept})},
      {"table_renamed_keeps_rows_and_renames_constraints", schema({old_users, tickets}),
       schema({accounts, tickets_after}), RenameHints{.tables = {{"accounts", "users"}}},
       [](Connection& db) {
         db.exec("INSERT INTO users VALUES (1, 'ada@example.com')");
         db.exec("INSERT INTO tickets VALUES (10, 1)");
       },
       [](Connection& db) {
         EXPECT_EQ(scalar(db, "SELECT email FROM accounts WHERE id = 1"), "ada@example.com");
         EXPECT_EQ(scalar(db, "SELECT count(*) FROM tickets t JOIN accounts a ON a.id = t.user_id"),
                   "1");
       },
       [](Connection& db) {
         EXPECT_EQ(scalar(db, "SELECT email FROM users WHERE id = 1"), "ada@example.com");
       }},
      {"column_renamed_keeps_rows", schema({notes}), schema({notes_renamed}),
       RenameHints{.columns = {{{"notes", "details"}, "body"}}},
       [](Connection& db) { db.exec("INSERT INTO notes VALUES (1, 'keep me')"); },
       [](Connection& db) { EXPECT_EQ(scalar(db, "SELECT details FROM notes"), "keep me"); },
       [](Connection& db) { EXPECT_EQ(scalar(db, "SELECT body FROM notes"), "keep me"); }},
  };
}

INSTANTIATE_TEST_SUITE_P(Types, ChangeMatrix, ::testing::ValuesIn(type_changes()),
                         [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(Constraints, ChangeMatrix, ::testing::ValuesIn(constraint_changes()),
                         [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(Enums, ChangeMatrix, ::testing::ValuesIn(enum_changes()),
                         [](const auto& info) { return info.param.name; });
INSTANTIATE_TEST_SUITE_P(OrderAndRenames, ChangeMatrix,
                         ::testing::ValuesIn(order_and_rename_changes()),
                         [](const auto& info) { return info.param.name; });

// An unhinted rename is still drop + add, but never silently.
TEST(ChangeMatrixWarnings, UnhintedRenameIsReported) {
  Schema before = schema({table("notes", {col("id", "bigint"), col("body", "text")})});
  Schema after = schema({table("notes", {col("id", "bigint"), col("details", "text")})});
  diff::Plan plan = diff::diff_schemas(before, after);
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_NE(plan.warnings[0].text.find("renamed_from(body)"), std::string::npos)
      << plan.warnings[0].text;
}

}  // namespace
}  // namespace structmig
