// The annotations users put on model structs. They expand to Clang
// annotations only while the structmig tool parses (it defines
// STRUCTMIG_SCAN) and to nothing otherwise, so any compiler builds the models
// unchanged. The argument text is read by the tool; mistakes in it are
// reported at the macro's file:line:col.
//
//   struct STRUCTMIG_TABLE(tickets) Ticket {
//     STRUCTMIG_COLUMN(primary_key) std::int64_t id;
//     STRUCTMIG_COLUMN(varchar(200)) std::string title;
//     STRUCTMIG_COLUMN(default("'normal'")) std::string priority;
//     std::optional<std::string> description;   // nullable text
//   };
#pragma once

#include <chrono>

#ifdef STRUCTMIG_SCAN
#define STRUCTMIG_TABLE(...) [[clang::annotate("structmig:table:" #__VA_ARGS__)]]
#define STRUCTMIG_COLUMN(...) [[clang::annotate("structmig:column:" #__VA_ARGS__)]]
#else
#define STRUCTMIG_TABLE(...)
#define STRUCTMIG_COLUMN(...)
#endif

namespace structmig {
/// A point in time: timestamp with time zone.
using timestamp = std::chrono::system_clock::time_point;
}  // namespace structmig
