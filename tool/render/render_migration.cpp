// Renders plans into migration files (see render_migration.hpp): each Op as a
// call on structmig::Ops, the slug, the revision id and the file around them.
#include "render/render_migration.hpp"

#include <cstdint>
#include <cstdio>
#include <type_traits>

#include "render/cpp_literal.hpp"

namespace structmig::render {
namespace {

constexpr size_t kColumnLimit = 100;  // the repository's .clang-format
constexpr size_t kBodyIndent = 2;
constexpr size_t kMaxSlugLength = 48;

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i != 0) out += separator;
    out += items[i];
  }
  return out;
}

// {.name = "id", .type = "bigint"}: designated initializers in field order,
// fields at their default value left out.
std::string column_initializer(const Column& column) {
  std::vector<std::string> fields;
  fields.push_back(".name = " + cpp_string_literal(column.name));
  fields.push_back(".type = " + cpp_string_literal(column.type));
  if (column.nullable) fields.push_back(".nullable = true");
  if (column.default_sql)
    fields.push_back(".default_sql = " + cpp_string_literal(*column.default_sql));
  if (column.unique) fields.push_back(".unique = true");
  return "{" + join(fields, ", ") + "}";
}

std::string string_list(const std::vector<std::string>& items) {
  std::vector<std::string> literals;
  for (const std::string& item : items) literals.push_back(cpp_string_literal(item));
  return "{" + join(literals, ", ") + "}";
}

// op.<function>(a, b, c); on one line. The documented file format keeps calls
// on one line whatever their length; alter_column alone, with two whole
// columns and a cast, is broken when too long: one argument per line, aligned
// after the parenthesis as clang-format would.
std::string call(std::string_view function, const std::vector<std::string>& arguments,
                 bool break_when_long = false) {
  const std::string head = "op." + std::string(function) + "(";
  std::string one_line = head + join(arguments, ", ") + ");";
  if (!break_when_long || kBodyIndent + one_line.size() <= kColumnLimit) return one_line;
  const std::string indent(kBodyIndent + head.size(), ' ');
  return head + join(arguments, ",\n" + indent) + ");";
}

std::string render_create_table(const Table& table) {
  const std::string field_indent(kBodyIndent + 4, ' ');
  const std::string column_indent(kBodyIndent + 8, ' ');
  std::string out = "op.create_table({\n";
  out += field_indent + ".name = " + cpp_string_literal(table.name) + ",\n";
  if (!table.columns.empty()) {
    out += field_indent + ".columns = {\n";
    for (const Column& column : table.columns) {
      out += column_indent + column_initializer(column) + ",\n";
    }
    out += field_indent + "},\n";
  }
  if (!table.primary_key.empty()) {
    out += field_indent + ".primary_key = " + string_list(table.primary_key) + ",\n";
  }
  out += std::string(kBodyIndent, ' ') + "});";
  return out;
}

// Multi-line SQL becomes adjacent literals, one source line per SQL line, so
// a hand-written statement stays readable in the file.
std::string render_execute(const std::string& sql) {
  std::vector<std::string> pieces;
  size_t start = 0;
  while (start < sql.size()) {
    size_t end = sql.find('\n', start);
    end = end == std::string::npos ? sql.size() : end + 1;
    pieces.push_back(cpp_string_literal(std::string_view(sql).substr(start, end - start)));
    start = end;
  }
  if (pieces.size() <= 1) return call("execute", {cpp_string_literal(sql)});
  const std::string indent(kBodyIndent + 4, ' ');
  return "op.execute(\n" + indent + join(pieces, "\n" + indent) + ");";
}

