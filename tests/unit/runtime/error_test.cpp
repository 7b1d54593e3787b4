// The error model without a database: the SQLSTATE → class table, throw_as,
// a kind kept through the context classes (MigrationError, StatementError,
// BatchUpdateError), structmig::Error catching every kind thrown, and the
// migrate command's exit code following the type.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "connection/error_context.hpp"
#include "exit_codes.hpp"
#include "structmig/drift.hpp"
#include "structmig/error.hpp"
#include "structmig/migrator.hpp"
#include "structmig/ops.hpp"
#include "structmig/orm_error.hpp"
#include "structmig/revision_graph.hpp"
#include "structmig/sql.hpp"
#include "structmig/startup.hpp"

namespace structmig {
namespace {

DatabaseError server_error(const std::string& sqlstate) {
  return DatabaseError("the server said no", sqlstate, "SELECT 1");
}

TEST(ErrorModel, EachSqlstateMapsToItsKind) {
  EXPECT_EQ(database_error_kind("55P03"), DatabaseErrorKind::lock_timeout);
  EXPECT_EQ(database_error_kind("40P01"), DatabaseErrorKind::deadlock);
  EXPECT_EQ(database_error_kind("40001"), DatabaseErrorKind::serialization_failure);
  EXPECT_EQ(database_error_kind("23505"), DatabaseErrorKind::unique_violation);
  for (const char* state : {"08000", "08003", "08006", "08001", "08004", "08P01"}) {
    EXPECT_EQ(database_error_kind(state), DatabaseErrorKind::broken_connection) << state;
  }
  for (const char* state : {"", "08", "42701", "23503", "40002", "55P04", "57014", "22012"}) {
    EXPECT_EQ(database_error_kind(state), DatabaseErrorKind::other) << state;
  }
}

template <class Kind>
void expect_thrown_as(DatabaseErrorKind kind) {
  try {
    throw_as(kind, server_error("xxxxx"));
  } catch (const Kind& e) {
    EXPECT_EQ(kind_of(e), kind);
    EXPECT_EQ(e.sqlstate(), "xxxxx");
    EXPECT_EQ(e.server_message(), "the server said no");
    return;
  } catch (...) {
  }
  ADD_FAILURE() << "not thrown as its class: " << static_cast<int>(kind);
}

TEST(ErrorModel, ThrowAsThrowsTheKindsClass) {
  expect_thrown_as<LockTimeout>(DatabaseErrorKind::lock_timeout);
  expect_thrown_as<Deadlock>(DatabaseErrorKind::deadlock);
  expect_thrown_as<SerializationFailure>(DatabaseErrorKind::serialization_failure);
  expect_thrown_as<UniqueViolation>(DatabaseErrorKind::unique_violation);
  expect_thrown_as<BrokenConnection>(DatabaseErrorKind::broken_connection);
  expect_thrown_as<DatabaseError>(DatabaseErrorKind::other);
}

TEST(ErrorModel, ContextKeepsTheKindAndTheText) {
  try {
    detail::throw_with_context<MigrationError>(LockTimeout(server_error("55P03")), "0123abcd",
                                               "add note", std::optional<std::size_t>(2),
                                               "this step was rolled back",
                                               std::optional<std::size_t>(1));
  } catch (const LockTimeout& e) {
    const auto* migration = dynamic_cast<const MigrationError*>(&e);
    ASSERT_NE(migration, nullptr);
    EXPECT_EQ(migration->revision(), "0123abcd");
    EXPECT_EQ(migration->step_index(), std::optional<std::size_t>(1));
    EXPECT_EQ(e.sqlstate(), "55P03");
    EXPECT_EQ(std::string(e.what()),
              "migration 0123abcd (add note) failed in step 2 at statement 3: ERROR 55P03: the "
              "server said no\n  statement: SELECT 1\n  this step was rolled back");
  }
  // A context of a context: a batch's unique violation inside a migration.
  try {
    try {
      detail::throw_with_context<BatchUpdateError>(UniqueViolation(server_error("23505")), 3u,
                                                   3000u, "3 batches committed");
    } catch (const DatabaseError& batch) {
      detail::throw_with_context<MigrationError>(batch, "0123abcd", "backfill", std::nullopt);
    }
  } catch (const UniqueViolation& e) {
    EXPECT_NE(dynamic_cast<const MigrationError*>(&e), nullptr);
  }
  // Without a kind: the context class itself.
  try {
    detail::throw_with_context<StatementError>(server_error("42701"), 4u);
  } catch (const DatabaseError& e) {
    EXPECT_EQ(kind_of(e), DatabaseErrorKind::other);
    ASSERT_NE(dynamic_cast<const StatementError*>(&e), nullptr);
    EXPECT_EQ(dynamic_cast<const StatementError*>(&e)->index(), 4u);
  }
}

TEST(ErrorModel, ModelErrorSaysWhereLikeACompiler) {
  const ModelError e("models/ticket.hpp", 12, 5, "a key of more than 32 columns");
  EXPECT_EQ(std::string(e.what()),
            "models/ticket.hpp:12:5: error: a key of more than 32 columns");
  EXPECT_EQ(e.file(), "models/ticket.hpp");
  EXPECT_EQ(e.line(), 12u);
  EXPECT_EQ(e.column(), 5u);
  EXPECT_EQ(e.message(), "a key of more than 32 columns");
}

// Every error structmig throws, and the exit code migrate gives it.
struct Thrown {
  std::string name;
  std::function<void()> raise;
  int exit_code;
};

std::vector<Thrown> every_kind() {
  using namespace cli;
  return {
      {"UsageError", [] { throw UsageError("--lock-timeout: \"x\""); }, kUsage},
      {"ModelError", [] { throw ModelError("m.hpp", 1, 1, "bad"); }, kFailure},
      {"UnknownRevision", [] { throw UnknownRevision("no such revision"); }, kHistory},
      {"MultipleHeads", [] { throw MultipleHeads("two heads", {"a", "b"}); }, kHistory},
      {"ChecksumMismatch",
       [] { throw ChecksumMismatch({ChecksumChange{"a", "m", "1", "2"}}); },
       kHistory},
      {"UnknownAppliedRevision", [] { throw UnknownAppliedRevision({"zz"}); }, kHistory},
      {"DatabaseError", [] { throw server_error("42701"); }, kDatabase},
      {"MigrationError",
       [] { throw MigrationError(server_error("42701"), "a", "m", std::nullopt); },
       kDatabase},
      {"LockTimeout", [] { throw_as(DatabaseErrorKind::lock_timeout, server_error("55P03")); },
       kRetryLater},
      {"Deadlock", [] { throw_as(DatabaseErrorKind::deadlock, server_error("40P01")); },
       kRetryLater},
      {"SerializationFailure",
       [] { throw_as(DatabaseErrorKind::serialization_failure, server_error("40001")); },
       kRetryLater},
      {"LockTimeout in a migration",
       [] {
         detail::throw_with_context<MigrationError>(LockTimeout(server_error("55P03")), "a", "m",
                                                    std::nullopt);
       },
       kRetryLater},
      {"UniqueViolation",
       [] { throw_as(DatabaseErrorKind::unique_violation, server_error("23505")); },
       kDatabase},
      {"BrokenConnection",
       [] { throw_as(DatabaseErrorKind::broken_connection, server_error("")); },
       kConnection},
      {"BrokenConnection in a migration",
       [] {
         detail::throw_with_context<MigrationError>(BrokenConnection(server_error("08006")), "a",
                                                    "m", std::nullopt);
       },
       kConnection},
      {"MigrationLockTimeout", [] { throw MigrationLockTimeout("held by pid 7"); }, kRetryLater},
      {"NotAtHead",
       [] { throw NotAtHead("behind", NotAtHead::Reason::behind, DatabaseStatus{}); },
       kFailure},
      {"SchemaDrift", [] { throw SchemaDrift(DriftReport{{"table t is missing"}}); }, kFailure},
      {"MappingError",
       [] { throw MappingError(MappingError::Direction::read, "t", "c", "x", "not an int"); },
       kFailure},
      {"OfflineUnsupported", [] { throw OfflineUnsupported("needs the database"); }, kFailure},
      {"IrreversibleOp", [] { throw IrreversibleOp("raw SQL"); }, kFailure},
      {"InvalidOperation", [] { (void)quote_ident(std::string("a\0b", 3)); }, kFailure},
      {"InvalidOperation (no columns)",
       [] { (void)to_sql(AddConstraint{"t", UniqueConstraint{"uq_t", {}}}); },
       kFailure},
  };
}

TEST(ErrorModel, ErrorCatchesEveryKindThrown) {
  for (const Thrown& thrown : every_kind()) {
    try {
      thrown.raise();
      ADD_FAILURE() << thrown.name << " was not thrown";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()), "") << thrown.name;
    } catch (...) {
      ADD_FAILURE() << thrown.name << " is not a structmig::Error";
    }
  }
}

TEST(ErrorModel, ExitCodeFollowsTheType) {
  for (const Thrown& thrown : every_kind()) {
    try {
      thrown.raise();
    } catch (const std::exception& e) {
      EXPECT_EQ(cli::exit_code_of(e), thrown.exit_code) << thrown.name;
    }
  }
  EXPECT_EQ(cli::exit_code_of(std::runtime_error("anything else")), cli::kFailure);
}

}  // namespace
}  // namespace structmig
