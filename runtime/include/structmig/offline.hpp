// Offline SQL: an upgrade or downgrade rendered as one SQL script instead of
// being run, for deployments where a DBA applies the SQL
// (`psql -v ON_ERROR_STOP=1 -f script.sql`). The script does what the
// migrator would do on a database at FROM: the migration lock, the
// bookkeeping tables, a check that the database is at FROM, then per step its
// statements with the same version and history rows, each transactional step
// in BEGIN … COMMIT. No database is read while rendering.
//
// update_in_batches renders as a DO block that loops over the batches (and,
// in a non-transactional migration, COMMITs each, so the script must run in
// psql's autocommit mode, never with --single-transaction). A migration whose
// C++ needs the live database (it calls connection()) cannot be rendered: the
// script renders its steps that end before that call, then STOPs — a marked
// block that releases the lock and raises an error, so psql exits there with
// a failure — without recording the migration as applied and without
// anything after it. `<app>_migrate upgrade` (or downgrade) then resumes it
// at its first step not done, online.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/ops.hpp"

namespace structmig {

struct OfflineOptions {
  /// As MigratorOptions: for every step; a migration's own settings win.
  /// An empty lock_timeout is structmig's default (kDefaultLockTimeout); a
  /// script cannot retry, so it uses the first attempt's timeout.
  std::string lock_timeout;
  std::string statement_timeout;
  /// Called with each warning: a migration the script stops at (it needs
  /// the database), named, with the online command that finishes the job.
  std::function<void(const std::string&)> warn = {};
};

/// The script of an upgrade over `range`, "[FROM:]TO": FROM is an absolute
/// target (default base), TO any target (`head`, `heads`, a revision or
/// prefix, or `+N` counted from FROM). Throws RevisionError subclasses for
/// bad targets.
std::string render_upgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                               const OfflineOptions& options = {});

/// The script of a downgrade over `range`, "[FROM:]TO": FROM is an absolute
/// target (default `heads`: the database is not read, so the script assumes
/// it is at the heads, and checks that it is), TO is `base`, a revision or
/// prefix, or `-N` counted from FROM.
std::string render_downgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                                 const OfflineOptions& options = {});

}  // namespace structmig
