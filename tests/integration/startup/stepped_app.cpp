// A tiny application whose second migration is the safe recipe in six steps,
// for killing the migrator inside each one (killed_in_each_step.sh):
//
//   1 (transaction) add items.label, a foreign key and a check NOT VALID
//   2 CREATE INDEX CONCURRENTLY on an expression (slow_id(id))
//   3 (transaction) VALIDATE the foreign key
//   4 (transaction) VALIDATE the check
//   5 backfill items.label in batches of 500 (slow_label(id))
//   6 (transaction) items.label SET NOT NULL
//
// Each transactional step also inserts its number into `markers`, so a step
// that ran twice shows. The step to make slow is chosen by the database's
// setting app.pause_step (ALTER DATABASE … SET app.pause_step = k, read by
// every new session): test_pause(k) then sleeps for ten minutes inside step k,
// slow_id and slow_label sleep a millisecond per row in steps 2 and 5, so the
// kill hits the index build and the backfill themselves. It migrates at
// start-up like any application and prints where it ended.
//
//   structmig_stepped_app CONNINFO
#include <iostream>
#include <string>

#include "structmig/migration.hpp"
#include "structmig/startup.hpp"

namespace {

using structmig::Column;
using structmig::Ops;

constexpr int kItems = 20000;

Column column(std::string name, std::string type, bool nullable = false) {
  return Column{.name = std::move(name), .type = std::move(type), .nullable = nullable};
}

// Sleeps when the session's app.pause_step names this step.
std::string pause_function_sql() {
  return "CREATE FUNCTION test_pause(step integer) RETURNS void LANGUAGE plpgsql AS $$ BEGIN "
         "IF current_setting('app.pause_step', true) = step::text THEN PERFORM pg_sleep(600); "
         "END IF; END $$";
}

void items_with_rows(Ops& op) {
  op.execute(pause_function_sql());
  op.execute(
      "CREATE FUNCTION slow_id(id bigint) RETURNS bigint IMMUTABLE LANGUAGE plpgsql AS $$ BEGIN "
      "IF current_setting('app.pause_step', true) = '2' THEN PERFORM pg_sleep(0.001); END IF; "
      "RETURN id; END $$");
  op.execute(
      "CREATE FUNCTION slow_label(id bigint) RETURNS text LANGUAGE plpgsql AS $$ BEGIN "
      "IF current_setting('app.pause_step', true) = '5' THEN PERFORM pg_sleep(0.001); END IF; "
      "RETURN 'L' || id; END $$");
  op.create_table({.name = "parents",
                   .columns = {column("id", "bigint")},
                   .primary_key = {"id"},
                   .primary_key_name = "pk_parents"});
  op.create_table(
      {.name = "items",
       .columns = {column("id", "bigint"), column("parent_id", "bigint"), column("qty", "integer")},
       .primary_key = {"id"},
       .primary_key_name = "pk_items"});
  op.create_table({.name = "markers", .columns = {column("step", "integer")}});
  op.execute("INSERT INTO parents SELECT g FROM generate_series(1, 100) g");
  op.execute("INSERT INTO items SELECT g, 1 + g % 100, g % 50 FROM generate_series(1, " +
             std::to_string(kItems) + ") g");
}
void drop_items(Ops& op) {
  op.drop_table("markers");
  op.drop_table("items");
  op.drop_table("parents");
  op.execute(
      "DROP FUNCTION slow_label(bigint); DROP FUNCTION slow_id(bigint); "
      "DROP FUNCTION test_pause(integer)");
}

void safe_recipe(Ops& op) {
  op.add_column("items", column("label", "text", true));
  op.add_foreign_key("items",
                     {.name = "fk_items_parent_id_parents",
                      .columns = {"parent_id"},
                      .referenced_table = "parents",
                      .referenced_columns = {"id"}},
                     {.not_valid = true});
  op.add_check("items", {.name = "ck_items_qty", .expression = "qty >= 0"}, {.not_valid = true});
  op.execute("INSERT INTO markers VALUES (1)");
  op.execute("SELECT test_pause(1)");
  op.commit();

  op.create_index("items", {.name = "ix_items_slow_id", .keys = {{.expression = "slow_id(id)"}}},
                  {.concurrently = true});

  op.validate_constraint("items", "fk_items_parent_id_parents");
  op.execute("INSERT INTO markers VALUES (3)");
  op.execute("SELECT test_pause(3)");
  op.commit();

  op.validate_constraint("items", "ck_items_qty");
  op.execute("INSERT INTO markers VALUES (4)");
  op.execute("SELECT test_pause(4)");
  op.commit();

  op.backfill("items", "label", "slow_label(id)", {.key = {"id"}, .batch_size = 500});

  op.execute("ALTER TABLE items ALTER COLUMN label SET NOT NULL");
  op.execute("INSERT INTO markers VALUES (6)");
  op.execute("SELECT test_pause(6)");
}
void undo_safe_recipe(Ops& op) {
  op.drop_index("items", "ix_items_slow_id");
  op.drop_check("items", "ck_items_qty");
  op.drop_foreign_key("items", "fk_items_parent_id_parents");
  op.drop_column("items", "label");
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::cerr << "usage: structmig_stepped_app CONNINFO\n";
    return 2;
  }
  const std::vector<structmig::Migration> migrations = {
      {.revision = "aaaaaaaaaaaa",
       .message = "items with rows",
       .upgrade = items_with_rows,
       .downgrade = drop_items},
      {.revision = "bbbbbbbbbbbb",
       .parents = {"aaaaaaaaaaaa"},
       .message = "safe recipe in steps",
       .upgrade = safe_recipe,
       .downgrade = undo_safe_recipe},
  };
  structmig::StartupReport report = structmig::upgrade_to_head(argv[1], migrations);
  std::cout << "at " << report.head << "\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "error: " << e.what() << "\n";
  return 1;
}
