// Warnings for drops that look like unmarked renames (rename_suspicions.hpp):
// every (dropped, added) pair that matches is reported, in snapshot order of
// the dropped and model order of the added, tables by name.
#include "diff/rename_suspicions.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "diff/sorted_tables.hpp"

namespace structmig::diff {
namespace {

void warn_columns(const Table& before, const Table& now, Steps& steps) {
  const std::string& t = now.name;
  for (const Column& dropped : before.columns) {
    if (now.find_column(dropped.name) != nullptr) continue;
    for (const Column& added : now.columns) {
      if (before.find_column(added.name) != nullptr || added.type != dropped.type ||
          added.nullable != dropped.nullable) {
        continue;
      }
      steps.warnings.push_back({"column " + t + "." + dropped.name + " was dropped and " + t + "." +
                                    added.name + " added with the same type (" + added.type +
                                    "): if this is a rename, add "
                                    "renamed_from(" +
                                    dropped.name + ") to the " + t + "." + added.name +
                                    " annotation, otherwise the data in " + t + "." + dropped.name +
                                    " is lost",
                                t, dropped.name});
    }
  }
}

// Column names and types, in name order.
std::vector<std::pair<std::string, std::string>> column_signature(const Table& table) {
  std::vector<std::pair<std::string, std::string>> signature;
  for (const Column& column : table.columns) signature.emplace_back(column.name, column.type);
  std::sort(signature.begin(), signature.end());
  return signature;
}

void warn_tables(const Schema& work, const Schema& now, Steps& steps) {
  for (const Table& dropped : work.tables) {
    if (find_sorted_table(now, dropped.name) != nullptr) continue;
    for (const Table& added : now.tables) {
      if (find_sorted_table(work, added.name) != nullptr ||
          column_signature(added) != column_signature(dropped)) {
        continue;
      }
      steps.warnings.push_back(
          {"table " + dropped.name + " was dropped and " + added.name +
               " created with the same columns: if this is a rename, add renamed_from(" +
               dropped.name + ") to the STRUCTMIG_TABLE annotation of " + added.name +
               ", otherwise the data in " + dropped.name + " is lost",
           dropped.name, ""});
    }
  }
}

}  // namespace

void warn_suspected_renames(const Schema& work, const Schema& now, Steps& steps) {
  for (const Table& table : now.tables) {
    if (const Table* old = find_sorted_table(work, table.name)) warn_columns(*old, table, steps);
  }
  warn_tables(work, now, steps);
}

}  // namespace structmig::diff
