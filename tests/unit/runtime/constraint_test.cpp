// The constraint family (constraint.hpp): each kind's SQL through the one
// AddConstraint / DropConstraint pair, with NOT VALID and USING INDEX where
// the kind takes them, the refusals where it does not, the recorder calls a
// migration file makes, and the inverses.
#include "structmig/constraint.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "migrator/lock_probe.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

using Statements = std::vector<std::string>;

const ForeignKey kKey{.name = "fk_tickets_user_id_users",
                      .columns = {"user_id"},
                      .referenced_table = "users",
                      .referenced_columns = {"id"},
                      .on_delete = ForeignKeyAction::cascade};
const UniqueConstraint kUnique{.name = "uq_users_email", .columns = {"email"}};
const CheckConstraint kCheck{.name = "ck_tickets_title", .expression = "title <> ''"};

// The message of the structmig::InvalidOperation `run` throws ("" if none).
template <typename F>
std::string refusal(F run) {
  try {
    run();
  } catch (const structmig::InvalidOperation& e) {
    return e.what();
  }
  return "";
}

TEST(ConstraintFamily, EachKindSaysWhatItIs) {
  EXPECT_EQ(kind_of(kKey).word, "foreign key");
  EXPECT_EQ(kind_of(kUnique).word, "unique constraint");
  EXPECT_EQ(kind_of(kCheck).word, "check");
  EXPECT_EQ(kind_of(kKey).add_call, "add_foreign_key");
  EXPECT_EQ(kind_of(kKey).drop_call, "drop_foreign_key");
  EXPECT_EQ(kind_of(kUnique).add_call, "add_unique");
  EXPECT_EQ(kind_of(kUnique).drop_call, "drop_unique");
  EXPECT_EQ(kind_of(kCheck).add_call, "add_check");
  EXPECT_EQ(kind_of(kCheck).drop_call, "drop_check");
  EXPECT_EQ(name_of(kCheck), "ck_tickets_title");
  EXPECT_EQ(table_lock_sql(kind_of(kKey).add_lock), "SHARE ROW EXCLUSIVE");
  EXPECT_EQ(table_lock_sql(kind_of(kUnique).add_lock), "ACCESS EXCLUSIVE");
  EXPECT_EQ(table_lock_sql(kind_of(kCheck).add_lock), "ACCESS EXCLUSIVE");
}

TEST(ConstraintFamily, OnlyForeignKeysReferenceTables) {
  EXPECT_EQ(referenced_tables(kKey), std::vector<std::string>{"users"});
  EXPECT_TRUE(referenced_tables(ForeignKey{.name = "fk_named_only"}).empty());
  EXPECT_TRUE(referenced_tables(kUnique).empty());
  EXPECT_TRUE(referenced_tables(kCheck).empty());
  EXPECT_TRUE(kind_of(kKey).references_tables);
  EXPECT_FALSE(kind_of(kUnique).references_tables);
  EXPECT_FALSE(kind_of(kCheck).references_tables);
}

TEST(ConstraintFamily, ATablesConstraintsInCreateTableOrder) {
  const Table table{.name = "t", .uniques = {kUnique}, .checks = {kCheck}, .foreign_keys = {kKey}};
  EXPECT_EQ(constraints_of(table), (std::vector<Constraint>{kUnique, kCheck, kKey}));
}

TEST(ConstraintFamilySql, EachKindAddedAndDropped) {
  EXPECT_EQ(
      to_sql(AddConstraint{"tickets", kKey}),
      Statements{"ALTER TABLE \"tickets\" ADD CONSTRAINT \"fk_tickets_user_id_users\" "
                 "FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE"});
  EXPECT_EQ(
      to_sql(AddConstraint{"users", kUnique}),
      Statements{"ALTER TABLE \"users\" ADD CONSTRAINT \"uq_users_email\" UNIQUE (\"email\")"});
  EXPECT_EQ(to_sql(AddConstraint{"tickets", kCheck}),
            Statements{"ALTER TABLE \"tickets\" ADD CONSTRAINT \"ck_tickets_title\" CHECK (title "
                       "<> '')"});
  for (const auto& [table, constraint] : std::vector<std::pair<std::string, Constraint>>{
           {"tickets", kKey}, {"users", kUnique}, {"tickets", kCheck}}) {
    EXPECT_EQ(to_sql(DropConstraint{table, constraint}),
              Statements{"ALTER TABLE \"" + table + "\" DROP CONSTRAINT \"" + name_of(constraint) +
                         "\""});
  }
}

