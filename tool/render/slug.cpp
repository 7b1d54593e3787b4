// Slugs of migration files (see slug.hpp).
#include "render/slug.hpp"

#include <algorithm>
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

// The verb of each kind of operation; a constraint's is its kind's recorder
// call (constraint.hpp), the name its migration file shows.
std::string verb(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, AddConstraint>) {
          return std::string(kind_of(o.constraint).add_call);
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return std::string(kind_of(o.constraint).drop_call);
        } else if constexpr (std::is_same_v<T, CreateTable>) {
          return "create";
        } else if constexpr (std::is_same_v<T, DropTable> || std::is_same_v<T, DropColumn>) {
          return "drop";
        } else if constexpr (std::is_same_v<T, RenameTable> || std::is_same_v<T, RenameColumn>) {
          return "rename";
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return "add";
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return "alter";
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return "primary_key";
        } else if constexpr (std::is_same_v<T, SetTableComment>) {
          return "comment";
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return "create_index";
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return "drop_index";
        } else if constexpr (std::is_same_v<T, RenameConstraint>) {
          return "rename_constraint";
        } else if constexpr (std::is_same_v<T, RenameIndex>) {
          return "rename_index";
        } else if constexpr (std::is_same_v<T, ValidateConstraint>) {
          return "validate";
        } else if constexpr (std::is_same_v<T, CreateEnum>) {
          return "create_enum";
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return "drop_enum";
        } else if constexpr (std::is_same_v<T, RenameEnum>) {
          return "rename_enum";
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          return "add_enum_label";
        } else if constexpr (std::is_same_v<T, RenameEnumLabel>) {
          return "rename_enum_label";
        } else if constexpr (std::is_same_v<T, RecreateEnum>) {
          return "recreate_enum";
        } else if constexpr (std::is_same_v<T, Backfill>) {
          return "backfill";
        } else if constexpr (std::is_same_v<T, CommitStep>) {
          return "commit";
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          return "execute_sql";
        }
      },
      op);
}

// Operations of one kind: the same alternative, and for a constraint the
// same kind of constraint (an added foreign key and an added check differ).
bool same_kind(const Op& a, const Op& b) { return a.index() == b.index() && verb(a) == verb(b); }

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
        } else if constexpr (std::is_same_v<T, AddConstraint> ||
                             std::is_same_v<T, DropConstraint>) {
          return {name_of(o.constraint), ""};
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

  const bool all_one_kind =
      std::all_of(ops.begin(), ops.end(), [&](const Op& op) { return same_kind(op, ops.front()); });
  if (!all_one_kind) {
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
