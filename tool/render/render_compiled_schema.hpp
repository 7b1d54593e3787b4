// The generated definition of structmig::compiled_schema() (declared in
// structmig/drift.hpp): the schema the models describe, compiled into the
// migrations library so the program (and its migrate command line's `check`)
// can compare a live database with it. The schema is constexpr data
// (structmig/schema_data.hpp, declared as data_declarations.hpp writes it),
// converted to the owned values once, on first use; so the file compiles in
// time linear in the schema.
//
// clang-format off
//   #include <structmig/drift.hpp>
//
//   #include <structmig/schema_from_data.hpp>
//
//   namespace structmig_compiled_schema {
//
//   using namespace structmig;
//
//   constexpr data::Text document_status_labels[] = {"draft", "in review"};
//   constexpr data::EnumType document_status_enum{.name = "document_status", .labels = document_status_labels};
//
//   constexpr data::Column tickets_columns[] = {
//       {.name = "id", .type = "bigint", .identity = Identity::by_default},
//   };
//   constexpr data::Table tickets_table{
//       .name = "tickets",
//       .columns = tickets_columns,
//       …
//   };
//
//   constexpr data::EnumType schema_enums[] = {document_status_enum};
//   constexpr data::Table schema_tables[] = {tickets_table};
//   constexpr data::Schema schema{.enums = schema_enums, .tables = schema_tables};
//
//   }  // namespace structmig_compiled_schema
//
//   const structmig::Schema& structmig::compiled_schema() {
//     static const Schema schema = from_data(structmig_compiled_schema::schema);
//     return schema;
//   }
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
