// The start-up API with the program's schema: verify mode passes at head
// when the database matches and throws SchemaDrift listing the differences
// when it does not (NotAtHead still wins when the database is behind); apply
// mode checks after migrating only when asked to.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "drift_model.hpp"
#include "structmig/drift.hpp"
#include "structmig/startup.hpp"

namespace structmig::drift_test {
namespace {

using Lines = std::vector<std::string>;
using StartupDrift = DatabaseTest;

StartupOptions with_schema(StartupMode mode, const Schema& schema) {
  StartupOptions options;
  options.mode = mode;
  options.schema = &schema;
  options.check_schema_after_apply = true;
  return options;
}

TEST_F(StartupDrift, ApplyThenVerifyMatches) {
  const Schema schema = model();
  const StartupReport applied =
      ensure_at_head(url, migrations(), with_schema(StartupMode::apply, schema));
  EXPECT_EQ(applied.applied.size(), 1u);
  const StartupReport verified =
      ensure_at_head(url, migrations(), with_schema(StartupMode::verify, schema));
  EXPECT_TRUE(verified.already_at_head);
}

TEST_F(StartupDrift, VerifyThrowsSchemaDriftWithTheDifferences) {
  const Schema schema = model();
  upgrade_to_head(url, migrations());
  db.exec("DROP INDEX ix_users_profile; ALTER TABLE users ADD COLUMN nickname text");
  try {
    ensure_at_head(url, migrations(), with_schema(StartupMode::verify, schema));
    FAIL() << "verify accepted a drifted database";
  } catch (const SchemaDrift& e) {
    const Lines expected{"users: extra column nickname (text)",
                         "users: missing index ix_users_profile: USING gin (profile)"};
    EXPECT_EQ(e.report().differences, expected);
    EXPECT_EQ(std::string(e.what()),
              "the database schema does not match this program's models (2 difference(s)):\n"
              "  users: extra column nickname (text)\n"
              "  users: missing index ix_users_profile: USING gin (profile)");
  }
  // Without the schema, verify only looks at the revision.
  StartupOptions plain;
  plain.mode = StartupMode::verify;
  EXPECT_NO_THROW(ensure_at_head(url, migrations(), plain));
}

TEST_F(StartupDrift, NotAtHeadWinsOverDrift) {
  const Schema schema = model();
  EXPECT_THROW(ensure_at_head(url, migrations(), with_schema(StartupMode::verify, schema)),
               NotAtHead);
}

TEST_F(StartupDrift, ApplyChecksOnlyWhenAsked) {
  const Schema schema = model();
  upgrade_to_head(url, migrations());
  db.exec("ALTER TABLE documents ALTER COLUMN status SET DEFAULT 'published'");
  StartupOptions unchecked = with_schema(StartupMode::apply, schema);
  unchecked.check_schema_after_apply = false;
  EXPECT_NO_THROW(ensure_at_head(url, migrations(), unchecked));
  EXPECT_THROW(ensure_at_head(url, migrations(), with_schema(StartupMode::apply, schema)),
               SchemaDrift);
}

TEST_F(StartupDrift, ApplyChecksAfterMigrating) {
  // The model the program claims differs from what its migrations create:
  // the migrations are applied, then the service refuses to start.
  Schema schema = model();
  schema.enums[0].labels.push_back("archived");
  try {
    ensure_at_head(url, migrations(), with_schema(StartupMode::apply, schema));
    FAIL() << "apply accepted a database that does not match the schema";
  } catch (const SchemaDrift& e) {
    EXPECT_EQ(e.report().differences,
              (Lines{"enum document_status: labels (draft, in review, published, archived) in "
                     "the model, (draft, in review, published) in the database"}));
  }
  StartupOptions plain;
  plain.mode = StartupMode::verify;
  EXPECT_NO_THROW(ensure_at_head(url, migrations(), plain));  // the migration stayed applied
}

}  // namespace
}  // namespace structmig::drift_test
