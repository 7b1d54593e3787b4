// Passwords out of messages: what libpq says about a malformed URL echoes the
// URL, a conninfo string may be quoted back, and a log line may name the
// database it works on. Every message the runtime throws or prints passes
// through redact_secrets first.
#pragma once

#include <string>
#include <string_view>

namespace structmig {

/// `text` with every password replaced by "***": the password of a
/// postgresql:// or postgres:// URI (user:password@…, malformed URIs too,
/// such as libpq echoes in its errors) and the value of a `password` key
/// (conninfo `password=…`, quoted values too, and `?password=…` / `&password=…`
/// URI parameters). Everything else is left as it is.
std::string redact_secrets(std::string_view text);

/// The same, and every further occurrence of a password that `conninfo` (the
/// URI or conninfo string the message may quote in pieces) contains, as
/// written and percent-decoded. Passwords shorter than four characters are
/// masked only where they stand in a URI or key/value, not wherever their
/// characters happen to appear.
std::string redact_secrets(std::string_view text, std::string_view conninfo);

}  // namespace structmig