TEST(ConstraintFamilySql, NotValidForForeignKeysAndChecks) {
  EXPECT_EQ(to_sql(AddConstraint{"tickets", kKey, true}),
            Statements{"ALTER TABLE \"tickets\" ADD CONSTRAINT \"fk_tickets_user_id_users\" "
                       "FOREIGN KEY (\"user_id\") REFERENCES \"users\" (\"id\") ON DELETE CASCADE "
                       "NOT VALID"});
  EXPECT_EQ(to_sql(AddConstraint{"tickets", kCheck, true}),
            Statements{"ALTER TABLE \"tickets\" ADD CONSTRAINT \"ck_tickets_title\" CHECK (title "
                       "<> '') NOT VALID"});
}

TEST(ConstraintFamilySql, UsingIndexForUniqueConstraintsAndPrimaryKeys) {
  EXPECT_EQ(to_sql(AddConstraint{"users", kUnique, false, "uq_users_email"}),
            Statements{"ALTER TABLE \"users\" ADD CONSTRAINT \"uq_users_email\" UNIQUE USING "
                       "INDEX \"uq_users_email\""});
  EXPECT_EQ(to_sql(SetPrimaryKey{"users", {"id"}, {"id", "tenant"}, "pk_users", "pk_users_new"}),
            Statements{"ALTER TABLE \"users\" DROP CONSTRAINT \"pk_users\", ADD CONSTRAINT "
                       "\"pk_users\" PRIMARY KEY USING INDEX \"pk_users_new\""});
  EXPECT_EQ(to_sql(SetPrimaryKey{"users", {}, {"id"}, "pk_users"}),
            Statements{"ALTER TABLE \"users\" ADD CONSTRAINT \"pk_users\" PRIMARY KEY (\"id\")"});
}

// CREATE TABLE lists the same bodies ALTER TABLE … ADD appends.
TEST(ConstraintFamilySql, CreateTableListsTheSameDefinitions) {
  const Table table{.name = "tickets",
                    .columns = {Column{.name = "id", .type = "bigint", .nullable = false}},
                    .primary_key = {"id"},
                    .primary_key_name = "pk_tickets",
                    .uniques = {kUnique},
                    .checks = {kCheck},
                    .foreign_keys = {kKey}};
  const std::string create = to_sql(CreateTable{table}).at(0);
  EXPECT_EQ(create,
            "CREATE TABLE \"tickets\" (\n"
            "    \"id\" bigint NOT NULL,\n"
            "    CONSTRAINT \"pk_tickets\" PRIMARY KEY (\"id\"),\n"
            "    CONSTRAINT \"uq_users_email\" UNIQUE (\"email\"),\n"
            "    CONSTRAINT \"ck_tickets_title\" CHECK (title <> ''),\n"
            "    CONSTRAINT \"fk_tickets_user_id_users\" FOREIGN KEY (\"user_id\") REFERENCES "
            "\"users\" (\"id\") ON DELETE CASCADE\n"
            ")");
  for (const Constraint& constraint : constraints_of(table)) {
    const std::string added = to_sql(AddConstraint{"tickets", constraint}).at(0);
    const std::string definition = added.substr(added.find("CONSTRAINT"));
    EXPECT_NE(create.find("    " + definition +
                          (std::holds_alternative<ForeignKey>(constraint) ? "\n" : ",\n")),
              std::string::npos)
        << definition;
  }
}

TEST(ConstraintFamilyRefusals, TheRecorderRefusesAnOptionTheKindDoesNotTake) {
  Ops op;
  const ExcludeConstraint exclude{
      .name = "ex_rooms_during", .columns = {"during"}, .operators = {"&&"}};
  EXPECT_EQ(refusal([&] { op.add_exclude("rooms", exclude, {.not_valid = true}); }),
            "NOT VALID is for a check or a foreign key, not for the exclusion constraint "
            "\"ex_rooms_during\" on \"rooms\"");
  EXPECT_EQ(refusal([&] { op.add_exclude("rooms", exclude, {.using_index = "ix"}); }),
            "USING INDEX is for a primary key or a unique constraint, not for the exclusion "
            "constraint \"ex_rooms_during\" on \"rooms\"");
  EXPECT_EQ(refusal([&] { op.add_unique("users", kUnique, {.not_valid = true}); }),
            "NOT VALID is for a check or a foreign key, not for the unique constraint "
            "\"uq_users_email\" on \"users\"");
  EXPECT_EQ(refusal([&] { op.add_foreign_key("tickets", kKey, {.using_index = "ix"}); }),
            "USING INDEX is for a primary key or a unique constraint, not for the foreign key "
            "\"fk_tickets_user_id_users\" on \"tickets\"");
  EXPECT_EQ(refusal([&] { op.add_check("tickets", kCheck, {.using_index = "ix"}); }),
            "USING INDEX is for a primary key or a unique constraint, not for the check "
            "\"ck_tickets_title\" on \"tickets\"");
  EXPECT_EQ(
      refusal([&] { op.set_primary_key("users", {}, {"id"}, "pk_users", {.not_valid = true}); }),
      "NOT VALID is for a check or a foreign key, not for the primary key \"pk_users\" on "
      "\"users\"");
  EXPECT_TRUE(op.recorded().empty());
}

