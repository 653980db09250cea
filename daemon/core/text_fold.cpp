#include "vigie/core/text_fold.h"

#include <utf8proc.h>

#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "vigie/core/load_bytes.h"

namespace vigie {

namespace {

static_assert(std::endian::native == std::endian::little,
              "the 8-byte scans below assume little-endian loads");

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// Whether the 8 bytes `v` are all plain: ASCII and not NUL.
constexpr bool AllPlain(std::uint64_t v) {
  const std::uint64_t zero = (v - kOnes) & ~v & kHighBits;
  return ((v & kHighBits) | zero) == 0;
}

// `v`, 8 ASCII bytes, with A-Z lower-cased.
constexpr std::uint64_t LowerAscii(std::uint64_t v) {
  const std::uint64_t x = v | kHighBits;  // no borrow crosses bytes
  const std::uint64_t upper =
      ((x - 'A' * kOnes) & ~(x - ('Z' + 1) * kOnes)) & kHighBits;
  return v | (upper >> 2);
}

void AppendCodepoint(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Appends `text` with every invalid UTF-8 sequence replaced by U+FFFD and
// NUL bytes removed.
void AppendSanitized(std::string_view text, std::string& out) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      AppendCodepoint(out, 0xFFFD);
      ++p;
      --left;
      continue;
    }
    if (cp != 0) out.append(reinterpret_cast<const char*>(p), n);
    p += n;
    left -= n;
  }
}

// Appends `piece` folded as utf8proc_map() would fold it once sanitized,
// through a per-thread buffer. False when utf8proc fails.
bool AppendFolded(std::string_view piece, std::string& out) {
  constexpr auto kOptions = static_cast<utf8proc_option_t>(
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
      UTF8PROC_STRIPMARK);
  thread_local std::string clean;
  thread_local std::vector<utf8proc_int32_t> buffer(256);
  clean.clear();
  AppendSanitized(piece, clean);
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(clean.data());
  const auto size = static_cast<utf8proc_ssize_t>(clean.size());
  // Room for the code points and, once re-encoded in place, a NUL.
  auto room = [] { return static_cast<utf8proc_ssize_t>(buffer.size()) - 1; };
  utf8proc_ssize_t n =
      utf8proc_decompose(p, size, buffer.data(), room(), kOptions);
  if (n > room()) {
    buffer.resize(static_cast<std::size_t>(n) + 1);
    n = utf8proc_decompose(p, size, buffer.data(), room(), kOptions);
  }
  if (n < 0) return false;
  n = utf8proc_reencode(buffer.data(), n, kOptions);
  if (n < 0) return false;
  out.append(reinterpret_cast<const char*>(buffer.data()),
             static_cast<std::size_t>(n));
  return true;
}

}  // namespace

bool IsWordCodepoint(std::int32_t cp) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendSanitized(text, out);
  return out;
}

bool IsValidUtf8(std::string_view text) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) return false;
    p += n;
    left -= n;
  }
  return true;
}

std::string FoldText(std::string_view text) {
  std::string out;
  FoldText(text, out);
  return out;
}

void FoldText(std::string_view text, std::string& out) {
  out.clear();
  out.reserve(text.size());
  const std::size_t n = text.size();
  // A byte copied as is (lower-cased): ASCII, not NUL.
  auto plain = [&text](std::size_t i) {
    const auto c = static_cast<unsigned char>(text[i]);
    return c != 0 && c < 0x80;
  };
  // Folding is per code point except where a starter composes with the
  // marks after it, and no ASCII character composes with what precedes it;
  // so the text folds piecewise, cut before plain bytes, with each plain
  // byte followed by a plain byte (or ending the text) lower-cased alone and
  // the rest folded by utf8proc.
  auto alone = [&](std::size_t i) {
    return plain(i) && (i + 1 == n || plain(i + 1));
  };
  std::size_t i = 0;
  while (i < n) {
    // A run of plain bytes [i, end): all alone but its last one, which is
    // alone only when it ends the text. Copied lower-cased in one go.
    // Eight bytes at a time, then one at a time.
    std::size_t end = i;
    for (; end + 8 <= n; end += 8) {
      if (!AllPlain(LoadBytes8(text.data() + end))) break;
    }
    while (end < n && plain(end)) ++end;
    const std::size_t copy = end == n ? end - i : (end > i ? end - 1 - i : 0);
    if (copy > 0) {
      const std::size_t base = out.size();
      out.resize(base + copy);
      char* to = out.data() + base;
      std::size_t k = 0;
      for (; k + 8 <= copy; k += 8) {
        const std::uint64_t v = LowerAscii(LoadBytes8(text.data() + i + k));
        std::memcpy(to + k, &v, 8);
      }
      for (; k < copy; ++k) {
        const char c = text[i + k];
        to[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
      i += copy;
      if (i == n) break;
    }
    end = i + 1;
    while (end < n && !alone(end)) ++end;
    if (!AppendFolded(text.substr(i, end - i), out)) {
      out = SanitizeUtf8(text);
      return;
    }
    i = end;
  }
}

}  // namespace vigie
