// The body of upgrade() or downgrade() with its steps shown: before the first
// operation of every step (as structmig::split_steps cuts the operations, and
// as the migrator runs them) a comment says which step it is, whether it runs
// in a transaction, and which lock each of its statements takes on which
// table and what that means for the application meanwhile
// (plan/locks.hpp); renames add that running instances of the previous
// release still use the old name. For example:
//
//   // Step 2 of 4, outside a transaction: SHARE UPDATE EXCLUSIVE on "users"
//   //   (reads and writes go on while the index is built)
//
// A step with several locks lists one per line. The operations themselves
// are written as render_body() writes them (op.commit() included).
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "render/data_declarations.hpp"
#include "structmig/ops.hpp"

namespace structmig::render {

/// `warnings`: (index in `ops`, text) written as `// WARNING: text` above
/// that operation, in the order given. `downgrade`: the body of downgrade()
/// (a rename's note then speaks of the release being rolled back). The data
/// objects the calls reference are added to `data` (the file declares them
/// above the function). `calls`, when given, also receives the calls alone,
/// as render_body() writes them after its data declarations (a revision id
/// hashes them: rendering thousands of tables twice is not free).
std::string render_stepped_body(const std::vector<Op>& ops, DataDeclarations& data,
                                const std::vector<std::pair<std::size_t, std::string>>& warnings = {},
                                bool downgrade = false, std::string* calls = nullptr);

}  // namespace structmig::render
