#include "vigie/detect/count_csv.h"

#include <doctest/doctest.h>

namespace vigie {

TEST_CASE("ParseCountTimestamp reads NAB's format and ISO 8601") {
  TimePoint t;
  REQUIRE(ParseCountTimestamp("2015-02-26 21:42:53", &t));
  CHECK(FormatTime(t) == "2015-02-26T21:42:53Z");
  REQUIRE(ParseCountTimestamp("2015-02-26T21:42:53Z", &t));
  CHECK(FormatTime(t) == "2015-02-26T21:42:53Z");
  REQUIRE(ParseCountTimestamp("2015-02-26T23:42:53+02:00", &t));
  CHECK(FormatTime(t) == "2015-02-26T21:42:53Z");
  REQUIRE(ParseCountTimestamp("2015-02-26 21:42:53.250000", &t));
  CHECK(ToUnixMillis(t) % 1000 == 250);
  REQUIRE(ParseCountTimestamp("2015-02-26", &t));
  CHECK(FormatTime(t) == "2015-02-26T00:00:00Z");
  CHECK_FALSE(ParseCountTimestamp("2015-02-30 10:00:00", &t));
  CHECK_FALSE(ParseCountTimestamp("2015-02-26 25:00:00", &t));
  CHECK_FALSE(ParseCountTimestamp("26/02/2015", &t));
  CHECK_FALSE(ParseCountTimestamp("2015-02-26 21:42:53 junk", &t));
}

TEST_CASE("ParseCountCsv reads rows with or without a header") {
  auto rows = ParseCountCsv("<stdin>",
                            "timestamp,value\n"
                            "2015-02-26 21:42:53,104\n"
                            "\n"
                            "2015-02-26 21:47:53,3.6\r\n");
  REQUIRE(rows.ok());
  REQUIRE(rows->size() == 2);
  CHECK((*rows)[0].timestamp == "2015-02-26 21:42:53");
  CHECK((*rows)[0].value == 104);
  CHECK((*rows)[1].value == 4);
  CHECK(InferBucketWidth(*rows, Millis(1)) == Millis(300000));
  auto bare = ParseCountCsv("<stdin>", "2015-02-26T21:42:53Z,1\n");
  REQUIRE(bare.ok());
  CHECK(bare->size() == 1);
  CHECK(InferBucketWidth(*bare, Millis(60000)) == Millis(60000));
}

TEST_CASE("ParseCountCsv errors name the line and column") {
  auto check = [](const char* text, const char* prefix) {
    auto rows = ParseCountCsv("<stdin>", text);
    REQUIRE_FALSE(rows.ok());
    CHECK_MESSAGE(rows.status().message().rfind(prefix, 0) == 0,
                  rows.status().message());
  };
  check("timestamp,value\n2015-02-26 21:42:53\n",
        "<stdin>:2:20: expected 'timestamp,value'");
  check("2015-02-26 21:42:53,1\nyesterday,2\n", "<stdin>:2:1: bad timestamp");
  check("2015-02-26 21:42:53,abc\n", "<stdin>:1:21: value 'abc' is not");
  check("2015-02-26 21:42:53,\n", "<stdin>:1:21: value '' is not");
  check("2015-02-26 21:42:53,-3\n", "<stdin>:1:21: value must be");
  check("2015-02-26 21:42:53,1\n2015-02-26 21:42:53,2\n",
        "<stdin>:2:1: timestamps must increase");
}

}  // namespace vigie
