// Fuzzes ParseConfig: any bytes give a config or a positioned error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigie/config/config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto config = vigie::ParseConfig("/etc/vigie/fuzz.toml", text);
  if (!config.ok() &&
      config.status().message().rfind("/etc/vigie/fuzz.toml:", 0) != 0) {
    __builtin_trap();  // every error must name the file
  }
  return 0;
}
