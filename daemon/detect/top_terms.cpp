#include "vigie/detect/top_terms.h"

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "vigie/analyze/term_fold.h"
#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

// Function words and chat filler of the three languages, folded (no accents).
const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> kWords = {
      // English
      "the",
      "and",
      "for",
      "are",
      "but",
      "not",
      "you",
      "all",
      "any",
      "can",
      "had",
      "her",
      "was",
      "one",
      "our",
      "out",
      "has",
      "him",
      "his",
      "how",
      "its",
      "who",
      "did",
      "get",
      "got",
      "too",
      "use",
      "this",
      "that",
      "with",
      "have",
      "from",
      "they",
      "will",
      "would",
      "there",
      "their",
      "what",
      "about",
      "which",
      "when",
      "your",
      "were",
      "been",
      "them",
      "then",
      "than",
      "just",
      "very",
      "into",
      "more",
      "some",
      "could",
      "also",
      "after",
      "before",
      "again",
      "still",
      "only",
      "even",
      "because",
      "here",
      "these",
      "those",
      "such",
      "over",
      "while",
      "where",
      "why",
      "being",
      "does",
      "doing",
      "should",
      "every",
      "most",
      "much",
      "many",
      "really",
      "dont",
      "didnt",
      "cant",
      "wont",
      "isnt",
      "im",
      "ive",
      "via",
      // French
      "les",
      "des",
      "une",
      "est",
      "pas",
      "pour",
      "que",
      "qui",
      "dans",
      "sur",
      "avec",
      "par",
      "plus",
      "mais",
      "ont",
      "son",
      "ses",
      "aux",
      "nous",
      "vous",
      "ils",
      "elle",
      "elles",
      "leur",
      "leurs",
      "cette",
      "ces",
      "tout",
      "tous",
      "toute",
      "toutes",
      "comme",
      "ete",
      "etre",
      "avoir",
      "fait",
      "faire",
      "suis",
      "sont",
      "etait",
      "mon",
      "mes",
      "ton",
      "tes",
      "notre",
      "votre",
      "vos",
      "nos",
      "moi",
      "toi",
      "lui",
      "eux",
      "encore",
      "alors",
      "donc",
      "car",
      "quand",
      "sans",
      "sous",
      "chez",
      "entre",
      "aussi",
      "bien",
      "tres",
      "trop",
      "peu",
      "meme",
      "deja",
      "apres",
      "avant",
      "jamais",
      "rien",
      "quoi",
      "dont",
      "ici",
      "cela",
      "ceci",
      "cet",
      "une",
      "aujourd",
      "hui",
      "c'est",
      "j'ai",

      // German
      "der",
      "die",
      "das",
      "und",
      "ist",
      "nicht",
      "ein",
      "eine",
      "einen",
      "einem",
      "einer",
      "den",
      "dem",
      "des",
      "mit",
      "auf",
      "fur",
      "fuer",
      "von",
      "sich",
      "auch",
      "noch",
      "wie",
      "bei",
      "aus",
      "nach",
      "wird",
      "werden",
      "wurde",
      "sind",
      "war",
      "hat",
      "haben",
      "ich",
      "wir",
      "ihr",
      "sie",
      "mein",
      "meine",
      "dein",
      "kein",
      "keine",
      "schon",
      "aber",
      "oder",
      "wenn",
      "dann",
      "denn",
      "als",
      "nur",
      "mehr",
      "sehr",
      "hier",
      "immer",
      "diese",
      "dieser",
      "dieses",
      "zum",
      "zur",
      "uber",
      "ueber",
      "unter",
      // Links and platform words
      "http",
      "https",
      "www",
      "com",
      "html",
      "amp",
  };
  return kWords;
}

// The distinct words of folded `text`, split on non-word code points.
std::set<std::string> WordsOf(std::string_view text) {
  // Folded as the scorer folds words: "schön" is "schoen", not "schon".
  const std::string folded = FoldTerm(text);
  std::set<std::string> out;
  std::string word;
  bool letters = false;
  auto flush = [&] {
    if (letters && word.size() >= 3 && !StopWords().contains(word)) {
      out.insert(word);
    }
    word.clear();
    letters = false;
  };
  std::size_t i = 0;
  while (i < folded.size()) {
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(folded.data() + i),
        static_cast<utf8proc_ssize_t>(folded.size() - i), &cp);
    const std::size_t len = n > 0 ? static_cast<std::size_t>(n) : 1;
    if (cp >= 0 && IsWordCodepoint(cp)) {
      word.append(folded, i, len);
      if (cp > '9' || cp < '0') letters = true;
    } else {
      flush();
    }
    i += len;
  }
  flush();
  return out;
}

}  // namespace

std::vector<std::string> TopTerms(const std::vector<Mention>& mentions,
                                  std::string_view exclude, int limit) {
  const std::set<std::string> excluded = WordsOf(exclude);
  std::map<std::string, int> df;
  for (const Mention& m : mentions) {
    for (const std::string& w : WordsOf(m.title + " " + m.text)) {
      if (!excluded.contains(w)) ++df[w];
    }
  }
  std::vector<std::pair<std::string, int>> ranked;
  for (auto& [word, count] : df) {
    if (count >= 2) ranked.emplace_back(word, count);
  }
  std::stable_sort(
      ranked.begin(), ranked.end(),
      [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (const auto& [word, count] : ranked) {
    if (static_cast<int>(out.size()) >= limit) break;
    out.push_back(word);
  }
  return out;
}

}  // namespace vigie
