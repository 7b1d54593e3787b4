// The text of progress events and the plain-lines printer; see progress.hpp.
#include "structmig/progress.hpp"

#include <cmath>
#include <cstdio>
#include <memory>

#include "structmig/migrator.hpp"

namespace structmig {
namespace {

using std::chrono::milliseconds;

// A running time: "3s", "42s", "2min 05s", "1h 02min".
std::string whole_seconds(std::chrono::seconds duration) {
  const long long s = duration.count();
  char text[32];
  if (s < 60) {
    std::snprintf(text, sizeof text, "%llds", s);
  } else if (s < 3600) {
    std::snprintf(text, sizeof text, "%lldmin %02llds", s / 60, s % 60);
  } else {
    std::snprintf(text, sizeof text, "%lldh %02lldmin", s / 3600, (s % 3600) / 60);
  }
  return text;
}

std::string running_time(milliseconds elapsed) {
  return whole_seconds(std::chrono::duration_cast<std::chrono::seconds>(elapsed));
}

// A finished step's time: "0.4s", "12.3s", then as running_time.
std::string final_time(milliseconds elapsed) {
  if (elapsed >= std::chrono::minutes(1)) return running_time(elapsed);
  char text[32];
  std::snprintf(text, sizeof text, "%.1fs", static_cast<double>(elapsed.count()) / 1000.0);
  return text;
}

std::string rows_text(const BatchProgress& batch, bool with_estimate) {
  std::string out = std::to_string(batch.rows_done) + " rows";
  if (batch.rows_per_second > 0) {
    out += ", " + std::to_string(std::llround(batch.rows_per_second)) + " rows/s";
  }
  if (with_estimate && batch.rows_estimated) {
    out += batch.remaining ? ", about " + whole_seconds(*batch.remaining) + " left of ~"
                           : ", of ~";
    out += std::to_string(*batch.rows_estimated);
  }
  return out;
}

std::string index_text(const IndexBuildProgress& index) {
  std::string out = index.phase;
  if (index.blocks_total > 0) {
    out += ", " + std::to_string(index.blocks_done) + " of " + std::to_string(index.blocks_total) +
           " blocks (" + std::to_string(index.blocks_done * 100 / index.blocks_total) + "%)";
  } else if (index.tuples_total > 0) {
    out += ", " + std::to_string(index.tuples_done) + " of " + std::to_string(index.tuples_total) +
           " tuples";
  }
  return out;
}

std::string step_name(const ProgressEvent& event) {
  std::string out = std::string(to_string(event.direction)) + " " + event.revision + " (" +
                    event.message + ")";
  if (event.step > 0) {
    out += " step " + std::to_string(event.step);
    if (event.steps) out += " of " + std::to_string(*event.steps);
  }
  return out;
}

}  // namespace

std::string format_progress(const ProgressEvent& event) {
  using Kind = ProgressEvent::Kind;
  if (event.kind == Kind::migration_lock_wait) {
    return "waiting for the migration lock, held by " + event.holder + ": " +
           running_time(event.elapsed);
  }
  std::string out = step_name(event);
  switch (event.kind) {
    case Kind::step_started:
      if (!event.description.empty()) out += ": " + event.description;
      if (!event.locks.empty()) out += " [" + event.locks + "]";
      return out;
    case Kind::step_running: {
      if (!event.description.empty()) out += ", " + event.description;
      out += ": running " + running_time(event.elapsed);
      if (!event.waiting_for.empty()) out += ", waiting for " + event.waiting_for;
      if (event.index) out += ", " + index_text(*event.index);
      if (event.batch) out += ", " + rows_text(*event.batch, true);
      return out;
    }
    case Kind::step_finished:
      out += " done in " + final_time(event.elapsed);
      if (event.batch) out += ": " + rows_text(*event.batch, false);
      return out;
    case Kind::step_failed:
      return out + " failed after " + final_time(event.elapsed);
    case Kind::migration_lock_wait:
      break;
  }
  return out;
}

std::function<void(const ProgressEvent&)> plain_progress_lines(
    std::function<void(const std::string&)> line, milliseconds every) {
  struct State {
    std::function<void(const std::string&)> line;
    milliseconds every;
    bool running_printed = false;  // for the current step
    milliseconds last_running{0};
  };
  auto state = std::make_shared<State>(State{std::move(line), every});
  return [state](const ProgressEvent& event) {
    using Kind = ProgressEvent::Kind;
    switch (event.kind) {
      case Kind::step_started:
        state->running_printed = false;
        state->line(format_progress(event));
        return;
      case Kind::step_running:
        if (state->running_printed && event.elapsed - state->last_running < state->every) return;
        state->running_printed = true;
        state->last_running = event.elapsed;
        state->line(format_progress(event));
        return;
      case Kind::step_finished:
        if (state->running_printed) state->line(format_progress(event));
        state->running_printed = false;
        return;
      case Kind::step_failed:
      case Kind::migration_lock_wait:
        state->running_printed = false;
        return;
    }
  };
}

}  // namespace structmig
