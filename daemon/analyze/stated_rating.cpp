#include "vigie/analyze/stated_rating.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

#include "vigie/core/load_bytes.h"

namespace vigie {

namespace {

constexpr double kMaxValence = 3.2;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char Lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}

// True when `text` at `i` starts with `word` (ASCII, case-insensitive).
bool At(std::string_view text, std::size_t i, std::string_view word) {
  if (i + word.size() > text.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (Lower(text[i + k]) != word[k]) return false;
  }
  return true;
}

// Whether `word` starts a word at `i` (no letter before it).
bool WordAt(std::string_view text, std::size_t i, std::string_view word) {
  return At(text, i, word) && (i == 0 || !IsAsciiAlpha(text[i - 1]));
}

std::size_t SkipSpaces(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i;
}

// A number at `i`: digits, optionally ",d" or ".d". Sets `end`.
std::optional<double> NumberAt(std::string_view text, std::size_t i,
                               std::size_t& end) {
  if (i >= text.size() || !IsDigit(text[i])) return std::nullopt;
  double v = 0;
  std::size_t j = i;
  int digits = 0;
  while (j < text.size() && IsDigit(text[j])) {
    v = v * 10 + (text[j] - '0');
    ++j;
    if (++digits > 3) return std::nullopt;
  }
  if (j + 1 < text.size() && (text[j] == ',' || text[j] == '.') &&
      IsDigit(text[j + 1]) && (j + 2 >= text.size() || !IsDigit(text[j + 2]))) {
    v += (text[j + 1] - '0') / 10.0;
    j += 2;
  }
  end = j;
  return v;
}

// After a rating, a letter or digit glued to it, or a further "/N" (a
// date), means it is something else.
bool EndsWord(std::string_view text, std::size_t end) {
  if (end >= text.size()) return true;
  const char c = text[end];
  if (IsAsciiAlpha(c) || IsDigit(c)) return false;
  return !(c == '/' && end + 1 < text.size() && IsDigit(text[end + 1]));
}

double Valence(double value, double scale) {
  const double middle = scale <= 10 ? (1 + scale) / 2 : scale / 2;
  const double v = kMaxValence * (value - middle) / (scale - middle);
  return std::clamp(v, -kMaxValence, kMaxValence);
}

// "x / scale", "x out of scale", "x sur scale", "x von|aus scale".
std::optional<StatedRating> FractionAt(std::string_view text, std::size_t i) {
  std::size_t end = 0;
  auto value = NumberAt(text, i, end);
  if (!value) return std::nullopt;
  std::size_t j = SkipSpaces(text, end);
  if (j < text.size() && text[j] == '/') {
    j = SkipSpaces(text, j + 1);
  } else {
    bool word = false;
    for (std::string_view sep : {"out of", "sur", "von", "aus", "of"}) {
      if (At(text, j, sep) && j + sep.size() < text.size() &&
          text[j + sep.size()] == ' ') {
        j = SkipSpaces(text, j + sep.size());
        word = true;
        break;
      }
    }
    if (!word) return std::nullopt;
  }
  std::size_t scale_end = 0;
  auto scale = NumberAt(text, j, scale_end);
  if (!scale || !EndsWord(text, scale_end)) return std::nullopt;
  if (*scale != 5 && *scale != 10 && *scale != 20 && *scale != 100) {
    return std::nullopt;
  }
  if (*value > *scale) return std::nullopt;
  // "10/10 +" or "10+" reads as the top of the scale.
  return StatedRating{*value, *scale, i, scale_end, Valence(*value, *scale)};
}

// "N star(s)", "N étoile(s)", "N Stern(e)".
std::optional<StatedRating> StarsAt(std::string_view text, std::size_t i) {
  std::size_t end = 0;
  auto value = NumberAt(text, i, end);
  if (!value || *value > 5) return std::nullopt;
  const std::size_t j = SkipSpaces(text, end);
  for (std::string_view unit :
       {"stars", "star", "etoiles", "etoile", "\xc3\xa9toiles", "\xc3\xa9toile",
        "sterne", "sternen", "stern"}) {
    if (At(text, j, unit) && EndsWord(text, j + unit.size())) {
      return StatedRating{*value, 5, i, j + unit.size(), Valence(*value, 5)};
    }
  }
  return std::nullopt;
}

// "gave it a 10", "give this one a 9", "I rate this movie a 2".
std::optional<StatedRating> GaveAt(std::string_view text, std::size_t verb) {
  std::size_t j = verb;
  bool found = false;
  for (std::string_view v : {"gave", "give", "giving", "rated", "rate"}) {
    if (WordAt(text, j, v)) {
      j += v.size();
      found = true;
      break;
    }
  }
  if (!found || j >= text.size() || text[j] != ' ') return std::nullopt;
  // Up to three short words ("it", "this one", "this movie"), then "a"/"an".
  for (int words = 0; words < 4; ++words) {
    j = SkipSpaces(text, j);
    if ((At(text, j, "a ") || At(text, j, "an "))) {
      std::size_t k = SkipSpaces(text, j + (text[j + 1] == ' ' ? 2 : 3));
      std::size_t end = 0;
      auto value = NumberAt(text, k, end);
      if (!value || *value > 10) return std::nullopt;
      if (end < text.size() && text[end] == '+') ++end;
      if (!EndsWord(text, end)) return std::nullopt;
      return StatedRating{*value, 10, verb, end, Valence(*value, 10)};
    }
    std::size_t w = j;
    while (w < text.size() && IsAsciiAlpha(text[w])) ++w;
    if (w == j || w - j > 10) return std::nullopt;
    j = w;
  }
  return std::nullopt;
}

// The bytes a rating may start at: digits (fractions, stars) and the first
// letters of GaveAt()'s verbs.
constexpr std::array<bool, 256> kMayStart = [] {
  std::array<bool, 256> may{};
  for (char c = '0'; c <= '9'; ++c) may[static_cast<unsigned char>(c)] = true;
  for (char c : {'g', 'G', 'r', 'R'}) may[static_cast<unsigned char>(c)] = true;
  return may;
}();

constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// 0x80 in each byte of `v` (8 bytes loaded little-endian) equal to `b`.
constexpr std::uint64_t BytesEqual(std::uint64_t v, unsigned char b) {
  const std::uint64_t x = v ^ (b * kOnes);  // zero where equal
  return ~(((x & ~kHighBits) + ~kHighBits) | x) & kHighBits;
}

// 0x80 in each byte of `v` for which kMayStart is true.
constexpr std::uint64_t MayStartBytes(std::uint64_t v) {
  const std::uint64_t ascii = ~v & kHighBits;
  const std::uint64_t x = v | kHighBits;
  // Low 7 bits in ['0', '9']: no borrow crosses bytes as each is >= 0x80.
  const std::uint64_t digit =
      ((x - '0' * kOnes) & ~(x - ('9' + 1) * kOnes) & kHighBits) & ascii;
  const std::uint64_t folded = v | (0x20 * kOnes);  // 'G' -> 'g', 'R' -> 'r'
  return digit | BytesEqual(folded, 'g') | BytesEqual(folded, 'r');
}

static_assert(std::endian::native == std::endian::little,
              "the SWAR scan assumes little-endian loads");

// Whether `text` holds an ASCII digit, read eight bytes at a time. Every
// rating has one (its value), so most texts need no closer look.
bool HasDigit(std::string_view text) {
  const char* p = text.data();
  std::size_t n = text.size();
  for (; n >= 8; p += 8, n -= 8) {
    const std::uint64_t v = LoadBytes8(p);
    const std::uint64_t x = v | kHighBits;
    // Low 7 bits in ['0', '9'] of a byte below 0x80.
    if (((x - '0' * kOnes) & ~(x - ('9' + 1) * kOnes) & kHighBits & ~v) != 0) {
      return true;
    }
  }
  for (; n > 0; ++p, --n) {
    if (IsDigit(*p)) return true;
  }
  return false;
}

// Whether the rating at [begin, end) is no verdict of the author's: in a
// question ("How can anyone give this 5 stars?", "Wie kann man dafür 5
// Sterne geben?"; not one asking why, which explains the author's own: "Why
// only 4 stars?"), naming others' reviews ("the 5 star reviews"), a class
// of hotel or restaurant ("a 5 star hotel", "4-Sterne-Hotel"), or what a
// place has on a site ("this place has 4.5 stars").
bool NotTheAuthors(std::string_view text, std::size_t begin, std::size_t end) {
  std::size_t j = SkipSpaces(text, end);
  if (j < text.size() && text[j] == '-') ++j;
  for (std::string_view w :
       {"review", "rating", "bewertung", "rezension", "avis", "critiques",
        "hotel", "restaurant", "resort", "place", "establishment"}) {
    if (At(text, j, w)) return true;
  }
  std::size_t before = begin;
  while (before > 0 && text[before - 1] == ' ') --before;
  for (std::string_view w : {"has", "have", "had", "hat", "haben", "with"}) {
    if (before >= w.size() && WordAt(text, before - w.size(), w)) return true;
  }
  auto ends_sentence = [](char c) {
    return c == '.' || c == '!' || c == '?' || c == '\n';
  };
  while (j < text.size() && !ends_sentence(text[j])) ++j;
  if (j >= text.size() || text[j] != '?') return false;
  std::size_t start = begin;
  while (start > 0 && !ends_sentence(text[start - 1])) --start;
  start = SkipSpaces(text, start);
  for (std::string_view w : {"why", "pourquoi", "warum", "wieso"}) {
    if (At(text, start, w)) return false;
  }
  return true;
}

}  // namespace

