#include "vigie/core/time_zone.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "vigie/core/posix_tz_rule.h"
#include "vigie/core/read_file.h"

namespace vigie {

namespace {

constexpr int kFirstYear = 1970;
constexpr int kLastYear = 2199;
// Offsets beyond this (RFC 8536 allows -25:59:59 to +25:59:59) are damage.
constexpr std::int64_t kMaxOffsetMs = 26 * 3600 * 1000;

// The POSIX rule at the end of a TZif file (version 2+): "\n<rule>\n".
std::string FooterRule(const std::string& tzif) {
  if (tzif.size() < 2 || tzif.back() != '\n') return {};
  const std::size_t start = tzif.rfind('\n', tzif.size() - 2);
  if (start == std::string::npos) return {};
  return tzif.substr(start + 1, tzif.size() - start - 2);
}

std::int64_t BigEndian(const std::string& s, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) {
    v = v << 8 |
        static_cast<unsigned char>(s[at + static_cast<std::size_t>(i)]);
  }
  // Sign-extend a 4-byte value.
  if (bytes == 4)
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

// The transitions of a TZif file (RFC 8536), from its version 2+ data block
// of 64-bit times: `at` (UTC ms) and the UT offset (ms) from each on, and in
// `before` the offset before the first. False when the file is too short for
// the counts its headers give, or not version 2+.
bool ReadTzifHistory(const std::string& tzif, std::vector<std::int64_t>& at,
                     std::vector<std::int64_t>& offset, std::int64_t& before) {
  constexpr std::size_t kHeader = 44;
  struct Counts {
    std::int64_t isut, isstd, leap, time, type, chars;
  };
  auto counts_at = [&](std::size_t h, Counts& c) {
    if (tzif.size() < h + kHeader || tzif.compare(h, 4, "TZif") != 0) {
      return false;
    }
    c = {BigEndian(tzif, h + 20, 4), BigEndian(tzif, h + 24, 4),
         BigEndian(tzif, h + 28, 4), BigEndian(tzif, h + 32, 4),
         BigEndian(tzif, h + 36, 4), BigEndian(tzif, h + 40, 4)};
    return c.time >= 0 && c.time < 100000 && c.type > 0 && c.type < 256 &&
           c.chars >= 0 && c.chars < 65536 && c.leap >= 0 && c.leap < 65536 &&
           c.isstd >= 0 && c.isstd <= c.type && c.isut >= 0 && c.isut <= c.type;
  };
  Counts v1;
  if (!counts_at(0, v1) || tzif[4] < '2') return false;
  const auto v1_size = static_cast<std::size_t>(
      v1.time * 5 + v1.type * 6 + v1.chars + v1.leap * 8 + v1.isstd + v1.isut);
  const std::size_t h2 = kHeader + v1_size;
  Counts c;
  if (!counts_at(h2, c)) return false;
  const std::size_t times = h2 + kHeader;
  const auto n = static_cast<std::size_t>(c.time);
  const std::size_t indexes = times + 8 * n;
  const std::size_t types = indexes + n;
  if (tzif.size() < types + 6 * static_cast<std::size_t>(c.type)) return false;
  auto type_offset_ms = [&](std::size_t type) {
    return 1000 * BigEndian(tzif, types + 6 * type, 4);
  };
  for (std::size_t t = 0; t < static_cast<std::size_t>(c.type); ++t) {
    if (std::abs(type_offset_ms(t)) >= kMaxOffsetMs) return false;
  }
  before = type_offset_ms(0);
  at.clear();
  offset.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const auto type = static_cast<unsigned char>(tzif[indexes + i]);
    if (type >= c.type) return false;
    // Clamped so that milliseconds fit (RFC 8536 allows -2^59 s, "the big
    // bang"); ±2^52 s is a hundred million years away.
    constexpr std::int64_t kFarSeconds = std::int64_t{1} << 52;
    at.push_back(1000 * std::clamp(BigEndian(tzif, times + 8 * i, 8),
                                   -kFarSeconds, kFarSeconds));
    offset.push_back(type_offset_ms(type));
  }
  return std::is_sorted(at.begin(), at.end());
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

Result<TimeZone> TimeZone::FromPosixRule(std::string_view text) {
  auto rule = ParsePosixRule(text);
  if (!rule.ok()) return rule.status();
  TimeZone zone;
  zone.name_ = std::string(text);
  zone.standard_ms_ = rule->standard_ms;
  zone.daylight_ms_ = rule->daylight_ms;
  if (!rule->has_daylight) return zone;
  std::vector<std::pair<std::int64_t, bool>> changes;  // (utc ms, to dst)
  // From the year before, whose daylight time may run into 1970.
  for (int year = kFirstYear - 1; year <= kLastYear; ++year) {
    // Start is given in standard local time, end in daylight local time.
    changes.emplace_back(LocalMillis(year, rule->start) - zone.standard_ms_,
                         true);
    changes.emplace_back(LocalMillis(year, rule->end) - zone.daylight_ms_,
                         false);
  }
  std::sort(changes.begin(), changes.end());
  // Southern zones start the epoch in daylight saving: their first change
  // of the year ends it.
  zone.starts_in_daylight_ = !changes.front().second;
  for (const auto& [at, to_dst] : changes) zone.transitions_.push_back(at);
  return zone;
}

Result<TimeZone> TimeZone::FromTzif(std::string_view name,
                                    const std::string& tzif) {
  const std::string rule =
      tzif.compare(0, 4, "TZif") == 0 ? FooterRule(tzif) : "";
  if (rule.empty()) {
    return Status::InvalidArgument(
        "time zone",
        "'" + std::string(name) + "' is not a zoneinfo file with a POSIX rule");
  }
  auto zone = FromPosixRule(rule);
  if (!zone.ok()) return zone.status();
  zone->name_ = std::string(name);
  if (!ReadTzifHistory(tzif, zone->history_at_, zone->history_offset_ms_,
                       zone->history_before_ms_)) {
    return Status::InvalidArgument(
        "time zone",
        "'" + std::string(name) + "' has a damaged transition table");
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
    if (auto tzif = ReadFile(path); tzif.ok()) return FromTzif(name, *tzif);
  }
  // Not a zoneinfo name: perhaps a POSIX rule ("JST-9", "CET-1CEST,..."),
  // whose error then says what is wrong and where.
  if (name.find_first_of("0123456789") != std::string_view::npos &&
      name.find('/') == std::string_view::npos) {
    return FromPosixRule(name);
  }
  return Status::NotFound("time zone",
                          "unknown time zone '" + std::string(name) + "'");
}

Millis TimeZone::OffsetAt(TimePoint t) const {
  const std::int64_t ms = ToUnixMillis(t);
  if (!history_at_.empty() && ms < history_at_.back()) {
    const auto it =
        std::upper_bound(history_at_.begin(), history_at_.end(), ms);
    if (it == history_at_.begin()) return Millis(history_before_ms_);
    return Millis(history_offset_ms_[static_cast<std::size_t>(
        it - history_at_.begin() - 1)]);
  }
  if (transitions_.empty()) return Millis(standard_ms_);
  const auto it =
      std::upper_bound(transitions_.begin(), transitions_.end(), ms);
  const auto passed = static_cast<std::size_t>(it - transitions_.begin());
  // Each transition flips daylight saving.
  const bool daylight = (passed % 2 == 1) != starts_in_daylight_;
  return Millis(daylight ? daylight_ms_ : standard_ms_);
}

}  // namespace vigie
