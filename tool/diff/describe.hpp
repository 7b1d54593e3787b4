// One human-readable line per operation, for the build's drift report and for
// comments. The wording is SQL-like and names tables as table.column:
//   create table tickets
//   drop table tickets
//   add column tickets.priority character varying(20) NOT NULL DEFAULT 'normal'
//   drop column tickets.priority
//   alter column tickets.title: type text -> character varying(200); NOT NULL -> NULL
//   primary key of tickets: (id) -> (id, tenant_id)
//   execute SQL
// An alter line lists only what changes, in the order type, nullability,
// default, uniqueness. A missing default or primary key reads "none".
#pragma once

#include <string>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig::diff {

std::string describe(const Op& op);
std::vector<std::string> describe(const std::vector<Op>& ops);

}  // namespace structmig::diff
