// Status: the single error convention of vigie's core.
//
// A Status is either OK or carries a kind and a message ("what: detail").
// OK costs one null pointer, so returning success is free. Status values are
// immutable once built and may be copied and shared across threads.
// `boost::system::error_code` stays at the async edge; the stage that owns the
// socket converts it to a Status once.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace vigie {

/// A success-or-error value; an error has a kind and a human-readable message.
class [[nodiscard]] Status {
 public:
  /// The kinds an error can be; callers branch on these, never on messages.
  enum class Kind {
    kOk = 0,
    kNotFound = 1,
    kInvalidArgument = 2,
    kCorruption = 3,
    kIOError = 4,
    kUnavailable = 5,  ///< transient: worth retrying later
    kRejected = 6,     ///< permanent: never retry
  };

  /// Builds an OK status.
  Status() noexcept = default;

  /// Returns an OK status.
  static Status Ok() noexcept { return Status(); }
  /// Returns a NotFound error with `msg` (and optional `detail` after ": ").
  static Status NotFound(std::string_view msg, std::string_view detail = {}) {
    return Status(Kind::kNotFound, msg, detail);
  }
  /// Returns an InvalidArgument error.
  static Status InvalidArgument(std::string_view msg,
                                std::string_view detail = {}) {
    return Status(Kind::kInvalidArgument, msg, detail);
  }
  /// Returns a Corruption error (stored or received data is malformed).
  static Status Corruption(std::string_view msg, std::string_view detail = {}) {
    return Status(Kind::kCorruption, msg, detail);
  }
  /// Returns an IOError (disk, database).
  static Status IOError(std::string_view msg, std::string_view detail = {}) {
    return Status(Kind::kIOError, msg, detail);
  }
  /// Returns an Unavailable error: a transient failure worth retrying.
  static Status Unavailable(std::string_view msg,
                            std::string_view detail = {}) {
    return Status(Kind::kUnavailable, msg, detail);
  }
  /// Returns a Rejected error: a permanent failure that must not be retried.
  static Status Rejected(std::string_view msg, std::string_view detail = {}) {
    return Status(Kind::kRejected, msg, detail);
  }

  /// True when this status is a success.
  bool ok() const noexcept { return state_ == nullptr; }
  /// The kind of this status (kOk on success).
  Kind kind() const noexcept { return state_ ? state_->kind : Kind::kOk; }
  /// True when the error is NotFound.
  bool IsNotFound() const noexcept { return kind() == Kind::kNotFound; }
  /// True when the error is InvalidArgument.
  bool IsInvalidArgument() const noexcept {
    return kind() == Kind::kInvalidArgument;
  }
  /// True when the error is Unavailable (worth retrying).
  bool IsUnavailable() const noexcept { return kind() == Kind::kUnavailable; }
  /// True when the error is Rejected (never retry).
  bool IsRejected() const noexcept { return kind() == Kind::kRejected; }

  /// The message alone ("" when OK).
  const std::string& message() const noexcept;
  /// "OK" or "<kind>: <message>", for logs.
  std::string ToString() const;
  /// A copy of this error with `context + ": "` prepended to the message.
  /// OK stays OK.
  Status WithContext(std::string_view context) const;

 private:
  Status(Kind kind, std::string_view msg, std::string_view detail);
  struct State {
    Kind kind;
    std::string message;
  };
  std::shared_ptr<const State> state_;
};

/// The stable lower-case name of a kind ("not_found", "invalid_argument"...).
std::string_view KindName(Status::Kind kind) noexcept;

}  // namespace vigie
