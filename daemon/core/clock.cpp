#include "vigie/core/clock.h"

#include <cstdio>
#include <ctime>

namespace vigie {

std::string FormatTime(TimePoint t) {
  const std::int64_t ms = ToUnixMillis(t);
  std::int64_t secs = ms / 1000;
  std::int64_t rem = ms % 1000;
  if (rem < 0) {
    rem += 1000;
    secs -= 1;
  }
  const std::time_t tt = static_cast<std::time_t>(secs);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[64];
  if (rem == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ",
                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min, tm.tm_sec);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                  tm.tm_min, tm.tm_sec, static_cast<int>(rem));
  }
  return buf;
}

TimePoint SystemClock::now() const {
  return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
}

void SimulatedClock::set(TimePoint t) {
  std::int64_t want = ToUnixMillis(t);
  std::int64_t cur = ms_.load();
  while (want > cur && !ms_.compare_exchange_weak(cur, want)) {
  }
}

}  // namespace vigie
