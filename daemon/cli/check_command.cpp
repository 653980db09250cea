#include <iostream>
#include <set>

#include "cli/commands.h"
#include "vigie/analyze/lexicon_lint.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"
#include "vigie/core/read_file.h"

namespace vigie::cli {

int RunCheck(const Args& args) {
  if (std::string bad = UnknownArgument(args, {"config", "rules"}, {});
      !bad.empty()) {
    std::cerr << "vigie check: unknown argument " << bad << "\n";
    return 2;
  }
  int errors = 0;
  std::string rules_dir = DefaultRulesDir(args);
  std::string config_path;
  std::optional<Config> config;
  if (FlagValue(args, "config", &config_path)) {
    auto cfg = LoadConfig(config_path);
    if (!cfg.ok()) {
      std::cerr << cfg.status().message() << "\n";
      ++errors;
    } else {
      config = *cfg;
      std::string explicit_rules;
      if (!FlagValue(args, "rules", &explicit_rules))
        rules_dir = cfg->rules_dir;
    }
  }
  ScorerOptions scorer;
  if (config) {
    scorer.negative_threshold = config->negative_threshold;
    scorer.positive_threshold = config->positive_threshold;
  }
  auto rules = LoadRuleSet(rules_dir, scorer, 1);
  // Warnings only: legal entries that are almost surely mistakes.
  struct LexiconFile {
    const char* name;
    const char* language;
  };
  for (const LexiconFile& file :
       {LexiconFile{"fr.tsv", "fr"}, LexiconFile{"de.tsv", "de"},
        LexiconFile{"en_extra.tsv", "en"}}) {
    const std::string path = rules_dir + "/lexicons/" + file.name;
    if (auto text = ReadFile(path); text.ok()) {
      for (const std::string& w :
           FoldCollisionWarnings(path, *text, file.language)) {
        std::cerr << w << "\n";
      }
      for (const std::string& w : ElidedWordWarnings(path, *text)) {
        std::cerr << w << "\n";
      }
      for (const std::string& w : HyphenWarnings(path, *text)) {
        std::cerr << w << "\n";
      }
    }
  }
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    ++errors;
  } else if (config) {
    std::set<std::string> channels;
    for (const auto& ch : config->notify.slack) channels.insert(ch.name);
    for (const Scenario& sc : (*rules)->scenarios.scenarios) {
      for (const std::string& ch : sc.channels) {
        if (!channels.contains(ch)) {
          std::cerr << rules_dir << "/scenarios.toml: scenario '" << sc.name
                    << "' uses channel '" << ch << "', which " << config_path
                    << " does not configure\n";
          ++errors;
        }
      }
    }
  }
  if (errors > 0) return 1;
  std::cout << "ok: " << (config ? config_path + " and " : std::string())
            << rules_dir << " ("
            << (*rules)->english.size() + (*rules)->english_extra.size() +
                   (*rules)->french.size() + (*rules)->german.size() +
                   (*rules)->emoji.size()
            << " lexicon entries, " << (*rules)->topics.rules().size()
            << " topic rules, " << (*rules)->brands.brands().size()
            << " brands, " << (*rules)->scenarios.scenarios.size()
            << " scenarios)\n";
  return 0;
}

}  // namespace vigie::cli
