// The generated metadata header of a migrations library: the row-mapping
// metadata of every model (the contract of runtime/include/structmig/
// orm_traits.hpp), so an application writes `#include <app_migrations/models.hpp>`
// and maps its structs with structmig::insert / find / select. It includes
// every model header by absolute path, then one enum_traits specialization per
// STRUCTMIG_ENUM (by PostgreSQL name) and one model_traits specialization per
// table (by table name), each with the assertions that stop the build when the
// struct changed after the header was generated.
//
// clang-format off
//   #pragma once
//
//   #include <structmig/orm_traits.hpp>
//
//   #include "/abs/models/ticket.hpp"
//
//   template <>
//   struct structmig::model_traits<support::Ticket> {
//     static constexpr std::string_view table = "tickets";
//     static constexpr std::array<structmig::ColumnInfo, 2> columns{{
//         {"id", "bigint", structmig::Generated::identity},
//         {"title", "character varying(200)", structmig::Generated::none},
//     }};
//     static constexpr std::array<std::size_t, 1> primary_key{{0}};
//     STRUCTMIG_FIELD_COUNT(support::Ticket, 2);
//     STRUCTMIG_FIELD(support::Ticket, 0, std::int64_t);
//     STRUCTMIG_FIELD(support::Ticket, 1, std::string);
//   };
// clang-format on
#pragma once

#include <string>
#include <vector>

#include "extract/model_bindings.hpp"

namespace structmig::render {

/// `model_headers` are absolute paths, included in the order given.
std::string render_metadata_header(const extract::ModelBindings& bindings,
                                   const std::vector<std::string>& model_headers);

}  // namespace structmig::render
