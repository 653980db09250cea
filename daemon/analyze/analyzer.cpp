#include "vigie/analyze/analyzer.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/text_fold.h"

namespace vigie {

Analyzer::Analyzer(const Scorer& scorer, const TopicRules& rules,
                   const BrandMatcher& brands)
    : scorer_(&scorer), rules_(&rules), brands_(&brands) {}

void Analyzer::Analyze(Mention& m) const {
  // Per-thread buffers, reused so that analysing does not allocate for
  // them once warm.
  thread_local std::string joined;
  thread_local std::string folded;
  std::string_view whole = m.text;
  if (!m.title.empty()) {
    joined.assign(m.title);
    if (!m.text.empty()) joined += ' ';
    joined += m.text;
    whole = joined;
  }

  const std::string_view language = scorer_->Language(whole);
  FoldText(whole, folded);
  m.brands = brands_->Match(folded);

  ScoreRequest request;
  request.language = language == "und" ? std::string_view() : language;
  // The brands' own names judge nothing: "Best Buy", "Super U".
  thread_local std::vector<std::string_view> names;
  names.clear();
  brands_->AppendKeywords(m.brands, names);
  request.names = names;
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
