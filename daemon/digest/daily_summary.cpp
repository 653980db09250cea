#include "vigie/digest/daily_summary.h"

#include <cstdio>

#include "vigie/notify/slack_message.h"

namespace vigie {

namespace {
constexpr Millis kDay{86400000};

std::string Percent(std::int64_t part, std::int64_t total) {
  if (total == 0) return "0%";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.0f%%",
                100.0 * static_cast<double>(part) / static_cast<double>(total));
  return buf;
}

std::string Signed(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%+.2f", v);
  return buf;
}
}  // namespace

double DailySummary::NetSentiment(const LabelCounts& c) {
  if (c.total() == 0) return 0.0;
  return static_cast<double>(c.positive - c.negative) /
         static_cast<double>(c.total());
}

Result<DailySummary> BuildDailySummary(Store& store, const std::string& brand,
                                       TimePoint day_start) {
  DailySummary s;
  s.brand = brand;
  s.day_start = day_start;
  auto today = store.CountLabels(brand, day_start, day_start + kDay);
  if (!today.ok()) return today.status().WithContext("digest");
  auto yesterday = store.CountLabels(brand, day_start - kDay, day_start);
  if (!yesterday.ok()) return yesterday.status().WithContext("digest");
  auto worst = store.SampleMentions(brand, day_start, day_start + kDay,
                                    Label::kNegative, 3);
  if (!worst.ok()) return worst.status().WithContext("digest");
  auto incidents = store.ListIncidents();
  if (!incidents.ok()) return incidents.status().WithContext("digest");
  s.today = *today;
  s.yesterday = *yesterday;
  s.most_negative = std::move(*worst);
  for (Incident& i : *incidents) {
    if (i.brand == brand && i.opened_at >= day_start &&
        i.opened_at < day_start + kDay) {
      s.incidents.push_back(std::move(i));
    }
  }
  return s;
}

std::string RenderSummaryText(const DailySummary& s) {
  const LabelCounts& t = s.today;
  std::string out = "E-reputation of " + s.brand + " on " +
                    FormatTime(s.day_start).substr(0, 10) + "\n";
  out += "  mentions " + std::to_string(t.total()) + " (previous day " +
         std::to_string(s.yesterday.total()) + ")\n";
  out += "  negative " + std::to_string(t.negative) + " (" +
         Percent(t.negative, t.total()) + "), neutral " +
         std::to_string(t.neutral) + " (" + Percent(t.neutral, t.total()) +
         "), positive " + std::to_string(t.positive) + " (" +
         Percent(t.positive, t.total()) + ")\n";
  out += "  net sentiment " + Signed(DailySummary::NetSentiment(t)) +
         " (previous day " + Signed(DailySummary::NetSentiment(s.yesterday)) +
         ")\n";
  if (!s.most_negative.empty()) {
    out += "  most negative:\n";
    for (const Mention& m : s.most_negative) {
      out += "    " + Signed(m.compound) + "  " + TruncateUtf8(m.text, 100) +
             (m.url.empty() ? "" : "  " + m.url) + "\n";
    }
  }
  out += "  incidents opened: " + std::to_string(s.incidents.size()) + "\n";
  for (const Incident& i : s.incidents) {
    out += "    #" + std::to_string(i.id) + " " + i.scenario + " (" +
           i.severity + ", " + std::string(IncidentStateName(i.state)) +
           ") at " + FormatTime(i.opened_at) + "\n";
  }
  return out;
}

}  // namespace vigie
