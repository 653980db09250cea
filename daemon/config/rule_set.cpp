#include "vigie/config/rule_set.h"

#include <set>

#include "vigie/analyze/french_inflections.h"
#include "vigie/analyze/sponsorship.h"
#include "vigie/core/read_file.h"

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
  auto load_lexicon = [&](const char* name, Lexicon& out) {
    const std::string path = dir + "/lexicons/" + name;
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) return note(text.status());
    Result<Lexicon> lex = Lexicon::Parse(path, *text);
    if (!lex.ok()) return note(lex.status());
    out = std::move(*lex);
    set->phrase_starts.AddTsv(*text);
  };
  load_lexicon("en.tsv", set->english);
  load_lexicon("en_extra.tsv", set->english_extra);
  load_lexicon("fr.tsv", set->french);
  AddFrenchInflections(set->french);
  load_lexicon("de.tsv", set->german);
  load_lexicon("emoji.tsv", set->emoji);
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
  // Scenario references are checked only against files that loaded.
  std::set<std::string, std::less<>> topic_names;
  std::set<std::string, std::less<>> brand_names;
  ScenarioRefs refs;
  if (topics.ok()) {
    for (const TopicRule& r : set->topics.rules()) topic_names.insert(r.topic);
    if (const SponsorshipDetector* sp = set->topics.sponsorship()) {
      topic_names.insert(sp->rule().topic);
    }
    refs.topics = &topic_names;
  }
  if (brands.ok()) {
    for (const Brand& b : set->brands.brands()) brand_names.insert(b.name);
    refs.brands = &brand_names;
  }
  auto scenarios = LoadScenarios(dir + "/scenarios.toml", refs);
  if (scenarios.ok()) {
    set->scenarios = std::move(*scenarios);
  } else {
    note(scenarios.status());
  }
  if (!errors.empty()) return Status::InvalidArgument(errors);
  set->scorer = std::make_unique<Scorer>(
      ScorerLexicons{&set->english, &set->french, &set->german, &set->emoji,
                     &set->english_extra, &set->phrase_starts},
      options);
  set->analyzer =
      std::make_unique<Analyzer>(*set->scorer, set->topics, set->brands);
  return std::shared_ptr<const RuleSet>(std::move(set));
}

}  // namespace vigie
