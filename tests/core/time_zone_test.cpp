#include "vigie/core/time_zone.h"

#include <doctest/doctest.h>
#include <time.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "test_util.h"
#include "vigie/core/read_file.h"

namespace vigie {

namespace {
constexpr std::int64_t kHour = 3600000;
TimePoint Utc(std::int64_t ms) { return FromUnixMillis(ms); }
}  // namespace

TEST_CASE("TimeZone: UTC and fixed offsets") {
  const TimeZone utc;
  CHECK(utc.OffsetAt(Utc(0)) == Millis(0));
  auto tokyo = TimeZone::FromPosixRule("JST-9");
  REQUIRE(tokyo.ok());
  CHECK(tokyo->OffsetAt(Utc(1793602800000)) == Millis(9 * kHour));
  auto same = TimeZone::Load("JST-9");
  REQUIRE(same.ok());
  CHECK(same->OffsetAt(Utc(0)) == Millis(9 * kHour));
}

TEST_CASE("TimeZone: a European rule switches on the last Sundays") {
  auto paris = TimeZone::FromPosixRule("CET-1CEST,M3.5.0,M10.5.0/3");
  REQUIRE_MESSAGE(paris.ok(), paris.status().message());
  // 2026-03-29 01:00 UTC: summer time starts; 2026-10-25 01:00 UTC: ends.
  const std::int64_t spring = 1774746000000;
  const std::int64_t autumn = 1792890000000;
  CHECK(paris->OffsetAt(Utc(spring - 1)) == Millis(kHour));
  CHECK(paris->OffsetAt(Utc(spring)) == Millis(2 * kHour));
  CHECK(paris->OffsetAt(Utc(autumn - 1)) == Millis(2 * kHour));
  CHECK(paris->OffsetAt(Utc(autumn)) == Millis(kHour));
}

TEST_CASE("TimeZone: a southern rule is in daylight saving over new year") {
  // Sydney: AEDT from the first Sunday of October to the first of April.
  auto sydney = TimeZone::FromPosixRule("AEST-10AEDT,M10.1.0,M4.1.0/3");
  REQUIRE(sydney.ok());
  CHECK(sydney->OffsetAt(Utc(1767225600000)) == Millis(11 * kHour));  // Jan
  CHECK(sydney->OffsetAt(Utc(1783000000000)) == Millis(10 * kHour));  // Jul
}

TEST_CASE("TimeZone: names from the zoneinfo database, errors otherwise") {
  auto paris = TimeZone::Load("Europe/Paris");
  REQUIRE_MESSAGE(paris.ok(), paris.status().message());
  CHECK(paris->name() == "Europe/Paris");
  CHECK(paris->OffsetAt(Utc(1783000000000)) == Millis(2 * kHour));  // July
  CHECK(paris->OffsetAt(Utc(1767225600000)) == Millis(kHour));      // Jan
  auto typo = TimeZone::Load("Europe/Pariss");
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.status().message().find("unknown time zone 'Europe/Pariss'") !=
        std::string::npos);
  CHECK_FALSE(TimeZone::Load("../../etc/passwd").ok());
  CHECK_FALSE(TimeZone::Load("").ok());
  CHECK_FALSE(TimeZone::FromPosixRule("CET-1CEST,M13.5.0,M10.5.0").ok());
  // A name that can only be a rule gets the rule's error.
  auto rule = TimeZone::Load("CET-1CEST,M3");
  REQUIRE_FALSE(rule.ok());
  CHECK(rule.status().message().find("'.' expected at column 13") !=
        std::string::npos);
  auto gmt = TimeZone::Load("Etc/GMT+55");
  REQUIRE_FALSE(gmt.ok());
  CHECK(gmt.status().message().find("unknown time zone") != std::string::npos);
}

