// Date parsing for feeds: RFC 822 (RSS pubDate) and RFC 3339 (Atom).
//
// Pure functions: safe from any thread, no locale or time-zone database is
// read, and the result is always UTC. An unreadable or out-of-range date gives
// std::nullopt, never an error, since a feed entry without a date is still
// usable (the fetch time stands in for it).
#pragma once

#include <optional>
#include <string_view>

#include "vigie/core/clock.h"

namespace vigie {

/// Parses an RFC 822 / RFC 2822 date as found in RSS, e.g.
/// "Mon, 02 Nov 2026 08:05:00 +0100". Tolerates a missing or mismatched
/// weekday, full English day and month names, 2-digit years (< 50 → 20xx,
/// else 19xx), missing seconds, "+hh:mm" offsets, a trailing "(comment)",
/// the zones GMT, UT, UTC, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT, CET/CEST
/// (other single military letters count as UTC, as RFC 2822 says) and a
/// missing zone or time (taken as UTC, midnight). Leap second 60 is accepted.
std::optional<TimePoint> ParseRfc822Date(std::string_view text);

/// Parses a full RFC 3339 timestamp, e.g. "2026-11-02T08:05:00Z" or
/// "2026-11-02t08:05:00.123+01:00" (separator T, t or space; offset Z, z or
/// ±hh:mm). Fractional seconds are truncated to milliseconds.
std::optional<TimePoint> ParseRfc3339(std::string_view text);

/// Parses any date a feed may carry: RFC 822, RFC 3339, or a W3C-DTF
/// reduction of it as used by dc:date ("2026-11-02", "2026-11-02T08:05Z",
/// no offset → UTC).
std::optional<TimePoint> ParseFeedDate(std::string_view text);

}  // namespace vigie
