// Backtest: replays stored history through a rule set, the detector and the
// scenarios, and reports the incidents they would have opened.
//
// The history store is only read. Mentions are re-analysed with `rules` (so a
// draft rule set can be tried), replayed in publication order into a private
// in-memory store as if each arrived when it was published, and the detector
// and incident engine run on every replayed batch exactly as in the daemon.
// Nothing is ever sent: the replay's engine has no notify channel.
#pragma once

#include <string>
#include <vector>

#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"
#include "vigie/store/store.h"

namespace vigie {

/// What to replay.
struct BacktestOptions {
  TimePoint from{};      ///< UTC, inclusive
  TimePoint to{};        ///< UTC, exclusive
  std::string brand;     ///< only this brand; empty: every brand
  std::string scenario;  ///< only this scenario's incidents; empty: all
  DetectConfig detect;   ///< detector settings
};

/// One incident the replay opened, with its history.
struct BacktestIncident {
  Incident incident;
  std::vector<IncidentEvent> events;
};

/// One day of one brand in the replay.
struct BacktestDay {
  TimePoint day{};  ///< UTC midnight
  std::string brand;
  LabelCounts labels;
  int incidents_opened = 0;
};

/// The replay's findings.
struct BacktestResult {
  std::int64_t mentions = 0;                ///< mentions replayed
  std::vector<BacktestIncident> incidents;  ///< oldest first
  std::vector<BacktestDay> timeline;        ///< by day, then brand
};

/// Replays `history` in [options.from, options.to) under `rules`.
Result<BacktestResult> RunBacktest(Store& history, const RuleSet& rules,
                                   const BacktestOptions& options);

}  // namespace vigie
