// Runs one command and reports what it cost: the child's CPU time (user +
// system, its own children included) and its peak resident set, from
// getrusage(RUSAGE_CHILDREN), so the build benchmark needs neither GNU time nor python.
//   structmig_bench_rusage [--timeout SECONDS] [--output FILE] -- <command> [args...]
// Prints (to FILE, else standard error) one line:
//   cpu_seconds 1.234 user_seconds 1.200 system_seconds 0.034 peak_mib 56.7 wall_seconds 1.300 status 0
// status is the command's exit code, 128+N when signal N ended it, and 124
// when --timeout expired (the command is then killed). The command's own
// output goes where this program's goes. The exit code is the command's.
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

volatile sig_atomic_t timed_out = 0;
pid_t child = 0;

void on_alarm(int) {
  timed_out = 1;
  if (child > 0) kill(-child, SIGKILL);  // the command's whole process group
}

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; }

int usage(const char* message) {
  std::fprintf(stderr,
               "structmig_bench_rusage: %s\n"
               "usage: structmig_bench_rusage [--timeout SECONDS] [--output FILE] -- <command> "
               "[args...]\n",
               message);
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned timeout = 0;
  std::string output;
  int i = 1;
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg == "--timeout" && i + 1 < argc) {
      char* end = nullptr;
      const long value = std::strtol(argv[++i], &end, 10);
      if (*end != '\0' || value < 0) return usage("--timeout takes whole seconds");
      timeout = static_cast<unsigned>(value);
    } else if (arg == "--output" && i + 1 < argc) {
      output = argv[++i];
    } else {
      return usage(("unknown argument " + arg).c_str());
    }
  }
  if (i >= argc) return usage("no command given");

  const auto start = std::chrono::steady_clock::now();
  child = fork();
  if (child < 0) {
    std::fprintf(stderr, "structmig_bench_rusage: fork: %s\n", std::strerror(errno));
    return 2;
  }
  if (child == 0) {
    setpgid(0, 0);  // its own group, so a timeout kills its children too
    execvp(argv[i], argv + i);
    std::fprintf(stderr, "structmig_bench_rusage: cannot run %s: %s\n", argv[i],
                 std::strerror(errno));
    _exit(127);
  }
  setpgid(child, child);
  if (timeout > 0) {
    struct sigaction action {};
    action.sa_handler = on_alarm;
    sigaction(SIGALRM, &action, nullptr);
    alarm(timeout);
  }
  int wait_status = 0;
  while (waitpid(child, &wait_status, 0) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "structmig_bench_rusage: waitpid: %s\n", std::strerror(errno));
      return 2;
    }
  }
  alarm(0);
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // RUSAGE_CHILDREN: every descendant waited for, the child and what it waited
  // for (a compiler driver's cc1); nothing else was ever waited for here.
  rusage all{};
  getrusage(RUSAGE_CHILDREN, &all);
  int status = 0;
  if (timed_out) {
    status = 124;
  } else if (WIFEXITED(wait_status)) {
    status = WEXITSTATUS(wait_status);
  } else if (WIFSIGNALED(wait_status)) {
    status = 128 + WTERMSIG(wait_status);
  }
  const double user = seconds(all.ru_utime);
  const double system = seconds(all.ru_stime);
  // ru_maxrss is in KiB on Linux: the largest single process of the tree.
  const double peak_mib = static_cast<double>(all.ru_maxrss) / 1024.0;
  std::FILE* out = output.empty() ? stderr : std::fopen(output.c_str(), "w");
  if (out == nullptr) {
    std::fprintf(stderr, "structmig_bench_rusage: cannot write %s: %s\n", output.c_str(),
                 std::strerror(errno));
    return 2;
  }
  std::fprintf(out,
               "cpu_seconds %.3f user_seconds %.3f system_seconds %.3f peak_mib %.1f "
               "wall_seconds %.3f status %d\n",
               user + system, user, system, peak_mib, wall, status);
  if (out != stderr) std::fclose(out);
  return status;
}
