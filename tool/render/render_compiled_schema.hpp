// The generated definition of structmig::compiled_schema() (declared in
// structmig/drift.hpp): the schema the models describe, as C++ aggregate
// initializers, compiled into the migrations library so the program (and its
// migrate command line's `check`) can compare a live database with it.
//
// clang-format off
//   #include <structmig/drift.hpp>
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

/// Includes structmig/drift.hpp only: not the metadata header nor (through
/// it) the models, so a touched model header does not recompile it. The
/// metadata's assertions are compiled where the ORM is used (the code that
/// includes <LIBRARY/models.hpp>).
std::string render_compiled_schema(const Schema& schema);

}  // namespace structmig::render
