// compare_schemas(): the drift report is a description of the generator's
// own diff, diff_schemas(database, model) -- the operations that would turn
// the database into the model -- each read from the database's side
// ("missing", "extra", "in the model, … in the database"). One comparer: a
// difference the generator sees is a difference drift reports, in the same
// words for a column, an index and a constraint (schema_description.hpp).
// The line formats are in drift.hpp.
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "structmig/describe.hpp"
#include "structmig/diff.hpp"
#include "structmig/drift.hpp"
#include "structmig/schema_description.hpp"

namespace structmig {
namespace {

using description::identity_name;
using description::or_none;
using description::parenthesized;
using description::quoted_or_none;

/// Where a line goes in the documented order (drift.hpp): enums before
/// tables, by name; within a table its own line, comment, primary key,
/// columns, then constraints in the family's order, indexes, renamed
/// constraints and indexes; then by the object's name, then as the diff
/// gave them.
struct Place {
  int group = 0;  // 0 enums, 1 tables
  std::string name;
  int section = 0;
  std::string item;
  int detail = 0;
  auto operator<=>(const Place&) const = default;
};

constexpr int kTable = 0, kComment = 1, kPrimaryKey = 2, kPrimaryKeyName = 3, kColumns = 4,
              kConstraints = 5;
constexpr int kIndexes = kConstraints + static_cast<int>(std::variant_size_v<Constraint>);
constexpr int kRenames = kIndexes + 1;

struct Line {
  Place place;
  std::string text;
};

/// "<what> <model> in the model, <database> in the database".
std::string versus(const std::string& what, const std::string& model, const std::string& database) {
  return what + model + " in the model, " + database + " in the database";
}

std::string nullability(bool nullable) { return nullable ? "nullable" : "NOT NULL"; }

/// Reads the operations of diff_schemas(database, model) as drift lines.
class DriftLines {
 public:
  explicit DriftLines(const Schema& database) : database_(database) {}

  std::vector<std::string> read(const std::vector<Op>& ops) {
    for (const Op& op : ops) note_table(op);
    pair_rebuilds(ops);
    for (std::size_t i = 0; i < ops.size(); ++i) {
      if (!skipped_.count(i)) std::visit([&](const auto& o) { add(o, ops, i); }, ops[i]);
    }
    std::stable_sort(lines_.begin(), lines_.end(),
                     [](const Line& a, const Line& b) { return a.place < b.place; });
    std::vector<std::string> out;
    out.reserve(lines_.size());
    for (Line& line : lines_) out.push_back(std::move(line.text));
    return out;
  }

 private:
  using Key = std::pair<std::string, std::string>;  // (table, name)

  // A table the database lacks or the model lacks is one line; its keys and
  // indexes (added after it, or dropped before it) say nothing more.
  void note_table(const Op& op) {
    if (const auto* create = std::get_if<CreateTable>(&op)) whole_.insert(create->table.name);
    if (const auto* drop = std::get_if<DropTable>(&op)) whole_.insert(drop->table.name);
  }

  // A constraint or index dropped and added again under its name is one
  // line when it changed (`differs`) and none when the diff only rebuilds it
  // (a column's type conversion needs it out of the way).
  void pair_rebuilds(const std::vector<Op>& ops) {
    std::map<Key, std::size_t> dropped;          // constraints
    std::map<Key, std::size_t> dropped_indexes;
    for (std::size_t i = 0; i < ops.size(); ++i) {
      if (const auto* drop = std::get_if<DropConstraint>(&ops[i])) {
        dropped[{drop->table, name_of(drop->constraint)}] = i;
      } else if (const auto* drop_index = std::get_if<DropIndex>(&ops[i])) {
        dropped_indexes[{drop_index->table, drop_index->index.name}] = i;
      }
    }
    for (std::size_t i = 0; i < ops.size(); ++i) {
      if (const auto* add = std::get_if<AddConstraint>(&ops[i])) {
        const auto it = dropped.find({add->table, name_of(add->constraint)});
        if (it == dropped.end()) continue;
        const auto& drop = std::get<DropConstraint>(ops[it->second]);
        if (!(drop.constraint == add->constraint)) {
          differs(add->table, constraint_section(add->constraint),
                  std::string(kind_of(add->constraint).word), name_of(add->constraint),
                  description_of(add->constraint), description_of(drop.constraint));
        }
        skipped_.insert({i, it->second});
      } else if (const auto* create = std::get_if<CreateIndex>(&ops[i])) {
        const auto it = dropped_indexes.find({create->table, create->index.name});
        if (it == dropped_indexes.end()) continue;
        const auto& drop = std::get<DropIndex>(ops[it->second]);
        if (!(drop.index == create->index)) {
          differs(create->table, kIndexes, "index", create->index.name,
                  index_description(create->index), index_description(drop.index));
        }
        skipped_.insert({i, it->second});
      }
    }
  }

