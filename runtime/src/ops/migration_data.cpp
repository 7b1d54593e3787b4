// A migration file's registration data as the owned Migration (see
// migration_data.hpp and STRUCTMIG_MIGRATION in migration.hpp).
#include <stdexcept>
#include <string>

#include "schema/names_from_data.hpp"
#include "structmig/migration.hpp"

namespace structmig::detail {
namespace {

std::string_view text(data::Text t) { return t ? std::string_view(t) : std::string_view(); }

std::vector<std::string_view> names(const data::Names& list, const data::Migration& m,
                                    std::string_view field) {
  return names_from_data<std::string_view>(
      list, field, [&] { return "migration \"" + std::string(text(m.revision)) + "\""; });
}

}  // namespace

Migration migration_from_data(const data::Migration& m, std::string_view checksum) {
  Migration out{
      .revision = text(m.revision),
      .parents = names(m.parents, m, "parents"),
      .message = text(m.message),
      .transactional = m.transactional,
      .upgrade = m.upgrade,
      .downgrade = m.downgrade,
      .depends_on = names(m.depends_on, m, "depends_on"),
      .lock_timeout = text(m.lock_timeout),
      .statement_timeout = text(m.statement_timeout),
      .lock_retries = m.lock_retries,
      .checksum = text(m.checksum),
  };
  if (out.checksum.empty()) out.checksum = checksum;
  return out;
}

void register_migration(const data::Migration& m, const char* checksum) {
  registered_migrations().push_back(migration_from_data(m, text(checksum)));
}

}  // namespace structmig::detail
