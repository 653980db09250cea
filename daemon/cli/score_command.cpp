#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"

namespace vigie::cli {

int RunScore(const Args& args) {
  if (std::string bad = UnknownArgument(args, {"config", "rules"}, {});
      !bad.empty()) {
    std::cerr << "vigie score: unknown argument " << bad << "\n";
    return 2;
  }
  std::string rules_dir = DefaultRulesDir(args);
  ScorerOptions options;
  std::string config_path;
  if (FlagValue(args, "config", &config_path)) {
    auto cfg = LoadConfig(config_path);
    if (!cfg.ok()) {
      std::cerr << cfg.status().message() << "\n";
      return 1;
    }
    std::string explicit_rules;
    if (!FlagValue(args, "rules", &explicit_rules)) rules_dir = cfg->rules_dir;
    options.negative_threshold = cfg->negative_threshold;
    options.positive_threshold = cfg->positive_threshold;
  }
  auto rules = LoadRuleSet(rules_dir, options, 1);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }
  const Scorer& scorer = *(*rules)->scorer;
  std::ios::sync_with_stdio(false);
  std::string line;
  char buf[32];
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const ScoreResult r = scorer.Score(line);
    std::snprintf(buf, sizeof buf, "\t%.4f\n", r.compound);
    std::cout << LabelName(r.label) << buf;
  }
  std::cout.flush();
  return 0;
}

}  // namespace vigie::cli
