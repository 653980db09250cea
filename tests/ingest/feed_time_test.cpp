#include "vigie/ingest/feed_time.h"

#include <doctest/doctest.h>

#include <string>

namespace vigie {
namespace {

// "" when the text does not parse, else the UTC instant in RFC 3339.
std::string Rfc822(std::string_view text) {
  const auto t = ParseRfc822Date(text);
  return t ? FormatTime(*t) : "";
}
std::string Rfc3339(std::string_view text) {
  const auto t = ParseRfc3339(text);
  return t ? FormatTime(*t) : "";
}
std::string FeedDate(std::string_view text) {
  const auto t = ParseFeedDate(text);
  return t ? FormatTime(*t) : "";
}

TEST_CASE("RFC 822: the usual RSS forms, converted to UTC") {
  CHECK(Rfc822("Mon, 02 Nov 2026 08:05:00 +0100") == "2026-11-02T07:05:00Z");
  CHECK(Rfc822("Mon, 2 Nov 2026 08:05:00 GMT") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 +0000") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("Mon, 02 Nov 2026 08:05:00 -0330") == "2026-11-02T11:35:00Z");
  CHECK(Rfc822("  Mon,02 Nov 2026 8:05:00 GMT  ") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("Mon, 02 Nov 2026 08:05 +0100") == "2026-11-02T07:05:00Z");
  CHECK(Rfc822("Monday, 2 November 2026 08:05:00 +01:00") ==
        "2026-11-02T07:05:00Z");
  CHECK(Rfc822("2 Sept 2026 10:00:00 GMT") == "2026-09-02T10:00:00Z");
  CHECK(Rfc822("02-Nov-2026 08:05:00 GMT") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("Tue, 02 Nov 2026 08:05:00 GMT") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("Mon, 02 Nov 2026 08:05:00 +0100 (CET)") ==
        "2026-11-02T07:05:00Z");
  CHECK(Rfc822("mon, 02 nov 2026 08:05:00 gmt") == "2026-11-02T08:05:00Z");
}

TEST_CASE("RFC 822: two-digit years pivot at 50") {
  CHECK(Rfc822("Mon, 02 Nov 26 08:05:00 GMT") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("Fri, 01 Jan 99 00:00:00 GMT") == "1999-01-01T00:00:00Z");
  CHECK(Rfc822("01 Jan 49 00:00:00 GMT") == "2049-01-01T00:00:00Z");
  CHECK(Rfc822("01 Jan 50 00:00:00 GMT") == "1950-01-01T00:00:00Z");
}

TEST_CASE("RFC 822: named zones") {
  CHECK(Rfc822("02 Nov 2026 08:05:00 UT") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 UTC") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 Z") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 EST") == "2026-11-02T13:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 EDT") == "2026-11-02T12:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 CST") == "2026-11-02T14:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 CDT") == "2026-11-02T13:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 MST") == "2026-11-02T15:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 MDT") == "2026-11-02T14:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 PST") == "2026-11-02T16:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 PDT") == "2026-11-02T15:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 CEST") == "2026-11-02T06:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00") == "2026-11-02T08:05:00Z");
  CHECK(Rfc822("02 Nov 2026") == "2026-11-02T00:00:00Z");
}

TEST_CASE("RFC 822: day, year and midnight boundaries") {
  CHECK(Rfc822("Thu, 01 Jan 2026 00:30:00 +0100") == "2025-12-31T23:30:00Z");
  CHECK(Rfc822("29 Feb 2024 12:00:00 GMT") == "2024-02-29T12:00:00Z");
  CHECK(Rfc822("31 Dec 2026 23:59:60 GMT") == "2027-01-01T00:00:00Z");
  const auto before_epoch = ParseRfc822Date("01 Jan 1969 00:00:00 GMT");
  REQUIRE(before_epoch);
  CHECK(ToUnixMillis(*before_epoch) == -31536000000LL);
  const auto epoch = ParseRfc822Date("Thu, 01 Jan 1970 00:00:00 GMT");
  REQUIRE(epoch);
  CHECK(ToUnixMillis(*epoch) == 0);
}

TEST_CASE("RFC 822: out-of-range and malformed dates are rejected") {
  CHECK(Rfc822("") == "");
  CHECK(Rfc822("   ") == "");
  CHECK(Rfc822("hier à 8h") == "");
  CHECK(Rfc822("31 Nov 2026 08:05:00 GMT") == "");
  CHECK(Rfc822("29 Feb 2025 08:05:00 GMT") == "");
  CHECK(Rfc822("29 Feb 1900 08:05:00 GMT") == "");
  CHECK(Rfc822("00 Nov 2026 08:05:00 GMT") == "");
  CHECK(Rfc822("02 Foo 2026 08:05:00 GMT") == "");
  CHECK(Rfc822("02 Nov 2026 24:00:00 GMT") == "");
  CHECK(Rfc822("02 Nov 2026 08:60:00 GMT") == "");
  CHECK(Rfc822("02 Nov 2026 08:05:61 GMT") == "");
  CHECK(Rfc822("02 Nov 2026 08:05:00 +2500") == "");
  CHECK(Rfc822("02 Nov 2026 08:05:00 +01") == "2026-11-02T07:05:00Z");
  CHECK(Rfc822("02 Nov 2026 08:05:00 +010") == "");
  CHECK(Rfc822("02 Nov 2026 08:05:00 XYZ") == "");
  CHECK(Rfc822("02 Nov 2026 08:05:00 GMT extra") == "");
  CHECK(Rfc822("Xyz, 02 Nov 2026 08:05:00 GMT") == "");
  CHECK(Rfc822("02 Nov 2026 08:05:00 +0100 (unclosed") == "");
  CHECK(Rfc822("2026-11-02T08:05:00Z") == "");
  CHECK(Rfc822(std::string_view("02 Nov 2026\0 08:05:00 GMT", 25)) == "");
}

TEST_CASE("RFC 3339: Atom timestamps") {
  CHECK(Rfc3339("2026-11-02T08:05:00Z") == "2026-11-02T08:05:00Z");
  CHECK(Rfc3339("2026-11-02T08:05:00.123+01:00") == "2026-11-02T07:05:00.123Z");
  CHECK(Rfc3339("2026-11-02t08:05:00z") == "2026-11-02T08:05:00Z");
  CHECK(Rfc3339("2026-11-02 08:05:00-05:00") == "2026-11-02T13:05:00Z");
  CHECK(Rfc3339("2026-11-02T08:05:00.5Z") == "2026-11-02T08:05:00.500Z");
  CHECK(Rfc3339("2026-11-02T08:05:00.123456789Z") ==
        "2026-11-02T08:05:00.123Z");
  CHECK(Rfc3339("2026-01-01T00:30:00+01:00") == "2025-12-31T23:30:00Z");
  CHECK(Rfc3339("2024-02-29T00:00:00Z") == "2024-02-29T00:00:00Z");
}

TEST_CASE("RFC 3339: anything short of the full form is rejected") {
  CHECK(Rfc3339("") == "");
  CHECK(Rfc3339("2026-11-02") == "");
  CHECK(Rfc3339("2026-11-02T08:05:00") == "");
  CHECK(Rfc3339("2026-11-02T08:05Z") == "");
  CHECK(Rfc3339("2026-11-02T08:05:00+0100") == "");
  CHECK(Rfc3339("2026-11-02T08:05:00.Z") == "");
  CHECK(Rfc3339("2026-13-02T08:05:00Z") == "");
  CHECK(Rfc3339("2026-02-30T08:05:00Z") == "");
  CHECK(Rfc3339("2025-02-29T08:05:00Z") == "");
  CHECK(Rfc3339("2026-11-02T24:00:00Z") == "");
  CHECK(Rfc3339("2026-11-02T08:05:00+24:00") == "");
  CHECK(Rfc3339("0000-01-01T00:00:00Z") == "");
  CHECK(Rfc3339("2026-11-02T08:05:00Z ") == "");
  CHECK(Rfc3339("2026-11-2T08:05:00Z") == "");
  CHECK(Rfc3339("Mon, 02 Nov 2026 08:05:00 GMT") == "");
}

TEST_CASE("ParseFeedDate accepts RFC 822, RFC 3339 and W3C-DTF reductions") {
  CHECK(FeedDate("Mon, 02 Nov 2026 08:05:00 +0100") == "2026-11-02T07:05:00Z");
  CHECK(FeedDate("2026-11-02T08:05:00.123+01:00") ==
        "2026-11-02T07:05:00.123Z");
  CHECK(FeedDate("2026-11-02") == "2026-11-02T00:00:00Z");
  CHECK(FeedDate(" 2026-11-02T08:05+01:00 ") == "2026-11-02T07:05:00Z");
  CHECK(FeedDate("2026-11-02T08:05:00") == "2026-11-02T08:05:00Z");
  CHECK(FeedDate("2026-11-02T08:05:00+0100") == "2026-11-02T07:05:00Z");
  CHECK(FeedDate("2026-11-31") == "");
  CHECK(FeedDate("demain") == "");
  CHECK(FeedDate("") == "");
}

}  // namespace
}  // namespace vigie
