// insert / find / select / update / remove on a real PostgreSQL: generated
// keys and server defaults coming back, bound parameters (an injection attempt
// stays a value), composite keys, a rolled-back Transaction, statements
// prepared once per connection, and conversion failures that name the table,
// the column and the value.
#include <gtest/gtest.h>

#include <chrono>

#include "models.hpp"
#include "pg_cluster.hpp"

namespace {

using support::Membership;
using support::Ticket;
using support::TicketStatus;

class OrmCrud : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_.emplace(structmig::Connection::open(
        structmig::testing::PgCluster::instance().fresh_database("orm_crud")));
    conn_->exec(support::schema_sql);
  }
  structmig::Connection& conn() { return *conn_; }
  Ticket ticket(std::string title, std::int32_t priority = 1) {
    Ticket t{};
    t.title = std::move(title);
    t.priority = priority;
    t.status = TicketStatus::closed;  // a plain field: sent, although the column has a default
    return t;
  }

  std::optional<structmig::Connection> conn_;
};

TEST_F(OrmCrud, InsertReturnsGeneratedIdentityAndDefaults) {
  const auto before = std::chrono::system_clock::now() - std::chrono::minutes(1);
  const Ticket first = structmig::insert(conn(), ticket("Printer on fire"));
  const Ticket second = structmig::insert(conn(), ticket("Coffee machine"));
  EXPECT_EQ(first.id, 1);
  EXPECT_EQ(second.id, 2);
  EXPECT_EQ(first.title, "Printer on fire");
  EXPECT_EQ(first.status, TicketStatus::closed);  // a plain field: sent
  EXPECT_EQ(first.urgent, false);                 // empty defaulted<bool>: the server's false
  EXPECT_FALSE(first.description);
  ASSERT_TRUE(first.created_at.has_value());
  EXPECT_GT(*first.created_at, before);  // empty defaulted<timestamp>: the server's now()
}

TEST_F(OrmCrud, InsertWritesAValueTheCallerSetOnAColumnWithADefault) {
  Ticket t = ticket("Chosen status");
  t.status = TicketStatus::pending;  // the column defaults to 'open'
  const Ticket stored = structmig::insert(conn(), t);
  EXPECT_EQ(stored.status, TicketStatus::pending);
  EXPECT_EQ(conn().exec("SELECT status FROM tickets").text(0, 0), "waiting, \"really\"");
}

TEST_F(OrmCrud, InsertWritesTheValueOfADefaultedFieldThatHoldsOne) {
  Ticket t = ticket("Chosen flags");
  t.urgent = true;
  t.created_at = structmig::timestamp{std::chrono::seconds{86400}};
  const Ticket stored = structmig::insert(conn(), t);
  EXPECT_EQ(stored.urgent, true);
  EXPECT_EQ(stored.created_at, structmig::timestamp{std::chrono::seconds{86400}});
  EXPECT_EQ(conn().exec("SELECT urgent::text, extract(epoch FROM created_at)::bigint FROM tickets")
                .text(0, 0),
            "true");
  EXPECT_EQ(conn().exec("SELECT extract(epoch FROM created_at)::bigint FROM tickets").text(0, 0),
            "86400");
}

TEST_F(OrmCrud, UpdateWritesTheDefaultForAnEmptyDefaultedField) {
  Ticket t = ticket("Flagged");
  t.urgent = true;
  Ticket stored = structmig::insert(conn(), t);
  stored.urgent.reset();  // back to the column's DEFAULT (false)
  stored.title = "Unflagged";
  EXPECT_TRUE(structmig::update(conn(), stored));
  const auto found = structmig::find<Ticket>(conn(), stored.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->urgent, false);
  EXPECT_EQ(found->title, "Unflagged");
  EXPECT_EQ(found->created_at, stored.created_at);  // held a value: written unchanged
}

