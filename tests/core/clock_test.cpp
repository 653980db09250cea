#include "vigie/core/clock.h"

#include <doctest/doctest.h>

namespace vigie {

TEST_CASE("SimulatedClock moves only when told, never backwards") {
  SimulatedClock clock(FromUnixMillis(1000));
  CHECK(ToUnixMillis(clock.now()) == 1000);
  clock.advance(Millis(500));
  CHECK(ToUnixMillis(clock.now()) == 1500);
  clock.set(FromUnixMillis(1200));
  CHECK(ToUnixMillis(clock.now()) == 1500);
  clock.set(FromUnixMillis(9000));
  CHECK(ToUnixMillis(clock.now()) == 9000);
}

TEST_CASE("FormatTime prints RFC 3339 UTC") {
  CHECK(FormatTime(FromUnixMillis(1793602800000)) == "2026-11-02T07:00:00Z");
  CHECK(FormatTime(FromUnixMillis(1793602800123)) ==
        "2026-11-02T07:00:00.123Z");
  CHECK(FormatTime(FromUnixMillis(-1)) == "1969-12-31T23:59:59.999Z");
}

}  // namespace vigie
