// The customer-support example application. At start-up it brings its
// database to the head of the compiled-in migration history (printing each
// step), then writes an organization, a user, a ticket and a satisfaction
// rating as structs and reads them back through the row mapping
// (structmig/orm.hpp) with the metadata the build generated from the models
// (<support_migrations/models.hpp>) — no hand-written SQL; the server fills in
// keys and defaults such as the ticket's priority.
//
//   support_app --url "host=… port=… dbname=…"     (or DATABASE_URL, or PG*)
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <random>
#include <string>

#include <structmig/connection.hpp>
#include <structmig/migration.hpp>
#include <structmig/orm.hpp>
#include <structmig/startup.hpp>
#include <support_migrations/models.hpp>

namespace {

std::string conninfo_from(int argc, char** argv) {
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--url") == 0) return argv[i + 1];
  }
  if (const char* url = std::getenv("DATABASE_URL")) return url;
  return "";  // libpq's PG* environment variables
}

void print_step(const structmig::StepEvent& step) {
  std::cout << "  " << structmig::to_string(step.direction) << " " << step.revision << "  "
            << step.message << "  (" << static_cast<long>(step.duration.count()) << " ms)\n";
}

// A fresh address per run: emails are unique.
std::string new_email() {
  char suffix[9];
  std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(std::random_device{}()));
  return std::string("customer-") + suffix + "@example.com";
}

// The organization with this name, created the first time. Many replicas may
// start at once: the insert does nothing if another one just created it, and
// the mapping reads the row either way.
support::Organization organization_named(structmig::Connection& db, const std::string& name) {
  db.exec_params(
      "INSERT INTO organizations (name, monthly_fee) VALUES ($1, 49.90) "
      "ON CONFLICT (name) DO NOTHING",
      {name});
  return structmig::select<support::Organization>(db, "name = $1", name).at(0);
}

}  // namespace

int main(int argc, char** argv) try {
  const std::string conninfo = conninfo_from(argc, argv);

  std::cout << "support_app: migrating the database to head\n";
  structmig::StartupReport report =
      structmig::upgrade_to_head(conninfo, structmig::compiled_migrations(), print_step);
  if (report.already_at_head) {
    std::cout << "  already at head " << report.head << "; nothing to apply\n";
  } else {
    std::cout << "  applied " << report.applied.size() << " migration(s); now at " << report.head
              << "\n";
  }

  structmig::Connection db = structmig::Connection::open(conninfo);
  structmig::Transaction tx(db);
  const support::Organization organization = organization_named(db, "Acme Support Co");
  const support::User user =
      structmig::insert(db, support::User{.email = new_email(),
                                          .full_name = "Ada Customer",
                                          .organization_id = organization.id});
  const support::Ticket ticket =
      structmig::insert(db, support::Ticket{.user_id = user.id, .title = "Printer on fire"});
  structmig::insert(db, support::SatisfactionRating{.ticket_id = ticket.id, .rating = 5});
  tx.commit();

  const std::optional<support::Ticket> stored = structmig::find<support::Ticket>(db, ticket.id);
  if (!stored) {
    std::cerr << "support_app: error: ticket " << ticket.id << " not found\n";
    return 1;
  }
  const auto opener = structmig::find<support::User>(db, stored->user_id);
  const auto company = structmig::find<support::Organization>(db, *opener->organization_id);
  const auto ratings =
      structmig::select<support::SatisfactionRating>(db, "ticket_id = $1", stored->id);
  std::cout << "support_app: ticket #" << stored->id << " \"" << stored->title
            << "\" status=" << *stored->status << " priority=" << *stored->priority
            << " description=" << (stored->description ? "set" : "NULL") << " opened by "
            << opener->email << " (" << company->name << "), rated "
            << (ratings.empty() ? 0 : ratings.front().rating) << "/5\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "support_app: error: " << e.what() << "\n";
  return 1;
}
