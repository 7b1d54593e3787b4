// The pieces every kind of migration file shares -- generated, merge and
// hand-written (`structmig revision`) -- so they all look alike and the
// history reader (tool/history) can read each of them back: the number, the
// upgrade()/downgrade() functions, and the STRUCTMIG_MIGRATION registration.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace structmig::render {

/// What STRUCTMIG_MIGRATION({...}) records for a file.
struct Registration {
  std::string revision;
  std::vector<std::string> parents;  // in this order
  std::string message;
  bool transactional = true;
};

/// At least 4 digits: 0007, 12345.
std::string number_text(unsigned number);

/// One line of comment text: control characters become spaces, and trailing
/// spaces and backslashes (which would continue the comment) are dropped.
std::string comment_text(std::string_view message);

/// The namespace a migration's functions live in: structmig_m_<revision>.
std::string namespace_for(std::string_view revision);

/// `void <name>(structmig::Ops& op) {\n<body>}\n`; the parameter is
/// [[maybe_unused]] unless the body calls op, so -Wextra stays quiet and a
/// person can add calls without touching the signature.
std::string render_function(std::string_view name, bool uses_op, const std::string& body);

/// `STRUCTMIG_MIGRATION({ .revision, .parents, .message, .transactional,
/// .upgrade, .downgrade });` one field per line, ending in a newline.
std::string render_registration(const Registration& registration);

/// 12 lowercase hex digits of SHA-256 over `input`: the revision ids of
/// migrations that have no plan to derive them from (merges, hand-written).
std::string short_hash(std::string_view input);

}  // namespace structmig::render
