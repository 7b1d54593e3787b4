// A DatabaseError given context (a migration, a pipeline index, a batch)
// without losing its kind: the object thrown derives from the context class
// (MigrationError, StatementError, BatchUpdateError) and from the kind's
// class (LockTimeout, Deadlock …) the cause had, over one virtual
// DatabaseError. Private to the runtime: callers catch either base.
#pragma once

#include <exception>
#include <utility>

#include "structmig/error.hpp"

namespace structmig::detail {

template <class Context, class Kind>
class WithKind final : public Context, public Kind {
 public:
  template <class... Args>
  explicit WithKind(const DatabaseError& cause, Args&&... args)
      : DatabaseError(cause), Context(cause, std::forward<Args>(args)...), Kind(cause) {}
  const char* what() const noexcept override { return Context::what(); }
};

/// `Context(cause, args…)`, also of `kind`'s class, as an exception_ptr (to
/// keep or to rethrow).
template <class Context, class... Args>
std::exception_ptr with_context(DatabaseErrorKind kind, const DatabaseError& cause,
                                Args&&... args) {
  switch (kind) {
    case DatabaseErrorKind::lock_timeout:
      return std::make_exception_ptr(WithKind<Context, LockTimeout>(cause, args...));
    case DatabaseErrorKind::deadlock:
      return std::make_exception_ptr(WithKind<Context, Deadlock>(cause, args...));
    case DatabaseErrorKind::serialization_failure:
      return std::make_exception_ptr(WithKind<Context, SerializationFailure>(cause, args...));
    case DatabaseErrorKind::unique_violation:
      return std::make_exception_ptr(WithKind<Context, UniqueViolation>(cause, args...));
    case DatabaseErrorKind::broken_connection:
      return std::make_exception_ptr(WithKind<Context, BrokenConnection>(cause, args...));
    case DatabaseErrorKind::other:
      break;
  }
  return std::make_exception_ptr(Context(cause, std::forward<Args>(args)...));
}

/// The same of the kind of `cause` (its class).
template <class Context, class... Args>
std::exception_ptr with_context(const DatabaseError& cause, Args&&... args) {
  return with_context<Context>(kind_of(cause), cause, std::forward<Args>(args)...);
}

/// Throws `Context(cause, args…)` of the kind of `cause`.
template <class Context, class... Args>
[[noreturn]] void throw_with_context(const DatabaseError& cause, Args&&... args) {
  std::rethrow_exception(with_context<Context>(cause, std::forward<Args>(args)...));
}

}  // namespace structmig::detail
