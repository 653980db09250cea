#include "vigie/analyze/analyzer.h"

#include <string>

#include "vigie/core/text_fold.h"

namespace vigie {

Analyzer::Analyzer(const Scorer& scorer, const TopicRules& rules,
                   const BrandMatcher& brands)
    : scorer_(&scorer), rules_(&rules), brands_(&brands) {}

void Analyzer::Analyze(Mention& m) const {
  std::string whole;
  whole.reserve(m.title.size() + 1 + m.text.size());
  whole += m.title;
  if (!m.title.empty() && !m.text.empty()) whole += ' ';
  whole += m.text;

  const std::string folded = FoldText(whole);
  m.brands = brands_->Match(folded);
  m.topics = rules_->Match(folded);

  const ScoreResult score = scorer_->Score(whole);
  m.language = std::string(score.language);
  m.compound = score.compound;
  m.label = score.label;
}

}  // namespace vigie
