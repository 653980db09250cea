// Fuzzes Scorer::Score with the shipped lexicons and the shipped topic rules
// (VIGIE_FUZZ_RULES_DIR): any bytes — invalid UTF-8, NUL bytes, huge texts —
// give a compound in [-1, 1], with and without an explanation, and a topic
// match. The first byte picks the language the caller passes (none, fr, en,
// de); the rest is the text, also scored with two of its pieces as names
// (ScoreRequest::names). The text's near-duplicate key must not change
// when an @handle is appended.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "vigie/analyze/lexicon.h"
#include "vigie/analyze/scorer.h"
#include "vigie/analyze/topic_rules.h"
#include "vigie/core/near_duplicate.h"
#include "vigie/core/text_fold.h"

namespace {

// Loads `name` from the rules directory; an absent file gives an empty
// lexicon, a broken one stops the fuzzer before it starts.
vigie::Lexicon LoadLexicon(const char* name) {
  const std::string path =
      std::string(VIGIE_FUZZ_RULES_DIR "/lexicons/") + name;
  vigie::Result<vigie::Lexicon> lexicon = vigie::Lexicon::Load(path);
  if (lexicon.ok()) return std::move(lexicon).value();
  if (lexicon.status().IsNotFound()) return vigie::Lexicon();
  std::fprintf(stderr, "%s\n", lexicon.status().message().c_str());
  std::abort();
}

struct Shipped {
  vigie::Lexicon en = LoadLexicon("en.tsv");
  vigie::Lexicon en_extra = LoadLexicon("en_extra.tsv");
  vigie::Lexicon fr = LoadLexicon("fr.tsv");
  vigie::Lexicon de = LoadLexicon("de.tsv");
  vigie::Lexicon emoji = LoadLexicon("emoji.tsv");
  vigie::Scorer scorer{vigie::ScorerLexicons{
      .en = &en, .fr = &fr, .de = &de, .emoji = &emoji, .en_extra = &en_extra}};
  vigie::TopicRules topics = [] {
    auto rules = vigie::TopicRules::Load(VIGIE_FUZZ_RULES_DIR "/topics.toml");
    if (!rules.ok()) {
      std::fprintf(stderr, "%s\n", rules.status().message().c_str());
      std::abort();
    }
    return std::move(rules).value();
  }();
};

void CheckCompound(double compound) {
  if (!std::isfinite(compound) || compound < -1.0 || compound > 1.0) {
    __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  static const Shipped shipped;
  if (size == 0) return 0;
  static constexpr std::string_view kLanguages[] = {"", "fr", "en", "de"};
  const std::string_view language = kLanguages[data[0] % 4];
  const std::string_view text(reinterpret_cast<const char*>(data + 1),
                              size - 1);

  CheckCompound(shipped.scorer.Score(text).compound);
  vigie::Explanation explain;
  const vigie::ScoreResult explained = shipped.scorer.Score(
      text, vigie::ScoreRequest{.language = language, .extra_valence = -1.5},
      &explain);
  CheckCompound(explained.compound);
  // The text's first words, then any of its bytes, as names (a brand's).
  const std::string_view names[] = {text.substr(0, text.find(' ', 8)),
                                    text.substr(size / 3, 12)};
  CheckCompound(
      shipped.scorer
          .Score(text,
                 vigie::ScoreRequest{.language = language, .names = names},
                 &explain)
          .compound);
  const std::string folded = vigie::FoldText(text);
  for (const vigie::TopicRule* rule :
       shipped.topics.MatchRules(folded, explained.language)) {
    if (rule->topic.empty()) __builtin_trap();
  }
  if (vigie::NearDuplicateKey(text) !=
      vigie::NearDuplicateKey(std::string(text) + " @someone")) {
    __builtin_trap();
  }
  return 0;
}
