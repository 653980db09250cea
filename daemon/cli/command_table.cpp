#include <iostream>

#include "cli/commands.h"

namespace vigie::cli {

const std::vector<Command>& Commands() {
  static const std::vector<Command> table = {
      {"run", "run the daemon until SIGTERM or SIGINT",
       "usage: vigie run --config FILE [--log-level debug|info|warn|error]\n"
       "\n"
       "Polls the configured sources, scores and stores mentions, detects\n"
       "negative spikes and delivers alerts. SIGHUP reloads the rule files\n"
       "(a bad reload keeps the old rules); SIGTERM or SIGINT stops it\n"
       "gracefully within [server] shutdown_timeout_seconds.\n",
       RunDaemon},
      {"demo", "play a bad-buzz story through the whole pipeline",
       "usage: vigie demo [--rules DIR] [--store FILE] [--tick-ms N]\n"
       "\n"
       "Starts a local feed server that plays a bad-buzz story for a\n"
       "fictional brand in accelerated simulated time, a local Slack-\n"
       "compatible receiver, and the real pipeline between them; prints\n"
       "progress and a summary, and leaves nothing running. --store keeps\n"
       "the SQLite database (default: a temporary file, removed). --tick-ms\n"
       "is the real time per simulated minute (default 50).\n",
       RunDemoCommand},
      {"check", "validate the config and rule files",
       "usage: vigie check [--config FILE] [--rules DIR]\n"
       "\n"
       "Loads the config (when given) and every rule file, reports every\n"
       "error as path:line:col: message, and exits 1 when any was found.\n"
       "Without --config, checks --rules (default: the shipped rules).\n",
       RunCheck},
      {"score", "score one text per line from stdin",
       "usage: vigie score [--rules DIR | --config FILE]\n"
       "\n"
       "Reads one text per line on stdin and prints label<TAB>compound per\n"
       "line, label being negative, neutral or positive and compound in\n"
       "[-1, 1].\n",
       RunScore},
      {"incidents", "list, show, acknowledge or resolve incidents",
       "usage: vigie incidents list --config FILE\n"
       "       vigie incidents show ID --config FILE\n"
       "       vigie incidents ack ID --config FILE [--by NAME]\n"
       "       vigie incidents resolve ID --config FILE [--by NAME]\n"
       "\n"
       "Reads and changes incidents in the configured store. ack and resolve\n"
       "write the state change and its notification to the outbox; the\n"
       "running daemon delivers it (within a second). --by names the person\n"
       "(default: $USER).\n",
       RunIncidents},
      {"backtest", "replay stored history through detector and scenarios",
       "usage: vigie backtest --config FILE --from T1 --to T2 [--brand B]\n"
       "                      [--scenario S] [--rules DIR] [--csv]\n"
       "\n"
       "Re-scores the mentions stored between T1 and T2 (YYYY-MM-DD or RFC\n"
       "3339, UTC) with the rules of DIR (default: the config's, so a draft\n"
       "rule set can be tried), replays them in publication order through the\n"
       "detector and the scenarios, and prints the incidents that would have\n"
       "opened with their history and evidence, and a per-day timeline.\n"
       "--csv prints one row per incident change. Never sends anything.\n",
       RunBacktest},
      {"version", "print the version", "usage: vigie version\n", RunVersion},
  };
  return table;
}

int RunVersion(const Args& /*args*/) {
  std::cout << "vigie " VIGIE_VERSION "\n";
  return 0;
}

}  // namespace vigie::cli
