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

Detector::Detector(Store& store, DetectConfig options)
    : store_(store), options_(options) {}

Result<Detector::Series*> Detector::SeriesUpTo(const std::string& brand,
                                               TimePoint bucket) {
  const Millis width = options_.bucket;
  const TimePoint earliest =
      BucketStart(bucket - std::chrono::duration_cast<Millis>(
                               std::chrono::days(options_.history_days)),
                  width);
  auto it = series_.find(brand);
  bool fresh = false;
  if (it == series_.end()) {
    it = series_.emplace(brand, Series(CountModelOptionsFrom(options_))).first;
    it->second.next = earliest;
    fresh = true;
  }
  Series& series = it->second;
  if (bucket <= series.next) return &series;
  const TimePoint from = std::max(series.next, earliest);
  auto counts = store_.CountByBucket(brand, from, bucket, width);
  if (!counts.ok()) return counts.status();
  bool seen = !fresh;
  for (const BucketCount& c : *counts) {
    // A brand's history starts at its first mention, not at empty buckets.
    seen = seen || c.total > 0;
    if (seen) series.model.Observe(c.start, c.negative);
  }
  series.next = bucket;
  return &series;
}

Result<std::vector<SpikeSignal>> Detector::Evaluate(
    const std::vector<Mention>& mentions, TimePoint now) {
  std::map<std::string, std::set<TimePoint>> touched;
  for (const Mention& m : mentions) {
    if (m.label != Label::kNegative) continue;
    if (m.published > now) continue;
    for (const std::string& brand : m.brands) {
      touched[brand].insert(BucketStart(m.published, options_.bucket));
    }
  }
  std::vector<SpikeSignal> out;
  for (const auto& [brand, buckets] : touched) {
    std::optional<SpikeSignal> latest;
    for (TimePoint bucket : buckets) {
      auto series = SeriesUpTo(brand, bucket);
      if (!series.ok()) return series.status().WithContext("detect " + brand);
      if (bucket < (*series)->next) continue;
      auto counts = store_.CountByBucket(
          brand, bucket, bucket + options_.bucket, options_.bucket);
      if (!counts.ok()) return counts.status().WithContext("detect " + brand);
      if (counts->empty()) continue;
      const BucketCount& c = counts->front();
      const CountAssessment a = (*series)->model.Assess(bucket, c.negative);
      if (!a.alert) continue;
      SpikeSignal s;
      s.brand = brand;
      s.bucket_start = bucket;
      s.bucket_width = options_.bucket;
      s.negative = c.negative;
      s.total = c.total;
      s.expected = a.expected;
      s.p_value = a.p_value;
      s.anomaly_score = a.anomaly_score;
      s.negative_share = c.total > 0 ? static_cast<double>(c.negative) /
                                           static_cast<double>(c.total)
                                     : 0.0;
      latest = s;
    }
    if (latest) out.push_back(std::move(*latest));
  }
  return out;
}

}  // namespace vigie