TEST_CASE("TimeZone: a zoneinfo name keeps the rules of past years") {
  // New York moved the start of daylight saving from April to March in 2007;
  // today's rule alone would put 2006-03-20 in EDT.
  auto ny = TimeZone::Load("America/New_York");
  REQUIRE_MESSAGE(ny.ok(), ny.status().message());
  CHECK(ny->OffsetAt(Utc(1142856000000)) == Millis(-5 * kHour));  // 2006-03-20
  CHECK(ny->OffsetAt(Utc(1174392000000)) == Millis(-4 * kHour));  // 2007-03-20
  CHECK(ny->OffsetAt(Utc(4118083200000)) == Millis(-4 * kHour));  // 2100-07-01
  CHECK(ny->OffsetAt(Utc(4102444800000)) == Millis(-5 * kHour));  // 2100-01-01
  // Moscow kept UTC+4 all year from 2011 to 2014, UTC+3 since.
  auto moscow = TimeZone::Load("Europe/Moscow");
  REQUIRE_MESSAGE(moscow.ok(), moscow.status().message());
  CHECK(moscow->OffsetAt(Utc(1356998400000)) == Millis(4 * kHour));  // 2013
  CHECK(moscow->OffsetAt(Utc(1577836800000)) == Millis(3 * kHour));  // 2020
}

TEST_CASE("TimeZone: a damaged zoneinfo transition table is an error") {
  auto real = ReadFile("/usr/share/zoneinfo/America/New_York");
  REQUIRE(real.ok());
  std::string tzif = *real;
  // The second header's transition count, past the version 1 data block.
  auto count = [&](std::size_t at) {
    return static_cast<std::size_t>(
        static_cast<unsigned char>(tzif[at]) << 24 |
        static_cast<unsigned char>(tzif[at + 1]) << 16 |
        static_cast<unsigned char>(tzif[at + 2]) << 8 |
        static_cast<unsigned char>(tzif[at + 3]));
  };
  const std::size_t v1 = count(32) * 5 + count(36) * 6 + count(40) +
                         count(28) * 8 + count(24) + count(20);
  const std::size_t time_count = 44 + v1 + 32;
  REQUIRE(tzif.compare(44 + v1, 4, "TZif") == 0);
  tzif[time_count] = '\x7f';
  testing::TempDir dir;
  dir.Write("Bad/Zone", tzif);
  const char* old = std::getenv("TZDIR");
  const std::string saved = old != nullptr ? old : "";
  ::setenv("TZDIR", dir.path().c_str(), 1);
  auto bad = TimeZone::Load("Bad/Zone");
  if (old != nullptr) {
    ::setenv("TZDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TZDIR");
  }
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("damaged transition table") !=
        std::string::npos);
}

namespace {

// Sets TZ for the scope, for the C library's localtime_r().
class ScopedTz {
 public:
  explicit ScopedTz(const std::string& tz) {
    const char* old = std::getenv("TZ");
    had_ = old != nullptr;
    if (had_) old_ = old;
    ::setenv("TZ", tz.c_str(), 1);
    ::tzset();
  }
  ~ScopedTz() {
    if (had_) {
      ::setenv("TZ", old_.c_str(), 1);
    } else {
      ::unsetenv("TZ");
    }
    ::tzset();
  }
  ScopedTz(const ScopedTz&) = delete;
  ScopedTz& operator=(const ScopedTz&) = delete;

 private:
  bool had_ = false;
  std::string old_;
};

// The C library's offset at `seconds` since the epoch, under the current TZ.
std::int64_t LibcOffsetMs(std::int64_t seconds) {
  const auto t = static_cast<time_t>(seconds);
  struct tm local {};
  localtime_r(&t, &local);
  return static_cast<std::int64_t>(local.tm_gmtoff) * 1000;
}

}  // namespace

