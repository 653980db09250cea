#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"
#include "vigie/detect/backtest.h"
#include "vigie/ingest/feed_time.h"
#include "vigie/store/sqlite_store.h"

namespace vigie::cli {

namespace {

// RFC 3339, or a bare date (YYYY-MM-DD, midnight UTC).
std::optional<TimePoint> ParseWhen(const std::string& text) {
  if (text.size() == 10) return ParseRfc3339(text + "T00:00:00Z");
  return ParseRfc3339(text);
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

int RunBacktest(const Args& args) {
  if (std::string bad = UnknownArgument(
          args, {"config", "rules", "from", "to", "brand", "scenario"},
          {"csv"});
      !bad.empty()) {
    std::cerr << "vigie backtest: unknown argument " << bad << "\n";
    return 2;
  }
  std::string config_path, from_text, to_text;
  if (!FlagValue(args, "config", &config_path) ||
      !FlagValue(args, "from", &from_text) ||
      !FlagValue(args, "to", &to_text)) {
    std::cerr << "vigie backtest: --config, --from and --to are required\n";
    return 2;
  }
  const auto from = ParseWhen(from_text);
  const auto to = ParseWhen(to_text);
  if (!from || !to) {
    std::cerr << "vigie backtest: --from and --to take YYYY-MM-DD or an "
                 "RFC 3339 time\n";
    return 2;
  }
  auto config = LoadConfig(config_path);
  if (!config.ok()) {
    std::cerr << config.status().message() << "\n";
    return 1;
  }
  std::string rules_dir = config->rules_dir;
  FlagValue(args, "rules", &rules_dir);
  ScorerOptions scorer;
  scorer.negative_threshold = config->negative_threshold;
  scorer.positive_threshold = config->positive_threshold;
  auto rules = LoadRuleSet(rules_dir, scorer, 1);
  if (!rules.ok()) {
    std::cerr << rules.status().message() << "\n";
    return 1;
  }
  auto store = SqliteStore::Open(config->store_path);
  if (!store.ok()) {
    std::cerr << store.status().message() << "\n";
    return 1;
  }
  BacktestOptions options;
  options.from = *from;
  options.to = *to;
  FlagValue(args, "brand", &options.brand);
  FlagValue(args, "scenario", &options.scenario);
  options.detect = config->detect;
  auto result = vigie::RunBacktest(**store, **rules, options);
  if (!result.ok()) {
    std::cerr << "vigie backtest: " << result.status().message() << "\n";
    return 1;
  }
  if (HasFlag(args, "csv")) {
    std::cout << "incident,brand,scenario,opened_at,final_state,severity,"
                 "revision,at,state,note\n";
    for (const BacktestIncident& b : result->incidents) {
      for (const IncidentEvent& e : b.events) {
        std::cout << b.incident.id << "," << CsvField(b.incident.brand) << ","
                  << CsvField(b.incident.scenario) << ","
                  << FormatTime(b.incident.opened_at) << ","
                  << IncidentStateName(b.incident.state) << ","
                  << b.incident.severity << "," << e.revision << ","
                  << FormatTime(e.at) << "," << IncidentStateName(e.state)
                  << "," << CsvField(e.note) << "\n";
      }
    }
    return 0;
  }
  std::cout << "backtest " << FormatTime(*from) << " → " << FormatTime(*to)
            << " with rules " << rules_dir << ": " << result->mentions
            << " mentions replayed, nothing sent\n\n";
  std::cout << "incidents it would have opened: " << result->incidents.size()
            << "\n";
  for (const BacktestIncident& b : result->incidents) {
    const Incident& i = b.incident;
    std::cout << "  #" << i.id << " " << i.brand << " × " << i.scenario
              << "  opened " << FormatTime(i.opened_at) << "  now "
              << IncidentStateName(i.state) << " (" << i.severity << ")\n";
    for (const IncidentEvent& e : b.events) {
      std::cout << "      " << FormatTime(e.at) << "  "
                << IncidentStateName(e.state) << "  " << e.note << "\n";
    }
    std::cout << "      evidence " << i.evidence_json.substr(0, 300)
              << (i.evidence_json.size() > 300 ? "…" : "") << "\n";
  }
  std::cout << "\nper day:\n";
  for (const BacktestDay& d : result->timeline) {
    char line[256];
    std::snprintf(line, sizeof line,
                  "  %s  %-20s mentions %6lld  neg %5lld  neu %5lld  pos %5lld"
                  "  incidents %d\n",
                  FormatTime(d.day).substr(0, 10).c_str(), d.brand.c_str(),
                  static_cast<long long>(d.labels.total()),
                  static_cast<long long>(d.labels.negative),
                  static_cast<long long>(d.labels.neutral),
                  static_cast<long long>(d.labels.positive),
                  d.incidents_opened);
    std::cout << line;
  }
  return 0;
}

}  // namespace vigie::cli