std::optional<StatedRating> FindStatedRating(std::string_view text) {
  std::optional<StatedRating> last;
  if (!HasDigit(text)) return last;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    // Most bytes can start no rating: neither a digit nor g/G/r/R. Skipped
    // eight at a time.
    if (!kMayStart[static_cast<unsigned char>(c)]) {
      ++i;
      while (i + 8 <= text.size()) {
        const std::uint64_t may = MayStartBytes(LoadBytes8(text.data() + i));
        if (may != 0) {
          i += static_cast<std::size_t>(std::countr_zero(may) / 8);
          break;
        }
        i += 8;
      }
      continue;
    }
    if (IsDigit(c) &&
        (i == 0 ||
         (!IsDigit(text[i - 1]) && !IsAsciiAlpha(text[i - 1]) &&
          text[i - 1] != '/' && text[i - 1] != '.' && text[i - 1] != ','))) {
      if (auto r = FractionAt(text, i)) {
        if (!NotTheAuthors(text, r->begin, r->end)) last = r;
        i = r->end;
        continue;
      }
      if (auto r = StarsAt(text, i)) {
        if (!NotTheAuthors(text, r->begin, r->end)) last = r;
        i = r->end;
        continue;
      }
    } else if ((c == 'g' || c == 'G' || c == 'r' || c == 'R') &&
               (i == 0 || !IsAsciiAlpha(text[i - 1]))) {
      // GaveAt() needs a verb that starts a word; checked here first, as
      // most 'g' and 'r' are inside words.
      if (auto r = GaveAt(text, i)) {
        if (!NotTheAuthors(text, r->begin, r->end)) last = r;
        i = r->end;
        continue;
      }
    }
    ++i;
  }
  return last;
}

}  // namespace vigie
