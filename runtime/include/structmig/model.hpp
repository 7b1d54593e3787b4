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
//   };
//
// README.md lists every argument and the C++ → PostgreSQL type mapping.
#pragma once

#include "structmig/types.hpp"

#ifdef STRUCTMIG_SCAN
#define STRUCTMIG_TABLE(...) [[clang::annotate("structmig:table:" #__VA_ARGS__)]]
#define STRUCTMIG_COLUMN(...) [[clang::annotate("structmig:column:" #__VA_ARGS__)]]
#define STRUCTMIG_ENUM(...) [[clang::annotate("structmig:enum:" #__VA_ARGS__)]]
#define STRUCTMIG_LABEL(...) [[clang::annotate("structmig:label:" #__VA_ARGS__)]]
#else
#define STRUCTMIG_TABLE(...)
#define STRUCTMIG_COLUMN(...)
#define STRUCTMIG_ENUM(...)
#define STRUCTMIG_LABEL(...)
#endif
