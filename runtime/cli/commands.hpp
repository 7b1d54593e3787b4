// The `migrate` command-line driver linked into each application with its
// compiled-in migrations: upgrade, downgrade, current and history as CLI11
// subcommands sharing a --url option (else $DATABASE_URL, else libpq's PG*
// defaults). A new subcommand is one more add_*_command in commands.cpp.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "structmig/migration.hpp"

namespace structmig::cli {

/// Parses argv (argv[0] is the program name), runs the subcommand, prints to
/// stdout/stderr. Returns the process exit code: 0 on success, 1 when the
/// command failed, 2 for a usage error.
int run(int argc, char** argv, const std::vector<Migration>& migrations);

/// The same with explicit streams; args excludes the program name.
int run(const std::vector<std::string>& args, const std::vector<Migration>& migrations,
        std::ostream& out, std::ostream& err);

}  // namespace structmig::cli
