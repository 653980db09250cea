// Result<T>: a value or an error Status.
//
// Thread-safety: like the T it holds. A Result built from an OK Status is a
// programming error (checked in debug builds).
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "vigie/core/status.h"

namespace vigie {

/// Holds either a T or the error Status explaining why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  /// Builds a successful result holding `value`.
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  /// Builds a failed result. REQUIRES: !status.ok().
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok());
  }

  /// True when a value is held.
  bool ok() const noexcept { return value_.has_value(); }
  /// The error, or OK when a value is held.
  const Status& status() const noexcept { return status_; }
  /// The held value. REQUIRES: ok().
  T& value() & { return *value_; }
  /// The held value. REQUIRES: ok().
  const T& value() const& { return *value_; }
  /// Moves the held value out. REQUIRES: ok().
  T&& value() && { return std::move(*value_); }
  /// Shorthand for value().
  T& operator*() & { return *value_; }
  /// Shorthand for value().
  const T& operator*() const& { return *value_; }
  /// Member access on the held value. REQUIRES: ok().
  T* operator->() { return &*value_; }
  /// Member access on the held value. REQUIRES: ok().
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace vigie
