// Where each model object is written, as plain values (file, line, column)
// that outlive the AST: the generator reports what the safe planner refuses
// at the model's line after extraction is over. Plain C++, no Clang.
#pragma once

#include <map>
#include <string>
#include <utility>

namespace structmig::extract {

/// A point in a source file; line and column are 1-based (column in bytes).
struct SourcePlace {
  std::string file;
  unsigned line = 0;
  unsigned column = 0;

  friend bool operator==(const SourcePlace&, const SourcePlace&) = default;
};

struct ModelPlaces {
  std::map<std::string, SourcePlace> tables;  // table → its struct's name
  std::map<std::pair<std::string, std::string>, SourcePlace> columns;  // (table, column) → field
  std::map<std::string, SourcePlace> enums;  // enum type → the enum's name

  friend bool operator==(const ModelPlaces&, const ModelPlaces&) = default;
};

}  // namespace structmig::extract