TEST_F(OrmCrud, AnIdentityKeyTheCallerSetIsRefusedNotReplaced) {
  Ticket t = ticket("Chosen key");
  t.id = 42;
  try {
    structmig::insert(conn(), t);
    FAIL() << "expected a MappingError";
  } catch (const structmig::MappingError& error) {
    EXPECT_EQ(error.table(), "tickets");
    EXPECT_EQ(error.column(), "id");
    EXPECT_EQ(error.value(), "42");
    EXPECT_NE(std::string(error.what()).find("InsertColumns::all"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(conn().exec("SELECT count(*) FROM tickets").text(0, 0), "0");
}

TEST_F(OrmCrud, AnEmptyDefaultedValueCannotBeBoundAsAParameter) {
  structmig::insert(conn(), ticket("any"));
  EXPECT_THROW(structmig::select<Ticket>(conn(), "urgent = $1", structmig::defaulted<bool>{}),
               structmig::MappingError);
  EXPECT_EQ(structmig::select<Ticket>(conn(), "urgent = $1", structmig::defaulted<bool>{false})
                .size(),
            1u);
}

TEST_F(OrmCrud, InsertAllColumnsKeepsTheGivenKey) {
  Ticket t = ticket("Copied");
  t.id = 1000;
  t.created_at = structmig::timestamp{std::chrono::seconds{86400}};
  const Ticket stored = structmig::insert(conn(), t, structmig::InsertColumns::all);
  EXPECT_EQ(stored.urgent, false);  // empty: DEFAULT, with InsertColumns::all too
  EXPECT_EQ(stored.id, 1000);
  EXPECT_EQ(stored.created_at, t.created_at);
}

TEST_F(OrmCrud, FindHitAndMiss) {
  const Ticket stored = structmig::insert(conn(), ticket("Found"));
  const auto hit = structmig::find<Ticket>(conn(), stored.id);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->title, "Found");
  EXPECT_EQ(hit->created_at, stored.created_at);
  EXPECT_FALSE(structmig::find<Ticket>(conn(), stored.id + 1));
}

TEST_F(OrmCrud, SelectBindsItsParameters) {
  structmig::insert(conn(), ticket("low", 1));
  structmig::insert(conn(), ticket("high", 5));
  structmig::insert(conn(), ticket("higher", 9));
  const auto rows = structmig::select<Ticket>(
      conn(), "priority >= $1 AND status = $2 ORDER BY priority DESC", 5, TicketStatus::closed);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].title, "higher");
  EXPECT_EQ(rows[1].title, "high");
  EXPECT_EQ(structmig::select<Ticket>(conn(), "").size(), 3u);
  EXPECT_EQ(
      structmig::select<Ticket>(conn(), "id = ANY($1) ORDER BY id", std::vector<std::int64_t>{1, 3})
          .size(),
      2u);
  EXPECT_EQ(structmig::select<Ticket>(conn(), "description IS NOT DISTINCT FROM $1",
                                      std::optional<std::string>{})
                .size(),
            3u);
}

TEST_F(OrmCrud, AnInjectionAttemptStaysAValue) {
  structmig::insert(conn(), ticket("innocent"));
  const std::string attack = "x' OR '1'='1'; DROP TABLE tickets; --";
  EXPECT_TRUE(structmig::select<Ticket>(conn(), "title = $1", attack).empty());
  const Ticket stored = structmig::insert(conn(), ticket(attack));
  EXPECT_EQ(stored.title, attack);
  EXPECT_EQ(structmig::select<Ticket>(conn(), "title = $1", attack).size(), 1u);
  EXPECT_EQ(conn().exec("SELECT count(*) FROM tickets").text(0, 0), "2");
}

TEST_F(OrmCrud, UpdateAndRemoveByPrimaryKey) {
  Ticket stored = structmig::insert(conn(), ticket("before"));
  stored.title = "after";
  stored.description = "now with a description";
  stored.status = TicketStatus::pending;
  EXPECT_TRUE(structmig::update(conn(), stored));
  const auto found = structmig::find<Ticket>(conn(), stored.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->title, "after");
  EXPECT_EQ(found->description, "now with a description");
  EXPECT_EQ(found->status, TicketStatus::pending);

  Ticket missing = stored;
  missing.id = 999;
  EXPECT_FALSE(structmig::update(conn(), missing));
  EXPECT_TRUE(structmig::remove<Ticket>(conn(), stored.id));
  EXPECT_FALSE(structmig::remove<Ticket>(conn(), stored.id));
  const Ticket other = structmig::insert(conn(), ticket("other"));
  EXPECT_TRUE(structmig::remove(conn(), other));
  EXPECT_FALSE(structmig::find<Ticket>(conn(), other.id));
}

