// TimeZone: local time for a place, so that daily and weekly rhythms follow
// the brand's clock rather than UTC.
//
// A zone is a standard offset and, optionally, a daylight-saving offset with
// yearly transitions — the POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"). A
// name such as "Europe/Paris" is read from the system's zoneinfo database
// ($TZDIR, else /usr/share/zoneinfo): the TZif file's table of past
// transitions up to its last one (so a backtest over 2006 in New York, or
// 2012 in Moscow, uses the rules of then), and after it the TZ rule that
// ends the file (posix_tz_rule.h). Rule transitions are precomputed for
// 1970–2199.
//
// Thread-safety: immutable once built; share it freely.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/clock.h"
#include "vigie/core/result.h"

namespace vigie {

/// Offsets from UTC over time for one place.
class TimeZone {
 public:
  /// UTC.
  TimeZone() = default;

  /// "UTC", a zoneinfo name ("Europe/Paris", "America/Montreal") or a POSIX
  /// TZ rule. NotFound for an unknown name, InvalidArgument for a bad rule.
  static Result<TimeZone> Load(std::string_view name);
  /// A POSIX TZ rule, e.g. "CET-1CEST,M3.5.0,M10.5.0/3" or "JST-9".
  static Result<TimeZone> FromPosixRule(std::string_view rule);
  /// The zone of `tzif`, the bytes of a TZif file (RFC 8536, version 2 or
  /// later) named `name`. InvalidArgument for any other bytes.
  static Result<TimeZone> FromTzif(std::string_view name,
                                   const std::string& tzif);

  /// Local time minus UTC at instant `t`.
  Millis OffsetAt(TimePoint t) const;
  /// As given to Load() ("UTC" for the default zone).
  const std::string& name() const { return name_; }

 private:
  std::string name_ = "UTC";
  std::int64_t standard_ms_ = 0;  // standard offset
  std::int64_t daylight_ms_ = 0;  // standard + daylight-saving offset
  // UTC instants (ms) where daylight saving starts (even indexes) and ends
  // (odd indexes), in time order.
  std::vector<std::int64_t> transitions_;
  bool starts_in_daylight_ = false;  // before the first transition
  // From a TZif file: the UTC instants (ms) where the offset changed, in
  // time order, and the offset (ms) from each on; before the first, the
  // offset `history_before_ms_`. The rule above applies from the last on.
  std::vector<std::int64_t> history_at_;
  std::vector<std::int64_t> history_offset_ms_;
  std::int64_t history_before_ms_ = 0;
};

}  // namespace vigie
