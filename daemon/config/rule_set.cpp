#include "vigie/config/rule_set.h"

namespace vigie {

std::string RuleSet::BrandLanguage(std::string_view brand) const {
  const Brand* b = brands.Find(brand);
  if (b == nullptr || b->language.empty()) return "en";
  return b->language;
}

Result<std::shared_ptr<const RuleSet>> LoadRuleSet(const std::string& dir,
                                                   const ScorerOptions& options,
                                                   std::int64_t version) {
  auto set = std::make_shared<RuleSet>();
  set->version = version;
  set->dir = dir;
  std::string errors;
  auto note = [&errors](const Status& s) {
    if (s.ok()) return;
    if (!errors.empty()) errors += '\n';
    errors += s.message();
  };
  auto en = Lexicon::Load(dir + "/lexicons/en.tsv");
  if (en.ok())
    set->english = std::move(*en);
  else
    note(en.status());
  auto fr = Lexicon::Load(dir + "/lexicons/fr.tsv");
  if (fr.ok())
    set->french = std::move(*fr);
  else
    note(fr.status());
  auto topics = TopicRules::Load(dir + "/topics.toml");
  if (topics.ok())
    set->topics = std::move(*topics);
  else
    note(topics.status());
  auto brands = BrandMatcher::Load(dir + "/brands.toml");
  if (brands.ok())
    set->brands = std::move(*brands);
  else
    note(brands.status());
  auto scenarios = LoadScenarios(dir + "/scenarios.toml");
  if (scenarios.ok()) {
    set->scenarios = std::move(*scenarios);
  } else {
    note(scenarios.status());
  }
  if (!errors.empty()) return Status::InvalidArgument(errors);
  set->scorer = std::make_unique<Scorer>(set->english, set->french, options);
  set->analyzer =
      std::make_unique<Analyzer>(*set->scorer, set->topics, set->brands);
  return std::shared_ptr<const RuleSet>(std::move(set));
}

}  // namespace vigie
