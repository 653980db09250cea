// The self-contained demo: a simulated feed plays the bad-buzz story in
// accelerated time, a local Slack-compatible receiver takes the alerts, and
// the real daemon runs between them. Used by `vigie demo` and by the
// end-to-end test.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "vigie/core/result.h"
#include "vigie/store/store.h"

namespace vigie::demo {

/// How to run the demo.
struct DemoOptions {
  std::string rules_dir;   ///< the rules directory to load
  std::string store_path;  ///< SQLite file; empty: a temporary one, removed
  Millis tick{50};         ///< real time per simulated minute
  Millis timeout{50000};   ///< give up after this much real time
  std::ostream* progress = nullptr;  ///< where to print progress, may be null
};

/// What the demo saw.
struct DemoReport {
  std::int64_t story_items = 0;      ///< posts the feed published
  std::int64_t mentions_stored = 0;  ///< mentions in the store at the end
  LabelCounts labels;                ///< stored mentions per label
  std::vector<Incident> incidents;   ///< incidents in the store
  std::int64_t pending_outbox = 0;   ///< outbox rows not delivered
  std::vector<std::string> alerts_received;  ///< bodies the receiver got
  std::string summary_text;                  ///< the day's e-reputation summary
  bool clean_shutdown = false;
};

/// Runs the demo to its end (well under a minute) and reports.
Result<DemoReport> RunDemo(const DemoOptions& options);

/// Renders a Slack message body as readable text (header, sections).
std::string SlackMessageToText(const std::string& body);

}  // namespace vigie::demo
