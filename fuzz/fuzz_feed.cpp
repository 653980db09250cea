// Fuzzes ParseFeed: any bytes give entries or a positioned error.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "vigie/ingest/feed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  const std::string_view body(reinterpret_cast<const char*>(data), size);
  auto entries = vigie::ParseFeed("fuzz-feed", body);
  if (!entries.ok() && entries.status().message().rfind("fuzz-feed:", 0) != 0) {
    __builtin_trap();  // every error must name the feed
  }
  return 0;
}
