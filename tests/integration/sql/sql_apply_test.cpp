// The SQL of every operation, run on a real PostgreSQL: a sequence covering
// every Op kind (with a foreign key cycle, identities, comments, enum label
// changes and a recreated enum with data in its columns) applied to a scratch
// database, checked in the catalog and the data, then every op's inverse
// applied in reverse order back to an empty database. The golden text is
// pinned by tests/unit/runtime/sql_*_test.cpp; this proves PostgreSQL takes it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "structmig/connection.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

/// An operation, and SQL run right after it on the way up (the data the rest
/// of the sequence carries along); the way down runs only the inverse.
struct Step {
  Op op;
  std::string then = {};
};

Column column(std::string name, std::string type, bool nullable = false,
              std::optional<std::string> default_sql = std::nullopt,
              Identity identity = Identity::none, std::optional<std::string> comment = {}) {
  return Column{std::move(name),        std::move(type), nullable,
                std::move(default_sql), identity,        std::move(comment)};
}

IndexKey key(std::string column) { return IndexKey{std::move(column), ""}; }

const std::vector<EnumUsage> status_usages{EnumUsage{"users", "status", false, "'open'::status"},
                                           EnumUsage{"users", "history", true, std::nullopt}};

Table users_table() {
  return Table{
      .name = "users",
      .columns = {column("id", "bigint", false, {}, Identity::by_default),
                  column("email", "text", false, {}, Identity::none, "login; it's unique"),
                  column("org_id", "bigint", true),
                  column("status", "status", false, "'open'::status"),
                  column("history", "status[]", true), column("score", "integer", false, "0"),
                  column("note", "text", true)},
      .primary_key = {"id"},
      .primary_key_name = "pk_users",
      .uniques = {{"uq_users_email", {"email"}}},
      .checks = {{"ck_users_score", "score >= 0"}},
      .indexes = {Index{.name = "ix_users_history", .keys = {key("history")}, .method = "gin"},
                  Index{.name = "ux_users_lower_email",
                        .keys = {IndexKey{"", "lower(email)"}},
                        .unique = true,
                        .where = "org_id IS NOT NULL"}},
      .comment = "people"};
}

ForeignKey orgs_owner_fk() {
  return ForeignKey{.name = "fk_orgs_owner_id_users",
                    .columns = {"owner_id"},
                    .referenced_table = "users",
                    .referenced_columns = {"id"},
                    .on_delete = ForeignKeyAction::set_null};
}

Table orgs_table() {
  return Table{.name = "orgs",
               .columns = {column("id", "bigint"), column("name", "text"),
                           column("owner_id", "bigint", true)},
               .primary_key = {"id"},
               .primary_key_name = "pk_orgs",
               .uniques = {{"uq_orgs_name", {"name"}}},
               .foreign_keys = {orgs_owner_fk()}};
}

Table tags_table() {
  return Table{.name = "tags",
               .columns = {column("id", "integer"), column("label", "text"),
                           column("seq", "integer", true, "0")},
               .primary_key = {"id"},
               .primary_key_name = "pk_tags"};
}

const std::string display_comment_before = "shown as \"name\"; it's C:\\";
const std::string display_comment_after = "the user's name";

