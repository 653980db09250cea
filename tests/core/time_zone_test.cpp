#include "vigie/core/time_zone.h"

#include <doctest/doctest.h>

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

}  // namespace vigie
