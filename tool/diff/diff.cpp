// The schema comparison. Both inputs are walked in name order (not in the
// order they arrive in), so the plan depends only on their content.
#include "diff/diff.hpp"

#include <algorithm>
#include <string>

namespace structmig::diff {
namespace {

std::vector<const Table*> tables_by_name(const Schema& schema) {
  std::vector<const Table*> tables;
  for (const Table& table : schema.tables) tables.push_back(&table);
  std::stable_sort(tables.begin(), tables.end(),
                   [](const Table* a, const Table* b) { return a->name < b->name; });
  return tables;
}

// PostgreSQL's identifier quoting: double quotes, embedded quotes doubled.
std::string quote_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void diff_table(const Table& before, const Table& now, std::vector<Op>& ops) {
  for (const Column& column : now.columns) {
    if (before.find_column(column.name) == nullptr) ops.push_back(AddColumn{now.name, column});
  }
  for (const Column& to : now.columns) {
    const Column* from = before.find_column(to.name);
    if (from == nullptr || *from == to) continue;
    AlterColumn alter{now.name, *from, to, std::nullopt};
    // A plain cast of the old value; review and edit it in the migration when
    // the conversion needs more than that.
    if (from->type != to.type) alter.using_sql = quote_identifier(to.name) + "::" + to.type;
    ops.push_back(std::move(alter));
  }
  if (before.primary_key != now.primary_key) {
    ops.push_back(SetPrimaryKey{now.name, before.primary_key, now.primary_key});
  }
  for (const Column& column : before.columns) {
    if (now.find_column(column.name) == nullptr) ops.push_back(DropColumn{now.name, column});
  }
}

}  // namespace

Plan diff_schemas(const Schema& before, const Schema& now) {
  const std::vector<const Table*> old_tables = tables_by_name(before);
  const std::vector<const Table*> new_tables = tables_by_name(now);

  Plan plan;
  for (const Table* table : new_tables) {
    if (before.find_table(table->name) == nullptr) plan.upgrade.push_back(CreateTable{*table});
  }
  for (const Table* table : new_tables) {
    if (const Table* old = before.find_table(table->name)) diff_table(*old, *table, plan.upgrade);
  }
  // Reverse name order, so the downgrade recreates them in name order.
  for (auto it = old_tables.rbegin(); it != old_tables.rend(); ++it) {
    if (now.find_table((*it)->name) == nullptr) plan.upgrade.push_back(DropTable{**it});
  }
  plan.downgrade = reverse(plan.upgrade);
  return plan;
}

}  // namespace structmig::diff
