#include <boost/json.hpp>
#include <cstdio>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"
#include "vigie/core/text_fold.h"

namespace vigie::cli {

namespace {

void PrintExplanation(const Explanation& ex) {
  std::cout << "  language " << ex.language << " (" << ex.language_source
            << ")\n";
  for (const std::string& n : ex.normalisation) {
    std::cout << "  normalised " << n << "\n";
  }
  char buf[256];
  for (const Contribution& c : ex.contributions) {
    std::snprintf(buf, sizeof buf, " [%s] valence %+.3f -> %+.3f",
                  c.lexicon.c_str(), c.valence, c.adjusted);
    std::cout << "  term '" << c.term << "'" << buf;
    for (const std::string& m : c.modifiers) std::cout << "; " << m;
    std::cout << "\n";
  }
  std::snprintf(buf, sizeof buf,
                "  rules %+.3f, stated rating %+.3f, punctuation %+.3f, sum "
                "%+.3f, conflict %.3f -> compound %+.4f (sum / sqrt(sum^2 + "
                "15 + 16 conflict^2))\n",
                ex.extra_valence, ex.stated_rating, ex.punctuation, ex.sum,
                ex.conflict, ex.compound);
  std::cout << buf;
  if (!ex.lukewarm.empty()) {
    std::snprintf(buf, sizeof buf, "): compound x%.2f\n", kLukewarmScalar);
    std::cout << "  lukewarm verdict (" << ex.lukewarm << buf;
  }
}

boost::json::object ExplanationJson(const Explanation& ex) {
  boost::json::object o;
  o["language_source"] = ex.language_source;
  boost::json::array norm;
  for (const std::string& n : ex.normalisation) norm.emplace_back(n);
  o["normalisation"] = std::move(norm);
  boost::json::array terms;
  for (const Contribution& c : ex.contributions) {
    boost::json::object t;
    t["term"] = c.term;
    t["lexicon"] = c.lexicon;
    t["valence"] = c.valence;
    t["adjusted"] = c.adjusted;
    boost::json::array mods;
    for (const std::string& m : c.modifiers) mods.emplace_back(m);
    t["modifiers"] = std::move(mods);
    terms.emplace_back(std::move(t));
  }
  o["contributions"] = std::move(terms);
  o["rules"] = ex.extra_valence;
  o["stated_rating"] = ex.stated_rating;
  o["punctuation"] = ex.punctuation;
  o["sum"] = ex.sum;
  o["conflict"] = ex.conflict;
  if (!ex.lukewarm.empty()) o["lukewarm"] = ex.lukewarm;
  return o;
}

}  // namespace

int RunScore(const Args& args) {
  if (std::string bad = UnknownArgument(args, {"config", "rules", "lang"},
                                        {"explain", "json"});
      !bad.empty()) {
    std::cerr << "vigie score: unknown argument " << bad << "\n";
    return 2;
  }
  std::string lang;
  FlagValue(args, "lang", &lang);
  if (!lang.empty() && lang != "fr" && lang != "en" && lang != "de") {
    std::cerr << "vigie score: --lang must be fr, en or de\n";
    return 2;
  }
  const bool explain = HasFlag(args, "explain");
  const bool json = HasFlag(args, "json");
  auto rules = LoadCliRules(args);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }
  const RuleSet& set = **rules;
  const Scorer& scorer = *set.scorer;
  ScoreRequest request;
  request.language = lang;
  std::ios::sync_with_stdio(false);
  std::string line;
  std::string folded;
  std::vector<std::string_view> names;
  char buf[32];
  Explanation ex;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // As the daemon does, the names of the brands a text is about judge
    // nothing.
    names.clear();
    if (!set.brands.brands().empty()) {
      FoldText(line, folded);
      set.brands.AppendKeywords(set.brands.Match(folded), names);
    }
    request.names = names;
    if (!explain && !json) {
      const ScoreResult r = scorer.Score(line, request);
      std::snprintf(buf, sizeof buf, "\t%.4f\n", r.compound);
      std::cout << LabelName(r.label) << buf;
      continue;
    }
    const ScoreResult r = scorer.Score(line, request, explain ? &ex : nullptr);
    std::vector<const TopicRule*> hits;
    if (explain) hits = set.topics.MatchRules(FoldText(line), r.language);
    if (json) {
      boost::json::object o;
      o["label"] = LabelName(r.label);
      o["compound"] = r.compound;
      o["language"] = r.language;
      if (explain) {
        o["explain"] = ExplanationJson(ex);
        boost::json::array rule_hits;
        for (const TopicRule* h : hits) {
          boost::json::object rh;
          rh["rule"] = h->name;
          rh["topic"] = h->topic;
          rh["severity"] = h->severity;
          if (h->weight) rh["weight"] = *h->weight;
          rule_hits.emplace_back(std::move(rh));
        }
        o["rule_hits"] = std::move(rule_hits);
      }
      std::cout << boost::json::serialize(o) << "\n";
      continue;
    }
    std::snprintf(buf, sizeof buf, "\t%.4f\n", r.compound);
    std::cout << LabelName(r.label) << buf;
    PrintExplanation(ex);
    for (const TopicRule* h : hits) {
      std::cout << "  rule " << h->name << " -> topic " << h->topic << " ("
                << h->severity << ")";
      if (h->weight) {
        std::snprintf(buf, sizeof buf, ", weight %+.2f", *h->weight);
        std::cout << buf << " (the daemon adds it to the sum)";
      }
      std::cout << "\n";
    }
  }
  std::cout.flush();
  return 0;
}

}  // namespace vigie::cli