std::vector<Step> every_op_kind() {
  Table tags_at_drop = tags_table();
  tags_at_drop.columns[2] = column("seq", "bigint", false, {}, Identity::by_default);
  tags_at_drop.primary_key = {"id", "label"};

  return {
      {CreateEnum{{"status", {"open", "closed"}}}},
      {CreateEnum{{"kind", {"a", "b"}}}},
      {CreateTable{users_table()},
       "INSERT INTO users (email, status, history) VALUES "
       "('a@x', 'open', '{open,closed}'), ('b@x', 'closed', '{}')"},
      {CreateTable{orgs_table()}, "INSERT INTO orgs VALUES (1, 'acme', 1)"},
      {CreateTable{tags_table()}, "INSERT INTO tags (id, label) VALUES (1, 'x')"},
      // The other half of the users ↔ orgs cycle.
      {AddConstraint{"users", ForeignKey{.name = "fk_users_org_id_orgs",
                                         .columns = {"org_id"},
                                         .referenced_table = "orgs",
                                         .referenced_columns = {"id"},
                                         .on_delete = ForeignKeyAction::cascade,
                                         .on_update = ForeignKeyAction::cascade}},
       "UPDATE users SET org_id = 1"},
      {AddColumn{"users",
                 column("nickname", "text", true, {}, Identity::none, display_comment_before)}},
      {RenameColumn{"users", "nickname", "display_name"}, "UPDATE users SET display_name = email"},
      {AlterColumn{"users",
                   column("display_name", "text", true, {}, Identity::none, display_comment_before),
                   column("display_name", "character varying(100)", false,
                          "'anon'::character varying", Identity::none, display_comment_after),
                   "\"display_name\"::character varying(100)"}},
      {AlterColumn{"users", column("id", "bigint", false, {}, Identity::by_default),
                   column("id", "bigint", false, {}, Identity::always)}},
      {AlterColumn{"orgs", column("id", "bigint"),
                   column("id", "bigint", false, {}, Identity::by_default)}},
      {AlterColumn{"tags", column("seq", "integer", true, "0"),
                   column("seq", "bigint", false, {}, Identity::by_default)}},
      {AlterColumn{"users", column("score", "integer", false, "0"),
                   column("score", "bigint", false, "0")}},
      {AlterColumn{"users",
                   column("email", "text", false, {}, Identity::none, "login; it's unique"),
                   column("email", "text")}},
      {SetTableComment{"users", "people", "Users' table"}},
      {SetPrimaryKey{"tags", {"id"}, {"id", "label"}, "pk_tags"}},
      {AddConstraint{"users", UniqueConstraint{"uq_users_display_name", {"display_name"}}}},
      {AddConstraint{"users", CheckConstraint{"ck_users_display_name", "display_name <> ''"}}},
      {CreateIndex{"users",
                   Index{.name = "ix_users_status_score", .keys = {key("status"), key("score")}}}},
      {CreateIndex{
          "users",
          Index{.name = "ix_users_display_name", .keys = {key("display_name")}, .method = "hash"}}},
      {DropConstraint{"orgs", orgs_owner_fk()}},
      {DropConstraint{"users", users_table().uniques[0]}},
      {DropConstraint{"users", users_table().checks[0]}},
      {DropIndex{"users", users_table().indexes[1]}},
      {AddEnumLabel{.type = "status",
                    .label = "archived",
                    .after = "open",
                    .type_before = {"status", {"open", "closed"}},
                    .usages = status_usages}},
      {AddEnumLabel{.type = "status",
                    .label = "urgent",
                    .before = "open",
                    .type_before = {"status", {"open", "archived", "closed"}},
                    .usages = status_usages}},
      {RenameEnumLabel{"status", "closed", "done"}},
      {RecreateEnum{{"status", {"urgent", "open", "archived", "done"}},
                    {"status", {"done", "open", "archived", "urgent"}},
                    status_usages}},
      {RenameTable{"users", "people"}},
      {RenameConstraint{"people", "pk_users", "pk_people"}},
      {RenameIndex{"people", "ix_users_history", "ix_people_history"}},
      {RenameEnum{"status", "state"}},
      {DropColumn{"people", column("note", "text", true)}},
      {DropTable{tags_at_drop}},
      {DropEnum{{"kind", {"a", "b"}}}},
  };
}

class SqlOnPostgres : public ::testing::Test {
 protected:
  SqlOnPostgres()
      : db_(Connection::open(testing::PgCluster::instance().fresh_database(
            ::testing::UnitTest::GetInstance()->current_test_info()->name()))) {}

  /// Runs the op's statements one by one; on failure, records which and why.
  bool apply(const Op& op, const std::string& where) {
    for (const std::string& statement : to_sql(op)) {
      try {
        db_.exec(statement);
      } catch (const DatabaseError& error) {
        ADD_FAILURE() << where << ": " << error.what();
        return false;
      }
    }
    return true;
  }

  /// The first value of the first row ("" for NULL, "<no row>" for none).
  std::string value(const std::string& sql) {
    Result result = db_.exec(sql);
    return result.empty() ? "<no row>" : result.text(0, 0);
  }

