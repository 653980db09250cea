#include "vigie/core/near_duplicate.h"

#include <utf8proc.h>

#include <string>

#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Hashes the words of one white-space-separated chunk of folded text.
void HashChunk(std::string_view chunk, std::uint64_t& h, bool& any) {
  if (StartsWith(chunk, "http://") || StartsWith(chunk, "https://") ||
      StartsWith(chunk, "www.") || StartsWith(chunk, "@")) {
    return;
  }
  if (chunk == "rt" || chunk == "via" || chunk == "rt:") return;
  std::size_t i = 0;
  bool in_word = false;
  while (i < chunk.size()) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(chunk.data() + i),
        static_cast<utf8proc_ssize_t>(chunk.size() - i), &cp);
    const std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
    if (cp >= 0 && IsWordCodepoint(cp)) {
      if (!in_word && any) {
        h ^= ' ';
        h *= kFnvPrime;
      }
      for (std::size_t k = 0; k < len; ++k) {
        h ^= static_cast<unsigned char>(chunk[i + k]);
        h *= kFnvPrime;
      }
      in_word = true;
      any = true;
    } else {
      in_word = false;
    }
    i += len;
  }
}

}  // namespace

std::uint64_t NearDuplicateKey(std::string_view text) {
  const std::string folded = FoldText(text);
  std::uint64_t h = kFnvOffset;
  bool any = false;
  std::size_t i = 0;
  while (i < folded.size()) {
    while (i < folded.size() && IsSpace(folded[i])) ++i;
    const std::size_t start = i;
    while (i < folded.size() && !IsSpace(folded[i])) ++i;
    if (i > start)
      HashChunk(std::string_view(folded).substr(start, i - start), h, any);
  }
  return any ? (h == 0 ? 1 : h) : 0;
}

}  // namespace vigie
