#include "vigie/core/posix_tz_rule.h"

#include <string>

#include "vigie/core/civil_date.h"

namespace vigie {

namespace {

constexpr std::int64_t kHourMs = 3600 * 1000;
constexpr std::int64_t kDayMs = 24 * kHourMs;

// 0 Sunday .. 6 Saturday, of `days` since 1970-01-01 (a Thursday).
int Weekday(std::int64_t days) {
  return static_cast<int>(((days % 7) + 7 + 4) % 7);
}

// A cursor over the rule text; errors say what was expected where.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  bool done() const { return at_ == text_.size(); }
  bool Peek(char c) const { return !done() && text_[at_] == c; }
  bool Take(char c) {
    if (!Peek(c)) return false;
    ++at_;
    return true;
  }

  // A zone name: three or more letters, or <...> around three or more
  // letters, digits, '+' and '-'.
  Status Name(const char* what) {
    const std::size_t from = at_;
    if (Take('<')) {
      while (!done() && (IsAlnum(text_[at_]) || Peek('+') || Peek('-'))) ++at_;
      if (at_ - from - 1 < 3) return Error(std::string(what) + " too short");
      if (!Take('>')) return Error("'>' expected");
      return Status::Ok();
    }
    while (!done() && IsAlpha(text_[at_])) ++at_;
    if (at_ - from < 3) {
      at_ = from;
      return Error(std::string(what) + " of three or more letters expected");
    }
    return Status::Ok();
  }

  // [+-]hh[:mm[:ss]] with hours up to `max_hours`, in milliseconds.
  Status Duration(int max_hours, std::int64_t& ms) {
    const bool negative = Take('-');
    if (!negative) Take('+');
    std::int64_t hours = 0;
    if (Status st = Number(0, max_hours, hours); !st.ok()) return st;
    ms = hours * kHourMs;
    for (std::int64_t unit : {std::int64_t{60000}, std::int64_t{1000}}) {
      if (!Take(':')) break;
      std::int64_t part = 0;
      if (Status st = Number(0, 59, part); !st.ok()) return st;
      ms += part * unit;
    }
    if (negative) ms = -ms;
    return Status::Ok();
  }

  // A date and its optional /time.
  Status Date(TzRuleDate& date) {
    std::int64_t v = 0;
    if (Take('M')) {
      date.kind = TzRuleDate::Kind::kMonthWeekDay;
      if (Status st = Number(1, 12, v); !st.ok()) return st;
      date.month = static_cast<int>(v);
      if (!Take('.')) return Error("'.' expected");
      if (Status st = Number(1, 5, v); !st.ok()) return st;
      date.week = static_cast<int>(v);
      if (!Take('.')) return Error("'.' expected");
      if (Status st = Number(0, 6, v); !st.ok()) return st;
      date.weekday = static_cast<int>(v);
    } else if (Take('J')) {
      date.kind = TzRuleDate::Kind::kJulianNoLeap;
      if (Status st = Number(1, 365, v); !st.ok()) return st;
      date.day = static_cast<int>(v);
    } else {
      date.kind = TzRuleDate::Kind::kDayOfYear;
      if (Status st = Number(0, 365, v); !st.ok()) return st;
      date.day = static_cast<int>(v);
    }
    if (Take('/')) return Duration(167, date.time_ms);
    return Status::Ok();
  }

  Status Error(const std::string& what) const {
    return Status::InvalidArgument(
        "time zone", "bad POSIX TZ rule '" + std::string(text_) + "': " + what +
                         " at column " + std::to_string(at_ + 1));
  }

 private:
  static bool IsAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  static bool IsAlnum(char c) { return IsAlpha(c) || (c >= '0' && c <= '9'); }

  // A decimal number of at most 3 digits in [lo, hi].
  Status Number(std::int64_t lo, std::int64_t hi, std::int64_t& v) {
    const std::size_t from = at_;
    v = 0;
    while (!done() && at_ - from < 3 && text_[at_] >= '0' &&
           text_[at_] <= '9') {
      v = v * 10 + (text_[at_++] - '0');
    }
    if (at_ == from) return Error("number expected");
    if (v < lo || v > hi) {
      at_ = from;
      return Error("number out of range " + std::to_string(lo) + ".." +
                   std::to_string(hi));
    }
    return Status::Ok();
  }

  std::string_view text_;
  std::size_t at_ = 0;
};

}  // namespace

Result<PosixTzRule> ParsePosixRule(std::string_view text) {
  Reader r(text);
  PosixTzRule rule;
  std::int64_t west = 0;  // POSIX offsets count hours west of Greenwich
  if (Status st = r.Name("standard time name"); !st.ok()) return st;
  if (Status st = r.Duration(24, west); !st.ok()) return st;
  rule.standard_ms = -west;
  rule.daylight_ms = rule.standard_ms;
  if (r.done()) return rule;
  rule.has_daylight = true;
  if (Status st = r.Name("daylight time name"); !st.ok()) return st;
  rule.daylight_ms = rule.standard_ms + kHourMs;
  if (!r.Peek(',') && !r.done()) {
    if (Status st = r.Duration(24, west); !st.ok()) return st;
    rule.daylight_ms = -west;
  }
  if (!r.Take(','))
    return r.Error("',' and the start of daylight time expected");
  if (Status st = r.Date(rule.start); !st.ok()) return st;
  if (!r.Take(',')) return r.Error("',' and the end of daylight time expected");
  if (Status st = r.Date(rule.end); !st.ok()) return st;
  if (!r.done()) return r.Error("end of rule expected");
  return rule;
}

std::int64_t LocalMillis(int year, const TzRuleDate& date) {
  std::int64_t days = 0;
  switch (date.kind) {
    case TzRuleDate::Kind::kMonthWeekDay: {
      const std::int64_t first = DaysFromCivil(year, date.month, 1);
      int day = (date.weekday - Weekday(first) + 7) % 7 + 7 * (date.week - 1);
      while (day >= DaysInMonth(year, date.month)) day -= 7;
      days = first + day;
      break;
    }
    case TzRuleDate::Kind::kJulianNoLeap:
      days = DaysFromCivil(year, 1, 1) + date.day - 1 +
             (IsLeapYear(year) && date.day >= 60 ? 1 : 0);
      break;
    case TzRuleDate::Kind::kDayOfYear:
      days = DaysFromCivil(year, 1, 1) + date.day;
      break;
  }
  return days * kDayMs + date.time_ms;
}

}  // namespace vigie
