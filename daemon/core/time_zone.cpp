#include "vigie/core/time_zone.h"

#include <algorithm>
#include <boost/date_time/local_time/posix_time_zone.hpp>
#include <boost/date_time/posix_time/posix_time.hpp>
#include <cstdlib>

#include "vigie/core/read_file.h"

namespace vigie {

namespace {

namespace lt = boost::local_time;
namespace pt = boost::posix_time;

constexpr int kFirstYear = 1970;
constexpr int kLastYear = 2199;

std::int64_t MillisSinceEpoch(const pt::ptime& t) {
  static const pt::ptime kEpoch(boost::gregorian::date(1970, 1, 1));
  return (t - kEpoch).total_milliseconds();
}

// The POSIX rule at the end of a TZif file (version 2+): "\n<rule>\n".
std::string FooterRule(const std::string& tzif) {
  if (tzif.size() < 2 || tzif.back() != '\n') return {};
  const std::size_t start = tzif.rfind('\n', tzif.size() - 2);
  if (start == std::string::npos) return {};
  return tzif.substr(start + 1, tzif.size() - start - 2);
}

bool SafeName(std::string_view name) {
  if (name.empty() || name.front() == '/' ||
      name.find("..") != std::string_view::npos) {
    return false;
  }
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '/' || c == '_' || c == '-' ||
           c == '+';
  });
}

}  // namespace

Result<TimeZone> TimeZone::FromPosixRule(std::string_view rule) {
  TimeZone zone;
  zone.name_ = std::string(rule);
  try {
    const lt::posix_time_zone tz{std::string(rule)};
    // Boost reads the offset with the sign opposite to POSIX's ("CET-1" is
    // UTC+1 in POSIX, UTC-1 for Boost): undo it.
    zone.standard_ms_ = -tz.base_utc_offset().total_milliseconds();
    zone.daylight_ms_ = zone.standard_ms_;
    if (!tz.has_dst()) return zone;
    zone.daylight_ms_ += tz.dst_offset().total_milliseconds();
    std::vector<std::pair<std::int64_t, bool>> changes;  // (utc ms, to dst)
    for (int year = kFirstYear; year <= kLastYear; ++year) {
      // Start is given in standard local time, end in daylight local time.
      const auto y = static_cast<unsigned short>(year);
      changes.emplace_back(
          MillisSinceEpoch(tz.dst_local_start_time(y)) - zone.standard_ms_,
          true);
      changes.emplace_back(
          MillisSinceEpoch(tz.dst_local_end_time(y)) - zone.daylight_ms_,
          false);
    }
    std::sort(changes.begin(), changes.end());
    // Southern zones start the epoch in daylight saving: their first change
    // of the year ends it.
    zone.starts_in_daylight_ = !changes.front().second;
    for (const auto& [at, to_dst] : changes) zone.transitions_.push_back(at);
  } catch (const std::exception& e) {
    return Status::InvalidArgument(
        "time zone",
        "bad POSIX TZ rule '" + std::string(rule) + "': " + e.what());
  }
  return zone;
}

Result<TimeZone> TimeZone::Load(std::string_view name) {
  if (name == "UTC" || name == "Etc/UTC") {
    TimeZone utc;
    utc.name_ = std::string(name);
    return utc;
  }
  if (SafeName(name)) {
    const char* dir = std::getenv("TZDIR");
    const std::string path =
        std::string(dir != nullptr && *dir != '\0' ? dir
                                                   : "/usr/share/zoneinfo") +
        "/" + std::string(name);
    if (auto tzif = ReadFile(path); tzif.ok()) {
      const std::string rule =
          tzif->compare(0, 4, "TZif") == 0 ? FooterRule(*tzif) : "";
      if (rule.empty()) {
        return Status::InvalidArgument(
            "time zone", "'" + std::string(name) +
                             "' is not a zoneinfo file with a POSIX rule");
      }
      auto zone = FromPosixRule(rule);
      if (!zone.ok()) return zone.status();
      zone->name_ = std::string(name);
      return zone;
    }
  }
  // Not a zoneinfo name: perhaps a POSIX rule ("JST-9", "CET-1CEST,...").
  if (name.find_first_of("0123456789") != std::string_view::npos) {
    if (auto zone = FromPosixRule(name); zone.ok()) return zone;
  }
  return Status::NotFound("time zone",
                          "unknown time zone '" + std::string(name) + "'");
}

Millis TimeZone::OffsetAt(TimePoint t) const {
  if (transitions_.empty()) return Millis(standard_ms_);
  const std::int64_t ms = ToUnixMillis(t);
  const auto it =
      std::upper_bound(transitions_.begin(), transitions_.end(), ms);
  const auto passed = static_cast<std::size_t>(it - transitions_.begin());
  // Each transition flips daylight saving.
  const bool daylight = (passed % 2 == 1) != starts_in_daylight_;
  return Millis(daylight ? daylight_ms_ : standard_ms_);
}

}  // namespace vigie