// A value built by hand (not through the recorder) is refused by to_sql().
TEST(ConstraintFamilyRefusals, SqlRefusesThemToo) {
  EXPECT_NE(refusal([] { to_sql(AddConstraint{"users", kUnique, true}); }), "");
  EXPECT_NE(refusal([] { to_sql(AddConstraint{"tickets", kKey, false, "ix"}); }), "");
  EXPECT_NE(refusal([] { to_sql(AddConstraint{"tickets", kCheck, false, "ix"}); }), "");
}

TEST(ConstraintFamilyRecorder, TheCallsOfAMigrationFile) {
  Ops op;
  op.add_foreign_key("tickets", kKey, {.not_valid = true});
  op.add_unique("users", kUnique, {.using_index = "uq_users_email"});
  op.add_check("tickets", kCheck);
  op.drop_foreign_key("tickets", kKey.name);
  op.drop_unique("users", kUnique.name);
  op.drop_check("tickets", kCheck.name);
  const ExcludeConstraint exclude{
      .name = "ex_rooms_during", .columns = {"during"}, .operators = {"&&"}};
  op.add_exclude("rooms", exclude);
  op.drop_exclude("rooms", exclude.name);
  EXPECT_EQ(op.recorded(),
            (std::vector<Op>{AddConstraint{"tickets", kKey, true},
                             AddConstraint{"users", kUnique, false, "uq_users_email"},
                             AddConstraint{"tickets", kCheck},
                             DropConstraint{"tickets", ForeignKey{.name = kKey.name}},
                             DropConstraint{"users", UniqueConstraint{.name = kUnique.name}},
                             DropConstraint{"tickets", CheckConstraint{.name = kCheck.name}},
                             AddConstraint{"rooms", exclude},
                             DropConstraint{"rooms", ExcludeConstraint{.name = exclude.name}}}));
}

// The inverse of an add drops the constraint, whatever options it was added
// with; the inverse of a drop (built by the diff, with the whole definition)
// adds it plainly.
TEST(ConstraintFamilyReverse, AddAndDropOfEachKind) {
  const std::vector<AddConstraint> adds = {{"tickets", kKey, true},
                                           {"tickets", kKey},
                                           {"users", kUnique, false, "uq_users_email"},
                                           {"users", kUnique},
                                           {"tickets", kCheck, true},
                                           {"tickets", kCheck}};
  for (const AddConstraint& add : adds) {
    EXPECT_EQ(reverse(Op{add}), (Op{DropConstraint{add.table, add.constraint}}));
    EXPECT_EQ(reverse(Op{DropConstraint{add.table, add.constraint}}),
              (Op{AddConstraint{add.table, add.constraint}}));
  }
}

// The locks a step asks for up front: each kind's ADD lock on its table and
// on the tables it references; a drop ACCESS EXCLUSIVE on them all.
TEST(ConstraintFamilyLocks, ProbesTakeEachKindsLock) {
  using detail::lock_probes;
  EXPECT_EQ(lock_probes({AddConstraint{"tickets", kKey, true}}),
            (Statements{"LOCK TABLE \"tickets\" IN SHARE ROW EXCLUSIVE MODE NOWAIT",
                        "LOCK TABLE \"users\" IN SHARE ROW EXCLUSIVE MODE NOWAIT"}));
  EXPECT_EQ(lock_probes({AddConstraint{"users", kUnique, false, "uq_users_email"}}),
            (Statements{"LOCK TABLE \"users\" IN ACCESS EXCLUSIVE MODE NOWAIT"}));
  EXPECT_EQ(lock_probes({AddConstraint{"tickets", kCheck, true}}),
            (Statements{"LOCK TABLE \"tickets\" IN ACCESS EXCLUSIVE MODE NOWAIT"}));
  EXPECT_EQ(lock_probes({DropConstraint{"tickets", kKey}}),
            (Statements{"LOCK TABLE \"tickets\" IN ACCESS EXCLUSIVE MODE NOWAIT",
                        "LOCK TABLE \"users\" IN ACCESS EXCLUSIVE MODE NOWAIT"}));
  EXPECT_EQ(lock_probes({DropConstraint{"tickets", CheckConstraint{.name = kCheck.name}}}),
            (Statements{"LOCK TABLE \"tickets\" IN ACCESS EXCLUSIVE MODE NOWAIT"}));
  // A new table's foreign key locks the referenced table as ADD would.
  EXPECT_EQ(lock_probes({CreateTable{Table{.name = "tickets", .foreign_keys = {kKey}}}}),
            (Statements{"LOCK TABLE \"users\" IN SHARE ROW EXCLUSIVE MODE NOWAIT"}));
}

}  // namespace
}  // namespace structmig
