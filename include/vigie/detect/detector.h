// Detector: runs each brand's CountModel on its negative mentions per bucket
// for the brands and buckets a stored batch touched.
//
// One model per brand, kept in memory. On a brand's first evaluation the
// model is warmed by replaying up to `history_days` of its stored counts
// (Store::CountByBucket), from the first bucket with a mention; then each
// bucket is learnt once complete, i.e. when a later bucket of the brand is
// evaluated (the buckets in between are read from the store, empty ones as
// zero). The current bucket is assessed on every batch with its count so
// far, so the mention that makes a spike significant raises it at once.
// A late mention for a bucket the model has already learnt is not assessed.
//
// Thread-safety: none; the store writer thread owns it.
// Lifetime: `store` must outlive the detector.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "vigie/config/config.h"
#include "vigie/core/mention.h"
#include "vigie/detect/count_model.h"
#include "vigie/detect/spike_rule.h"
#include "vigie/store/store.h"

namespace vigie {

/// The CountModel settings that `config` implies.
CountModelOptions CountModelOptionsFrom(const DetectConfig& config);

/// Finds negative spikes among the buckets touched by new mentions.
class Detector {
 public:
  /// Reads counts from `store` with `options`.
  Detector(Store& store, DetectConfig options);

  /// Evaluates every (brand, bucket) pair touched by the negative mentions
  /// of `mentions` (just committed) and returns the spikes, at most one per
  /// brand (the latest spiking bucket). Buckets later than `now` are not
  /// evaluated.
  Result<std::vector<SpikeSignal>> Evaluate(
      const std::vector<Mention>& mentions, TimePoint now);

 private:
  struct Series {
    explicit Series(const CountModelOptions& options) : model(options) {}
    CountModel model;
    TimePoint next{};  // first bucket the model has not learnt
  };
  Result<Series*> SeriesUpTo(const std::string& brand, TimePoint bucket);

  Store& store_;
  DetectConfig options_;
  std::map<std::string, Series> series_;
};

}  // namespace vigie
