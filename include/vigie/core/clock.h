// Clock: the seam through which vigie reads the time.
//
// Every component takes a `Clock&` in its constructor and never reads the
// system time directly, so tests and the demo can run simulated time.
// A pass (detection, dispatch) reads `now()` once and passes it down.
// Thread-safety: both implementations may be called from any thread.
// Lifetime: a Clock must outlive every component that holds a reference.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

namespace vigie {

/// A UTC instant with millisecond resolution.
using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;
/// A duration in milliseconds.
using Millis = std::chrono::milliseconds;

/// Returns the instant `ms` milliseconds after the Unix epoch.
inline TimePoint FromUnixMillis(std::int64_t ms) {
  return TimePoint(Millis(ms));
}
/// Returns milliseconds since the Unix epoch.
inline std::int64_t ToUnixMillis(TimePoint t) {
  return t.time_since_epoch().count();
}
/// Formats as RFC 3339 UTC, e.g. "2026-11-02T08:05:00Z" (milliseconds shown
/// only when non-zero).
std::string FormatTime(TimePoint t);

/// Source of the current time.
class Clock {
 public:
  virtual ~Clock() = default;
  /// The current UTC time.
  virtual TimePoint now() const = 0;
};

/// The real wall clock.
class SystemClock final : public Clock {
 public:
  /// Reads std::chrono::system_clock.
  TimePoint now() const override;
};

/// A clock that moves only when told: tests and the demo's accelerated story.
class SimulatedClock final : public Clock {
 public:
  /// Starts at `start`.
  explicit SimulatedClock(TimePoint start) : ms_(ToUnixMillis(start)) {}
  /// The simulated time.
  TimePoint now() const override { return FromUnixMillis(ms_.load()); }
  /// Moves the time forward by `d` (which must not be negative).
  void advance(Millis d) { ms_.fetch_add(d.count()); }
  /// Sets the time; it may not go backwards.
  void set(TimePoint t);

 private:
  std::atomic<std::int64_t> ms_;
};

}  // namespace vigie
