// The generated definition of structmig::compiled_schema() (declared in
// structmig/drift.hpp): the schema the models describe, as C++ aggregate
// initializers, compiled into the migrations library so the program (and its
// migrate command line's `check`) can compare a live database with it.
//
// clang-format off
//   #include <structmig/drift.hpp>
//
//   #include "/abs/build/structmig_app_migrations/include/app_migrations/models.hpp"
//
//   namespace structmig {
//
//   const Schema& compiled_schema() {
//     static const Schema schema{
//         .enums = {
//             {.name = "document_status", .labels = {"draft", "in review"}},
//         },
//         .tables = {
//             {
//                 .name = "tickets",
//                 .columns = {
//                     {.name = "id", .type = "bigint", .identity = Identity::by_default},
//                 },
//                 …
//             },
//         },
//     };
//     return schema;
//   }
//
//   }  // namespace structmig
// clang-format on
#pragma once

#include <string>

#include "structmig/schema.hpp"

namespace structmig::render {

/// `metadata_header` (absolute; "" for none) is included first, so the
/// metadata's assertions are checked whenever the library is built.
std::string render_compiled_schema(const Schema& schema, const std::string& metadata_header);

}  // namespace structmig::render