TEST_CASE("TimeZone: every zoneinfo zone agrees with the C library") {
  const std::filesystem::path root = "/usr/share/zoneinfo";
  std::vector<std::string> names;
  for (const char* area : {"Africa", "America", "Antarctica", "Asia",
                           "Atlantic", "Australia", "Europe", "Pacific"}) {
    for (const auto& e :
         std::filesystem::recursive_directory_iterator(root / area)) {
      if (e.is_regular_file()) {
        names.push_back(std::filesystem::relative(e.path(), root).string());
      }
    }
  }
  REQUIRE(names.size() > 300);
  int checked = 0;
  for (const std::string& name : names) {
    CAPTURE(name);
    auto zone = TimeZone::Load(name);
    REQUIRE_MESSAGE(zone.ok(), zone.status().message());
    ScopedTz tz(name);
    // Every 11 days and 7 hours from 1970 to 2100: each weekday and hour.
    int mismatches = 0;
    for (std::int64_t s = 3600; s < 4102444800; s += 11 * 86400 + 7 * 3600) {
      if (zone->OffsetAt(Utc(s * 1000)).count() != LibcOffsetMs(s)) {
        if (++mismatches == 1) {
          CHECK_MESSAGE(false, "first mismatch at "
                                   << s << ": "
                                   << zone->OffsetAt(Utc(s * 1000)).count()
                                   << " vs " << LibcOffsetMs(s));
        }
      }
      ++checked;
    }
    CHECK(mismatches == 0);
  }
  CHECK(checked > 1000000);
}

TEST_CASE("TimeZone: POSIX rules agree with the C library, to the second") {
  for (const char* rule :
       {"CET-1CEST,M3.5.0,M10.5.0/3", "EST5EDT,M3.2.0,M11.1.0",
        "AEST-10AEDT,M10.1.0,M4.1.0/3", "<+03>-3", "<-03>3", "IST-5:30",
        "NZST-12NZDT,M9.5.0,M4.1.0/3", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",
        "<-01>1<+00>,M3.5.0/0,M10.5.0/1", "AAA3BBB,J60/1,J300/1",
        "CCC-1DDD,59/2,300/2", "EEE-2FFF,M3.5.4/24,M10.5.5/1",
        "<-02>2<-01>,M3.5.0/-1,M10.5.0/0", "GGG+4HHH+3,M4.1.0/-2,M10.5.0/26",
        "NST3:30NDT,M3.2.0,M11.1.0"}) {
    const std::string text = rule;
    CAPTURE(text);
    auto zone = TimeZone::FromPosixRule(rule);
    REQUIRE_MESSAGE(zone.ok(), zone.status().message());
    ScopedTz tz(rule);
    for (std::int64_t s = 0; s < 4102444800; s += 86400 + 3 * 3600 + 1) {
      CAPTURE(s);
      CHECK(zone->OffsetAt(Utc(s * 1000)).count() == LibcOffsetMs(s));
    }
  }
}

TEST_CASE("TimeZone: daylight time all year, as RFC 8536 writes it") {
  // From the start of the year to 25:00 on its last day: no standard time
  // between one year's end and the next one's start. (The C library
  // computes each year alone, so it is no reference here.)
  auto zone = TimeZone::FromPosixRule("EST5EDT,0/0,J365/25");
  REQUIRE(zone.ok());
  for (std::int64_t s = 0; s < 4102444800; s += 86400 + 3 * 3600 + 1) {
    CAPTURE(s);
    CHECK(zone->OffsetAt(Utc(s * 1000)) == Millis(-4 * kHour));
  }
}

TEST_CASE("TimeZone: a bad POSIX rule says what and where") {
  struct Case {
    const char* rule;
    const char* message;
  };
  for (const Case& c : {
           Case{"CET-1CEST,M3", "'.' expected at column 13"},
           Case{"CET-1CEST,M13.5.0,M10.5.0", "out of range 1..12"},
           Case{"CET-1CEST", "',' and the start of daylight time expected"},
           Case{"CE-1", "three or more letters expected at column 1"},
           Case{"<+3>-3", "too short"},
           Case{"CET-25", "out of range 0..24"},
           Case{"CET-1CEST,J366,J1", "out of range 1..365"},
           Case{"CET-1CEST,M3.5.0,M10.5.0/168", "out of range 0..167"},
           Case{"CET-1CEST,M3.5.0,M10.5.0x", "end of rule expected"},
       }) {
    CAPTURE(c.rule);
    auto zone = TimeZone::FromPosixRule(c.rule);
    REQUIRE_FALSE(zone.ok());
    CHECK(zone.status().message().find(c.message) != std::string::npos);
  }
}

}  // namespace vigie
