// The dot and Mermaid forms of the revision graph; see history_graph.hpp.
#include "history_graph.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace structmig::cli {
namespace {

struct Marks {
  bool head = false;
  bool branch_point = false;
  bool merge_point = false;
  bool current = false;
};

Marks marks_of(const RevisionGraph& graph, const std::string& revision,
               const std::set<std::string>& current) {
  const auto heads = graph.heads();
  return {.head = std::find(heads.begin(), heads.end(), revision) != heads.end(),
          .branch_point = graph.children(revision).size() > 1,
          .merge_point = graph.parents(revision).size() > 1,
          .current = current.count(revision) != 0};
}

std::string mark_words(const Marks& marks) {
  std::string out;
  for (auto [on, word] : {std::pair{marks.head, "(head)"},
                          {marks.branch_point, "(branchpoint)"},
                          {marks.merge_point, "(mergepoint)"},
                          {marks.current, "(current)"}}) {
    if (on) out += (out.empty() ? "" : " ") + std::string(word);
  }
  return out;
}

// The label's lines: id, message, marks (when any).
std::vector<std::string> label_lines(const RevisionGraph& graph, const std::string& revision,
                                     const Marks& marks) {
  std::vector<std::string> lines{revision, std::string(graph.migration(revision).message)};
  if (const std::string words = mark_words(marks); !words.empty()) lines.push_back(words);
  return lines;
}

std::string dot_quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c == '\n' ? ' ' : c;
  }
  return out + "\"";
}

std::string dot_shape(const Marks& marks) {
  if (marks.branch_point && marks.merge_point) return "hexagon";
  if (marks.branch_point) return "trapezium";
  if (marks.merge_point) return "invtrapezium";
  return "box";
}

std::string mermaid_text(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '#':
        out += "#35;";
        break;
      case '\n':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string mermaid_id(const std::string& revision) {
  std::string out = "r_";
  for (char c : revision) out += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return out;
}

// Mermaid's node shapes: [".."] box, [/"..."\] trapezium, [\"..."/]
// inverted, {{".."}} hexagon.
std::string mermaid_node(const std::string& label, const Marks& marks) {
  const std::string text = "\"" + label + "\"";
  if (marks.branch_point && marks.merge_point) return "{{" + text + "}}";
  if (marks.branch_point) return "[/" + text + "\\]";
  if (marks.merge_point) return "[\\" + text + "/]";
  return "[" + text + "]";
}

}  // namespace

std::string graph_dot(const RevisionGraph& graph, const std::set<std::string>& current) {
  std::string out =
      "// structmig history: base on top, parent -> child; depends_on dashed; heads blue and\n"
      "// bold, branch points trapezia, merge points inverted trapezia, current revisions green.\n"
      "digraph structmig_history {\n"
      "  node [shape=box, fontname=\"monospace\"];\n"
      "  \"base\" [label=\"base\", shape=plaintext];\n";
  for (const auto& revision : graph.ordered()) {
    const Marks marks = marks_of(graph, revision, current);
    // "\n" between a label's lines is dot's line break.
    std::string escaped;
    for (const auto& line : label_lines(graph, revision, marks)) {
      const std::string quoted = dot_quoted(line);
      escaped += (escaped.empty() ? "" : "\\n") + quoted.substr(1, quoted.size() - 2);
    }
    std::string attributes = "label=\"" + escaped + "\", shape=" + dot_shape(marks);
    if (marks.head) attributes += ", color=blue, penwidth=2";
    if (marks.current) attributes += ", style=filled, fillcolor=palegreen";
    out += "  " + dot_quoted(revision) + " [" + attributes + "];\n";
  }
  for (const auto& revision : graph.ordered()) {
    const auto parents = graph.parents(revision);
    if (parents.empty()) out += "  \"base\" -> " + dot_quoted(revision) + ";\n";
    for (const auto& parent : parents) {
      out += "  " + dot_quoted(parent) + " -> " + dot_quoted(revision) + ";\n";
    }
    for (const auto& dependency : graph.dependencies(revision)) {
      out += "  " + dot_quoted(dependency) + " -> " + dot_quoted(revision) +
             " [style=dashed, label=\"depends on\"];\n";
    }
  }
  return out + "}\n";
}

std::string graph_mermaid(const RevisionGraph& graph, const std::set<std::string>& current) {
  std::string out = "flowchart TB\n  base([base])\n";
  std::vector<std::string> heads;
  std::vector<std::string> currents;
  for (const auto& revision : graph.ordered()) {
    const Marks marks = marks_of(graph, revision, current);
    std::string label;
    for (const auto& line : label_lines(graph, revision, marks)) {
      label += (label.empty() ? "" : "<br/>") + mermaid_text(line);
    }
    out += "  " + mermaid_id(revision) + mermaid_node(label, marks) + "\n";
    if (marks.head) heads.push_back(mermaid_id(revision));
    if (marks.current) currents.push_back(mermaid_id(revision));
  }
  for (const auto& revision : graph.ordered()) {
    const auto parents = graph.parents(revision);
    if (parents.empty()) out += "  base --> " + mermaid_id(revision) + "\n";
    for (const auto& parent : parents) {
      out += "  " + mermaid_id(parent) + " --> " + mermaid_id(revision) + "\n";
    }
    for (const auto& dependency : graph.dependencies(revision)) {
      out += "  " + mermaid_id(dependency) + " -. depends on .-> " + mermaid_id(revision) + "\n";
    }
  }
  out += "  classDef head stroke:#1f4fd6,stroke-width:3px\n";
  out += "  classDef current fill:#c8f7c5\n";
  auto assign = [&out](const std::vector<std::string>& ids, const char* name) {
    if (ids.empty()) return;
    std::string list;
    for (const auto& id : ids) list += (list.empty() ? "" : ",") + id;
    out += "  class " + list + " " + name + "\n";
  };
  assign(heads, "head");
  assign(currents, "current");
  return out;
}

}  // namespace structmig::cli
