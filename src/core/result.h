// Errors as values: every expected failure carries a canonical code and a message that a GP can
// read, in Dutch and in English. Modelled on std::expected (C++23), which g++ 12 lacks in C++20.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace meekijk {

// The canonical codes. Prefer the most specific one: the API maps each to one HTTP status.
enum class ErrorCode {
  kInvalidArgument,   // the input is wrong (422)
  kMalformed,         // the request cannot be read at all, e.g. broken JSON (400)
  kUnauthenticated,   // no or expired credentials (401)
  kForbidden,         // the caller's role may never do this (403)
  kNotFound,          // absent, or belongs to an organisation the caller may not see (404)
  kConflict,          // the current state does not allow it (409)
  kTooLarge,          // a body or file over its limit (413)
  kUnsupportedMedia,  // a file whose bytes are not an accepted type (415)
  kTooManyRequests,   // too many attempts: wait Error::retry_after_seconds (429)
  kUnavailable,       // a dependency such as the database is away (503)
  kInternal,          // a bug; details go to the log, never to the caller (500)
};

// Returns a stable lower-case name such as "invalid_argument", used in JSON errors and logs.
const char* ErrorCodeName(ErrorCode code);

// A sentence for people in both interface languages. Dutch comes first: it is the default.
struct Text {
  std::string nl;
  std::string en;

  bool operator==(const Text&) const = default;
};

struct Error {
  ErrorCode code;
  // For people. Empty when the error comes from below the use cases (the store), which states a
  // reason instead; the API words it from its catalogue (api/error_text.h).
  Text message;
  std::string field;   // the input field that caused it, where there is one ("patient.bsn")
  std::string reason;  // a stable code for what happened: "stale_version", "duplicate", …
  long long retry_after_seconds = 0;  // kTooManyRequests: when to try again

  bool operator==(const Error&) const = default;
};

inline Error MakeError(ErrorCode code, std::string nl, std::string en, std::string field = {}) {
  return Error{code, Text{std::move(nl), std::move(en)}, std::move(field), {}, 0};
}

// An error stated as a fact, without words: what the store returns.
inline Error MakeFact(ErrorCode code, std::string reason, std::string field = {}) {
  return Error{code, Text{}, std::move(field), std::move(reason), 0};
}

// Result<T> holds a T or an Error. Result<void> holds nothing or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design, like expected
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { assert(ok()); return std::get<0>(state_); }
  const T& value() const& { assert(ok()); return std::get<0>(state_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { assert(!ok()); return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { assert(!ok_); return error_; }

 private:
  Error error_{ErrorCode::kInternal, {}, {}, {}};
  bool ok_ = true;
};

inline Result<void> Ok() { return {}; }

}  // namespace meekijk

// Returns the error of an expression that yields a Result, or goes on.
#define MK_RETURN_IF_ERROR(expr)                  \
  do {                                            \
    auto mk_result_ = (expr);                     \
    if (!mk_result_.ok()) return mk_result_.error(); \
  } while (0)

#define MK_CONCAT_INNER(a, b) a##b
#define MK_CONCAT(a, b) MK_CONCAT_INNER(a, b)
// MK_ASSIGN_OR_RETURN(auto x, Expr()): declares x from a successful Result or returns its error.
#define MK_ASSIGN_OR_RETURN(decl, expr) \
  MK_ASSIGN_OR_RETURN_IMPL(MK_CONCAT(mk_result_, __LINE__), decl, expr)
#define MK_ASSIGN_OR_RETURN_IMPL(tmp, decl, expr) \
  auto tmp = (expr);                              \
  if (!tmp.ok()) return tmp.error();              \
  decl = std::move(tmp).value()
