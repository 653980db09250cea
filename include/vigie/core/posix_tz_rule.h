// PosixTzRule: a POSIX TZ rule, as RFC 8536 extends it for the last line of
// a TZif file: "std offset [dst [offset],start[/time],end[/time]]", e.g.
// "CET-1CEST,M3.5.0,M10.5.0/3", "<+03>-3", "IST-5:30",
// "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0".
//
// Names are three or more letters, or <...> around three or more letters,
// digits, '+' and '-'. An offset is [+-]hh[:mm[:ss]] with hours up to 24,
// positive west of Greenwich (POSIX's sign); the daylight offset defaults to
// one hour ahead of standard time. A date is Mm.w.d (day d, 0 = Sunday, of
// week w, 5 = last, of month m), Jn (1..365, February 29 never counted) or
// n (0..365, counted); its time is local, [+-]hh[:mm[:ss]] with hours up to
// 167, 02:00 by default.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

#include "vigie/core/result.h"

namespace vigie {

/// The day and local time of one end of daylight saving, each year.
struct TzRuleDate {
  /// How the day is given.
  enum class Kind : std::uint8_t {
    kMonthWeekDay,  ///< Mm.w.d
    kJulianNoLeap,  ///< Jn: 1..365, February 29 never counted
    kDayOfYear,     ///< n: 0..365, February 29 counted
  };
  Kind kind = Kind::kMonthWeekDay;
  int month = 0;    ///< 1..12 (kMonthWeekDay)
  int week = 0;     ///< 1..5, 5 the last (kMonthWeekDay)
  int weekday = 0;  ///< 0 Sunday .. 6 Saturday (kMonthWeekDay)
  int day = 0;      ///< kJulianNoLeap: 1..365; kDayOfYear: 0..365
  std::int64_t time_ms = 2 * 3600 * 1000;  ///< local time of day, may be
                                           ///< negative or past 24 h
};

/// A parsed rule; offsets are local time minus UTC, in milliseconds.
struct PosixTzRule {
  std::int64_t standard_ms = 0;  ///< standard time
  std::int64_t daylight_ms = 0;  ///< daylight saving time
  bool has_daylight = false;     ///< false: start and end are unset
  TzRuleDate start;              ///< in standard local time
  TzRuleDate end;                ///< in daylight local time
};

/// Parses `text`. InvalidArgument naming what is wrong and its column
/// (1-based), e.g. "bad POSIX TZ rule 'CET-1CEST,M3': '.' expected at
/// column 13".
Result<PosixTzRule> ParsePosixRule(std::string_view text);

/// The local time at which `date` falls in `year`, in milliseconds since
/// 1970-01-01 00:00 local time.
std::int64_t LocalMillis(int year, const TzRuleDate& date);

}  // namespace vigie
