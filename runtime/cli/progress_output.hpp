// Where a migrate command's progress goes: stderr, beside the lines of
// MigratorOptions::log. On a terminal, one live line rewritten in place
// ("\r", clear to the end of the line) says which step runs and, once it has
// run for a couple of seconds, for how long and what it waits for or how far
// it got; a step that ran that long leaves a line saying when it ended; log
// lines are printed above the live line. Elsewhere (a file, a pipe, a CI log)
// plain lines (plain_progress_lines): never a "\r".
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <string>

#include "structmig/progress.hpp"

namespace structmig::cli {

class ProgressOutput {
 public:
  /// `width`: the terminal's columns; 0: asked of stderr's terminal.
  ProgressOutput(std::ostream& err, bool terminal, std::size_t width = 0);
  ProgressOutput(const ProgressOutput&) = delete;
  ProgressOutput& operator=(const ProgressOutput&) = delete;
  ~ProgressOutput();

  void event(const ProgressEvent& event);
  /// A log line: "structmig: <line>".
  void log(const std::string& line);
  /// Takes the live line away, before other output goes to the terminal.
  void clear();

  /// True when stderr is a terminal (and `err` is std::cerr).
  static bool is_terminal(const std::ostream& err);

 private:
  void show(const std::string& line);
  void erase();

  std::ostream& err_;
  bool terminal_;
  std::size_t width_;
  std::function<void(const ProgressEvent&)> plain_;
  std::string live_;           // what the live line shows ("" when none)
  bool step_ran_long_ = false;  // the current step had a running update
  std::mutex mutex_;           // the migrating thread and the step's watching thread
};

}  // namespace structmig::cli
