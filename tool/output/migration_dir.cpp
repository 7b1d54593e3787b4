// Listing, numbering and atomic writes in the migrations directory; writes
// only when the content changed.
#include "output/migration_dir.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <system_error>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace structmig::output {
namespace {

// The digits of a migration file name ("0012" of "0012_add_x.cpp"), or
// nothing when the name is not a migration's.
std::optional<llvm::StringRef> migration_digits(llvm::StringRef file_name) {
  if (!file_name.endswith(".cpp")) return std::nullopt;
  const size_t digits = file_name.find_first_not_of("0123456789");
  if (digits < 4 || digits == llvm::StringRef::npos || file_name[digits] != '_') {
    return std::nullopt;
  }
  return file_name.take_front(digits);
}

// Compares digit strings by value without converting, so a long number cannot
// overflow: leading zeros off, then the shorter is smaller.
bool number_less(llvm::StringRef a, llvm::StringRef b) {
  a = a.ltrim('0');
  b = b.ltrim('0');
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

}  // namespace

std::vector<std::string> list_migration_files(llvm::StringRef dir) {
  llvm::SmallString<256> absolute(dir);
  if (llvm::sys::fs::make_absolute(absolute)) return {};
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);

  std::vector<std::string> files;
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(absolute, ec), end; it != end && !ec;
       it.increment(ec)) {
    const llvm::StringRef name = llvm::sys::path::filename(it->path());
    if (!migration_digits(name)) continue;
    // status() follows symlinks: a linked migration file counts.
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(it->path(), status) ||
        status.type() != llvm::sys::fs::file_type::regular_file) {
      continue;
    }
    files.push_back(it->path());
  }
  std::sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    const llvm::StringRef name_a = llvm::sys::path::filename(a);
    const llvm::StringRef name_b = llvm::sys::path::filename(b);
    const llvm::StringRef number_a = *migration_digits(name_a);
    const llvm::StringRef number_b = *migration_digits(name_b);
    if (number_less(number_a, number_b)) return true;
    if (number_less(number_b, number_a)) return false;
    return name_a < name_b;
  });
  return files;
}

unsigned next_migration_number(const std::vector<std::string>& files) {
  unsigned highest = 0;
  for (const std::string& file : files) {
    const auto digits = migration_digits(llvm::sys::path::filename(file));
    if (!digits) continue;
    unsigned long long number = 0;
    // Saturate rather than wrap: an absurd number must not restart at 1.
    if (digits->getAsInteger(10, number) || number >= std::numeric_limits<unsigned>::max()) {
      number = std::numeric_limits<unsigned>::max() - 1;
    }
    highest = std::max(highest, static_cast<unsigned>(number));
  }
  return highest + 1;
}

llvm::Error write_file_atomically(llvm::StringRef path, llvm::StringRef text) {
  const auto failure = [&](const llvm::Twine& what, std::error_code ec) {
    return llvm::createStringError(ec,
                                   (path + ": error: " + what + ": " + ec.message()).str().c_str());
  };

  // Same directory as the target, so the rename stays on one file system and
  // is atomic; a leading dot keeps the temporary out of globs and listings.
  llvm::SmallString<256> model(llvm::sys::path::parent_path(path));
  llvm::sys::path::append(model, "." + llvm::sys::path::filename(path) + ".tmp-%%%%%%%%");
  int fd = -1;
  llvm::SmallString<256> temp_path;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(model, fd, temp_path)) {
    return failure("cannot create a temporary file", ec);
  }

  std::error_code write_error;
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << text;
    out.close();
    if (out.has_error()) {
      write_error = out.error();
      out.clear_error();
    }
  }
  if (write_error) {
    llvm::sys::fs::remove(temp_path);
    return failure("cannot write", write_error);
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp_path, path)) {
    llvm::sys::fs::remove(temp_path);
    return failure("cannot replace", ec);
  }
  return llvm::Error::success();
}

llvm::Expected<bool> write_file_if_changed(llvm::StringRef path, llvm::StringRef text) {
  // A file that cannot be read (missing, a directory, unreadable) is simply
  // written; the write reports what is wrong with the path.
  auto existing = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
  if (existing && (*existing)->getBuffer() == text) return false;
  if (llvm::Error err = write_file_atomically(path, text)) return std::move(err);
  return true;
}

}  // namespace structmig::output
