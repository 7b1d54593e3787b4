// Finding the checks and indexes a type conversion would break (see
// type_dependents.hpp). The SQL is not parsed: a whole-word mention of the
// column is enough, so the worst a false match costs is a rebuilt index.
#include "diff/type_dependents.hpp"

#include <string>
#include <vector>

#include "diff/diff_enums.hpp"
#include "diff/sorted_tables.hpp"

namespace structmig::diff {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Whether `sql` names `column` as a whole word (or as a quoted identifier,
// which the quotes delimit).
bool mentions(const std::string& sql, const std::string& column) {
  if (column.empty()) return false;
  for (size_t at = sql.find(column); at != std::string::npos; at = sql.find(column, at + 1)) {
    const size_t end = at + column.size();
    const bool starts = at == 0 || !is_word_char(sql[at - 1]);
    const bool ends = end == sql.size() || !is_word_char(sql[end]);
    if (starts && ends) return true;
  }
  return false;
}

bool index_mentions(const Index& index, const std::string& column) {
  if (index.where && mentions(*index.where, column)) return true;
  for (const IndexKey& key : index.keys) {
    if (!key.expression.empty() && mentions(key.expression, column)) return true;
  }
  return false;
}

// Marks the objects of `table` that name `column`; those dropped early are
// dropped here (diff.cpp puts them in order), the others by diff_kept_table.
void mark(const Table& table, const std::string& column, bool early, Steps& steps) {
  const auto mark_one = [&](const std::string& name, Op drop) {
    const ObjectKey key{table.name, name};
    steps.rebuilt.insert(key);
    if (early && steps.dropped_early.insert(key).second) {
      steps.dependent_drops.push_back(std::move(drop));
    }
  };
  for (const Index& index : table.indexes) {
    if (index_mentions(index, column)) mark_one(index.name, DropIndex{table.name, index});
  }
  for (const CheckConstraint& check : table.checks) {
    if (mentions(check.expression, column)) mark_one(check.name, DropConstraint{table.name, check});
  }
}

}  // namespace

void find_type_dependents(const Schema& work, const Schema& now, Steps& steps) {
  for (const EnumType& type : work.enums) {
    const EnumType* changed = now.find_enum(type.name);
    if (changed == nullptr || changed->labels == type.labels) continue;
    for (const EnumUsage& usage : enum_usages(work, type.name)) {
      mark(*work.find_table(usage.table), usage.column, /*early=*/true, steps);
    }
  }
  for (const Table& table : work.tables) {
    const Table* target = find_sorted_table(now, table.name);
    if (target == nullptr) continue;
    for (const Column& column : table.columns) {
      const Column* converted = target->find_column(column.name);
      if (converted == nullptr || converted->type == column.type) continue;
      if (is_enum_type(work, column.type) || is_enum_type(now, converted->type)) {
        mark(table, column.name, /*early=*/false, steps);
      }
    }
  }
}

}  // namespace structmig::diff
