// The strict field reader of the snapshot parser (see object_reader.hpp).
#include "snapshot/object_reader.hpp"

#include <system_error>

namespace structmig::snapshot {
namespace {

const llvm::json::Array& empty_array() {
  static const llvm::json::Array empty;
  return empty;
}

}  // namespace

llvm::Error file_error(llvm::StringRef path, const llvm::Twine& message) {
  return llvm::createStringError(std::errc::invalid_argument,
                                 (path + ": error: " + message).str().c_str());
}

llvm::Error ObjectReader::error(const llvm::Twine& message) const {
  return file_error(path_, where_.empty() ? message : where_ + ": " + message);
}

const llvm::json::Value* ObjectReader::optional(llvm::StringRef key) {
  seen_.insert(key.str());
  return object_.get(key);
}

llvm::Expected<const llvm::json::Value*> ObjectReader::required(llvm::StringRef key) {
  const llvm::json::Value* value = optional(key);
  if (value == nullptr) return error("missing \"" + key + "\"");
  return value;
}

llvm::Expected<std::string> ObjectReader::required_string(llvm::StringRef key) {
  auto value = required(key);
  if (!value) return value.takeError();
  return as_string(key, **value);
}

llvm::Expected<std::string> ObjectReader::required_name(llvm::StringRef key) {
  auto text = required_string(key);
  if (text && text->empty()) return error("\"" + key + "\" must not be empty");
  return text;
}

llvm::Expected<std::string> ObjectReader::as_string(llvm::StringRef key,
                                                    const llvm::json::Value& value) {
  if (auto text = value.getAsString()) return text->str();
  return error("\"" + key + "\" must be a string");
}

llvm::Expected<bool> ObjectReader::as_bool(llvm::StringRef key, const llvm::json::Value& value) {
  if (auto flag = value.getAsBoolean()) return *flag;
  return error("\"" + key + "\" must be true or false");
}

llvm::Expected<const llvm::json::Array*> ObjectReader::required_array(llvm::StringRef key) {
  auto value = required(key);
  if (!value) return value.takeError();
  if (const llvm::json::Array* array = (*value)->getAsArray()) return array;
  return error("\"" + key + "\" must be an array");
}

llvm::Expected<const llvm::json::Array*> ObjectReader::optional_array(llvm::StringRef key) {
  const llvm::json::Value* value = optional(key);
  if (value == nullptr) return &empty_array();
  if (const llvm::json::Array* array = value->getAsArray()) return array;
  return error("\"" + key + "\" must be an array");
}

llvm::Expected<std::vector<std::string>> ObjectReader::required_names(llvm::StringRef key,
                                                                      llvm::StringRef what) {
  auto array = required_array(key);
  if (!array) return array.takeError();
  std::vector<std::string> names;
  for (const llvm::json::Value& item : **array) {
    auto name = item.getAsString();
    if (!name) return error("\"" + key + "\" must be an array of " + what);
    names.push_back(name->str());
  }
  return names;
}

llvm::Error ObjectReader::reject_unknown_keys() const {
  std::set<std::string> unknown;
  for (const auto& entry : object_) {
    std::string key = entry.first.str();
    if (!seen_.count(key)) unknown.insert(std::move(key));
  }
  if (unknown.empty()) return llvm::Error::success();
  return error("unknown key \"" + *unknown.begin() + "\"");
}

}  // namespace structmig::snapshot
