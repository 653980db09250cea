#include <charconv>
#include <iostream>

#include "cli/commands.h"
#include "cli/demo.h"
#include "vigie/core/log.h"

namespace vigie::cli {

int RunDemoCommand(const Args& args) {
  if (std::string bad =
          UnknownArgument(args, {"rules", "store", "tick-ms", "log-level"}, {});
      !bad.empty()) {
    std::cerr << "vigie demo: unknown argument " << bad << "\n";
    return 2;
  }
  demo::DemoOptions options;
  options.rules_dir = DefaultRulesDir(args);
  FlagValue(args, "store", &options.store_path);
  std::string tick;
  if (FlagValue(args, "tick-ms", &tick)) {
    int ms = 0;
    auto [p, ec] = std::from_chars(tick.data(), tick.data() + tick.size(), ms);
    if (ec != std::errc() || p != tick.data() + tick.size() || ms < 5 ||
        ms > 1000) {
      std::cerr << "vigie demo: --tick-ms must be an integer in [5, 1000]\n";
      return 2;
    }
    options.tick = Millis(ms);
  }
  std::string level = "warn";
  FlagValue(args, "log-level", &level);
  log::Level parsed;
  if (!log::ParseLevel(level, &parsed)) {
    std::cerr << "vigie demo: unknown log level " << level << "\n";
    return 2;
  }
  log::SetLevel(parsed);
  options.progress = &std::cout;

  auto report = demo::RunDemo(options);
  if (!report.ok()) {
    std::cerr << "vigie demo: " << report.status().message() << "\n";
    return 1;
  }
  const demo::DemoReport& r = *report;
  std::cout << "\n=== summary ===\n"
            << "posts published by the feed: " << r.story_items << "\n"
            << "mentions ingested and stored: " << r.mentions_stored << "\n"
            << "scored: negative " << r.labels.negative << ", neutral "
            << r.labels.neutral << ", positive " << r.labels.positive << "\n"
            << "incidents opened: " << r.incidents.size() << "\n";
  for (const Incident& i : r.incidents) {
    std::cout << "  #" << i.id << " " << i.brand << " × " << i.scenario << " ("
              << i.severity << ", " << IncidentStateName(i.state)
              << ") opened at " << FormatTime(i.opened_at) << "\n";
  }
  std::cout << "alerts delivered to the Slack receiver: "
            << r.alerts_received.size() << "\n"
            << "outbox rows left undelivered: " << r.pending_outbox << "\n";
  for (const std::string& body : r.alerts_received) {
    std::cout << "\n--- alert as the receiver got it ---\n"
              << demo::SlackMessageToText(body) << "\n";
  }
  std::cout << "\n--- the day in one look ---\n" << r.summary_text;
  std::cout << "\ndemo finished; nothing left running"
            << (r.clean_shutdown ? "" : " (shutdown hit its deadline)") << "\n";
  const bool ok = r.incidents.size() == 1 && r.alerts_received.size() == 1 &&
                  r.pending_outbox == 0;
  return ok ? 0 : 1;
}

}  // namespace vigie::cli
