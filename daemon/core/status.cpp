#include "vigie/core/status.h"

namespace vigie {

namespace {
const std::string& EmptyString() {
  static const std::string empty;
  return empty;
}
}  // namespace

Status::Status(Kind kind, std::string_view msg, std::string_view detail) {
  std::string text(msg);
  if (!detail.empty()) {
    text += ": ";
    text += detail;
  }
  state_ = std::make_shared<const State>(State{kind, std::move(text)});
}

const std::string& Status::message() const noexcept {
  return state_ ? state_->message : EmptyString();
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(KindName(kind()));
  out += ": ";
  out += state_->message;
  return out;
}

Status Status::WithContext(std::string_view context) const {
  if (ok()) return *this;
  return Status(kind(), context, state_->message);
}

std::string_view KindName(Status::Kind kind) noexcept {
  switch (kind) {
    case Status::Kind::kOk:
      return "ok";
    case Status::Kind::kNotFound:
      return "not_found";
    case Status::Kind::kInvalidArgument:
      return "invalid_argument";
    case Status::Kind::kCorruption:
      return "corruption";
    case Status::Kind::kIOError:
      return "io_error";
    case Status::Kind::kUnavailable:
      return "unavailable";
    case Status::Kind::kRejected:
      return "rejected";
  }
  return "unknown";
}

}  // namespace vigie
