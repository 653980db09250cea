#include "vigie/detect/spike_rule.h"

#include <algorithm>

namespace vigie {

TimePoint BucketStart(TimePoint t, Millis width) {
  const std::int64_t ms = ToUnixMillis(t);
  const std::int64_t w = width.count();
  std::int64_t start = ms - ms % w;
  if (ms % w < 0) start -= w;
  return FromUnixMillis(start);
}

std::optional<SpikeSignal> EvaluateSpike(const std::vector<BucketCount>& counts,
                                         const DetectConfig& options) {
  if (counts.empty()) return std::nullopt;
  const BucketCount& current = counts.back();
  double sum = 0;
  for (std::size_t i = 0; i + 1 < counts.size(); ++i) {
    sum += static_cast<double>(counts[i].negative);
  }
  const std::size_t n = counts.size() - 1;
  const double mean = n == 0 ? 0.0 : sum / static_cast<double>(n);
  const double threshold = options.ratio * std::max(mean, 1.0);
  if (current.negative < options.min_negative ||
      static_cast<double>(current.negative) < threshold) {
    return std::nullopt;
  }
  SpikeSignal s;
  s.bucket_start = current.start;
  s.bucket_width = options.bucket;
  s.negative = current.negative;
  s.total = current.total;
  s.expected = mean;
  return s;
}

}  // namespace vigie
