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
       "usage: vigie score [--rules DIR | --config FILE] [--lang fr|en|de]\n"
       "                   [--explain] [--json]\n"
       "\n"
       "Reads one text per line on stdin and prints label<TAB>compound per\n"
       "line, label being negative, neutral or positive and compound in\n"
       "[-1, 1]. --lang skips language identification. --explain adds, after\n"
       "each line, every contribution: term, lexicon valence, modifiers\n"
       "(negation, booster, caps, contrast, emphasis), normalisation,\n"
       "language and the final sum. --json prints one JSON object per line\n"
       "instead (with the explanation when --explain is given too).\n",
       RunScore},
      {"eval", "measure the scorer on labelled TSV files",
       "usage: vigie eval FILE.tsv... [--binary] [--lang fr|en|de]\n"
       "                  [--rules DIR | --config FILE]\n"
       "\n"
       "Each line: text<TAB>[...<TAB>]label, label in the last column\n"
       "(negative, neutral, positive, or 0/1). Prints per file the accuracy,\n"
       "macro-F1, per-class precision/recall/F1 and the confusion matrix.\n"
       "Only the text is scored. --binary skips neutral gold labels and\n"
       "predicts by the sign of the compound (0 counts as wrong). A bad line\n"
       "is reported as path:line:col: message and the exit status is 1.\n",
       RunEval},
      {"rules", "show which topic rules hit sample texts",
       "usage: vigie rules test FILE [--rules DIR] [--lang fr|en|de]\n"
       "\n"
       "Reads one text per line from FILE (- for stdin), runs the topic rules\n"
       "and the sponsorship check of DIR/topics.toml over each and prints the\n"
       "rules that hit: name, topic, severity, weight and language. --lang\n"
       "runs the rules as for a mention in that language (default: every\n"
       "rule). A bad rule file is reported as path:line:col: message and the\n"
       "exit status is 1.\n",
       RunRules},
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
      {"detect", "score a count series for anomalies",
       "usage: vigie detect --csv [--bucket-seconds N] [--config FILE]\n"
       "\n"
       "Reads timestamp,value rows on stdin (a count per bucket; header\n"
       "optional; 'YYYY-MM-DD hh:mm:ss' taken as UTC, or ISO 8601) and\n"
       "prints timestamp,anomaly_score per row, the score in [0, 1] from the\n"
       "daemon's detector using only that row and the ones before it. 0.5\n"
       "is the alert level of [detect] alerts_per_week (--config; default 1\n"
       "a week). The bucket width is the gap between the first two rows\n"
       "unless --bucket-seconds gives it. A bad row is reported as\n"
       "<stdin>:line:col: message and the exit status is 1.\n",
       RunDetect},
      {"version", "print the version", "usage: vigie version\n", RunVersion},
  };
  return table;
}

int RunVersion(const Args& /*args*/) {
  std::cout << "vigie " VIGIE_VERSION "\n";
  return 0;
}

}  // namespace vigie::cli
