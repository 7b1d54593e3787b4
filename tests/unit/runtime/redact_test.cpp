// redact_secrets: the password of postgresql:// URIs (well-formed, malformed,
// with '@', '/', '?' or ':' inside, percent-encoded, in quotes or prose) and of
// `password` key/values (conninfo, quoted, escaped, URI query, PGPASSWORD),
// and nothing else; the two-argument form also masks a given conninfo's
// passwords wherever they appear.
#include "structmig/redact.hpp"

#include <gtest/gtest.h>

#include <string>

namespace structmig {
namespace {

TEST(RedactSecrets, MasksThePasswordOfUris) {
  EXPECT_EQ(redact_secrets("postgresql://user:Secret@host/db"), "postgresql://user:***@host/db");
  EXPECT_EQ(redact_secrets("postgres://user:Secret@host:5432/db?sslmode=require"),
            "postgres://user:***@host:5432/db?sslmode=require");
  EXPECT_EQ(redact_secrets("POSTGRESQL://user:Secret@host"), "POSTGRESQL://user:***@host");
  EXPECT_EQ(redact_secrets("postgresql://:Secret@host"), "postgresql://:***@host");
  EXPECT_EQ(redact_secrets("postgresql://user:p%40ss%2Fw@host"), "postgresql://user:***@host");
  EXPECT_EQ(redact_secrets("postgresql://user:Secret@[::1]:5432,other:5433/db"),
            "postgresql://user:***@[::1]:5432,other:5433/db");
}

TEST(RedactSecrets, MasksMalformedUrisAsLibpqEchoesThem) {
  EXPECT_EQ(redact_secrets("invalid IPv6 host address in URI: \"postgresql://user:Secret@[::1\""),
            "invalid IPv6 host address in URI: \"postgresql://user:***@[::1\"");
  EXPECT_EQ(redact_secrets("postgresql://user:Secret@"), "postgresql://user:***@");
  // Unescaped '@', '/' and '?' in the password: masked up to the last '@'.
  EXPECT_EQ(redact_secrets("postgresql://user:p@ss@host/db"), "postgresql://user:***@host/db");
  EXPECT_EQ(redact_secrets("postgresql://user:pa/ss@host/db"), "postgresql://user:***@host/db");
  EXPECT_EQ(redact_secrets("postgresql://user:pa?ss@host/db?x=1"),
            "postgresql://user:***@host/db?x=1");
  EXPECT_EQ(redact_secrets("postgresql://user:pa:ss@host"), "postgresql://user:***@host");
}

TEST(RedactSecrets, FindsUrisInProseAndSeveralOfThem) {
  EXPECT_EQ(redact_secrets("from 'postgresql://a:One1@h1/x' to postgres://b:Two2@h2 now"),
            "from 'postgresql://a:***@h1/x' to postgres://b:***@h2 now");
  EXPECT_EQ(redact_secrets("url=jdbc:postgresql://a:One1@h1/x;"),
            "url=jdbc:postgresql://a:***@h1/x;");
  EXPECT_EQ(redact_secrets("line one\npostgresql://u:pw12@h\n"),
            "line one\npostgresql://u:***@h\n");
}

TEST(RedactSecrets, LeavesUrisWithoutAPasswordAlone) {
  for (const char* text :
       {"postgresql://user@host/db", "postgresql://host:5432/db", "postgresql:///db?host=/tmp",
        "postgresql://host/db?application_name=a@b", "postgresql://user:@host", "postgresql://",
        "http://user:pw@example.com", "no url here: user:pw@host"}) {
    EXPECT_EQ(redact_secrets(text), text);
  }
}

TEST(RedactSecrets, MasksPasswordKeyValues) {
  EXPECT_EQ(redact_secrets("host=h password=Secret dbname=d"), "host=h password=*** dbname=d");
  EXPECT_EQ(redact_secrets("password = Secret"), "password = ***");
  EXPECT_EQ(redact_secrets("PASSWORD=Secret"), "PASSWORD=***");
  EXPECT_EQ(redact_secrets("host=h password='Sec ret' dbname=d"), "host=h password='***' dbname=d");
  EXPECT_EQ(redact_secrets(R"(password='it\'s \\ x' port=1)"), "password='***' port=1");
  EXPECT_EQ(redact_secrets("password='unterminated"), "password='***");
  EXPECT_EQ(redact_secrets("password=a&b dbname=d"), "password=*** dbname=d");
  EXPECT_EQ(redact_secrets("PGPASSWORD=Secret psql"), "PGPASSWORD=*** psql");
  EXPECT_EQ(redact_secrets("postgresql://h/db?sslmode=disable&password=Secret&user=u"),
            "postgresql://h/db?sslmode=disable&password=***&user=u");
  EXPECT_EQ(redact_secrets("in \"postgresql:///db?password=Secret\""),
            "in \"postgresql:///db?password=***\"");
}

TEST(RedactSecrets, LeavesOtherKeysAndWordsAlone) {
  for (const char* text :
       {"host=h user=u passfile=/p dbname=d", "password authentication failed for user \"u\"",
        "no password supplied", "oldpassword=x", "password_encryption=scram", "password="}) {
    EXPECT_EQ(redact_secrets(text), text);
  }
}

TEST(RedactSecrets, MasksAGivenConninfosPasswordWhereverItAppears) {
  const std::string url = "postgresql://user:p@ss@host/db";
  // libpq reads "user:p" as the user information and echoes the rest as a host.
  EXPECT_EQ(redact_secrets("could not translate host name \"ss@host\": p@ss failed", url),
            "could not translate host name \"ss@host\": *** failed");
  EXPECT_EQ(redact_secrets("host \"ng-Secret@h\"", "postgresql://u:Wr@ng-Secret@h/db"),
            "host \"***@h\"");
  EXPECT_EQ(redact_secrets("decoded: S3cr/t!", "postgresql://u:S3cr%2Ft%21@h"), "decoded: ***");
  EXPECT_EQ(redact_secrets("quoted: it's one", R"(password='it\'s one' host=h)"), "quoted: ***");
  EXPECT_EQ(redact_secrets("plain Secret here", "host=h password=Secret"), "plain *** here");
  // Short passwords are masked in place only, not in every word.
  EXPECT_EQ(redact_secrets("a pw here, password=pw", "password=pw"), "a pw here, password=***");
  EXPECT_EQ(redact_secrets("nothing to hide", "host=h dbname=d"), "nothing to hide");
}

}  // namespace
}  // namespace structmig
