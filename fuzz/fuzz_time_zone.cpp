// Fuzzes TimeZone::FromTzif and POSIX rules: any bytes give a zone or an
// error; a zone's offsets stay within 26 hours, at any instant.
#include <cstddef>
#include <cstdint>
#include <string>

#include "vigie/core/time_zone.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  constexpr std::int64_t kMaxMs = 26 * 3600 * 1000;
  for (auto zone : {vigie::TimeZone::FromTzif("fuzz", bytes),
                    vigie::TimeZone::FromPosixRule(bytes)}) {
    if (!zone.ok()) continue;
    for (std::int64_t ms :
         {std::int64_t{-4000000000000}, std::int64_t{0},
          std::int64_t{1142856000000}, std::int64_t{1783000000000},
          std::int64_t{7300000000000}}) {
      const std::int64_t offset =
          zone->OffsetAt(vigie::FromUnixMillis(ms)).count();
      if (offset <= -kMaxMs || offset >= kMaxMs) __builtin_trap();
    }
  }
  return 0;
}
