// Detector: runs the spike rule for the brands and buckets a stored batch
// touched.
//
// Thread-safety: none; the store writer thread owns it.
// Lifetime: `store` must outlive the detector.
#pragma once

#include <vector>

#include "vigie/config/config.h"
#include "vigie/core/mention.h"
#include "vigie/detect/spike_rule.h"
#include "vigie/store/store.h"

namespace vigie {

/// Finds negative spikes among the buckets touched by new mentions.
class Detector {
 public:
  /// Reads counts from `store` with the rule's `options`.
  Detector(Store& store, DetectConfig options);

  /// Evaluates every (brand, bucket) pair touched by `mentions` (just
  /// committed) and returns the spikes, at most one per brand (the latest
  /// spiking bucket). Buckets later than `now` are not evaluated.
  Result<std::vector<SpikeSignal>> Evaluate(
      const std::vector<Mention>& mentions, TimePoint now);

 private:
  Store& store_;
  DetectConfig options_;
};

}  // namespace vigie
