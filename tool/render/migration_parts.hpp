// The one template of every migration file the tool writes -- generated,
// merge and hand-written (`structmig revision`) -- so they all look alike and
// the history reader (tool/history) can read each of them back: each kind
// fills in a MigrationText (its comment, includes, function bodies,
// registration) and render_file() writes the skeleton around it. Revision
// ids come from revision_id.hpp.
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

/// No parents for "" (a first migration), else just `parent`.
std::vector<std::string> parents_of(std::string_view parent);

/// upgrade() or downgrade(): the constexpr data its calls use (written right
/// above it), its body, and whether the body calls op.
struct FunctionText {
  std::string data;
  std::string body;
  bool uses_op = false;
};

/// What differs between the kinds of migration file.
struct MigrationText {
  unsigned number = 0;
  std::string slug;   // names the file: NNNN_<slug>.cpp
  std::string about;  // comment lines ("// …\n") after the title
  std::vector<std::string> includes;  // <structmig/…> headers, in this order
  FunctionText upgrade;
  FunctionText downgrade;
  Registration registration;  // its message is also the title
};

struct MigrationFile {
  std::string revision;   // registration.revision
  std::string file_name;  // NNNN_<slug>.cpp, no directory
  std::string text;
};

/// The file, byte-stable:
///   // Migration <number>: <message>
///   //
///   <about>#include <header>…
///
///   namespace structmig_m_<revision> {
///
///   using namespace structmig;
///
///   <upgrade.data>void upgrade(…) {…}
///
///   <downgrade.data>void downgrade(…) {…}
///
///   }  // namespace structmig_m_<revision>
///
///   STRUCTMIG_MIGRATION({…});
MigrationFile render_file(const MigrationText& migration);

}  // namespace structmig::render
