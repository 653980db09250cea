#include "vigie/analyze/term_fold.h"

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
  if (!HasUmlaut(term)) return FoldText(term);
  std::string spelled;
  spelled.reserve(term.size());
  for (std::size_t i = 0; i < term.size(); ++i) {
    const char vowel =
        static_cast<unsigned char>(term[i]) == 0xC3 && i + 1 < term.size()
            ? UmlautVowelAfterC3(static_cast<unsigned char>(term[i + 1]))
            : 0;
    if (vowel != 0) {
      spelled += vowel;
      spelled += 'e';
      ++i;
    } else {
      spelled += term[i];
    }
  }
  return FoldText(spelled);
}

}  // namespace vigie
