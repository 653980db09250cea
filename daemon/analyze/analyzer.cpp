#include "vigie/analyze/analyzer.h"

#include <algorithm>
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

  const std::string_view language = scorer_->Language(whole);
  const std::string folded = FoldText(whole);
  m.brands = brands_->Match(folded);

  ScoreRequest request;
  request.language = language == "und" ? std::string_view() : language;
  m.topics.clear();
  for (const TopicRule* rule : rules_->MatchRules(folded, language)) {
    if (rule->weight) request.extra_valence += *rule->weight;
    if (std::find(m.topics.begin(), m.topics.end(), rule->topic) ==
        m.topics.end()) {
      m.topics.push_back(rule->topic);
    }
  }

  const ScoreResult score = scorer_->Score(whole, request);
  m.language = std::string(score.language);
  m.compound = score.compound;
  if (m.rating) {
    m.compound =
        Scorer::BlendRating(score.compound, *m.rating, score.terms > 0);
  }
  m.label = scorer_->LabelOf(m.compound);
}

}  // namespace vigie
