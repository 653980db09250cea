// Detector: runs a CountModel on each count series the scenarios watch, for
// the series and buckets a stored batch touched.
//
// A series is a brand's mentions per bucket — negative ones or all of them
// (SeriesMeasure), of one topic or every topic — and exists when a
// negative_spike or volume_spike scenario covering the brand watches it.
// Near-duplicate mentions count once (Store::CountByBucket). One model per
// series, kept in memory, with the loosest sensitivity among the scenarios
// that watch it; a spike names each scenario whose own sensitivity (the
// scenario's alerts_per_week, else the brand's, else [detect]'s, split over
// the scenario's topic series: SeriesAlertsPerWeek) it meets.
// On a series' first evaluation the model is warmed by replaying up to
// `history_days` of its stored counts, from the first bucket with a
// mention; then each bucket is learnt once complete, i.e. when a later
// bucket of the series is evaluated (the buckets in between are read from
// the store, empty ones as zero). The current bucket is assessed on every
// batch with its count so far, so the mention that makes a spike significant
// raises it at once. A late mention for a bucket the model has already learnt
// is not assessed. Hours and weekends are the brand's (its timezone in
// brands.toml), UTC by default. A rule reload that changes a series'
// sensitivity or its brand's time zone rebuilds its model from the store.
//
// Thread-safety: none; the store writer thread owns it.
// Lifetime: `store` must outlive the detector.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "vigie/config/config.h"
#include "vigie/config/rule_set.h"
#include "vigie/core/mention.h"
#include "vigie/detect/count_model.h"
#include "vigie/detect/spike_rule.h"
#include "vigie/store/store.h"

namespace vigie {

/// The CountModel settings that `config` implies.
CountModelOptions CountModelOptionsFrom(const DetectConfig& config);

/// False alarms per week that scenario `sc` tolerates for `brand`: the
/// scenario's setting, else the brand's (from `rules`), else `config`'s.
double AlertsPerWeekFor(const Scenario& sc, std::string_view brand,
                        const RuleSet& rules, const DetectConfig& config);

/// False alarms per week that each series scenario `sc` watches for `brand`
/// may raise: AlertsPerWeekFor split evenly over the scenario's topic series
/// (one series when it names no topic), so that the scenario as a whole
/// keeps its rate for the brand on calm data.
double SeriesAlertsPerWeek(const Scenario& sc, std::string_view brand,
                           const RuleSet& rules, const DetectConfig& config);

/// Finds spikes in the series touched by new mentions.
class Detector {
 public:
  /// Reads counts from `store` with `options`.
  Detector(Store& store, DetectConfig options);

  /// Evaluates every (series, bucket) pair that the scenarios of `rules`
  /// watch and that `mentions` (just committed) touched, and returns the
  /// spikes, at most one per series (its latest spiking bucket), each naming
  /// the scenarios it meets. Buckets later than `now` are not evaluated.
  Result<std::vector<SpikeSignal>> Evaluate(
      const std::vector<Mention>& mentions, const RuleSet& rules,
      TimePoint now);

  /// The number of series with a model in memory.
  std::size_t series_count() const { return series_.size(); }

 private:
  using Key = std::tuple<std::string, std::string, SeriesMeasure>;
  struct Series {
    Series(const CountModelOptions& options) : model(options) {}
    CountModel model;
    double alerts_per_week = 0.0;
    std::string zone;  // name of the model's time zone
    TimePoint next{};  // first bucket the model has not learnt
  };
  struct Watch {
    double alerts_per_week = 0.0;  // loosest among `scenarios`
    std::vector<std::pair<std::string, double>> scenarios;  // name, per week
  };
  Result<Series*> SeriesUpTo(const Key& key, const RuleSet& rules,
                             double alerts_per_week, TimePoint bucket);
  // The series' counts of the buckets in [from, to).
  Result<std::vector<BucketCount>> Counts(const Key& key, TimePoint from,
                                          TimePoint to);
  // The series' counts of the bucket starting at `bucket`.
  Result<BucketCount> CountAt(const Key& key, TimePoint bucket);

  Store& store_;
  DetectConfig options_;
  std::map<Key, Series> series_;
};

}  // namespace vigie
