#include "vigie/analyze/language_guess.h"

#include <string_view>
#include <unordered_set>

namespace vigie {

namespace {

// Words frequent in one language and rare in the other; words common to both
// ("a", "on", "en", "me", "or") are left out on purpose.
const std::unordered_set<std::string_view>& FrenchWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "le",   "la",    "les",   "des",    "est",     "une",    "un",   "pas",
      "et",   "du",    "au",    "aux",    "ce",      "cette",  "ces",  "qui",
      "que",  "de",    "je",    "il",     "elle",    "nous",   "vous", "ils",
      "sont", "avec",  "pour",  "dans",   "sur",     "mais",   "tres", "ou",
      "mon",  "ma",    "mes",   "ne",     "ete",     "ai",     "sa",   "ses",
      "leur", "notre", "votre", "j'",     "l'",      "d'",     "qu'",  "n'",
      "c'",   "s'",    "m'",    "jusqu'", "lorsqu'", "puisqu'"};
  return kWords;
}

const std::unordered_set<std::string_view>& EnglishWords() {
  static const std::unordered_set<std::string_view> kWords = {
      "the",   "and",  "is",     "was",  "it",    "this", "that", "not",
      "of",    "to",   "for",    "with", "are",   "were", "be",   "been",
      "have",  "has",  "had",    "i",    "you",   "my",   "your", "we",
      "they",  "he",   "she",    "but",  "very",  "what", "when", "there",
      "their", "from", "by",     "at",   "would", "will", "can",  "don't",
      "it's",  "i'm",  "didn't", "our",  "just",  "all"};
  return kWords;
}

}  // namespace

std::string_view GuessLanguage(
    const std::vector<std::string_view>& folded_tokens) {
  const auto& fr = FrenchWords();
  const auto& en = EnglishWords();
  std::size_t fr_count = 0;
  std::size_t en_count = 0;
  for (std::string_view token : folded_tokens) {
    if (fr.count(token) != 0) ++fr_count;
    if (en.count(token) != 0) ++en_count;
  }
  if (fr_count > en_count) return "fr";
  if (en_count > fr_count) return "en";
  return "und";
}

}  // namespace vigie