TEST_F(OrmCrud, CompositeKeys) {
  structmig::insert(conn(), Membership{"acme", 7, "admin"});
  structmig::insert(conn(), Membership{"acme", 8, "member"});
  const auto found = structmig::find<Membership>(conn(), "acme", 7);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->role, "admin");
  EXPECT_FALSE(structmig::find<Membership>(conn(), "acme", 9));
  EXPECT_TRUE(structmig::update(conn(), Membership{"acme", 8, "owner"}));
  EXPECT_EQ(structmig::find<Membership>(conn(), std::string("acme"), 8)->role, "owner");
  EXPECT_TRUE(structmig::remove<Membership>(conn(), "acme", 7));
  EXPECT_EQ(structmig::select<Membership>(conn(), "org = $1", "acme").size(), 1u);
}

TEST_F(OrmCrud, RunsInsideTheCallersTransaction) {
  structmig::insert(conn(), ticket("kept"));
  {
    structmig::Transaction transaction(conn());
    const Ticket inside = structmig::insert(conn(), ticket("rolled back"));
    EXPECT_TRUE(structmig::find<Ticket>(conn(), inside.id));
    EXPECT_TRUE(structmig::remove<Ticket>(conn(), 1));
    EXPECT_EQ(structmig::select<Ticket>(conn(), "").size(), 1u);
  }  // no commit: rolled back
  const auto rows = structmig::select<Ticket>(conn(), "true ORDER BY id");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].title, "kept");
}

TEST_F(OrmCrud, StatementsArePreparedOncePerConnection) {
  for (int i = 0; i < 5; ++i) {
    const Ticket t = structmig::insert(conn(), ticket("t" + std::to_string(i)));
    structmig::find<Ticket>(conn(), t.id);
    structmig::select<Ticket>(conn(), "priority = $1", i);
    structmig::update(conn(), t);
  }
  structmig::remove<Ticket>(conn(), 1);
  // insert, find, select, update, remove: one each.
  EXPECT_EQ(conn().prepared_statement_count(), 5u);
  EXPECT_EQ(conn().exec("SELECT count(*) FROM pg_prepared_statements").text(0, 0), "5");
  // A new connection prepares its own.
  auto other = structmig::Connection::open(
      structmig::testing::PgCluster::instance().fresh_database("orm_other"));
  EXPECT_EQ(other.prepared_statement_count(), 0u);
}

TEST_F(OrmCrud, AReadFailureNamesTableColumnAndValue) {
  structmig::insert(conn(), ticket("ok"));
  conn().exec(
      "ALTER TABLE tickets ALTER COLUMN priority TYPE text; "
      "UPDATE tickets SET priority = 'urgent!'");
  try {
    structmig::find<Ticket>(conn(), 1);
    FAIL() << "expected a MappingError";
  } catch (const structmig::MappingError& error) {
    EXPECT_STREQ(error.what(),
                 "structmig: cannot read tickets.priority from \"urgent!\": not an integer");
    EXPECT_EQ(error.table(), "tickets");
    EXPECT_EQ(error.column(), "priority");
    EXPECT_EQ(error.value(), "urgent!");
  }
  conn().exec("UPDATE tickets SET priority = '99999999999'");
  EXPECT_THROW(structmig::find<Ticket>(conn(), 1), structmig::MappingError);
}

TEST_F(OrmCrud, AWriteFailureNamesTableColumnAndValue) {
  Ticket t = ticket("bad enum");
  t.status = static_cast<TicketStatus>(42);
  try {
    structmig::insert(conn(), t);
    FAIL() << "expected a MappingError";
  } catch (const structmig::MappingError& error) {
    EXPECT_EQ(error.table(), "tickets");
    EXPECT_EQ(error.column(), "status");
    EXPECT_EQ(error.value(), "42");
  }
  Ticket nul = ticket(std::string("a\0b", 3));
  EXPECT_THROW(structmig::insert(conn(), nul), structmig::MappingError);
}

TEST_F(OrmCrud, ServerErrorsAreDatabaseErrors) {
  structmig::insert(conn(), Membership{"acme", 7, "admin"});
  try {
    structmig::insert(conn(), Membership{"acme", 7, "again"});
    FAIL() << "expected a DatabaseError";
  } catch (const structmig::DatabaseError& error) {
    EXPECT_EQ(error.sqlstate(), "23505");
  }
}

}  // namespace
