// The customer-support example application. At start-up it brings its
// database to the head of the compiled-in migration history (printing each
// step), then opens a ticket for a user and reads it back — using the columns
// the migrations created, including server defaults such as the priority.
//
//   support_app --url "host=… port=… dbname=…"     (or DATABASE_URL, or PG*)
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <string>

#include <structmig/connection.hpp>
#include <structmig/migration.hpp>
#include <structmig/startup.hpp>

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
  structmig::Result organization = db.exec_params(
      "INSERT INTO organizations (name, monthly_fee) VALUES ($1, $2) "
      "ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id",
      {"Acme Support Co", "49.90"});
  structmig::Result user = db.exec_params(
      "INSERT INTO users (email, full_name, organization_id) "
      "VALUES ('customer-' || left(gen_random_uuid()::text, 8) || '@example.com', $1, $2) "
      "RETURNING id, email",
      {"Ada Customer", organization.text(0, 0)});
  structmig::Result ticket = db.exec_params(
      "INSERT INTO tickets (user_id, title, description) VALUES ($1, $2, $3) RETURNING id",
      {user.text(0, 0), "Printer on fire", std::nullopt});
  db.exec_params("INSERT INTO satisfaction_ratings (ticket_id, rating) VALUES ($1, $2)",
                 {ticket.text(0, 0), "5"});
  tx.commit();

  structmig::Result row = db.exec_params(
      "SELECT t.id, t.title, t.status, t.priority, t.description IS NULL, u.email, o.name, "
      "r.rating FROM tickets t JOIN users u ON u.id = t.user_id "
      "LEFT JOIN organizations o ON o.id = u.organization_id "
      "LEFT JOIN satisfaction_ratings r ON r.ticket_id = t.id WHERE t.id = $1",
      {ticket.text(0, 0)});
  if (row.size() != 1) {
    std::cerr << "support_app: error: ticket " << ticket.text(0, 0) << " not found\n";
    return 1;
  }
  std::cout << "support_app: ticket #" << row.text(0, 0) << " \"" << row.text(0, 1)
            << "\" status=" << row.text(0, 2) << " priority=" << row.text(0, 3)
            << " description=" << (row.text(0, 4) == "t" ? "NULL" : "set") << " opened by "
            << row.text(0, 5) << " (" << row.text(0, 6) << "), rated " << row.text(0, 7)
            << "/5\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "support_app: error: " << e.what() << "\n";
  return 1;
}
