// The progress of a migrate command on stderr; see progress_output.hpp.
#include "progress_output.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <iostream>

namespace structmig::cli {
namespace {

// The live line must fit on one row, or "\r" would only go back to its last.
std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 1) return size.ws_col - 1;
  return 79;
}

std::string fitted(std::string line, std::size_t width) {
  if (line.size() <= width) return line;
  std::size_t end = width;
  while (end > 0 && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;  // UTF-8
  line.resize(end);
  return line;
}

}  // namespace

ProgressOutput::ProgressOutput(std::ostream& err, bool terminal, std::size_t width)
    : err_(err),
      terminal_(terminal),
      width_(width),
      plain_(plain_progress_lines(
          [this](const std::string& line) { err_ << "structmig: " << line << '\n' << std::flush; })) {}

ProgressOutput::~ProgressOutput() { clear(); }

bool ProgressOutput::is_terminal(const std::ostream& err) {
  return &err == &std::cerr && isatty(STDERR_FILENO) == 1;
}

void ProgressOutput::event(const ProgressEvent& event) {
  std::lock_guard<std::mutex> guard(mutex_);
  if (!terminal_) {
    plain_(event);
    return;
  }
  using Kind = ProgressEvent::Kind;
  switch (event.kind) {
    case Kind::step_started:
      step_ran_long_ = false;
      show(format_progress(event));
      return;
    case Kind::step_running:
      step_ran_long_ = true;
      show(format_progress(event));
      return;
    case Kind::migration_lock_wait:
      show(format_progress(event));
      return;
    case Kind::step_finished:
      erase();
      if (step_ran_long_) err_ << "structmig: " << format_progress(event) << '\n' << std::flush;
      step_ran_long_ = false;
      return;
    case Kind::step_failed:
      erase();  // the error says the rest
      step_ran_long_ = false;
      return;
  }
}

void ProgressOutput::log(const std::string& line) {
  std::lock_guard<std::mutex> guard(mutex_);
  const std::string live = live_;
  erase();
  err_ << "structmig: " << line << '\n';
  if (!live.empty()) show(live);
  err_ << std::flush;
}

void ProgressOutput::clear() {
  std::lock_guard<std::mutex> guard(mutex_);
  erase();
}

void ProgressOutput::show(const std::string& line) {
  live_ = line;
  err_ << "\r\033[K" << fitted(line, width_ > 0 ? width_ : terminal_width()) << std::flush;
}

void ProgressOutput::erase() {
  if (live_.empty()) return;
  live_.clear();
  err_ << "\r\033[K" << std::flush;
}

}  // namespace structmig::cli
