#include "vigie/detect/detector.h"

#include <map>
#include <set>

namespace vigie {

Detector::Detector(Store& store, DetectConfig options)
    : store_(store), options_(options) {}

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
      const TimePoint from =
          bucket - options_.bucket * options_.baseline_buckets;
      auto counts = store_.CountByBucket(brand, from, bucket + options_.bucket,
                                         options_.bucket);
      if (!counts.ok()) return counts.status().WithContext("detect " + brand);
      if (auto s = EvaluateSpike(*counts, options_)) {
        s->brand = brand;
        latest = *s;
      }
    }
    if (latest) out.push_back(std::move(*latest));
  }
  return out;
}

}  // namespace vigie
