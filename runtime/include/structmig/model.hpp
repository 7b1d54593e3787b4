// The annotations users put on model structs and enums. They expand to Clang
// annotations only while the structmig tool parses (it defines
// STRUCTMIG_SCAN) and to nothing otherwise, so any compiler builds the models
// unchanged. The argument text is read by the tool; mistakes in it are
// reported at their file:line:col.
//
//   enum class STRUCTMIG_ENUM(ticket_status) TicketStatus {
//     open, pending STRUCTMIG_LABEL("waiting"), closed
//   };
//   struct STRUCTMIG_TABLE(tickets, index(user_id, status), comment("Support tickets")) Ticket {
//     STRUCTMIG_COLUMN(primary_key, identity) std::int64_t id;
//     STRUCTMIG_COLUMN(references(users.id, on_delete = cascade)) std::int64_t user_id;
//     STRUCTMIG_COLUMN(varchar(200)) std::string title;
//     STRUCTMIG_COLUMN(default("'open'")) TicketStatus status;
//     std::optional<std::string> description;   // nullable text
//     STRUCTMIG_COLUMN(default("now()")) structmig::defaulted<structmig::timestamp> created_at;
//   };                                          // ^ left empty, insert() writes DEFAULT
//
// Changes that would rewrite a table or destroy data on a live database are
// refused by the generator unless the model acknowledges them, visibly in
// review:
//
//   STRUCTMIG_COLUMN(acknowledge(rewrite)) std::int64_t count;       // int → bigint
//   STRUCTMIG_COLUMN(backfill("0")) std::int32_t votes;              // new NOT NULL column
//   struct STRUCTMIG_TABLE(notes, acknowledge(drop_column(body))) Note { ... };
//   enum class STRUCTMIG_ENUM(status, acknowledge(drop_label("stale"))) Status { ... };
//   STRUCTMIG_ACKNOWLEDGE(drop_table(legacy_notes));                 // at namespace scope
//
// README.md lists every argument and the C++ → PostgreSQL type mapping.
#pragma once

#include "structmig/defaulted.hpp"
#include "structmig/types.hpp"

#ifdef STRUCTMIG_SCAN
#define STRUCTMIG_TABLE(...) [[clang::annotate("structmig:table:" #__VA_ARGS__)]]
#define STRUCTMIG_COLUMN(...) [[clang::annotate("structmig:column:" #__VA_ARGS__)]]
#define STRUCTMIG_ENUM(...) [[clang::annotate("structmig:enum:" #__VA_ARGS__)]]
#define STRUCTMIG_LABEL(...) [[clang::annotate("structmig:label:" #__VA_ARGS__)]]
// A declaration that can carry the annotation: an incomplete struct with a
// name of its own (__COUNTER__), so the macro may appear any number of times
// in one header and in several.
#define STRUCTMIG_ACKNOWLEDGE(...)                                                           \
  struct [[clang::annotate("structmig:acknowledge:" #__VA_ARGS__)]] STRUCTMIG_DETAIL_CONCAT( \
      structmig_acknowledgement_, __COUNTER__)
#define STRUCTMIG_DETAIL_CONCAT(a, b) STRUCTMIG_DETAIL_CONCAT_EXPANDED(a, b)
#define STRUCTMIG_DETAIL_CONCAT_EXPANDED(a, b) a##b
#else
#define STRUCTMIG_TABLE(...)
#define STRUCTMIG_COLUMN(...)
#define STRUCTMIG_ENUM(...)
#define STRUCTMIG_LABEL(...)
// A declaration that does nothing and takes the user's ';' (a lone ';' at
// namespace scope would trip -Wextra-semi).
#define STRUCTMIG_ACKNOWLEDGE(...) static_assert(true)
#endif
