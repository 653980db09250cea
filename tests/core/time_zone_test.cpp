#include "vigie/core/time_zone.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

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

}  // namespace vigie
