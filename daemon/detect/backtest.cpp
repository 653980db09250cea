#include "vigie/detect/backtest.h"

#include <algorithm>
#include <map>

#include "vigie/detect/detection_step.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {
constexpr int kPage = 2000;
constexpr Millis kDay{86400000};
}  // namespace

Result<BacktestResult> RunBacktest(Store& history, const RuleSet& rules,
                                   const BacktestOptions& options) {
  if (options.to <= options.from) {
    return Status::InvalidArgument("backtest", "--to must be after --from");
  }
  auto replay = SqliteStore::Open(":memory:");
  if (!replay.ok()) return replay.status().WithContext("backtest");
  Store& mem = **replay;
  Detector detector(mem, options.detect);
  IncidentEngine engine(mem, {});
  BacktestResult result;

  // Replays one batch of mentions published in the same minute.
  auto flush = [&](std::vector<Mention>& batch) -> Status {
    if (batch.empty()) return Status::Ok();
    const TimePoint now = batch.back().published;
    auto inserted = mem.InsertMentions(batch);
    if (!inserted.ok()) return inserted.status().WithContext("backtest");
    std::vector<Mention> fresh;
    for (std::size_t i : *inserted) fresh.push_back(batch[i]);
    result.mentions += static_cast<std::int64_t>(fresh.size());
    if (auto tick = engine.Tick(rules, now); !tick.ok()) return tick.status();
    const DetectionStepResult step =
        RunDetectionStep(detector, engine, fresh, rules, now);
    if (!step.status.ok()) return step.status.WithContext("backtest");
    batch.clear();
    return Status::Ok();
  };

  std::vector<Mention> batch;
  TimePoint cursor = options.from;
  std::int64_t after_id = 0;
  for (;;) {
    auto page = history.ListMentions(cursor, options.to, after_id, kPage);
    if (!page.ok()) return page.status().WithContext("backtest");
    for (Mention& m : *page) {
      cursor = m.published;
      after_id = m.id;
      const std::int64_t original_id = m.id;
      m.brands.clear();
      m.topics.clear();
      rules.analyzer->Analyze(m);
      m.rule_set_version = rules.version;
      m.id = 0;
      if (!options.brand.empty()) {
        if (std::find(m.brands.begin(), m.brands.end(), options.brand) ==
            m.brands.end()) {
          continue;
        }
        m.brands = {options.brand};
      }
      if (m.brands.empty()) continue;
      m.external_id = std::to_string(original_id);
      m.source = "replay";
      if (!batch.empty() &&
          BucketStart(m.published, Millis(60000)) !=
              BucketStart(batch.back().published, Millis(60000))) {
        if (Status s = flush(batch); !s.ok()) return s;
      }
      batch.push_back(std::move(m));
    }
    if (static_cast<int>(page->size()) < kPage) break;
  }
  if (Status s = flush(batch); !s.ok()) return s;
  // Let incidents resolve as time runs on to the end of the window.
  if (auto tick = engine.Tick(rules, options.to); !tick.ok())
    return tick.status();

  auto incidents = mem.ListIncidents();
  if (!incidents.ok()) return incidents.status().WithContext("backtest");
  std::reverse(incidents->begin(), incidents->end());
  std::map<std::pair<TimePoint, std::string>, int> opened_per_day;
  for (Incident& inc : *incidents) {
    if (!options.scenario.empty() && inc.scenario != options.scenario) continue;
    auto events = mem.ListIncidentEvents(inc.id);
    if (!events.ok()) return events.status().WithContext("backtest");
    ++opened_per_day[{BucketStart(inc.opened_at, kDay), inc.brand}];
    result.incidents.push_back({std::move(inc), std::move(*events)});
  }

  std::vector<std::string> brands;
  for (const Brand& b : rules.brands.brands()) {
    if (options.brand.empty() || b.name == options.brand)
      brands.push_back(b.name);
  }
  for (TimePoint day = BucketStart(options.from, kDay); day < options.to;
       day += kDay) {
    for (const std::string& brand : brands) {
      auto labels = mem.CountLabels(brand, day, day + kDay);
      if (!labels.ok()) return labels.status().WithContext("backtest");
      auto it = opened_per_day.find({day, brand});
      const int opened = it == opened_per_day.end() ? 0 : it->second;
      if (labels->total() == 0 && opened == 0) continue;
      result.timeline.push_back({day, brand, *labels, opened});
    }
  }
  return result;
}

}  // namespace vigie
