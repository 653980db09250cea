#include "vigie/detect/detector.h"

#include <algorithm>
#include <set>

namespace vigie {

CountModelOptions CountModelOptionsFrom(const DetectConfig& config) {
  CountModelOptions o;
  o.bucket = config.bucket;
  o.alerts_per_week = config.alerts_per_week;
  o.min_count = config.min_negative;
  o.min_history = config.baseline_buckets;
  return o;
}

double AlertsPerWeekFor(const Scenario& sc, std::string_view brand,
                        const RuleSet& rules, const DetectConfig& config) {
  if (sc.alerts_per_week) return *sc.alerts_per_week;
  if (const Brand* b = rules.brands.Find(brand); b && b->alerts_per_week) {
    return *b->alerts_per_week;
  }
  return config.alerts_per_week;
}

double SeriesAlertsPerWeek(const Scenario& sc, std::string_view brand,
                           const RuleSet& rules, const DetectConfig& config) {
  const double series =
      static_cast<double>(std::max<std::size_t>(1, sc.topics.size()));
  return AlertsPerWeekFor(sc, brand, rules, config) / series;
}

Detector::Detector(Store& store, DetectConfig options)
    : store_(store), options_(options) {}

namespace {

std::int64_t Measured(const BucketCount& c, SeriesMeasure measure) {
  return measure == SeriesMeasure::kNegative ? c.negative : c.total;
}

}  // namespace

Result<std::vector<BucketCount>> Detector::Counts(const Key& key,
                                                  TimePoint from,
                                                  TimePoint to) {
  const auto& [brand, topic, measure] = key;
  return topic.empty() ? store_.CountByBucket(brand, from, to, options_.bucket)
                       : store_.CountByBucketTopic(brand, topic, from, to,
                                                   options_.bucket);
}

Result<BucketCount> Detector::CountAt(const Key& key, TimePoint bucket) {
  auto counts = Counts(key, bucket, bucket + options_.bucket);
  if (!counts.ok()) return counts.status();
  if (counts->empty()) return BucketCount{bucket, 0, 0};
  return counts->front();
}

Result<Detector::Series*> Detector::SeriesUpTo(const Key& key,
                                               const RuleSet& rules,
                                               double alerts_per_week,
                                               TimePoint bucket) {
  const auto& [brand, topic, measure] = key;
  const Millis width = options_.bucket;
  const TimePoint earliest =
      BucketStart(bucket - std::chrono::duration_cast<Millis>(
                               std::chrono::days(options_.history_days)),
                  width);
  const Brand* b = rules.brands.Find(brand);
  std::shared_ptr<const TimeZone> zone = b != nullptr ? b->zone : nullptr;
  const std::string zone_name = zone ? zone->name() : "UTC";
  auto it = series_.find(key);
  if (it != series_.end() && (it->second.alerts_per_week != alerts_per_week ||
                              it->second.zone != zone_name)) {
    // The rules changed the sensitivity or the clock: start afresh.
    series_.erase(it);
    it = series_.end();
  }
  bool fresh = false;
  if (it == series_.end()) {
    CountModelOptions o = CountModelOptionsFrom(options_);
    o.alerts_per_week = alerts_per_week;
    o.zone = std::move(zone);
    it = series_.emplace(key, Series(o)).first;
    it->second.alerts_per_week = alerts_per_week;
    it->second.zone = zone_name;
    it->second.next = earliest;
    fresh = true;
  }
  Series& series = it->second;
  if (bucket <= series.next) return &series;
  const TimePoint from = std::max(series.next, earliest);
  auto counts = Counts(key, from, bucket);
  if (!counts.ok()) return counts.status();
  // A series' history starts at the brand's first mention, not at empty
  // buckets; a topic's, at the brand's (a topic new to the brand is news).
  TimePoint start = bucket;
  if (!fresh) {
    start = from;
  } else {
    Result<std::vector<BucketCount>> brand_only = std::vector<BucketCount>{};
    const std::vector<BucketCount>* brand_counts = &*counts;
    if (!topic.empty()) {
      brand_only = store_.CountByBucket(brand, from, bucket, width);
      if (!brand_only.ok()) return brand_only.status();
      brand_counts = &*brand_only;
    }
    for (const BucketCount& c : *brand_counts) {
      if (c.total > 0) {
        start = c.start;
        break;
      }
    }
  }
  for (const BucketCount& c : *counts) {
    if (c.start >= start) series.model.Observe(c.start, Measured(c, measure));
  }
  series.next = bucket;
  return &series;
}

Result<std::vector<SpikeSignal>> Detector::Evaluate(
    const std::vector<Mention>& mentions, const RuleSet& rules, TimePoint now) {
  std::map<Key, Watch> watches;
  std::map<Key, std::set<TimePoint>> touched;
  for (const Mention& m : mentions) {
    if (m.published > now) continue;
    const TimePoint bucket = BucketStart(m.published, options_.bucket);
    for (const std::string& brand : m.brands) {
      for (const Scenario& sc : rules.scenarios.scenarios) {
        if (!sc.WatchesSeries() || !sc.Covers(brand)) continue;
        const SeriesMeasure measure =
            sc.condition == ScenarioCondition::kNegativeSpike
                ? SeriesMeasure::kNegative
                : SeriesMeasure::kVolume;
        if (measure == SeriesMeasure::kNegative &&
            m.label != Label::kNegative) {
          continue;
        }
        const double per_week = SeriesAlertsPerWeek(sc, brand, rules, options_);
        auto add = [&](const std::string& topic) {
          Key key{brand, topic, measure};
          touched[key].insert(bucket);
          Watch& w = watches[key];
          const bool known =
              std::any_of(w.scenarios.begin(), w.scenarios.end(),
                          [&sc](const auto& s) { return s.first == sc.name; });
          if (known) return;
          w.scenarios.emplace_back(sc.name, per_week);
          w.alerts_per_week = std::max(w.alerts_per_week, per_week);
        };
        if (sc.topics.empty()) {
          add("");
          continue;
        }
        for (const std::string& topic : m.topics) {
          if (std::find(sc.topics.begin(), sc.topics.end(), topic) !=
              sc.topics.end()) {
            add(topic);
          }
        }
      }
    }
  }

  std::vector<SpikeSignal> out;
  for (const auto& [key, buckets] : touched) {
    const Watch& watch = watches.at(key);
    const auto& [brand, topic, measure] = key;
    const std::string what =
        "detect " + brand + (topic.empty() ? "" : " × " + topic);
    std::optional<SpikeSignal> latest;
    for (TimePoint bucket : buckets) {
      auto series = SeriesUpTo(key, rules, watch.alerts_per_week, bucket);
      if (!series.ok()) return series.status().WithContext(what);
      if (bucket < (*series)->next) continue;
      auto c = CountAt(key, bucket);
      if (!c.ok()) return c.status().WithContext(what);
      const CountModel& model = (*series)->model;
      const CountAssessment a = model.Assess(bucket, Measured(*c, measure));
      if (!a.alert) continue;
      SpikeSignal s;
      for (const auto& [name, per_week] : watch.scenarios) {
        // The model alerts at the loosest sensitivity; stricter scenarios
        // need a proportionally smaller p-value.
        if (a.p_value <= model.alert_p() * per_week / watch.alerts_per_week) {
          s.scenarios.push_back(name);
        }
      }
      if (s.scenarios.empty()) continue;
      s.brand = brand;
      s.topic = topic;
      s.measure = measure;
      s.bucket_start = bucket;
      s.bucket_width = options_.bucket;
      s.negative = c->negative;
      s.total = c->total;
      s.expected = a.expected;
      s.p_value = a.p_value;
      s.anomaly_score = a.anomaly_score;
      s.negative_share = c->total > 0 ? static_cast<double>(c->negative) /
                                            static_cast<double>(c->total)
                                      : 0.0;
      latest = std::move(s);
    }
    if (latest) out.push_back(std::move(*latest));
  }
  return out;
}

}  // namespace vigie
