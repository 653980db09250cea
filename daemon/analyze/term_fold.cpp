#include "vigie/analyze/term_fold.h"

#include <utf8proc.h>

#include <cstdlib>

#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

// The vowel of the umlaut encoded by UTF-8 bytes C3 `second`, or 0.
char UmlautVowelAfterC3(unsigned char second) {
  return UmlautVowel(0xC0 | (second & 0x3F));
}

}  // namespace

char UmlautVowel(std::int32_t cp) {
  switch (cp) {
    case 0xE4:  // ä
    case 0xC4:  // Ä
      return 'a';
    case 0xF6:  // ö
    case 0xD6:  // Ö
      return 'o';
    case 0xFC:  // ü
    case 0xDC:  // Ü
      return 'u';
    default:
      return 0;
  }
}

bool HasUmlaut(std::string_view term) {
  for (std::size_t i = 0; i + 1 < term.size(); ++i) {
    if (static_cast<unsigned char>(term[i]) == 0xC3 &&
        UmlautVowelAfterC3(static_cast<unsigned char>(term[i + 1])) != 0) {
      return true;
    }
  }
  return false;
}

std::string FoldTerm(std::string_view term) {
  if (!HasUmlaut(term) && !HasLigature(term)) return FoldText(term);
  std::string spelled;
  spelled.reserve(term.size() + 8);
  for (std::size_t i = 0; i < term.size(); ++i) {
    const auto c = static_cast<unsigned char>(term[i]);
    const auto next =
        i + 1 < term.size() ? static_cast<unsigned char>(term[i + 1]) : 0;
    const char vowel = c == 0xC3 ? UmlautVowelAfterC3(next) : 0;
    // A two-byte sequence C3 or C5 then `next` encodes this code point.
    const char* pair = c == 0xC3 || c == 0xC5
                           ? LigaturePair(static_cast<std::int32_t>(
                                 ((c & 0x1F) << 6) | (next & 0x3F)))
                           : nullptr;
    if (vowel != 0 || pair != nullptr) {
      if (vowel != 0) {
        spelled += vowel;
        spelled += 'e';
      } else {
        spelled += pair;
      }
      ++i;
    } else {
      spelled += term[i];
    }
  }
  return FoldText(spelled);
}

const char* LigaturePair(std::int32_t cp) {
  switch (cp) {
    case 0x153:  // œ
    case 0x152:  // Œ
      return "oe";
    case 0xE6:  // æ
    case 0xC6:  // Æ
      return "ae";
    default:
      return nullptr;
  }
}

bool HasLigature(std::string_view term) {
  for (std::size_t i = 0; i + 1 < term.size(); ++i) {
    const auto c = static_cast<unsigned char>(term[i]);
    const auto next = static_cast<unsigned char>(term[i + 1]);
    if ((c == 0xC3 && (next == 0xA6 || next == 0x86)) ||
        (c == 0xC5 && (next == 0x93 || next == 0x92))) {
      return true;
    }
  }
  return false;
}

std::string AccentSpelling(std::string_view text) {
  // Valid UTF-8 throughout: what utf8proc_map() needs.
  std::string valid;
  valid.reserve(text.size());
  bool blank = false;
  std::size_t at = 0;
  while (at < text.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data()) + at,
        static_cast<utf8proc_ssize_t>(text.size() - at), &cp);
    at += n > 0 ? static_cast<std::size_t>(n) : 1;
    if (n <= 0) cp = 0xFFFD;
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
      blank = !valid.empty();
      continue;
    }
    if (cp == 0x2019 || cp == 0x02BC) cp = '\'';
    if (blank) valid += ' ';
    blank = false;
    utf8proc_uint8_t buf[4];
    valid.append(reinterpret_cast<const char*>(buf),
                 static_cast<std::size_t>(utf8proc_encode_char(cp, buf)));
  }
  utf8proc_uint8_t* mapped = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
      static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  if (n < 0 || mapped == nullptr) return valid;
  std::string out(reinterpret_cast<const char*>(mapped),
                  static_cast<std::size_t>(n));
  std::free(mapped);
  return out;
}

}  // namespace vigie
