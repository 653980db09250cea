// Logging: one line per event on stderr, "TIME LEVEL component: message".
//
// Thread-safety: lines from different threads never interleave.
// Secrets: callers never pass tokens, passwords or webhook URLs; use
// RedactUrl() to log where a request went.
#pragma once

#include <sstream>
#include <string>
#include <string_view>

namespace vigie::log {

/// Severity of a log line; lines below the current threshold are dropped.
enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3, kOff = 4 };

/// Sets the threshold (default kInfo). Safe from any thread.
void SetLevel(Level level);
/// Returns the current threshold.
Level GetLevel();
/// Parses "debug", "info", "warn", "error" or "off"; false when unknown.
bool ParseLevel(std::string_view name, Level* out);
/// Writes one line if `level` passes the threshold.
void Write(Level level, std::string_view component, std::string_view message);

/// Returns "scheme://host[:port]/…" with path, query and credentials removed,
/// so a webhook URL's secret path never reaches a log.
std::string RedactUrl(std::string_view url);

/// Collects one line with operator<< and writes it when destroyed.
class Line {
 public:
  /// Starts a line for `component` at `level`.
  Line(Level level, std::string_view component)
      : level_(level), component_(component) {}
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;
  ~Line() { Write(level_, component_, stream_.str()); }
  /// Appends `v` to the line.
  template <typename T>
  Line& operator<<(const T& v) {
    stream_ << v;
    return *this;
  }

 private:
  Level level_;
  std::string component_;
  std::ostringstream stream_;
};

/// Starts a debug line.
inline Line Debug(std::string_view component) {
  return Line(Level::kDebug, component);
}
/// Starts an info line.
inline Line Info(std::string_view component) {
  return Line(Level::kInfo, component);
}
/// Starts a warning line.
inline Line Warn(std::string_view component) {
  return Line(Level::kWarn, component);
}
/// Starts an error line.
inline Line Error(std::string_view component) {
  return Line(Level::kError, component);
}

}  // namespace vigie::log
