// The contract between the structmig generator and the struct ↔ row mapping
// (orm.hpp): per model struct a specialization of model_traits<T> naming the
// table and, field by field, its column; per mapped enum a specialization of
// enum_traits<E> with its labels. The generator emits them next to the models;
// a struct without them cannot be mapped (model_traits has no definition).
//
// Exactly what the generator emits, for
//
//   struct STRUCTMIG_TABLE(tickets) Ticket {
//     STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
//     STRUCTMIG_COLUMN(varchar(200)) std::string title;
//     STRUCTMIG_COLUMN(default("'open'")) TicketStatus status;
//     std::optional<std::string> description;
//     STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
//   };
//   enum class STRUCTMIG_ENUM(ticket_status) TicketStatus {
//     open, pending STRUCTMIG_LABEL("waiting"), closed };
//
// is, at namespace scope after the models are declared:
//
//   template <>
//   struct structmig::enum_traits<support::TicketStatus> {
//     static constexpr std::string_view name = "ticket_status";
//     static constexpr std::array<structmig::EnumLabel<support::TicketStatus>, 3> labels{{
//         {support::TicketStatus::open, "open"},
//         {support::TicketStatus::pending, "waiting"},
//         {support::TicketStatus::closed, "closed"},
//     }};
//   };
//
//   template <>
//   struct structmig::model_traits<support::Ticket> {
//     static constexpr std::string_view table = "tickets";
//     static constexpr std::array<structmig::ColumnInfo, 5> columns{{
//         {"id", "bigint", structmig::Generated::identity},
//         {"title", "character varying(200)", structmig::Generated::none},
//         {"status", "ticket_status", structmig::Generated::server_default},
//         {"description", "text", structmig::Generated::none},
//         {"created_at", "timestamp with time zone", structmig::Generated::server_default},
//     }};
//     static constexpr std::array<std::size_t, 1> primary_key{{0}};
//     STRUCTMIG_FIELD_COUNT(support::Ticket, 5);
//     STRUCTMIG_FIELD(support::Ticket, 0, std::int64_t);
//     STRUCTMIG_FIELD(support::Ticket, 1, std::string);
//     STRUCTMIG_FIELD(support::Ticket, 2, support::TicketStatus);
//     STRUCTMIG_FIELD(support::Ticket, 3, std::optional<std::string>);
//     STRUCTMIG_FIELD(support::Ticket, 4, structmig::defaulted<structmig::timestamp>);
//   };
//
// Rules: `columns` has one entry per field, in field order (the order
// Boost.PFR sees: declaration order); `type` is the column's canonical type
// as in Column::type (informative; statements rely on the server's own
// typing); `primary_key` lists field indexes in key order (never empty).
// Types are spelled fully qualified, exactly as written in the model
// (aliases allowed: the assertion compares types, not spellings). When the
// struct changes and the metadata is not regenerated, the assertions stop
// the build: "structmig: the generated metadata for support::Ticket is stale
// (field 3 is no longer std::optional<std::string>); rebuild to regenerate it",
// followed by the compiler's note with the field's type now.
#pragma once

#include <boost/pfr/core.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <type_traits>

namespace structmig {

/// Whether the database produces a column's value on insert.
enum class Generated {
  /// insert() sends the field's value.
  none,
  /// GENERATED … AS IDENTITY: insert() leaves it to the server; update()
  /// never sets it (identity(always) columns refuse it).
  identity,
  /// The column has a DEFAULT (now(), a sequence, …). insert() and update()
  /// write the field like any other, unless it is a structmig::defaulted<T>
  /// left empty: then they write DEFAULT. Only such columns may have a
  /// defaulted<T> field (the mapping's static_assert).
  server_default,
};

/// One column of a model, for the field at the same position.
struct ColumnInfo {
  std::string_view name;
  std::string_view type;  // canonical PostgreSQL type, as Column::type
  Generated generated = Generated::none;
};

/// One enumerator and its PostgreSQL label.
template <typename E>
struct EnumLabel {
  E value;
  std::string_view label;
};

/// The generated metadata of a model struct (see the top of this file).
/// Deliberately without a definition: a struct without metadata cannot be mapped.
template <typename T>
struct model_traits;

/// The generated labels of a STRUCTMIG_ENUM enum, in declaration order.
template <typename E>
struct enum_traits;

namespace detail {

/// Stands for a field that the struct no longer has.
struct no_such_field {};

template <typename Model, std::size_t Index,
          bool Exists = (Index < boost::pfr::tuple_size_v<Model>)>
struct field_type {
  using type = no_such_field;
};
template <typename Model, std::size_t Index>
struct field_type<Model, Index, true> {
  using type = boost::pfr::tuple_element_t<Index, Model>;
};

template <typename Model, std::size_t Index>
using field_type_t = typename field_type<Model, Index>::type;

/// Whether field `Index` of `Model`, now of type `Actual`, still has the type
/// `Declared`. The inner assertion makes the compiler print the instantiation,
/// and with it the field's type now.
template <typename Model, std::size_t Index, typename Actual, typename Declared>
struct field_type_is {
  static_assert(std::is_same_v<Declared, Actual>,
                "structmig: a model field's C++ type differs from its generated metadata "
                "(Actual is the type it has now)");
  static constexpr bool value = std::is_same_v<Declared, Actual>;
};

}  // namespace detail

}  // namespace structmig

/// Asserts that the model struct still has `Count` fields.
#define STRUCTMIG_FIELD_COUNT(Model, Count)                                                       \
  static_assert(::boost::pfr::tuple_size_v<Model> == (Count),                                     \
                "structmig: the generated metadata for " #Model " is stale (it describes " #Count \
                " fields); rebuild to regenerate it")

/// Asserts that field `Index` of the model struct still has the C++ type given
/// after it (a type with commas in it is fine: it is the macro's tail).
#define STRUCTMIG_FIELD(Model, Index, ...)                                                        \
  static_assert(                                                                                  \
      ::structmig::detail::field_type_is<                                                         \
          Model, (Index), ::structmig::detail::field_type_t<Model, (Index)>, __VA_ARGS__>::value, \
      "structmig: the generated metadata for " #Model " is stale (field " #Index                  \
      " is no longer " #__VA_ARGS__ "); rebuild to regenerate it")
