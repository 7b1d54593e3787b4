// Step comments above the operations of a migration body (see
// render_steps.hpp). The comments are computed first, step by step through
// one plan::LockContext (what an operation takes depends on what came before
// it), then written while the operations are walked with the same cuts as
// split_steps: a CommitStep ends a transaction, an operation that runs outside
// a transaction is a step by itself.
#include "render/render_steps.hpp"

#include <unordered_set>

#include "plan/locks.hpp"
#include "render/migration_parts.hpp"
#include "render/render_op.hpp"

namespace structmig::render {
namespace {

constexpr std::size_t kLineLimit = 100;  // the repository's .clang-format
const std::string kIndent = "  ";

std::string lock_text(const plan::LockTaken& lock) {
  return lock.effect.empty() ? lock.lock : lock.lock + " (" + lock.effect + ")";
}

// A step as split_steps cuts it (a CommitStep ends a transaction, an
// operation outside a transaction is a step by itself), its operations by
// address: copying them (whole tables) only to describe their locks would
// cost as much as rendering them.
struct StepOps {
  bool transactional = true;
  std::vector<const Op*> ops;
};

std::vector<StepOps> steps_of(const std::vector<Op>& ops) {
  std::vector<StepOps> steps;
  StepOps group;
  const auto close_group = [&] {
    if (!group.ops.empty()) steps.push_back(std::move(group));
    group = StepOps{};
  };
  for (const Op& op : ops) {
    if (std::holds_alternative<CommitStep>(op)) {
      close_group();
    } else if (runs_outside_transaction(op)) {
      close_group();
      steps.push_back(StepOps{false, {&op}});
    } else {
      group.ops.push_back(&op);
    }
  }
  close_group();
  return steps;
}

// The comment lines of one step, each ending in a newline.
std::string step_comment(const StepOps& step, std::size_t number, std::size_t count,
                         plan::LockContext& context) {
  // Each lock once, in the order first taken. A step that creates thousands
  // of tables takes thousands of locks: `seen` answers "already listed?"
  // without walking the list (which made the comment quadratic).
  std::vector<std::string> locks;
  std::unordered_set<std::string> seen;
  std::vector<std::string> notes;
  for (const Op* step_op : step.ops) {
    const Op& op = *step_op;
    for (const plan::LockTaken& lock : context.locks(op)) {
      std::string text = lock_text(lock);
      if (seen.insert(text).second) locks.push_back(std::move(text));
    }
    if (auto note = context.note(op)) notes.push_back(*note);
    context.record(op);
  }
  std::string head = "// Step " + std::to_string(number) + " of " + std::to_string(count) +
                     (step.transactional ? ", in a transaction" : ", outside a transaction");
  std::string out;
  if (locks.size() == 1 && kIndent.size() + head.size() + 2 + locks[0].size() <= kLineLimit) {
    out += kIndent + comment_text(head + ": " + locks[0]) + "\n";
  } else if (locks.size() == 1) {
    out += kIndent + comment_text(head + ": " + locks[0].substr(0, locks[0].find(" ("))) + "\n";
    const auto open = locks[0].find(" (");
    if (open != std::string::npos) {
      out += kIndent + "//   " + comment_text(locks[0].substr(open + 1)) + "\n";
    }
  } else {
    out += kIndent +
           comment_text(head + (step.transactional ? ", its locks held until it commits:" : ":")) +
           "\n";
    for (const std::string& lock : locks) out += kIndent + "//   " + comment_text(lock) + "\n";
  }
  for (const std::string& note : notes) out += kIndent + "// Note: " + comment_text(note) + "\n";
  return out;
}

}  // namespace

std::string render_stepped_body(const std::vector<Op>& ops, DataDeclarations& data,
                                const std::vector<std::pair<std::size_t, std::string>>& warnings,
                                bool downgrade, std::string* calls) {
  const std::vector<StepOps> steps = steps_of(ops);
  std::vector<std::string> comments;
  plan::LockContext context(downgrade);
  for (std::size_t i = 0; i < steps.size(); ++i) {
    comments.push_back(step_comment(steps[i], i + 1, steps.size(), context));
  }

  std::string out;
  std::size_t next_step = 0;
  bool in_group = false;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const Op& op = ops[i];
    const bool boundary = std::holds_alternative<CommitStep>(op);
    const bool alone = !boundary && runs_outside_transaction(op);
    if (!boundary && (alone || !in_group) && next_step < comments.size()) {
      out += comments[next_step++];
    }
    for (const auto& [index, warning] : warnings) {
      if (index == i) out += kIndent + "// WARNING: " + comment_text(warning) + "\n";
    }
    const std::string call = render_op(op, data);
    out += kIndent;
    out += call;
    out += '\n';
    if (calls != nullptr) {
      *calls += kIndent;
      *calls += call;
      *calls += '\n';
    }
    in_group = !boundary && !alone;
  }
  return out;
}

}  // namespace structmig::render
