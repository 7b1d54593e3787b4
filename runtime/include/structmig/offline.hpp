// Offline SQL: an upgrade or downgrade rendered as one SQL script instead of
// being run, for deployments where a DBA applies the SQL
// (`psql -v ON_ERROR_STOP=1 -f script.sql`). The script does what the
// migrator would do on a database at FROM: the migration lock, the
// bookkeeping tables, a check that the database is at FROM, then per step its
// statements with the same version and history rows, each transactional step
// in BEGIN … COMMIT. No database is read while rendering.
#pragma once

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
};

/// The script of an upgrade over `range`, "[FROM:]TO": FROM is an absolute
/// target (default base), TO any target (`head`, `heads`, a revision or
/// prefix, or `+N` counted from FROM). Throws RevisionError subclasses for
/// bad targets, and OfflineUnsupported naming the migration when one of the
/// steps is a data migration (it queries the database).
std::string render_upgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                               const OfflineOptions& options = {});

/// The script of a downgrade over `range`, "FROM:TO" (FROM is required: the
/// database is not read): TO is `base`, a revision or prefix, or `-N`.
std::string render_downgrade_sql(const std::vector<Migration>& migrations, std::string_view range,
                                 const OfflineOptions& options = {});

}  // namespace structmig
