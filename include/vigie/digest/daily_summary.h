// DailySummary: one brand's e-reputation over one day, read from the store.
//
// The first, plain-text part of the daily digest: volume, sentiment split,
// net sentiment, change against the previous day, the most negative
// mentions and the day's incidents. Scheduling, HTML and email come with the
// digest stage's own issue.
#pragma once

#include <string>
#include <vector>

#include "vigie/core/result.h"
#include "vigie/store/store.h"

namespace vigie {

/// A brand's day.
struct DailySummary {
  std::string brand;
  TimePoint day_start{};  ///< UTC start of the 24-hour day
  LabelCounts today;
  LabelCounts yesterday;
  std::vector<Mention> most_negative;  ///< up to 3
  std::vector<Incident> incidents;     ///< opened during the day

  /// (positive − negative) / total, in [-1, 1]; 0 with no mentions.
  static double NetSentiment(const LabelCounts& c);
};

/// Reads the summary of `brand` for the 24 hours from `day_start`.
Result<DailySummary> BuildDailySummary(Store& store, const std::string& brand,
                                       TimePoint day_start);

/// Renders the summary as plain text for a terminal or an email body.
std::string RenderSummaryText(const DailySummary& summary);

}  // namespace vigie
