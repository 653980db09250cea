#include "vigie/analyze/scorer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "vigie/analyze/language_guess.h"
#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

constexpr double kNegationScalar = -0.74;
constexpr double kBoosterIncrement = 0.293;
constexpr double kCapsIncrement = 0.733;
constexpr double kExclamationIncrement = 0.292;
constexpr int kMaxExclamations = 4;
constexpr double kAlpha = 15.0;
constexpr int kWindow = 3;
// A booster's effect shrinks with its distance to the word (1, 2, 3 words).
constexpr double kDistanceFactor[kWindow + 1] = {0.0, 1.0, 0.95, 0.9};

struct Word {
  std::size_t begin = 0;  // in Words::folded
  std::size_t size = 0;
  bool all_caps = false;         // two or more letters, none lower case
  bool after_n_elision = false;  // written right after "n'" (French ne)
};

struct Words {
  std::string folded;  // every word's folded text, back to back
  std::vector<Word> list;
  std::vector<std::string_view> elisions;  // "l'", "n'", ... as met
  bool any_all_caps = false;
  bool any_lower = false;
  int exclamations = 0;

  std::string_view at(std::size_t i) const {
    return std::string_view(folded).substr(list[i].begin, list[i].size);
  }
};

struct Elision {
  std::string_view prefix;
  std::string_view marker;
};

constexpr Elision kElisions[] = {
    {"l", "l'"},          {"d", "d'"},           {"j", "j'"},
    {"m", "m'"},          {"n", "n'"},           {"s", "s'"},
    {"t", "t'"},          {"c", "c'"},           {"qu", "qu'"},
    {"jusqu", "jusqu'"},  {"lorsqu", "lorsqu'"}, {"puisqu", "puisqu'"},
    {"quoiqu", "quoiqu'"}};

bool IsApostrophe(utf8proc_int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

// Decodes the code point at `at`; `len` is its byte length (1 for a bad
// byte, which the caller never sees after SanitizeUtf8).
utf8proc_int32_t Decode(std::string_view s, std::size_t at, std::size_t& len) {
  utf8proc_int32_t cp = -1;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + at,
                       static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
  len = n > 0 ? static_cast<std::size_t>(n) : 1;
  return n > 0 ? cp : -1;
}

// The elision marker ("l'", "qu'", ...) when `prefix` is an elided French
// word, or an empty view.
std::string_view ElisionMarker(std::string_view prefix) {
  if (prefix.size() > 6) return {};
  char lower[6];
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    const char c = prefix[i];
    if (c >= 'A' && c <= 'Z') {
      lower[i] = static_cast<char>(c - 'A' + 'a');
    } else if (c >= 'a' && c <= 'z') {
      lower[i] = c;
    } else {
      return {};
    }
  }
  const std::string_view folded(lower, prefix.size());
  for (const Elision& e : kElisions) {
    if (e.prefix == folded) return e.marker;
  }
  return {};
}

// Appends `original` folded, with `’` and `ʼ` written as `'`.
void AppendFolded(std::string_view original, std::string& out) {
  const bool ascii = std::all_of(original.begin(), original.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x80;
  });
  if (ascii) {
    for (char c : original) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return;
  }
  const std::string folded = FoldText(original);
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded.compare(i, 3, "\xE2\x80\x99") == 0) {
      out += '\'';
      i += 2;
    } else if (folded.compare(i, 2, "\xCA\xBC") == 0) {
      out += '\'';
      i += 1;
    } else {
      out += folded[i];
    }
  }
}

Words SplitWords(std::string_view text) {
  Words words;
  words.folded.reserve(text.size());
  std::size_t start = std::string_view::npos;
  int uppers = 0;
  int lowers = 0;
  bool pending_n = false;
  auto finish = [&](std::size_t end) {
    if (start == std::string_view::npos) return;
    Word w;
    w.begin = words.folded.size();
    AppendFolded(text.substr(start, end - start), words.folded);
    w.size = words.folded.size() - w.begin;
    w.all_caps = uppers >= 2 && lowers == 0;
    w.after_n_elision = pending_n;
    words.any_all_caps = words.any_all_caps || w.all_caps;
    words.any_lower = words.any_lower || lowers > 0;
    words.list.push_back(w);
    start = std::string_view::npos;
    uppers = lowers = 0;
    pending_n = false;
  };

  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t len = 0;
    const utf8proc_int32_t cp = Decode(text, at, len);
    if (cp >= 0 && IsWordCodepoint(cp)) {
      if (start == std::string_view::npos) start = at;
      if (utf8proc_isupper(cp)) {
        ++uppers;
      } else if (utf8proc_islower(cp)) {
        ++lowers;
      }
      at += len;
      continue;
    }
    if (cp >= 0 && IsApostrophe(cp) && start != std::string_view::npos &&
        at + len < text.size()) {
      std::size_t next_len = 0;
      const utf8proc_int32_t next = Decode(text, at + len, next_len);
      if (next >= 0 && IsWordCodepoint(next)) {
        const std::string_view marker =
            ElisionMarker(text.substr(start, at - start));
        if (!marker.empty()) {
          words.elisions.push_back(marker);
          pending_n = marker == "n'";
          start = std::string_view::npos;
          uppers = lowers = 0;
        }
        at += len;
        continue;
      }
    }
    finish(at);
    if (cp == '!') ++words.exclamations;
    at += len;
  }
  finish(text.size());
  return words;
}

