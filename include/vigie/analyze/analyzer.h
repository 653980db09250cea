// Analyzer: the analyze stage for one mention — brands, language,
// sentiment and topics.
//
// Order: the language is identified from title + text (Scorer::Language);
// the topic rules run on the folded text for that language (TopicRules::
// MatchRules: a rule with a `language` runs only on mentions of that
// language, or of unknown language); the weights of the matching rules
// (TopicRule::weight, valence units) are added once each to the sentiment sum
// before normalisation (Scorer, ScoreRequest:: extra_valence); finally, when
// the mention has a star rating, it is blended in with Scorer::BlendRating and
// the label recomputed. The keywords of the brands a mention is about are
// names that judge nothing (ScoreRequest::names): "Best Buy lost my order"
// has no "best".
//
// Performance: the text is tokenized once for language and score (the
// Scorer's per-thread cache), folded once for brands and rules, and each
// thread reuses its own buffers for the joined title + text and the folded
// text (they keep the capacity of the longest mention seen).
//
// Thread-safety: immutable; Analyze() may run on many threads at once (each
// on its own Mention).
// Lifetime: holds references to the scorer, the topic rules and the brand
// matcher, which must outlive it.
#pragma once

#include "vigie/analyze/brand_matcher.h"
#include "vigie/analyze/scorer.h"
#include "vigie/analyze/topic_rules.h"
#include "vigie/core/mention.h"

namespace vigie {

/// Fills the analysis fields of mentions.
class Analyzer {
 public:
  /// Keeps references to all three, which must outlive the analyzer.
  Analyzer(const Scorer& scorer, const TopicRules& rules,
           const BrandMatcher& brands);

  /// Sets m.brands, m.language, m.compound, m.label and m.topics from
  /// m.title and m.text (read as one text, title first) and m.rating. Other
  /// fields are left as they are.
  void Analyze(Mention& m) const;

 private:
  const Scorer* scorer_;
  const TopicRules* rules_;
  const BrandMatcher* brands_;
};

}  // namespace vigie
