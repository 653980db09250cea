// RuleSet: one immutable snapshot of every rule file vigie reads.
//
// Built whole by LoadRuleSet() and shared as std::shared_ptr<const RuleSet>;
// a reload builds a new snapshot and swaps the pointer, so readers never see
// a half-loaded set. Thread-safety: immutable, safe to share.
// Layout of a rules directory: lexicons/en.tsv, lexicons/en_extra.tsv,
// lexicons/fr.tsv,
// lexicons/de.tsv, lexicons/emoji.tsv, topics.toml, brands.toml,
// scenarios.toml.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "vigie/analyze/analyzer.h"
#include "vigie/analyze/brand_matcher.h"
#include "vigie/analyze/lexicon.h"
#include "vigie/analyze/scorer.h"
#include "vigie/analyze/topic_rules.h"
#include "vigie/core/result.h"
#include "vigie/detect/scenario.h"

namespace vigie {

/// Every rule of one rules directory, loaded and compiled.
struct RuleSet {
  std::int64_t version = 0;  ///< recorded with each mention it scores
  std::string dir;           ///< the directory it was loaded from
  Lexicon english;
  Lexicon english_extra;  ///< vigie's additions, looked up before `english`
  Lexicon french;
  Lexicon german;
  Lexicon emoji;               ///< emoji valences, used in every language
  PhraseStarts phrase_starts;  ///< first words of the multi-word terms above
  TopicRules topics;
  BrandMatcher brands;
  ScenarioSet scenarios;
  std::unique_ptr<Scorer> scorer;      ///< refers to the lexicons above
  std::unique_ptr<Analyzer> analyzer;  ///< refers to the members above

  /// The language of `brand` ("fr", "en"), "en" when unknown.
  std::string BrandLanguage(std::string_view brand) const;
};

/// Loads every rule file of `dir`. On failure returns the first error of each
/// file that failed, one per line, each as "path:line:col: message".
Result<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::string& dir,
                                                   const ScorerOptions& options,
                                                   std::int64_t version);

}  // namespace vigie