const std::unordered_set<std::string_view>& Negators() {
  static const std::unordered_set<std::string_view> kSet = {
      "not",   "no",      "never",    "without", "nor",   "cannot", "dont",
      "cant",  "wont",    "isnt",     "arent",   "wasnt", "werent", "doesnt",
      "didnt", "couldnt", "shouldnt", "wouldnt", "hasnt", "havent", "hadnt",
      "aint",  "pas",     "jamais",   "rien",    "sans",  "aucun",  "aucune",
      "guere", "ni",      "non"};
  return kSet;
}

// Words that close French "ne ... pas" after the negated word.
const std::unordered_set<std::string_view>& FrenchClosers() {
  static const std::unordered_set<std::string_view> kSet = {
      "pas", "plus", "jamais", "rien", "guere"};
  return kSet;
}

// After "jamais"/"never", these turn the negation into emphasis:
// "jamais été aussi déçu", "never been so happy".
const std::unordered_set<std::string_view>& ComparativeAfterNever() {
  static const std::unordered_set<std::string_view> kSet = {
      "aussi", "si", "autant", "tellement", "so", "more", "this"};
  return kSet;
}

double BoosterValue(std::string_view word) {
  static const std::unordered_map<std::string_view, double> kMap = {
      {"very", kBoosterIncrement},       {"really", kBoosterIncrement},
      {"extremely", kBoosterIncrement},  {"so", kBoosterIncrement},
      {"too", kBoosterIncrement},        {"totally", kBoosterIncrement},
      {"absolutely", kBoosterIncrement}, {"incredibly", kBoosterIncrement},
      {"super", kBoosterIncrement},      {"tres", kBoosterIncrement},
      {"vraiment", kBoosterIncrement},   {"trop", kBoosterIncrement},
      {"hyper", kBoosterIncrement},      {"extremement", kBoosterIncrement},
      {"tellement", kBoosterIncrement},  {"vachement", kBoosterIncrement},
      {"slightly", -kBoosterIncrement},  {"somewhat", -kBoosterIncrement},
      {"barely", -kBoosterIncrement},    {"legerement", -kBoosterIncrement}};
  const auto it = kMap.find(word);
  return it == kMap.end() ? 0.0 : it->second;
}

double Sign(double v) { return v < 0 ? -1.0 : 1.0; }

struct Hit {
  double valence = 0.0;
  int span = 0;  // words covered; 0 = no term starts here
};

// Longest-first lookup of every word in `lex`; `count` gets the number of
// terms found.
std::vector<Hit> FindHits(const Words& words, const Lexicon& lex, int& count) {
  const std::size_t n = words.list.size();
  std::vector<Hit> hits(n);
  count = 0;
  std::string key;
  for (std::size_t i = 0; i < n; ++i) {
    const int longest = static_cast<int>(std::min<std::size_t>(
        static_cast<std::size_t>(lex.max_words()), n - i));
    for (int span = longest; span >= 1; --span) {
      std::optional<double> v;
      if (span == 1) {
        v = lex.Find(words.at(i));
      } else {
        key.assign(words.at(i));
        for (int k = 1; k < span; ++k) {
          key += ' ';
          key.append(words.at(i + static_cast<std::size_t>(k)));
        }
        v = lex.Find(key);
      }
      if (v) {
        hits[i] = Hit{*v, span};
        ++count;
        i += static_cast<std::size_t>(span - 1);
        break;
      }
    }
  }
  return hits;
}

class Pass {
 public:
  Pass(const Words& words, const std::vector<Hit>& hits, bool french_ne)
      : words_(words), hits_(hits), french_ne_(french_ne) {}

