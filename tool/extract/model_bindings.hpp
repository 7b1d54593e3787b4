// The C++ side of the models, next to (never inside) their Schema: which
// struct maps to which table, each field's C++ type spelled so that generated
// code names exactly that type, and each STRUCTMIG_ENUM's enumerators with
// their labels. Plain values without Clang types: render/render_metadata
// turns them into the model_traits / enum_traits the row mapping needs
// (runtime/include/structmig/orm_traits.hpp).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace structmig::extract {

/// Whether the database produces a column's value on insert (orm_traits.hpp's
/// structmig::Generated).
enum class Generation { none, identity, server_default };

/// One field of a model struct, in field order.
struct ColumnBinding {
  std::string name;      // the column's name
  std::string sql_type;  // Column::type
  std::string cxx_type;  // fully qualified, as written ("std::optional<std::string>")
  Generation generation = Generation::none;

  friend bool operator==(const ColumnBinding&, const ColumnBinding&) = default;
};

struct TableBinding {
  std::string table;                     // the table's name
  std::string cxx_name;                  // the struct, fully qualified ("support::Ticket")
  std::vector<ColumnBinding> columns;    // one per field, in field order
  std::vector<std::size_t> primary_key;  // field indexes, in key order

  friend bool operator==(const TableBinding&, const TableBinding&) = default;
};

struct EnumeratorBinding {
  std::string cxx_name;  // fully qualified ("support::TicketStatus::pending")
  std::string label;     // its PostgreSQL label

  friend bool operator==(const EnumeratorBinding&, const EnumeratorBinding&) = default;
};

struct EnumBinding {
  std::string name;                            // the PostgreSQL enum type
  std::string cxx_name;                        // the enum, fully qualified
  std::vector<EnumeratorBinding> enumerators;  // declaration order

  friend bool operator==(const EnumBinding&, const EnumBinding&) = default;
};

struct ModelBindings {
  std::vector<EnumBinding> enums;    // by PostgreSQL name
  std::vector<TableBinding> tables;  // by table name

  friend bool operator==(const ModelBindings&, const ModelBindings&) = default;
};

}  // namespace structmig::extract
