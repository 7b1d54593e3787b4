// Slugs of migration files (see slug.hpp).
#include "render/slug.hpp"

#include <type_traits>
#include <utility>

namespace structmig::render {
namespace {

constexpr size_t kMaxSlugLength = 48;

bool is_slug_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Lowercase ASCII words joined by single '_', with no length limit.
std::string slug_words(std::string_view text) {
  std::string out;
  bool separator = false;
  for (char c : text) {
    c = ascii_lower(c);
    if (!is_slug_char(c)) {
      separator = true;
      continue;
    }
    if (separator && !out.empty()) out += '_';
    separator = false;
    out += c;
  }
  return out;
}

std::string clean_slug(std::string_view text) {
  std::string slug = slug_words(text);
  if (slug.size() > kMaxSlugLength) {
    const size_t cut = slug.rfind('_', kMaxSlugLength);
    slug.resize(cut == std::string::npos || cut == 0 ? kMaxSlugLength : cut);
  }
  return slug.empty() ? "migration" : slug;
}

std::string verb(const Op& op) {
  // In the order of the Op alternatives.
  static constexpr const char* kVerbs[] = {
      "create",             // CreateTable
      "drop",               // DropTable
      "rename",             // RenameTable
      "add",                // AddColumn
      "drop",               // DropColumn
      "rename",             // RenameColumn
      "alter",              // AlterColumn
      "primary_key",        // SetPrimaryKey
      "comment",            // SetTableComment
      "add_foreign_key",    // AddForeignKey
      "drop_foreign_key",   // DropForeignKey
      "add_unique",         // AddUnique
      "drop_unique",        // DropUnique
      "add_check",          // AddCheck
      "drop_check",         // DropCheck
      "create_index",       // CreateIndex
      "drop_index",         // DropIndex
      "rename_constraint",  // RenameConstraint
      "rename_index",       // RenameIndex
      "validate",           // ValidateConstraint
      "create_enum",        // CreateEnum
      "drop_enum",          // DropEnum
      "rename_enum",        // RenameEnum
      "add_enum_label",     // AddEnumLabel
      "rename_enum_label",  // RenameEnumLabel
      "recreate_enum",      // RecreateEnum
      "backfill",           // Backfill
      "commit",             // CommitStep
      "execute_sql",        // ExecuteSql
  };
  static_assert(std::size(kVerbs) == std::variant_size_v<Op>);
  return kVerbs[op.index()];
}

// What an operation touches: the table (or enum) it is on and, for operations
// on one of its parts, the part. Consecutive operations on parts of the same
// owner name the owner once.
std::pair<std::string, std::string> subject(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::pair<std::string, std::string> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>) {
          return {o.table.name, ""};
        } else if constexpr (std::is_same_v<T, RenameTable> || std::is_same_v<T, RenameEnum>) {
          return {o.from + "_" + o.to, ""};
        } else if constexpr (std::is_same_v<T, AddColumn> || std::is_same_v<T, DropColumn>) {
          return {o.table, o.column.name};
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return {o.table, o.to.name};
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          return {o.table, o.from + "_" + o.to};
        } else if constexpr (std::is_same_v<T, SetPrimaryKey> ||
                             std::is_same_v<T, SetTableComment>) {
          return {o.table, ""};
        } else if constexpr (std::is_same_v<T, AddForeignKey> ||
                             std::is_same_v<T, DropForeignKey>) {
          return {o.foreign_key.name, ""};
        } else if constexpr (std::is_same_v<T, AddUnique> || std::is_same_v<T, DropUnique>) {
          return {o.unique.name, ""};
        } else if constexpr (std::is_same_v<T, AddCheck> || std::is_same_v<T, DropCheck>) {
          return {o.check.name, ""};
        } else if constexpr (std::is_same_v<T, CreateIndex> || std::is_same_v<T, DropIndex>) {
          return {o.index.name, ""};
        } else if constexpr (std::is_same_v<T, RenameConstraint> ||
                             std::is_same_v<T, RenameIndex>) {
          return {o.to, ""};
        } else if constexpr (std::is_same_v<T, ValidateConstraint>) {
          return {o.name, ""};
        } else if constexpr (std::is_same_v<T, Backfill>) {
          return {o.table, o.column};
        } else if constexpr (std::is_same_v<T, CreateEnum> || std::is_same_v<T, DropEnum>) {
          return {o.type.name, ""};
        } else if constexpr (std::is_same_v<T, RecreateEnum>) {
          return {o.to.name, ""};
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          return {o.type, o.label};
        } else if constexpr (std::is_same_v<T, RenameEnumLabel>) {
          return {o.type, o.from + "_" + o.to};
        } else {
          static_assert(std::is_same_v<T, ExecuteSql> || std::is_same_v<T, CommitStep>);
          return {"", ""};
        }
      },
      op);
}

std::string and_more(size_t count) {
  return count == 0 ? "" : "_and_" + std::to_string(count) + "_more";
}

std::string slug_from_ops(const std::vector<Op>& ops) {
  if (ops.empty()) return "migration";
  const auto [first_owner, first_part] = subject(ops.front());
  const std::string first_phrase =
      slug_words(verb(ops.front()) + "_" + first_owner + "_" + first_part);

  bool same_kind = true;
  for (const Op& op : ops) same_kind = same_kind && op.index() == ops.front().index();
  if (!same_kind) {
    // The count must survive the length limit: the phrase is cut instead.
    const std::string more = and_more(ops.size() - 1);
    std::string phrase = first_phrase;
    if (phrase.size() + more.size() > kMaxSlugLength) {
      const size_t room = kMaxSlugLength - more.size();
      const size_t cut = phrase.rfind('_', room);
      phrase.resize(cut == std::string::npos || cut == 0 ? room : cut);
    }
    return clean_slug(phrase + more);
  }

  // What each operation adds after the verb. Consecutive parts of one owner
  // name the owner once; a part equal to the one before (raw SQL has none, a
  // table's key set twice) is not repeated.
  std::vector<std::string> parts;
  std::string previous_owner;
  std::string previous_part;
  for (size_t i = 0; i < ops.size(); ++i) {
    auto [owner, part] = subject(ops[i]);
    const bool same_owner = i > 0 && owner == previous_owner && !part.empty();
    std::string words = slug_words((same_owner ? "" : owner) + "_" + part);
    parts.push_back(i > 0 && words == previous_part ? "" : words);
    previous_owner = std::move(owner);
    previous_part = std::move(words);
  }
  std::string slug = slug_words(verb(ops.front()));
  size_t included = 0;
  for (; included < ops.size(); ++included) {
    const std::string candidate = parts[included].empty() ? slug : slug + "_" + parts[included];
    const size_t rest = ops.size() - included - 1;
    if (included > 0 && (candidate + and_more(rest)).size() > kMaxSlugLength) break;
    slug = candidate;
  }
  return clean_slug(slug + and_more(ops.size() - included));
}

}  // namespace

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::string slug_for(const diff::Plan& plan, std::string_view message) {
  message = trim(message);
  return message.empty() ? slug_from_ops(plan.upgrade) : clean_slug(message);
}

}  // namespace structmig::render