  static int constraint_section(const Constraint& constraint) {
    return kConstraints + static_cast<int>(constraint.index());
  }

  void differs(const std::string& table, int section, const std::string& kind,
               const std::string& name, const std::string& model, const std::string& database) {
    push({1, table, section, name}, versus(table + ": " + kind + " " + name + " differs: ", model,
                                           database));
  }

  void push(Place place, std::string text) {
    if (place.group == 1 && place.section != kTable && whole_.count(place.name)) return;
    lines_.push_back({std::move(place), std::move(text)});
  }

  void add(const CreateTable& op, const std::vector<Op>&, std::size_t) {
    lines_.push_back({{1, op.table.name, kTable}, "missing table " + op.table.name});
  }
  void add(const DropTable& op, const std::vector<Op>&, std::size_t) {
    lines_.push_back({{1, op.table.name, kTable}, "extra table " + op.table.name});
  }
  void add(const AddColumn& op, const std::vector<Op>&, std::size_t) {
    push({1, op.table, kColumns, op.column.name},
         op.table + ": missing column " + op.column.name + " (" + column_description(op.column) +
             ")");
  }
  void add(const DropColumn& op, const std::vector<Op>&, std::size_t) {
    push({1, op.table, kColumns, op.column.name},
         op.table + ": extra column " + op.column.name + " (" + column_description(op.column) +
             ")");
  }
  // One line per attribute that differs; `to` is the model's column.
  void add(const AlterColumn& op, const std::vector<Op>&, std::size_t) {
    const Column& model = op.to;
    const Column& database = op.from;
    const std::string prefix = op.table + "." + model.name + ": ";
    const Place place{1, op.table, kColumns, model.name};
    const auto line = [&](int detail, std::string text) {
      Place at = place;
      at.detail = detail;
      push(std::move(at), std::move(text));
    };
    if (model.type != database.type) line(0, versus(prefix + "type ", model.type, database.type));
    if (model.nullable != database.nullable) {
      line(1, versus(prefix, nullability(model.nullable), nullability(database.nullable)));
    }
    if (model.default_sql != database.default_sql) {
      line(2, versus(prefix + "default ", or_none(model.default_sql), or_none(database.default_sql)));
    }
    if (model.identity != database.identity) {
      line(3, versus(prefix + "identity ", identity_name(model.identity),
                     identity_name(database.identity)));
    }
    if (model.comment != database.comment) {
      line(4, versus(prefix + "comment ", quoted_or_none(model.comment),
                     quoted_or_none(database.comment)));
    }
  }
  void add(const SetPrimaryKey& op, const std::vector<Op>&, std::size_t) {
    const auto keys = [](const std::vector<std::string>& columns) {
      return columns.empty() ? std::string("none") : parenthesized(columns);
    };
    push({1, op.table, kPrimaryKey},
         versus(op.table + ": primary key ", keys(op.to), keys(op.from)));
  }
  void add(const SetTableComment& op, const std::vector<Op>&, std::size_t) {
    push({1, op.table, kComment},
         versus(op.table + ": comment ", quoted_or_none(op.to), quoted_or_none(op.from)));
  }
  void add(const AddConstraint& op, const std::vector<Op>&, std::size_t) {
    const std::string& name = name_of(op.constraint);
    push({1, op.table, constraint_section(op.constraint), name},
         op.table + ": missing " + std::string(kind_of(op.constraint).word) + " " + name + ": " +
             description_of(op.constraint));
  }
  void add(const DropConstraint& op, const std::vector<Op>&, std::size_t) {
    const std::string& name = name_of(op.constraint);
    push({1, op.table, constraint_section(op.constraint), name},
         op.table + ": extra " + std::string(kind_of(op.constraint).word) + " " + name + ": " +
             description_of(op.constraint));
  }
  void add(const CreateIndex& op, const std::vector<Op>&, std::size_t) {
    push({1, op.table, kIndexes, op.index.name},
         op.table + ": missing index " + op.index.name + ": " + index_description(op.index));
  }
  void add(const DropIndex& op, const std::vector<Op>&, std::size_t) {
    push({1, op.table, kIndexes, op.index.name},
         op.table + ": extra index " + op.index.name + ": " + index_description(op.index));
  }
  // The same definition under another name.
  void add(const RenameConstraint& op, const std::vector<Op>&, std::size_t) {
    const Table* table = find_table(op.table);
    if (table != nullptr && table->primary_key_name == op.from) {
      push({1, op.table, kPrimaryKeyName},
           versus(op.table + ": primary key name ", op.to, op.from));
      return;
    }
    push({1, op.table, kRenames, op.to},
         versus(op.table + ": constraint name ", op.to, op.from));
  }
  void add(const RenameIndex& op, const std::vector<Op>&, std::size_t) {
    push({1, op.table, kRenames, op.to}, versus(op.table + ": index name ", op.to, op.from));
  }
  void add(const CreateEnum& op, const std::vector<Op>&, std::size_t) {
    lines_.push_back({{0, op.type.name}, "missing enum " + op.type.name + " " +
                                             parenthesized(op.type.labels)});
  }
  void add(const DropEnum& op, const std::vector<Op>&, std::size_t) {
    lines_.push_back({{0, op.type.name}, "extra enum " + op.type.name + " " +
                                             parenthesized(op.type.labels)});
  }
  void add(const RecreateEnum& op, const std::vector<Op>&, std::size_t) {
    labels(op.to.name, op.to.labels, op.from.labels);
  }
  // The labels a run of AddEnumLabel gives; one line for the run.
  void add(const AddEnumLabel& op, const std::vector<Op>& ops, std::size_t at) {
    if (at > 0) {
      const auto* previous = std::get_if<AddEnumLabel>(&ops[at - 1]);
      if (previous != nullptr && previous->type == op.type) return;
    }
    std::vector<std::string> model = op.type_before.labels;
    for (std::size_t i = at; i < ops.size(); ++i) {
      const auto* next = std::get_if<AddEnumLabel>(&ops[i]);
      if (next == nullptr || next->type != op.type) break;
      model = next->type_before.labels;
      auto where = model.end();
      if (next->after) {
        where = std::find(model.begin(), model.end(), *next->after) + 1;
      } else if (next->before) {
        where = std::find(model.begin(), model.end(), *next->before);
      }
      model.insert(where, next->label);
    }
    labels(op.type, model, op.type_before.labels);
  }
  // Renames need hints, which a drift check never gives; any other
  // operation reads as the generator writes it.
  template <typename T>
  void add(const T& op, const std::vector<Op>&, std::size_t) {
    lines_.push_back({{2, ""}, diff::describe(Op{op})});
  }

  void labels(const std::string& type, const std::vector<std::string>& model,
              const std::vector<std::string>& database) {
    lines_.push_back({{0, type}, versus("enum " + type + ": labels ", parenthesized(model),
                                        parenthesized(database))});
  }

  const Table* find_table(const std::string& name) const {
    for (const Table& table : database_.tables) {
      if (table.name == name) return &table;
    }
    return nullptr;
  }

  const Schema& database_;
  std::set<std::string> whole_;
  std::set<std::size_t> skipped_;
  std::vector<Line> lines_;
};

}  // namespace

DriftReport compare_schemas(const Schema& model, const Schema& database) {
  const diff::Plan plan = diff::diff_schemas(database, model);
  return DriftReport{DriftLines(database).read(plan.upgrade)};
}

}  // namespace structmig
