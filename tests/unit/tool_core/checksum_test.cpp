// Checksums of migration sources: SHA-256 hex, and stable across line-ending
// conventions (a CRLF checkout is not an edit) but not across real edits.
#include "history/checksum.hpp"

#include <gtest/gtest.h>

namespace structmig::history {
namespace {

TEST(SourceChecksum, IsLowercaseSha256Hex) {
  // printf 'abc' | sha256sum
  EXPECT_EQ(source_checksum("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(source_checksum(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(SourceChecksum, CrlfIsReadAsLf) {
  const std::string lf = "void upgrade() {\n  op.execute(\"x\");\n}\n";
  const std::string crlf = "void upgrade() {\r\n  op.execute(\"x\");\r\n}\r\n";
  EXPECT_EQ(source_checksum(crlf), source_checksum(lf));
  // printf 'a\nb\n' | sha256sum
  EXPECT_EQ(source_checksum("a\r\nb\r\n"),
            "911169ddaaf146aff539f58c26c489af3b892dff0fe283c1c264c65ae5aa59a2");
}

TEST(SourceChecksum, AnyOtherChangeCounts) {
  const std::string lf = "a\nb\n";
  EXPECT_NE(source_checksum("a\rb\n"), source_checksum(lf));  // a lone CR is content
  EXPECT_NE(source_checksum("a\nb\n\n"), source_checksum(lf));
  EXPECT_NE(source_checksum("a\nB\n"), source_checksum(lf));
}

}  // namespace
}  // namespace structmig::history
