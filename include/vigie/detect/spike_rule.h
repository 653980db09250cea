// The skeleton's spike rule on one brand's negative-mention counts.
//
// A bucket is a spike when its negative count reaches both a minimum volume
// and `ratio` times the mean of the baseline buckets before it (a mean below
// one counts as one, so a quiet brand needs `ratio` negatives at least).
// Pure functions; a statistical detector (seasonal baseline, count tail test)
// replaces this rule in the detect stage's next step.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vigie/config/config.h"
#include "vigie/store/store.h"

namespace vigie {

/// Evidence that one bucket of one brand is a negative spike.
struct SpikeSignal {
  std::string brand;
  TimePoint bucket_start{};  ///< UTC start of the spiking bucket
  Millis bucket_width{0};
  std::int64_t negative = 0;  ///< negative mentions in the bucket so far
  std::int64_t total = 0;     ///< all mentions in the bucket so far
  double expected = 0.0;      ///< baseline mean of negatives per bucket
};

/// Applies the rule to `counts`: the baseline buckets followed by the current
/// bucket (last element). Returns a signal (brand left empty) when the last
/// bucket spikes.
std::optional<SpikeSignal> EvaluateSpike(const std::vector<BucketCount>& counts,
                                         const DetectConfig& options);

/// Start of the bucket of width `width` containing `t` (aligned to the epoch).
TimePoint BucketStart(TimePoint t, Millis width);

}  // namespace vigie
