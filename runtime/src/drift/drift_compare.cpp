// compare_schemas(): two Schema values matched by name (a sorted union, so
// the order of either side never matters) and every difference written as
// one line; the spellings are in drift_describe.cpp, the formats in drift.hpp.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "drift/drift_describe.hpp"
#include "structmig/constraint.hpp"
#include "structmig/drift.hpp"

namespace structmig {
namespace {

using namespace drift_detail;
using Lines = std::vector<std::string>;

/// Calls missing(model item), extra(database item) or both(model, database)
/// for each name of either side, in name order.
template <typename T, typename Missing, typename Extra, typename Both>
void match_by_name(const std::vector<T>& model, const std::vector<T>& database, Missing missing,
                   Extra extra, Both both) {
  std::map<std::string, std::pair<const T*, const T*>> names;
  for (const T& item : model) names[item.name].first = &item;
  for (const T& item : database) names[item.name].second = &item;
  for (const auto& [name, sides] : names) {
    if (sides.first && sides.second) {
      both(*sides.first, *sides.second);
    } else if (sides.first) {
      missing(*sides.first);
    } else {
      extra(*sides.second);
    }
  }
}

/// "<what> <model> in the model, <database> in the database".
std::string versus(const std::string& what, const std::string& model, const std::string& database) {
  return what + model + " in the model, " + database + " in the database";
}

void compare_enums(const Schema& model, const Schema& database, Lines& lines) {
  match_by_name(
      model.enums, database.enums,
      [&](const EnumType& type) {
        lines.push_back("missing enum " + type.name + " " + parenthesized(type.labels));
      },
      [&](const EnumType& type) {
        lines.push_back("extra enum " + type.name + " " + parenthesized(type.labels));
      },
      [&](const EnumType& in_model, const EnumType& in_database) {
        if (in_model.labels == in_database.labels) return;
        lines.push_back(versus("enum " + in_model.name + ": labels ",
                               parenthesized(in_model.labels), parenthesized(in_database.labels)));
      });
}

void compare_column(const std::string& table, const Column& model, const Column& database,
                    Lines& lines) {
  const std::string prefix = table + "." + model.name + ": ";
  if (model.type != database.type)
    lines.push_back(versus(prefix + "type ", model.type, database.type));
  if (model.nullable != database.nullable) {
    lines.push_back(versus(prefix, model.nullable ? "nullable" : "NOT NULL",
                           database.nullable ? "nullable" : "NOT NULL"));
  }
  if (model.default_sql != database.default_sql) {
    lines.push_back(
        versus(prefix + "default ", or_none(model.default_sql), or_none(database.default_sql)));
  }
  if (model.identity != database.identity) {
    lines.push_back(versus(prefix + "identity ", identity_name(model.identity),
                           identity_name(database.identity)));
  }
  if (model.comment != database.comment) {
    lines.push_back(versus(prefix + "comment ", quoted_or_none(model.comment),
                           quoted_or_none(database.comment)));
  }
}

/// Unique, check and foreign-key constraints and indexes: by name, shown by
/// their definition.
template <typename T>
void compare_named(const std::string& table, const std::string& kind, const std::vector<T>& model,
                   const std::vector<T>& database, Lines& lines) {
  const std::string prefix = table + ": ";
  match_by_name(
      model, database,
      [&](const T& item) {
        lines.push_back(prefix + "missing " + kind + " " + item.name + ": " + describe(item));
      },
      [&](const T& item) {
        lines.push_back(prefix + "extra " + kind + " " + item.name + ": " + describe(item));
      },
      [&](const T& in_model, const T& in_database) {
        if (in_model == in_database) return;
        lines.push_back(versus(prefix + kind + " " + in_model.name + " differs: ",
                               describe(in_model), describe(in_database)));
      });
}

void compare_primary_key(const Table& model, const Table& database, Lines& lines) {
  const auto keys = [](const Table& table) {
    return table.primary_key.empty() ? std::string("none") : parenthesized(table.primary_key);
  };
  if (model.primary_key != database.primary_key) {
    lines.push_back(versus(model.name + ": primary key ", keys(model), keys(database)));
  }
  if (!model.primary_key.empty() && !database.primary_key.empty() &&
      model.primary_key_name != database.primary_key_name) {
    lines.push_back(versus(model.name + ": primary key name ", model.primary_key_name,
                           database.primary_key_name));
  }
}

void compare_table(const Table& model, const Table& database, Lines& lines) {
  const std::string& name = model.name;
  if (model.comment != database.comment) {
    lines.push_back(versus(name + ": comment ", quoted_or_none(model.comment),
                           quoted_or_none(database.comment)));
  }
  compare_primary_key(model, database, lines);
  match_by_name(
      model.columns, database.columns,
      [&](const Column& column) {
        lines.push_back(name + ": missing column " + column.name + " (" + describe(column) + ")");
      },
      [&](const Column& column) {
        lines.push_back(name + ": extra column " + column.name + " (" + describe(column) + ")");
      },
      [&](const Column& in_model, const Column& in_database) {
        compare_column(name, in_model, in_database, lines);
      });
  for_each_constraint_kind([&](auto kind) {
    using Kind = ConstraintKindOf<typename decltype(kind)::type>;
    compare_named(name, std::string(Kind::kind.item_word), model.*Kind::list, database.*Kind::list, lines);
  });
  compare_named(name, "index", model.indexes, database.indexes, lines);
}

}  // namespace

DriftReport compare_schemas(const Schema& model, const Schema& database) {
  DriftReport report;
  compare_enums(model, database, report.differences);
  match_by_name(
      model.tables, database.tables,
      [&](const Table& table) { report.differences.push_back("missing table " + table.name); },
      [&](const Table& table) { report.differences.push_back("extra table " + table.name); },
      [&](const Table& in_model, const Table& in_database) {
        compare_table(in_model, in_database, report.differences);
      });
  return report;
}

}  // namespace structmig
