// The migrate `check` verb: the live database compared with the schema
// compiled into the program (check_drift). Prints "the database matches the
// models" and exits 0, or one indented line per difference and exits 1.
// Fails (exit 1, an error line) when the program has no compiled schema.
#include <CLI/CLI.hpp>

#include <stdexcept>

#include "context.hpp"
#include "structmig/drift.hpp"

namespace structmig::cli {

Command add_check_command(CLI::App& app) {
  auto* sub = app.add_subcommand(
      "check",
      "Compare the database's schema with the models compiled into this program (exit 1 "
      "when they differ)");
  return {sub, [](Context& context) {
            if (context.model() == nullptr) {
              throw Error(
                  "this program has no compiled schema (its migrations library was generated "
                  "without compiled_schema()); check cannot compare the database with the models");
            }
            const DriftReport report = check_drift(context.connection(), *context.model());
            if (report.empty()) {
              context.out() << "the database matches the models\n";
              return;
            }
            context.out() << "the database does not match the models (" << report.differences.size()
                          << " difference(s)):\n";
            for (const auto& line : report.differences) context.out() << "  " << line << '\n';
            context.set_exit_code(1);
          }};
}

}  // namespace structmig::cli
