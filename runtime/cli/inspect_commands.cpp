// The migrate subcommands that only read: current (the database's position),
// history (the revision graph as lines, or with --graph as dot / Mermaid, or
// with --log the database's own log), heads, branches and show. Only current,
// history --indicate-current and history --log connect.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <memory>

#include "context.hpp"
#include "describe.hpp"
#include "history_graph.hpp"

namespace structmig::cli {
namespace {

struct ListArguments {
  bool verbose = false;
  bool indicate_current = false;
  bool log = false;
  std::string range;
  std::string graph;  // "", "dot" or "mermaid"
};

void print_log(Context& context) {
  for (const auto& entry : context.migrator().history()) {
    char line[128];
    std::snprintf(line, sizeof line, "%4lld  %-32s  %-9s  %-12s  %9.1f ms  ",
                  static_cast<long long>(entry.id), entry.applied_at.c_str(),
                  entry.direction.c_str(), entry.revision.c_str(), entry.duration_ms);
    context.out() << line << entry.message << '\n';
  }
}

void print_current_verbose(Context& context) {
  Migrator migrator = context.migrator();
  const DatabaseStatus status = migrator.status();
  const RevisionGraph& graph = migrator.graph();
  if (status.heads.empty()) context.out() << "base\n";
  for (const auto& revision : status.heads) {
    context.out() << revision_line(graph, revision) << '\n';
    if (!graph.contains(revision)) continue;
    const auto parents = graph.parents(revision);
    std::string text;
    for (const auto& parent : parents) text += (text.empty() ? "" : ", ") + parent;
    context.out() << "  parent: " << (parents.empty() ? "<base>" : text) << '\n';
  }
  for (const auto& change : status.changed_checksums) {
    context.out() << "changed: " << change.revision << " (" << change.message
                  << ") recorded checksum " << change.recorded << ", compiled " << change.compiled
                  << '\n';
  }
  if (!status.unknown.empty()) {
    context.out() << "pending: unknown (the database is at a revision this program does not "
                     "know)\n";
  } else if (status.pending.empty()) {
    context.out() << "pending: none\n";
  } else {
    context.out() << "pending: " << status.pending.size() << " migration(s):";
    for (const auto& revision : status.pending) context.out() << ' ' << revision;
    context.out() << '\n';
  }
}

void print_revisions(Context& context, const RevisionGraph& graph,
                     const std::vector<std::string>& revisions,
                     const std::set<std::string>& current, bool verbose) {
  bool first = true;
  for (const auto& revision : revisions) {
    if (verbose) {
      if (!first) context.out() << '\n';
      context.out() << revision_block(graph, revision, current);
    } else {
      context.out() << history_line(graph, revision, current) << '\n';
    }
    first = false;
  }
}

}  // namespace

Command add_current_command(CLI::App& app) {
  auto* sub = app.add_subcommand("current", "Show the revision(s) the database is at");
  auto arguments = std::make_shared<ListArguments>();
  sub->add_flag("-v,--verbose", arguments->verbose,
                "Also show parents, changed checksums and what is pending");
  return {sub, [arguments](Context& context) {
            if (arguments->verbose) {
              print_current_verbose(context);
              return;
            }
            Migrator migrator = context.migrator();
            const auto heads = migrator.current();
            if (heads.empty()) context.out() << "base\n";
            for (const auto& revision : heads) {
              context.out() << revision_line(migrator.graph(), revision) << '\n';
            }
          }};
}

Command add_history_command(CLI::App& app) {
  auto* sub = app.add_subcommand(
      "history", "List the revisions, newest first (--log: the database's log of steps)");
  auto arguments = std::make_shared<ListArguments>();
  auto* range =
      sub->add_option("-r,--rev-range", arguments->range,
                      "Only revisions in A:B (both included; :B from base, A: up to every head)");
  auto* verbose =
      sub->add_flag("-v,--verbose", arguments->verbose, "One block of details per revision");
  sub->add_flag("-i,--indicate-current", arguments->indicate_current,
                "Mark the revisions the database is at with (current); connects");
  auto* log = sub->add_flag("--log", arguments->log,
                            "Print the database's structmig_history instead: every applied, "
                            "reverted and stamped step, oldest first; connects");
  sub->add_flag("--graph{dot}", arguments->graph,
                "Draw the whole graph instead: --graph (or --graph=dot) writes Graphviz dot, "
                "--graph=mermaid a Mermaid flowchart; heads, branch points, merge points and, "
                "with -i, the current revisions are marked")
      ->check(CLI::IsMember({"dot", "mermaid"}))
      ->excludes(range)
      ->excludes(verbose)
      ->excludes(log);
  return {sub, [arguments](Context& context) {
            if (arguments->log) {
              print_log(context);
              return;
            }
            const RevisionGraph graph(context.migrations());
            if (!arguments->graph.empty()) {
              std::set<std::string> current;
              if (arguments->indicate_current) {
                for (auto& head : context.migrator().current()) current.insert(std::move(head));
              }
              context.out() << (arguments->graph == "mermaid" ? graph_mermaid(graph, current)
                                                              : graph_dot(graph, current));
              return;
            }
            std::vector<std::string> revisions;
            if (arguments->range.empty()) {
              revisions.assign(graph.ordered().rbegin(), graph.ordered().rend());
            } else {
              revisions = revisions_in_range(graph, arguments->range);
            }
            std::set<std::string> current;
            if (arguments->indicate_current) {
              for (auto& head : context.migrator().current()) current.insert(std::move(head));
            }
            print_revisions(context, graph, revisions, current, arguments->verbose);
          }};
}

Command add_heads_command(CLI::App& app) {
  auto* sub = app.add_subcommand("heads", "List the heads of the revision graph");
  auto arguments = std::make_shared<ListArguments>();
  sub->add_flag("-v,--verbose", arguments->verbose, "One block of details per head");
  return {sub, [arguments](Context& context) {
            const RevisionGraph graph(context.migrations());
            if (arguments->verbose) {
              print_revisions(context, graph, graph.heads(), {}, true);
              return;
            }
            for (const auto& head : graph.heads()) {
              context.out() << revision_line(graph, head) << '\n';
            }
          }};
}

Command add_branches_command(CLI::App& app) {
  auto* sub = app.add_subcommand("branches", "List the revisions where the history branches");
  return {sub, [](Context& context) {
            const RevisionGraph graph(context.migrations());
            for (const auto& point : graph.branch_points()) {
              context.out() << point << " (branchpoint) " << graph.migration(point).message << '\n';
              for (const auto& child : graph.children(point)) {
                context.out() << "  -> " << revision_line(graph, child) << '\n';
              }
            }
          }};
}

Command add_show_command(CLI::App& app) {
  auto* sub =
      app.add_subcommand("show", "Show a revision: its details and its upgrade and downgrade SQL");
  auto target = std::make_shared<std::string>();
  sub->add_option("REV", *target, "head, heads, a revision id or a unique prefix")->required();
  return {sub, [target](Context& context) {
            const RevisionGraph graph(context.migrations());
            const auto revisions = graph.resolve(*target);
            if (revisions.empty()) {
              throw UnknownRevision("\"" + *target + "\" names no revision; name one");
            }
            bool first = true;
            for (const auto& revision : revisions) {
              if (!first) context.out() << '\n';
              first = false;
              context.out() << revision_block(graph, revision, {}) << '\n'
                            << sql_block(graph.migration(revision));
            }
          }};
}

}  // namespace structmig::cli