  // Sum of the adjusted valences; `counted` gets how many terms took part.
  double Sum(int& counted) const {
    const bool mixed_case = words_.any_all_caps && words_.any_lower;
    double sum = 0.0;
    counted = 0;
    for (std::size_t i = 0; i < hits_.size(); ++i) {
      if (hits_[i].span == 0) continue;
      const std::string_view word = words_.at(i);
      if (hits_[i].span == 1) {
        if (BoosterValue(word) != 0.0 && HitWithin(i, 1)) continue;
        if (IsNegator(i) && HitWithin(i, kWindow)) continue;
      }
      ++counted;
      double v = hits_[i].valence;
      if (v == 0.0) continue;
      const double sign = Sign(v);
      if (mixed_case && words_.list[i].all_caps) v += sign * kCapsIncrement;
      for (int d = 1; d <= kWindow && static_cast<std::size_t>(d) <= i; ++d) {
        const std::size_t j = i - static_cast<std::size_t>(d);
        double boost = BoosterValue(words_.at(j));
        if (boost == 0.0) continue;
        if (mixed_case && words_.list[j].all_caps) boost += kCapsIncrement;
        v += sign * boost * kDistanceFactor[d];
      }
      bool negated = false;
      bool emphasised = false;
      for (int d = 1; d <= kWindow && static_cast<std::size_t>(d) <= i; ++d) {
        const std::size_t j = i - static_cast<std::size_t>(d);
        if (!IsNegator(j)) continue;
        if (ComparativeBetween(j, i)) {
          emphasised = true;
        } else {
          negated = true;
        }
      }
      if (!negated && french_ne_ && NeBefore(i) &&
          FrenchCloserAfter(i + static_cast<std::size_t>(hits_[i].span))) {
        negated = true;
      }
      if (negated) {
        v *= kNegationScalar;
      } else if (emphasised) {
        v += sign * kBoosterIncrement;
      }
      sum += v;
    }
    return sum;
  }

 private:
  bool HitWithin(std::size_t i, int k) const {
    for (std::size_t t = i + 1;
         t < hits_.size() && t <= i + static_cast<std::size_t>(k); ++t) {
      if (hits_[t].span > 0) return true;
    }
    return false;
  }

  // "ne" or "n'" within the 3 words before `i`, or "n'" right before `i`.
  bool NeBefore(std::size_t i) const {
    const std::size_t lowest = i >= kWindow ? i - kWindow : 0;
    for (std::size_t k = i + 1; k-- > lowest;) {
      if (words_.list[k].after_n_elision) return true;
      if (k < i && words_.at(k) == "ne") return true;
    }
    return false;
  }

  bool FrenchCloserAfter(std::size_t from) const {
    const std::size_t n = words_.list.size();
    for (std::size_t t = from; t < n && t < from + 2; ++t) {
      if (FrenchClosers().count(words_.at(t)) != 0) return true;
    }
    return false;
  }

  bool IsNegator(std::size_t j) const {
    const std::string_view w = words_.at(j);
    if (Negators().count(w) != 0) return true;
    // "plus" is "more" unless ne/n' comes before it ("n'est plus bon").
    if (w == "plus") return NeBefore(j);
    return w.size() > 3 && w.substr(w.size() - 3) == "n't";
  }

  bool ComparativeBetween(std::size_t negator, std::size_t i) const {
    const std::string_view w = words_.at(negator);
    if (w != "jamais" && w != "never") return false;
    for (std::size_t t = negator + 1; t < i; ++t) {
      if (ComparativeAfterNever().count(words_.at(t)) != 0) return true;
    }
    return false;
  }

  const Words& words_;
  const std::vector<Hit>& hits_;
  bool french_ne_;
};

}  // namespace

Scorer::Scorer(const Lexicon& en, const Lexicon& fr, ScorerOptions opts)
    : en_(&en), fr_(&fr), opts_(opts) {}

ScoreResult Scorer::Score(std::string_view text) const {
  const std::string clean = SanitizeUtf8(text);
  const Words words = SplitWords(clean);

  std::vector<std::string_view> for_language;
  for_language.reserve(words.list.size() + words.elisions.size());
  for (std::size_t i = 0; i < words.list.size(); ++i) {
    for_language.push_back(words.at(i));
  }
  for_language.insert(for_language.end(), words.elisions.begin(),
                      words.elisions.end());
  ScoreResult result;
  result.language = GuessLanguage(for_language);

  int count = 0;
  std::vector<Hit> hits;
  if (result.language == "en") {
    hits = FindHits(words, *en_, count);
  } else if (result.language == "fr") {
    hits = FindHits(words, *fr_, count);
  } else {
    int en_count = 0;
    std::vector<Hit> en_hits = FindHits(words, *en_, en_count);
    hits = FindHits(words, *fr_, count);
    if (en_count > count) {
      hits = std::move(en_hits);
      count = en_count;
    }
  }
  if (count == 0) return result;

  int counted = 0;
  const Pass pass(words, hits, result.language != "en");
  double sum = pass.Sum(counted);
  if (counted == 0) return result;

  if (sum != 0.0) {
    sum += Sign(sum) * kExclamationIncrement *
           std::min(words.exclamations, kMaxExclamations);
  }
  result.compound = std::clamp(sum / std::sqrt(sum * sum + kAlpha), -1.0, 1.0);
  if (result.compound <= opts_.negative_threshold) {
    result.label = Label::kNegative;
  } else if (result.compound >= opts_.positive_threshold) {
    result.label = Label::kPositive;
  }
  return result;
}

}  // namespace vigie
