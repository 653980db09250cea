#include <algorithm>
#include <cstdlib>

#include "cli/commands.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"

namespace vigie::cli {

bool FlagValue(const Args& args, std::string_view name, std::string* value) {
  const std::string flag = "--" + std::string(name);
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == flag && i + 1 < args.size()) {
      *value = args[i + 1];
      return true;
    }
    if (args[i].rfind(flag + "=", 0) == 0) {
      *value = args[i].substr(flag.size() + 1);
      return true;
    }
  }
  return false;
}

bool HasFlag(const Args& args, std::string_view name) {
  const std::string flag = "--" + std::string(name);
  return std::find(args.begin(), args.end(), flag) != args.end();
}

std::string UnknownArgument(const Args& args,
                            const std::vector<std::string_view>& with_value,
                            const std::vector<std::string_view>& switches) {
  auto known = [](const std::vector<std::string_view>& names,
                  std::string_view arg, bool allow_eq) {
    for (std::string_view n : names) {
      const std::string flag = "--" + std::string(n);
      if (arg == flag) return true;
      if (allow_eq && arg.rfind(flag + "=", 0) == 0) return true;
    }
    return false;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (known(with_value, args[i], true)) {
      if (args[i].find('=') == std::string::npos) {
        if (i + 1 >= args.size()) return args[i] + " (missing value)";
        ++i;
      }
      continue;
    }
    if (known(switches, args[i], false)) continue;
    return args[i];
  }
  return {};
}

Result<std::shared_ptr<const RuleSet>> LoadCliRules(const Args& args) {
  std::string rules_dir = DefaultRulesDir(args);
  ScorerOptions options;
  std::string config_path;
  if (FlagValue(args, "config", &config_path)) {
    auto cfg = LoadConfig(config_path);
    if (!cfg.ok()) return cfg.status();
    std::string explicit_rules;
    if (!FlagValue(args, "rules", &explicit_rules)) rules_dir = cfg->rules_dir;
    options.negative_threshold = cfg->negative_threshold;
    options.positive_threshold = cfg->positive_threshold;
  }
  return LoadRuleSet(rules_dir, options, 1);
}

std::string DefaultRulesDir(const Args& args) {
  std::string dir;
  if (FlagValue(args, "rules", &dir)) return dir;
  if (const char* env = std::getenv("VIGIE_RULES_DIR"); env && *env) return env;
  return VIGIE_SOURCE_RULES_DIR;
}

}  // namespace vigie::cli
