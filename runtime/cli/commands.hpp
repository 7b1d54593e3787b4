// The `migrate` command-line driver linked into each application with its
// compiled-in migrations. Verbs: upgrade [TARGET] [--sql] [--accept-checksums],
// downgrade TARGET [--sql], current [-v], history [-r A:B] [-v] [-i] [--log]
// [--graph[=dot|mermaid]], heads [-v], branches, show REV, stamp REV, check (the
// database against the compiled schema: exit 0 when it matches, 1 on drift);
// global options --url (else $DATABASE_URL, else libpq's PG* defaults),
// --lock-timeout, --statement-timeout, --version. No password reaches the
// output (redact_secrets). A new verb is one more add_*_command (context.hpp).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/schema.hpp"

namespace structmig::cli {

/// Parses argv (argv[0] is the program name), runs the subcommand, prints to
/// stdout/stderr. Returns the process exit code: 0 on success, else the code
/// of the failure's type (exit_codes.hpp: 1 other failure or drift found by
/// `check`, 2 usage, 3 history, 4 database, 5 a lock not obtained, retry
/// later, 6 no connection). `model` is
/// the schema compiled into the program (&compiled_schema()); without it
/// `check` fails saying so. It must outlive the call.
int run(int argc, char** argv, const std::vector<Migration>& migrations,
        const Schema* model = nullptr);

/// The same with explicit streams; args excludes the program name.
int run(const std::vector<std::string>& args, const std::vector<Migration>& migrations,
        std::ostream& out, std::ostream& err, const Schema* model = nullptr);

}  // namespace structmig::cli
