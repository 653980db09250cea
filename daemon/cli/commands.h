// The subcommands of the `vigie` binary, as a table.
#pragma once

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/result.h"

namespace vigie {
class TopicRules;
struct RuleSet;
}  // namespace vigie

namespace vigie::cli {

/// Arguments after the subcommand name.
using Args = std::vector<std::string>;

/// One subcommand: its name, a one-line summary, its usage text and handler.
struct Command {
  std::string_view name;
  std::string_view summary;
  std::string_view usage;
  int (*run)(const Args& args);
};

/// Every subcommand, in the order `vigie help` lists them.
const std::vector<Command>& Commands();

/// Runs the subcommands: `vigie version`.
int RunVersion(const Args& args);
/// `vigie run --config FILE`: the daemon.
int RunDaemon(const Args& args);
/// `vigie demo`: the self-contained demo.
int RunDemoCommand(const Args& args);
/// `vigie check`: validate config and rule files.
int RunCheck(const Args& args);
/// `vigie score`: score stdin lines.
int RunScore(const Args& args);
/// `vigie incidents list|show|ack|resolve`: the incident lifecycle by hand.
int RunIncidents(const Args& args);
/// `vigie backtest`: replay stored history through detector and scenarios.
int RunBacktest(const Args& args);
/// `vigie eval`: accuracy and F1 of the scorer on labelled TSV files.
int RunEval(const Args& args);
/// `vigie rules test FILE`: show which topic rules hit each line.
int RunRules(const Args& args);
/// The body of `vigie rules test`: for each line of `in`, writes the line
/// and the rules that hit it (name, topic, severity, weight, language, and
/// why the sponsorship check fired or not) to `out`, then a summary line.
/// `language` as for TopicRules::Match(). Returns how many lines had a hit.
int WriteRuleHits(const TopicRules& rules, std::string_view language,
                  std::istream& in, std::ostream& out);

/// `vigie detect --csv`: anomaly scores of a count series on stdin.
int RunDetect(const Args& args);

/// Reads `--name VALUE` or `--name=VALUE` from args; false when absent.
bool FlagValue(const Args& args, std::string_view name, std::string* value);
/// True when `--name` is present.
bool HasFlag(const Args& args, std::string_view name);
/// Returns the first argument that is not a known flag, or "" when all are
/// known. `with_value` flags take the next argument.
std::string UnknownArgument(const Args& args,
                            const std::vector<std::string_view>& with_value,
                            const std::vector<std::string_view>& switches);
/// Loads the rule set a scoring command uses: --rules DIR, else the rules
/// directory of --config FILE, else DefaultRulesDir(); the thresholds come
/// from --config when given.
Result<std::shared_ptr<const RuleSet>> LoadCliRules(const Args& args);
/// The rules directory: --rules, else $VIGIE_RULES_DIR, else the rules
/// directory of the source tree vigie was built from.
std::string DefaultRulesDir(const Args& args);

}  // namespace vigie::cli