uint64_t fnv1a64(std::string_view data) {
  uint64_t hash = 14695981039346656037ull;
  for (char c : data) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

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

std::string_view trim(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::string verb(const Op& op) {
  static constexpr const char* kVerbs[] = {"create", "drop",        "add",        "drop",
                                           "alter",  "primary_key", "execute_sql"};
  static_assert(std::size(kVerbs) == std::variant_size_v<Op>);
  return kVerbs[op.index()];
}

// The table an operation touches and, for column operations, the column.
std::pair<std::string, std::string> subject(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::pair<std::string, std::string> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable> || std::is_same_v<T, DropTable>) {
          return {o.table.name, ""};
        } else if constexpr (std::is_same_v<T, AddColumn> || std::is_same_v<T, DropColumn>) {
          return {o.table, o.column.name};
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return {o.table, o.to.name};
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return {o.table, ""};
        } else {
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
  const auto [first_table, first_column] = subject(ops.front());
  const std::string first_phrase =
      slug_words(verb(ops.front()) + "_" + first_table + "_" + first_column);

  bool same_kind = true;
  for (const Op& op : ops) same_kind = same_kind && op.index() == ops.front().index();
  if (!same_kind) return clean_slug(first_phrase + and_more(ops.size() - 1));

  // What each operation adds after the verb. Consecutive columns of one table
  // name the table once; a part equal to the one before (raw SQL has none, a
  // table's key set twice) is not repeated.
  std::vector<std::string> parts;
  std::string previous_table;
  std::string previous_part;
  for (size_t i = 0; i < ops.size(); ++i) {
    auto [table, column] = subject(ops[i]);
    const bool same_table = i > 0 && table == previous_table && !column.empty();
    std::string part = slug_words((same_table ? "" : table) + "_" + column);
    parts.push_back(i > 0 && part == previous_part ? "" : part);
    previous_table = std::move(table);
    previous_part = std::move(part);
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

// The first comment line shows the message; it must stay one line and must not
// end in a backslash (which would splice the next line into the comment).
std::string comment_text(std::string_view message) {
  std::string out;
  for (char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    out += byte < 0x20 || byte == 0x7f ? ' ' : c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\\')) out.pop_back();
  return out;
}

}  // namespace

std::string render_op(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        const auto table_literal = [&](const std::string& name) {
          return cpp_string_literal(name);
        };
        if constexpr (std::is_same_v<T, CreateTable>) {
          return render_create_table(o.table);
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return call("drop_table", {table_literal(o.table.name)});
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return call("add_column", {table_literal(o.table), column_initializer(o.column)});
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return call("drop_column", {table_literal(o.table), cpp_string_literal(o.column.name)});
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          std::vector<std::string> arguments = {table_literal(o.table), column_initializer(o.from),
                                                column_initializer(o.to)};
          if (o.using_sql) arguments.push_back(cpp_string_literal(*o.using_sql));
          return call("alter_column", arguments, /*break_when_long=*/true);
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return call("set_primary_key",
                      {table_literal(o.table), string_list(o.from), string_list(o.to)});
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          return render_execute(o.sql);
        }
      },
      op);
}

std::string render_body(const std::vector<Op>& ops) {
  std::string out;
  for (const Op& op : ops) out += std::string(kBodyIndent, ' ') + render_op(op) + "\n";
  return out;
}

std::string slug_for(const diff::Plan& plan, std::string_view message) {
  message = trim(message);
  return message.empty() ? slug_from_ops(plan.upgrade) : clean_slug(message);
}

std::string revision_id(std::string_view parent, const diff::Plan& plan) {
  const std::string input =
      std::string(parent) + "\n" + render_body(plan.upgrade) + "\n" + render_body(plan.downgrade);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fnv1a64(input)));
  return std::string(hex, 12);
}

MigrationFile render_migration(const diff::Plan& plan, std::string_view parent,
                               std::string_view message, unsigned number) {
  const std::string slug = slug_for(plan, message);
  std::string text_message(trim(message));
  if (text_message.empty()) {
    text_message = slug;
    for (char& c : text_message) c = c == '_' ? ' ' : c;
  }
  char number_text[16];
  std::snprintf(number_text, sizeof number_text, "%04u", number);

  MigrationFile file;
  file.revision = revision_id(parent, plan);
  file.file_name = std::string(number_text) + "_" + slug + ".cpp";
  const std::string ns = "structmig_m_" + file.revision;

  // An empty body does not use its parameter; [[maybe_unused]] keeps -Wextra
  // quiet and still lets a user add calls without touching the signature.
  const auto function = [&](std::string_view name, const std::vector<Op>& ops) {
    const std::string parameter =
        ops.empty() ? "[[maybe_unused]] structmig::Ops& op" : "structmig::Ops& op";
    return "void " + std::string(name) + "(" + parameter + ") {\n" + render_body(ops) + "}\n";
  };

  std::string& t = file.text;
  t += "// Migration " + std::string(number_text) + ": " + comment_text(text_message) + "\n";
  t += "//\n";
  t += "// Generated by structmig from the model headers. Review it, edit it if you\n";
  t += "// need to (data migrations, raw SQL through op.execute), and commit it together\n";
  t += "// with migrations/schema.snapshot.json.\n";
  t += "#include <structmig/migration.hpp>\n";
  t += "\n";
  t += "namespace " + ns + " {\n";
  t += "\n";
  t += function("upgrade", plan.upgrade);
  t += "\n";
  t += function("downgrade", plan.downgrade);
  t += "\n";
  t += "}  // namespace " + ns + "\n";
  t += "\n";
  t += "STRUCTMIG_MIGRATION({\n";
  t += "    .revision = " + cpp_string_literal(file.revision) + ",\n";
  t += "    .parents = " +
       std::string(parent.empty() ? "{}" : "{" + cpp_string_literal(parent) + "}") + ",\n";
  t += "    .message = " + cpp_string_literal(text_message) + ",\n";
  t += "    .transactional = true,\n";
  t += "    .upgrade = " + ns + "::upgrade,\n";
  t += "    .downgrade = " + ns + "::downgrade,\n";
  t += "});\n";
  return file;
}

}  // namespace structmig::render
