// Unaligned loads of a few bytes as one machine word, for the code that
// scans text eight bytes at a time (tokenizer, folding, term keys). The
// memcpy compiles to a single load.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <cstring>

namespace vigie {

/// The 8 bytes at `p` as one native-endian word (no alignment needed).
inline std::uint64_t LoadBytes8(const char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

/// The 4 bytes at `p` as one native-endian word (no alignment needed).
inline std::uint32_t LoadBytes4(const char* p) noexcept {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

}  // namespace vigie
