// The enum part of the diff (see diff_enums.hpp). PostgreSQL can add a label
// anywhere but never remove or move one, so only pure insertions become
// ALTER TYPE … ADD VALUE; anything else recreates the type.
#include "diff/diff_enums.hpp"

#include <algorithm>

namespace structmig::diff {
namespace {

bool contains(const std::vector<std::string>& labels, const std::string& label) {
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

// Every old label is still there, in the same relative order.
bool only_inserted(const std::vector<std::string>& old_labels,
                   const std::vector<std::string>& new_labels) {
  auto next = new_labels.begin();
  for (const std::string& label : old_labels) {
    next = std::find(next, new_labels.end(), label);
    if (next == new_labels.end()) return false;
    ++next;
  }
  return true;
}

// One AddEnumLabel per inserted label, in the new order: after the label
// before it (by then always present), or, for the first label, before the
// first old one. Each carries the type as it is just before it runs.
void add_labels(const EnumType& old_type, const EnumType& new_type,
                const std::vector<EnumUsage>& usages, std::vector<Op>& out) {
  EnumType current = old_type;
  for (size_t i = 0; i < new_type.labels.size(); ++i) {
    const std::string& label = new_type.labels[i];
    if (contains(old_type.labels, label)) continue;
    AddEnumLabel add{
        .type = new_type.name, .label = label, .type_before = current, .usages = usages};
    auto& labels = current.labels;
    if (i > 0) {
      add.after = new_type.labels[i - 1];
      labels.insert(std::find(labels.begin(), labels.end(), *add.after) + 1, label);
    } else if (!old_type.labels.empty()) {
      add.before = old_type.labels.front();
      labels.insert(labels.begin(), label);
    } else {
      labels.push_back(label);
    }
    out.push_back(std::move(add));
  }
}

// Whether the SQL of `schema` (defaults, checks, index predicates and
// expressions) holds `label` as a literal.
bool label_used(const Schema& schema, const std::string& label) {
  std::string literal = "'";
  for (char c : label) literal += c == '\'' ? std::string("''") : std::string(1, c);
  literal += "'";
  const auto holds = [&](const std::string& sql) { return sql.find(literal) != std::string::npos; };
  for (const Table& table : schema.tables) {
    for (const Column& column : table.columns) {
      if (column.default_sql && holds(*column.default_sql)) return true;
    }
    for (const CheckConstraint& check : table.checks) {
      if (holds(check.expression)) return true;
    }
    for (const Index& index : table.indexes) {
      if (index.where && holds(*index.where)) return true;
      for (const IndexKey& key : index.keys) {
        if (holds(key.expression)) return true;
      }
    }
  }
  return false;
}

// Labels can be added in place unless the plan also uses one of them:
// PostgreSQL refuses a label added by ALTER TYPE … ADD VALUE until the
// transaction commits, while the labels of a type created in the
// transaction (as RecreateEnum does) can be used at once.
bool can_add_in_place(const EnumType& old_type, const EnumType& new_type, const Schema& now) {
  if (!only_inserted(old_type.labels, new_type.labels)) return false;
  for (const std::string& label : new_type.labels) {
    if (!contains(old_type.labels, label) && label_used(now, label)) return false;
  }
  return true;
}

}  // namespace

bool is_enum_type(const Schema& schema, const std::string& type) {
  const std::string element =
      type.size() > 2 && type.ends_with("[]") ? type.substr(0, type.size() - 2) : type;
  return schema.find_enum(element) != nullptr;
}

std::vector<EnumUsage> enum_usages(const Schema& schema, const std::string& name) {
  std::vector<EnumUsage> usages;
  for (const Table& table : schema.tables) {
    for (const Column& column : table.columns) {
      if (column.type == name || column.type == name + "[]") {
        usages.push_back({.table = table.name,
                          .column = column.name,
                          .is_array = column.type != name,
                          .default_sql = column.default_sql});
      }
    }
  }
  return usages;
}

void diff_enums(const Schema& work, const Schema& now, Steps& steps) {
  std::vector<Op> creates;
  std::vector<Op> additions;
  std::vector<Op> recreations;
  for (const EnumType& type : now.enums) {
    const EnumType* old = work.find_enum(type.name);
    if (old == nullptr) {
      creates.push_back(CreateEnum{type});
    } else if (old->labels != type.labels) {
      const std::vector<EnumUsage> usages = enum_usages(work, type.name);
      if (can_add_in_place(*old, type, now)) {
        add_labels(*old, type, usages, additions);
      } else {
        recreations.push_back(RecreateEnum{*old, type, usages});
      }
    }
  }
  for (std::vector<Op>* ops : {&creates, &additions, &recreations}) {
    steps.enum_changes.insert(steps.enum_changes.end(), ops->begin(), ops->end());
  }
  for (auto it = work.enums.rbegin(); it != work.enums.rend(); ++it) {
    if (now.find_enum(it->name) == nullptr) steps.enum_drops.push_back(DropEnum{*it});
  }
}

}  // namespace structmig::diff