  std::string rows(const std::string& sql) {
    Result result = db_.exec(sql);
    std::string out;
    for (std::size_t r = 0; r < result.size(); ++r) {
      for (std::size_t c = 0; c < result.column_names().size(); ++c) {
        out += (c ? "|" : "") + result.at(r, c).value_or("NULL");
      }
      out += "\n";
    }
    return out;
  }

  Connection db_;
};

TEST_F(SqlOnPostgres, EveryOpKindAppliesAndItsInverseUndoesIt) {
  const std::vector<Step> steps = every_op_kind();
  for (std::size_t i = 0; i < steps.size(); ++i) {
    ASSERT_TRUE(apply(steps[i].op, "step " + std::to_string(i)));
    if (!steps[i].then.empty()) db_.exec(steps[i].then);
  }

  // Data survived the column changes, the label rename, the recreated enum
  // (reordered labels) and the table rename.
  EXPECT_EQ(rows("SELECT email, status::text, history::text, display_name, score FROM people "
                 "ORDER BY email"),
            "a@x|open|{open,done}|a@x|0\nb@x|done|{}|b@x|0\n");
  EXPECT_EQ(value("SELECT enum_range(NULL::state)::text"), "{done,open,archived,urgent}");
  EXPECT_EQ(value("SELECT count(*) FROM pg_type WHERE typname LIKE '%structmig_old'"), "0");
  // Defaults work again after the recreate; the identity is ALWAYS now.
  EXPECT_EQ(rows("INSERT INTO people (email) VALUES ('c@x') RETURNING status::text, display_name"),
            "open|anon\n");
  db_.exec("DELETE FROM people WHERE email = 'c@x'");
  EXPECT_THROW(db_.exec("INSERT INTO people (id, email) VALUES (99, 'd@x')"), DatabaseError);

  // The catalog says what the ops said.
  EXPECT_EQ(rows("SELECT attrelid::regclass::text, attname, attidentity FROM pg_attribute "
                 "WHERE attidentity <> '' AND attrelid IN ('people'::regclass, 'orgs'::regclass) "
                 "ORDER BY 1, 2"),
            "orgs|id|d\npeople|id|a\n");
  EXPECT_EQ(value("SELECT obj_description('people'::regclass, 'pg_class')"), "Users' table");
  EXPECT_EQ(value("SELECT col_description('people'::regclass, 2)"), "");  // email: cleared
  EXPECT_EQ(value("SELECT col_description(attrelid, attnum) FROM pg_attribute "
                  "WHERE attrelid = 'people'::regclass AND attname = 'display_name'"),
            display_comment_after);
  EXPECT_EQ(value("SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                  "WHERE attrelid = 'people'::regclass AND attname = 'display_name'"),
            "character varying(100)");
  EXPECT_EQ(rows("SELECT conname, contype, confdeltype, confupdtype FROM pg_constraint "
                 "WHERE conrelid IN ('people'::regclass, 'orgs'::regclass) ORDER BY conname"),
            "ck_users_display_name|c| | \n"
            "fk_users_org_id_orgs|f|c|c\n"
            "pk_orgs|p| | \n"
            "pk_people|p| | \n"
            "uq_orgs_name|u| | \n"
            "uq_users_display_name|u| | \n");
  EXPECT_EQ(rows("SELECT c.relname, am.amname FROM pg_index i JOIN pg_class c ON c.oid = "
                 "i.indexrelid JOIN pg_am am ON am.oid = c.relam "
                 "WHERE i.indrelid = 'people'::regclass ORDER BY 1"),
            "ix_people_history|gin\n"
            "ix_users_display_name|hash\n"
            "ix_users_status_score|btree\n"
            "pk_people|btree\n"
            "uq_users_display_name|btree\n");
  EXPECT_EQ(value("SELECT to_regclass('tags') IS NULL AND to_regtype('kind') IS NULL"), "t");
  // Both halves of the users ↔ orgs cycle are in place (ForeignKeyActionsBehave exercises them).
  EXPECT_EQ(value("SELECT count(*) FROM people WHERE org_id = 1"), "2");

  for (std::size_t i = steps.size(); i-- > 0;) {
    ASSERT_TRUE(apply(reverse(steps[i].op), "inverse of step " + std::to_string(i)));
  }
  EXPECT_EQ(value("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                  "WHERE n.nspname = 'public'"),
            "0");
  EXPECT_EQ(value("SELECT count(*) FROM pg_type WHERE typtype = 'e'"), "0");
}

TEST_F(SqlOnPostgres, ForeignKeyActionsBehave) {
  for (const Step& step :
       std::vector<Step>{{CreateEnum{{"status", {"open", "closed"}}}},
                         {CreateTable{users_table()}},
                         {CreateTable{orgs_table()}},
                         {AddConstraint{"users", ForeignKey{.name = "fk_users_org_id_orgs",
                                                 .columns = {"org_id"},
                                                 .referenced_table = "orgs",
                                                 .referenced_columns = {"id"},
                                                 .on_delete = ForeignKeyAction::cascade,
                                                 .on_update = ForeignKeyAction::cascade}}}}) {
    ASSERT_TRUE(apply(step.op, "setup"));
  }
  db_.exec("INSERT INTO users (email) VALUES ('a@x'), ('b@x')");
  db_.exec("INSERT INTO orgs VALUES (1, 'acme', 1)");
  db_.exec("UPDATE users SET org_id = 1 WHERE email = 'b@x'");
  db_.exec("UPDATE orgs SET id = 7");  // ON UPDATE CASCADE
  EXPECT_EQ(value("SELECT org_id FROM users WHERE email = 'b@x'"), "7");
  db_.exec("DELETE FROM users WHERE email = 'a@x'");  // orgs.owner_id: ON DELETE SET NULL
  EXPECT_EQ(value("SELECT owner_id FROM orgs"), "");
  db_.exec("DELETE FROM orgs");  // users.org_id: ON DELETE CASCADE
  EXPECT_EQ(value("SELECT count(*) FROM users"), "0");
}

TEST_F(SqlOnPostgres, RecreateEnumRemovingALabelInUseFailsAndKeepsTheData) {
  const std::vector<EnumUsage> usages{EnumUsage{"t", "v", false, "'a'::e"},
                                      EnumUsage{"t", "vs", true, std::nullopt}};
  for (const Op& op :
       std::vector<Op>{CreateEnum{{"e", {"a", "b", "c"}}},
                       CreateTable{Table{.name = "t",
                       .columns = {column("id", "integer"), column("v", "e", false, "'a'::e"),
                                   column("vs", "e[]", true)},
                       .primary_key = {"id"},
                       .primary_key_name = "pk_t"}},
                       ExecuteSql{"INSERT INTO t VALUES (1, 'a', '{a,b}'), (2, 'c', '{c}')"}}) {
    ASSERT_TRUE(apply(op, "setup"));
  }
  const RecreateEnum drop_c{{"e", {"a", "b", "c"}}, {"e", {"a", "b"}}, usages};

  // As the migrator runs it: one transaction, one round trip.
  try {
    Transaction transaction(db_);
    db_.exec_pipeline(to_sql(drop_c));
    transaction.commit();
    ADD_FAILURE() << "removing a label still in use succeeded";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(error.sqlstate(), "22P02") << error.what();
  }
  EXPECT_EQ(rows("SELECT id, v::text, vs::text FROM t ORDER BY id"), "1|a|{a,b}\n2|c|{c}\n");
  EXPECT_EQ(value("SELECT enum_range(NULL::e)::text"), "{a,b,c}");
  EXPECT_EQ(value("SELECT to_regtype('e__structmig_old') IS NULL"), "t");

  // Once no value needs the label, the same op goes through.
  db_.exec("UPDATE t SET v = 'b', vs = '{b}' WHERE id = 2");
  ASSERT_TRUE(apply(drop_c, "recreate"));
  EXPECT_EQ(rows("SELECT id, v::text, vs::text FROM t ORDER BY id"), "1|a|{a,b}\n2|b|{b}\n");
  EXPECT_EQ(value("SELECT enum_range(NULL::e)::text"), "{a,b}");
  EXPECT_EQ(value("INSERT INTO t (id) VALUES (3) RETURNING v::text"), "a");
  EXPECT_EQ(value("SELECT count(*) FROM pg_type WHERE typname = 'e__structmig_old'"), "0");
}

}  // namespace
}  // namespace structmig
