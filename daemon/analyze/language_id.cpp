#include "vigie/analyze/language_id.h"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "vigie/core/load_bytes.h"

namespace vigie {

namespace {

enum Lang { kFr = 0, kEn = 1, kDe = 2, kLangs = 3 };

struct Vote {
  Lang lang;
  double weight;
};

// The function words: a term table and each term's vote, by term id.
struct FunctionWordTable {
  TermTable words;
  std::vector<Vote> votes;

  // The vote of `w`, or null.
  const Vote* Find(std::string_view w) const {
    const std::uint32_t id = words.Find(w);
    return id == TermTable::kAbsent ? nullptr : &votes[id];
  }
};

// Frequent function words and very common words, folded. A word frequent in
// two of the languages ("in", "an", "so", "die"/"die") is left out or given
// to the language where it is far more frequent, with a lower weight. A word
// listed twice keeps its first vote.
const FunctionWordTable& Words() {
  static const auto* kMap = [] {
    auto* m = new FunctionWordTable;
    auto add = [m](Lang lang, double w,
                   std::initializer_list<std::string_view> ws) {
      for (std::string_view x : ws) {
        bool inserted = false;
        m->words.Insert(x, &inserted);
        if (inserted) m->votes.push_back(Vote{lang, w});
      }
    };
    add(kFr, 1.0,
        {"le",    "la",     "les",     "des",      "est",      "une",
         "un",    "pas",    "et",      "du",       "au",       "aux",
         "ce",    "cette",  "ces",     "qui",      "que",      "je",
         "il",    "elle",   "nous",    "vous",     "ils",      "elles",
         "sont",  "avec",   "pour",    "dans",     "sur",      "mais",
         "tres",  "ou",     "mon",     "ma",       "mes",      "ne",
         "ete",   "ai",     "sa",      "ses",      "leur",     "leurs",
         "notre", "votre",  "nos",     "vos",      "plus",     "tout",
         "tous",  "toute",  "toutes",  "fait",     "comme",    "aussi",
         "bien",  "sans",   "etait",   "avait",    "avoir",    "etre",
         "peu",   "encore", "meme",    "chez",     "lui",      "ont",
         "quand", "rien",   "jamais",  "toujours", "apres",    "avant",
         "donc",  "alors",  "car",     "dont",     "cet",      "ca",
         "cela",  "ceci",   "moi",     "toi",      "ici",      "deja",
         "tres",  "suis",   "sommes",  "etes",     "beaucoup", "trop",
         "entre", "depuis", "pendant", "lorsque",  "parce",    "quelque",
         "autre", "autres", "merci",   "bonjour",  "vraiment", "avez",
         "avons", "aucun"});
    add(kEn, 1.0,
        {"the",     "and",       "is",       "was",       "it",
         "this",    "that",      "not",      "of",        "to",
         "for",     "with",      "are",      "were",      "be",
         "been",    "have",      "has",      "had",       "i",
         "you",     "my",        "your",     "we",        "they",
         "he",      "she",       "but",      "very",      "what",
         "when",    "there",     "their",    "from",      "by",
         "at",      "would",     "can",      "don't",     "it's",
         "i'm",     "didn't",    "our",      "just",      "all",
         "if",      "or",        "one",      "out",       "about",
         "no",      "do",        "did",      "does",      "could",
         "should",  "which",     "who",      "them",      "these",
         "those",   "than",      "then",     "more",      "only",
         "because", "how",       "any",      "some",      "really",
         "great",   "good",      "bad",      "food",      "time",
         "well",    "its",       "doesn't",  "wasn't",    "isn't",
         "i've",    "you're",    "can't",    "won't",     "never",
         "ever",    "after",     "over",     "every",     "after",
         "too",     "much",      "like",     "get",       "got",
         "back",    "even",      "while",    "where",     "me",
         "him",     "her",       "us",       "an",        "on",
         "up",      "work",      "works",    "again",     "thing",
         "made",    "make",      "being",    "here",      "other",
         "way",     "i'll",      "i'd",      "that's",    "there's",
         "into",    "know",      "look",     "people",    "say",
         "see",     "take",      "think",    "two",       "use",
         "used",    "want",      "year",     "years",     "little",
         "long",    "right",     "old",      "big",       "high",
         "small",   "large",     "next",     "early",     "young",
         "few",     "same",      "able",     "worst",     "best",
         "better",  "love",      "loved",    "nice",      "everything",
         "nothing", "recommend", "money",    "waste",     "worked",
         "price",   "quality",   "sound",    "first",     "last",
         "still",   "went",      "go",       "going",     "come",
         "came",    "said",      "new",      "now",       "day",
         "awesome", "terrible",  "horrible", "poor",      "happy",
         "enough",  "excellent", "amazing",  "wonderful", "disappointed",
         "should",  "without",   "through",  "own",       "off",
         "down",    "why",       "way",      "highly",    "definitely",
         "pretty",  "won't",     "couldn't", "wouldn't",  "haven't",
         "aren't",  "weren't"});
    add(kDe, 1.0,
        {"der", "die", "das", "und", "ist", "nicht", "ich", "ein", "eine",
         "einen", "einem", "einer", "zu", "den", "dem", "des", "mit", "sich",
         "auf", "fur", "von", "auch", "es", "wir", "sie", "ihr", "wie", "aber",
         "noch", "nach", "bei", "aus", "wenn", "nur", "schon", "oder", "wird",
         "werden", "wurde", "sind", "war", "hat", "haben", "kann", "mehr",
         "doch", "dass", "mal", "jetzt", "heute", "gibt", "immer", "gut",
         "sehr", "ja", "nein", "kein", "keine", "keinen", "diese", "dieser",
         "dieses", "denn", "uber", "unter", "vor", "zum", "zur", "im", "vom",
         "beim", "ins", "bin", "bist", "seid", "mich", "mir", "dich", "dir",
         "uns", "euch", "ihm", "ihn", "wer", "warum", "weil", "hier", "da",
         "dann", "schon", "ganz", "viel", "viele", "wieder", "gegen", "ohne",
         "sein", "seine", "ihre", "unsere", "alle", "alles", "etwas", "nichts",
         "muss", "soll", "wollen", "habe", "hatte", "waren", "gerade", "leider",
         "danke", "bitte", "geht", "sagt", "neue", "neuen", "neuer", "heisst",
         "kommt", "eines", "welche", "welcher", "welches", "wo", "nun", "zwar",
         "sondern", "seit", "damit", "wegen", "durch", "zwischen", "sollte",
         "sollen", "konnen", "konnte", "wollte", "mochte", "ob", "vielleicht",
         "eigentlich", "einfach", "gestern", "morgen", "dein", "deine", "mein",
         "meine", "meinen", "meinem", "unser", "ihnen", "ihren", "ihrem",
         "seinen", "seinem", "seiner", "jeder", "jede", "jedes", "nie", "hab",
         "wieso", "nix",
         // Umlauts are folded as ae oe ue (FoldTerm); the
         // dot-less spellings above are also typed.
         "fuer", "ueber", "koennen", "koennte", "moechte", "wuerde", "haette",
         "waeren"});
    // Shared words: weak votes for the language where they are commoner.
    add(kFr, 0.3, {"de", "a", "en", "si", "son", "se", "me", "te"});
    add(kEn, 0.3, {"as", "will", "also"});
    add(kDe, 0.3, {"so", "um", "am", "als", "man"});
    return m;
  }();
  return *kMap;
}

struct Ending {
  std::string_view suffix;
  Lang lang;
};

constexpr Ending kEndings[] = {
    {"ung", kDe},  {"ungen", kDe}, {"keit", kDe}, {"heit", kDe}, {"lich", kDe},
    {"isch", kDe}, {"chen", kDe},  {"sch", kDe},  {"ment", kFr}, {"eux", kFr},
    {"euse", kFr}, {"aient", kFr}, {"ait", kFr},  {"ique", kFr}, {"eau", kFr},
    {"oir", kFr},  {"ing", kEn},   {"ly", kEn},   {"ness", kEn}, {"ful", kEn},
    {"ght", kEn},  {"ould", kEn}};

constexpr double kEndingWeight = LanguageVotes::kEndingWeight;
constexpr double kLetterWeight = 0.5;
constexpr double kElisionWeight = 1.0;
constexpr double kLexiconWeight = 0.5;
constexpr double kMinVotes = 1.0;
constexpr double kMinLead = 1.5;
// Evidence clear enough to skip the lexicon look-ups.
constexpr double kSureVotes = 3.0;
constexpr double kSureLead = 3.0;

// The best language of `votes`, or -1 when it has too few votes or too
// small a lead.
int Best(const double (&votes)[kLangs], double min_votes, double min_lead) {
  int best = 0;
  for (int l = 1; l < kLangs; ++l) {
    if (votes[l] > votes[best]) best = l;
  }
  double second = 0.0;
  for (int l = 0; l < kLangs; ++l) {
    if (l != best && votes[l] > second) second = votes[l];
  }
  if (votes[best] < min_votes || votes[best] < min_lead * second) return -1;
  return best;
}

constexpr int kEndingCount = sizeof kEndings / sizeof kEndings[0];

// The endings that end with one byte, in kEndings order, as compares of a
// word's last 8 bytes taken as a little-endian word (its last byte highest):
// EndingLanguage() tries all of one row without a branch per ending.
struct EndingRows {
  struct Test {
    std::uint64_t value = 1;     // the suffix's bytes at the top; 1: never
    std::uint64_t mask = 0;      // its bytes
    std::uint64_t min_size = 0;  // EndsWith(): 2 bytes or more before it
    int lang = 3;
  };
  static constexpr int kWidth = 6;     // the most endings ending with one byte
  std::uint8_t row_of_last[256] = {};  // 0: none
  Test rows[16][kWidth] = {};
  constexpr EndingRows() {
    int used = 1;
    for (int e = 0; e < kEndingCount; ++e) {
      const std::string_view s = kEndings[e].suffix;
      const auto last = static_cast<unsigned char>(s.back());
      if (row_of_last[last] == 0)
        row_of_last[last] = static_cast<std::uint8_t>(used++);
      Test* row = rows[row_of_last[last]];
      int k = 0;
      while (row[k].mask != 0) ++k;
      Test& t = row[k];
      t.value = 0;
      for (std::size_t j = 0; j < s.size(); ++j) {
        t.value |=
            std::uint64_t{static_cast<unsigned char>(s[s.size() - 1 - j])}
            << (8 * (7 - j));
      }
      t.mask = ~std::uint64_t{0} << (8 * (8 - s.size()));
      t.min_size = s.size() + 2;
      t.lang = kEndings[e].lang;
    }
  }
};
constexpr EndingRows kEndingRows;

constexpr std::string_view kNames[kLangs] = {"fr", "en", "de"};

bool Counted(const TokenizedText& tokens, std::size_t i) {
  return tokens.tokens[i].kind == TokenKind::kWord && !tokens.tokens[i].hashtag;
}

}  // namespace

int LanguageVotes::EndingLanguage(std::string_view w, const TermHead& head) {
  const std::size_t n = w.size();
  if (n == 0) return 3;
  // The last 8 bytes, the last one highest; zeros before a shorter word.
  std::uint64_t tail;
  if (n <= 16) {
    __extension__ using Wide = unsigned __int128;
    const Wide all = (static_cast<Wide>(head.hi) << 64) | head.lo;
    tail = static_cast<std::uint64_t>((all << (8 * (16 - n))) >> 64);
  } else {
    tail = LoadBytes8(w.data() + n - 8);
  }
  const EndingRows::Test* row =
      kEndingRows.rows[kEndingRows.row_of_last[tail >> 56]];
  // The first ending of the row that matches wins: tried last to first.
  int lang = 3;
  for (int k = EndingRows::kWidth - 1; k >= 0; --k) {
    const EndingRows::Test& t = row[k];
    const bool match = ((tail & t.mask) == t.value) & (n >= t.min_size);
    lang = match ? t.lang : lang;
  }
  return lang;
}

std::string_view LanguageVotes::Decide(const TokenizedText& tokens) const {
  double votes[kLangs] = {votes_[kFr], votes_[kEn], votes_[kDe]};
  votes[kFr] += kElisionWeight * tokens.elisions;
  votes[kDe] += kLetterWeight * tokens.german_letters;
  votes[kFr] += kLetterWeight * tokens.french_letters;
  // Clear without the lexicons: their votes are not needed.
  if (const int sure = Best(votes, kSureVotes, kSureLead); sure >= 0) {
    return kNames[sure];
  }
  // One addition per word, as the words come, so that the sums round alike
  // whatever the caller.
  for (int l = 0; l < kLangs; ++l) {
    for (int k = 0; k < only_in_[l]; ++k) votes[l] += kLexiconWeight;
  }
  const int best = Best(votes, kMinVotes, kMinLead);
  return best < 0 ? std::string_view("und") : kNames[best];
}

std::string_view FunctionWordVotes::Settled(const TokenizedText& tokens) const {
  double votes[kLangs] = {votes_[kFr], votes_[kEn], votes_[kDe]};
  votes[kFr] += kElisionWeight * tokens.elisions;
  votes[kDe] += kLetterWeight * tokens.german_letters;
  votes[kFr] += kLetterWeight * tokens.french_letters;
  int best = 0;
  for (int l = 1; l < kLangs; ++l) {
    if (votes[l] > votes[best]) best = l;
  }
  // Decide()'s sure test passes for `best` even if every other word's
  // ending voted for the runner-up; the margin covers the rounding of sums
  // taken in another order.
  constexpr double kMargin = 1e-9;
  const double others = kEndingWeight * others_;
  if (votes[best] < kSureVotes + kMargin) return {};
  for (int l = 0; l < kLangs; ++l) {
    if (l != best && kSureLead * (votes[l] + others) + kMargin > votes[best]) {
      return {};
    }
  }
  return kNames[best];
}

std::string_view IdentifyLanguage(const TokenizedText& tokens,
                                  const LanguageLexicons& lexicons) {
  const FunctionWordTable& words = Words();
  LanguageVotes votes;
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    if (!Counted(tokens, i)) continue;
    const std::string_view w = tokens.at(i);
    WordClue clue;
    if (const Vote* v = words.Find(w); v != nullptr) {
      clue.function_lang = static_cast<std::int8_t>(v->lang);
      clue.function_weight = v->weight;
    } else {
      for (int l = 0; l < kLangs; ++l) {
        if (lexicons[l] != nullptr && lexicons[l]->Find(w)) {
          clue.in_lexicons |= static_cast<std::uint8_t>(1u << l);
        }
      }
    }
    votes.Add(w, tokens.keys[i].head, clue);
  }
  return votes.Decide(tokens);
}

std::string_view IdentifyLanguage(const TokenizedText& tokens,
                                  std::span<const WordClue> clues) {
  LanguageVotes votes;
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    if (Counted(tokens, i)) {
      votes.Add(tokens.at(i), tokens.keys[i].head, clues[i]);
    }
  }
  return votes.Decide(tokens);
}

WordClue FunctionWordClue(std::string_view folded_word) {
  WordClue clue;
  if (const Vote* v = Words().Find(folded_word); v != nullptr) {
    clue.function_lang = static_cast<std::int8_t>(v->lang);
    clue.function_weight = v->weight;
  }
  return clue;
}

std::vector<std::string_view> FunctionWords() {
  const FunctionWordTable& words = Words();
  std::vector<std::string_view> out;
  out.reserve(words.words.size());
  for (std::uint32_t id = 0; id < words.words.size(); ++id) {
    out.push_back(words.words.term(id));
  }
  return out;
}

std::string_view IdentifyLanguage(std::string_view text) {
  thread_local TokenizedText scratch;
  Tokenize(text, nullptr, scratch);
  return IdentifyLanguage(scratch, LanguageLexicons{});
}

}  // namespace vigie
