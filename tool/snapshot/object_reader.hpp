// Strict reading of the snapshot's JSON objects: every field is asked for by
// name and type, and whatever was not asked for is an unknown key. Errors name
// the file and where in the schema they are ("table 'tickets': column 'id'").
// Internal to the snapshot library.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

namespace structmig::snapshot {

/// "<path>: error: <message>".
llvm::Error file_error(llvm::StringRef path, const llvm::Twine& message);

// Reads one object's fields by name and remembers which were read, so that
// whatever is left over can be reported as an unknown key.
class ObjectReader {
 public:
  ObjectReader(const llvm::json::Object& object, llvm::StringRef path, std::string where)
      : object_(object), path_(path), where_(std::move(where)) {}

  const std::string& where() const { return where_; }
  llvm::StringRef path() const { return path_; }

  /// "<path>: error: <where>: <message>".
  llvm::Error error(const llvm::Twine& message) const;

  /// nullptr when absent.
  const llvm::json::Value* optional(llvm::StringRef key);
  llvm::Expected<const llvm::json::Value*> required(llvm::StringRef key);

  llvm::Expected<std::string> required_string(llvm::StringRef key);
  /// A required string that must not be empty.
  llvm::Expected<std::string> required_name(llvm::StringRef key);
  llvm::Expected<std::string> as_string(llvm::StringRef key, const llvm::json::Value& value);
  llvm::Expected<bool> as_bool(llvm::StringRef key, const llvm::json::Value& value);

  llvm::Expected<const llvm::json::Array*> required_array(llvm::StringRef key);
  /// An array that may be left out; an empty one when it is.
  llvm::Expected<const llvm::json::Array*> optional_array(llvm::StringRef key);
  /// A required array of strings ("columns", "labels", ...); `what` names them
  /// in the error ("must be an array of column names").
  llvm::Expected<std::vector<std::string>> required_names(llvm::StringRef key,
                                                          llvm::StringRef what);

  // Keys are reported in sorted order so the first message is deterministic
  // (json::Object is a hash map).
  llvm::Error reject_unknown_keys() const;

 private:
  const llvm::json::Object& object_;
  llvm::StringRef path_;
  std::string where_;
  std::set<std::string> seen_;
};

}  // namespace structmig::snapshot
