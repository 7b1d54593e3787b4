// A small hand-written migration history for the migrator's integration
// tests (users, then tickets, then a column with a default), the schema it
// should produce, a big table for batched updates, and helpers to read the
// database back.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "pg_cluster.hpp"
#include "structmig/connection.hpp"
#include "structmig/introspect.hpp"
#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"
#include "structmig/schema.hpp"

namespace structmig {

inline void PrintTo(const Schema& schema, std::ostream* os) {
  for (const auto& table : schema.tables) {
    *os << "\n  table " << table.name << " pk(";
    for (const auto& c : table.primary_key) *os << c << ' ';
    *os << ")";
    for (const auto& c : table.columns) {
      *os << "\n    " << c.name << ' ' << c.type << (c.nullable ? " NULL" : " NOT NULL");
      if (c.default_sql) *os << " DEFAULT " << *c.default_sql;
    }
    for (const auto& u : table.uniques) *os << "\n    unique " << u.name;
  }
  if (schema.tables.empty()) *os << "(no tables)";
}

namespace history {

inline constexpr std::string_view kUsers = "1a2b3c4d5e6f";
inline constexpr std::string_view kTickets = "2b3c4d5e6f70";
inline constexpr std::string_view kPriority = "3c4d5e6f7081";

/// A revision id as the std::string the APIs return.
inline std::string id(std::string_view revision) { return std::string(revision); }

inline Column column(std::string name, std::string type, bool nullable = false,
                     std::optional<std::string> default_sql = std::nullopt) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql)};
}

inline Table users_table() {
  return Table{
      .name = "users",
      .columns = {column("id", "bigint"), column("email", "text"), column("name", "text", true)},
      .primary_key = {"id"},
      .primary_key_name = "pk_users",
      .uniques = {{.name = "uq_users_email", .columns = {"email"}}}};
}

inline Table tickets_table() {
  return Table{.name = "tickets",
               .columns = {column("id", "bigint"), column("user_id", "bigint"),
                           column("title", "character varying(200)"),
                           column("created_at", "timestamp with time zone", false, "now()")},
               .primary_key = {"id"},
               .primary_key_name = "pk_tickets"};
}

inline Column priority_column() {
  return column("priority", "character varying(20)", false, "'normal'");
}

inline void create_users(Ops& ops) { ops.create_table(users_table()); }
inline void drop_users(Ops& ops) { ops.drop_table("users"); }
inline void create_tickets(Ops& ops) { ops.create_table(tickets_table()); }
inline void drop_tickets(Ops& ops) { ops.drop_table("tickets"); }
inline void add_priority(Ops& ops) { ops.add_column("tickets", priority_column()); }
inline void drop_priority(Ops& ops) { ops.drop_column("tickets", "priority"); }

/// Table big: ids 1 … 2,500, each with done = false, for the batched updates
/// of the data migration tests (online and offline).
inline void create_big(Ops& op) {
  op.create_table(Table{.name = "big",
                        .columns = {column("id", "bigint"), column("done", "boolean", false, "false")},
                        .primary_key = {"id"},
                        .primary_key_name = "pk_big"});
  op.execute("INSERT INTO big (id) SELECT g FROM generate_series(1, 2500) g");
}
inline void drop_big(Ops& op) { op.drop_table("big"); }

/// The checksum the "generated index" gives each migration of migrations().
inline std::string_view checksum_of(std::string_view revision) {
  if (revision == kUsers) return "c0ffee000001";
  if (revision == kTickets) return "c0ffee000002";
  return "c0ffee000003";
}

/// users → tickets → tickets.priority, declared out of order on purpose.
inline std::vector<Migration> migrations() {
  std::vector<Migration> list{
      Migration{kPriority, {kTickets}, "add tickets priority", true, &add_priority, &drop_priority},
      Migration{kUsers, {}, "create users", true, &create_users, &drop_users},
      Migration{kTickets, {kUsers}, "create tickets", true, &create_tickets, &drop_tickets},
  };
  for (auto& m : list) m.checksum = checksum_of(m.revision);
  return list;
}

/// The schema after each prefix of the history (0 = base).
inline Schema expected_after(std::size_t applied) {
  Schema schema;
  if (applied >= 1) schema.tables.push_back(users_table());
  if (applied >= 2) schema.tables.push_back(tickets_table());
  if (applied >= 3) schema.tables[1].columns.push_back(priority_column());
  return canonical(schema);
}

inline Schema schema_of(Connection& connection) { return canonical(read_schema(connection)); }

/// The names of the tables in public, sorted (structmig's own left out).
inline std::vector<std::string> table_names(Connection& connection) {
  std::vector<std::string> out;
  for (const auto& table : read_schema(connection).tables) out.push_back(table.name);
  std::sort(out.begin(), out.end());
  return out;
}

inline std::vector<std::string> column_values(Connection& connection, const std::string& sql) {
  Result rows = connection.exec(sql);
  std::vector<std::string> out;
  for (std::size_t r = 0; r < rows.size(); ++r) out.push_back(rows.text(r, 0));
  return out;
}

/// structmig_version, sorted.
inline std::vector<std::string> version_rows(Connection& connection) {
  return column_values(connection,
                       "SELECT revision FROM structmig_version ORDER BY revision COLLATE \"C\"");
}

inline bool table_exists(Connection& connection, const std::string& table) {
  return connection.exec_params("SELECT to_regclass($1) IS NOT NULL", {table}).text(0, 0) == "t";
}

/// A test with a fresh, empty database and a connection to it.
class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    conninfo_ = testing::PgCluster::instance().fresh_database(info->name());
    connection_.emplace(Connection::open(conninfo_));
  }
  Connection& db() { return *connection_; }
  const std::string& conninfo() const { return conninfo_; }

 private:
  std::string conninfo_;
  std::optional<Connection> connection_;
};

}  // namespace history
}  // namespace structmig
