#include "vigie/core/log.h"

#include <atomic>
#include <cstdio>
#include <mutex>

#include "vigie/core/clock.h"

namespace vigie::log {

namespace {
std::atomic<int> g_level{static_cast<int>(Level::kInfo)};
std::mutex g_mutex;

std::string_view LevelName(Level level) {
  switch (level) {
    case Level::kDebug:
      return "DEBUG";
    case Level::kInfo:
      return "INFO ";
    case Level::kWarn:
      return "WARN ";
    case Level::kError:
      return "ERROR";
    case Level::kOff:
      return "OFF  ";
  }
  return "?";
}
}  // namespace

void SetLevel(Level level) { g_level.store(static_cast<int>(level)); }

Level GetLevel() { return static_cast<Level>(g_level.load()); }

bool ParseLevel(std::string_view name, Level* out) {
  if (name == "debug")
    *out = Level::kDebug;
  else if (name == "info")
    *out = Level::kInfo;
  else if (name == "warn")
    *out = Level::kWarn;
  else if (name == "error")
    *out = Level::kError;
  else if (name == "off")
    *out = Level::kOff;
  else
    return false;
  return true;
}

void Write(Level level, std::string_view component, std::string_view message) {
  if (static_cast<int>(level) < g_level.load() || level == Level::kOff) return;
  const std::string ts = FormatTime(SystemClock().now());
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fprintf(stderr, "%s %s %.*s: %.*s\n", ts.c_str(),
               LevelName(level).data(), static_cast<int>(component.size()),
               component.data(), static_cast<int>(message.size()),
               message.data());
}

std::string RedactUrl(std::string_view url) {
  std::size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return "<url>";
  std::size_t host_start = scheme_end + 3;
  std::size_t host_end = url.find_first_of("/?#", host_start);
  std::string_view authority = url.substr(
      host_start, host_end == std::string_view::npos ? std::string_view::npos
                                                     : host_end - host_start);
  std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string out(url.substr(0, host_start));
  out += authority;
  out += "/…";
  return out;
}

}  // namespace vigie::log
