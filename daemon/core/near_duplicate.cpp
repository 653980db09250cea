#include "vigie/core/near_duplicate.h"

#include <utf8proc.h>

#include <string>

#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;
// Words hashed at most: a retweet cut to the platform's length keeps at least
// this many of the original's first words.
constexpr int kMaxWords = 12;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// The hash of the words so far.
struct WordHash {
  std::uint64_t h = kFnvOffset;
  int words = 0;
  bool full() const { return words >= kMaxWords; }
};

// Hashes the words of one white-space-separated chunk of folded text, up to
// kMaxWords in all.
void HashChunk(std::string_view chunk, WordHash& w) {
  if (StartsWith(chunk, "http://") || StartsWith(chunk, "https://") ||
      StartsWith(chunk, "www.") || StartsWith(chunk, "@")) {
    return;
  }
  if (chunk == "rt" || chunk == "via" || chunk == "rt:") return;
  std::size_t i = 0;
  bool in_word = false;
  while (i < chunk.size() && !(w.full() && !in_word)) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(chunk.data() + i),
        static_cast<utf8proc_ssize_t>(chunk.size() - i), &cp);
    const std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
    if (cp >= 0 && IsWordCodepoint(cp)) {
      if (!in_word) {
        if (w.words > 0) {
          w.h ^= ' ';
          w.h *= kFnvPrime;
        }
        ++w.words;
      }
      for (std::size_t k = 0; k < len; ++k) {
        w.h ^= static_cast<unsigned char>(chunk[i + k]);
        w.h *= kFnvPrime;
      }
      in_word = true;
    } else {
      in_word = false;
    }
    i += len;
  }
}

}  // namespace

std::uint64_t NearDuplicateKey(std::string_view text) {
  const std::string folded = FoldText(text);
  WordHash w;
  std::size_t i = 0;
  while (i < folded.size() && !w.full()) {
    while (i < folded.size() && IsSpace(folded[i])) ++i;
    const std::size_t start = i;
    while (i < folded.size() && !IsSpace(folded[i])) ++i;
    if (i > start)
      HashChunk(std::string_view(folded).substr(start, i - start), w);
  }
  if (w.words == 0) return 0;
  return w.h == 0 ? 1 : w.h;
}

}  // namespace vigie
