// CountModel: a streaming anomaly detector for one series of bucket counts
// (mentions of one brand per bucket, say), learning as it goes.
//
// The expected count of a bucket is a level times a seasonal factor for its
// hour of day on a weekday or a weekend day (local to options.zone, UTC by
// default); the level follows the
// series with a half-life of a day, the factors with a half-life of two weeks.
// What the model learns from a bucket is winsorised at eight standard
// deviations above (and below) the expectation, so a spike does not inflate
// the baseline for days.
//
// Two tests: the bucket alone, and the sum of the last six buckets (a
// sustained rise). Each test's p-value is the larger of two:
//  - a negative-binomial upper tail: the over-dispersion is estimated from
//    the (winsorised) history, plus the uncertainty of the expectation itself
//    (a gamma-Poisson term that is large while the history is short:
//    conservative on cold start). This is the counting noise: a handful of
//    mentions over an expectation of one is not a spike;
//  - the series' own record of bursts: the rate ratio (count + c) /
//    (expected + c) is compared with the ratios seen before. The
//    pseudo-count c is three mentions (so tiny counts say little) plus half
//    the level per bucket (so a rise is measured on the scale of the
//    series' volume, and a burst in the quietest hour of the night is not
//    magnified by the daily cycle). The ratios' upper tail is taken as
//    Pareto: the rate of ratios above 1.25 and the tail index (Hill
//    estimator: exceedances over the sum of their log excess) are learnt
//    with a half-life of two weeks, from a weak prior (0.1 % of buckets,
//    index 4, worth a week and one exceedance: a series that never burst
//    still alerts on a fivefold jump). Real mention counts have much heavier
//    tails than a negative binomial (a tenfold burst is routine on a busy
//    brand, rare on a quiet one): this calibrates the p-value per series,
//    so that scores are comparable across brands and volumes.
// The bucket's p-value is the smaller of the two tests', doubled
// (Bonferroni).
//
// Sensitivity: `alerts_per_week` is the false-alarm rate tolerated on calm
// data; the alert p-value is that rate divided by the number of buckets in a
// week (one alert a week in 5-minute buckets: p <= 1/2016).
//
// The anomaly score in [0, 1] is s / (s + s_alert), with s = -log10(p)
// minus twice the recent peak of s among buckets that reached the alert
// level (the peak decaying with a half-life of 4 hours, the length of a
// burst), and s_alert = -log10(alert p): 0.5 marks the alert level, and a
// bucket that only continues an event that already alerted stays low.
// Causal and deterministic: the score of a bucket depends on that bucket and
// the ones before it only.
//
// Thread-safety: none; a plain value with one owner.
// Lifetime: no references held.
#pragma once

#include <array>
#include <cstdint>
#include <memory>

#include "vigie/core/clock.h"
#include "vigie/core/time_zone.h"

namespace vigie {

/// Settings of a CountModel.
struct CountModelOptions {
  Millis bucket{300000};         ///< width of a bucket
  double alerts_per_week = 1.0;  ///< tolerated false alarms on calm data
  std::int64_t min_count = 5;    ///< buckets below this count never alert
  int min_history = 12;          ///< buckets to observe before any alert
  /// Hours of the day and weekends are those of this zone (null: UTC).
  std::shared_ptr<const TimeZone> zone;
};

/// The model's view of one bucket.
struct CountAssessment {
  std::int64_t count = 0;   ///< the count assessed
  double expected = 0.0;    ///< baseline mean for the bucket
  double dispersion = 0.0;  ///< variance = expected × (1 + dispersion × it)
  double p_value = 1.0;     ///< upper-tail p-value (after Bonferroni)
  double surprise = 0.0;    ///< -log10(p_value)
  double anomaly_score = 0.0;  ///< in [0, 1]; 0.5 at the alert level
  /// True when p_value is at or below the alert level, the count reaches
  /// min_count and the history is long enough.
  bool alert = false;
};

/// Streaming detector for one count series.
class CountModel {
 public:
  /// REQUIRES: options.bucket > 0, options.alerts_per_week > 0.
  explicit CountModel(const CountModelOptions& options);

  /// Assesses `count` for the bucket starting at `start` without learning
  /// it (a bucket still filling up). REQUIRES: `start` after every observed
  /// bucket.
  CountAssessment Assess(TimePoint start, std::int64_t count) const;

  /// Assesses the complete bucket starting at `start`, then learns it.
  /// Buckets come in increasing order; missing buckets between two
  /// observations are unknown (not zero). REQUIRES: `start` after every
  /// observed bucket, count >= 0.
  CountAssessment Observe(TimePoint start, std::int64_t count);

  /// Number of buckets observed.
  std::int64_t observed() const { return observed_; }
  /// Start of the last observed bucket (meaningless before the first).
  TimePoint last_bucket() const { return last_; }
  /// The p-value at or below which a bucket alerts.
  double alert_p() const { return alert_p_; }

 private:
  static constexpr int kSlots = 48;  // hour of day × weekday/weekend
  static constexpr int kWindow = 6;  // buckets in the sustained-rise test

  // Upper tail of one test's rate ratio, learnt from the history: see the
  // file comment.
  struct Tail {
    double tested = 0.0;       // decayed number of buckets tested
    double exceedances = 0.0;  // decayed number of ratios above kTailRatio
    double log_excess = 0.0;   // decayed sum of their log(ratio / kTailRatio)
  };
  // -log10 of the probability of a ratio at least `ratio` under `tail`.
  double TailSurprise(const Tail& tail, double ratio) const;
  // Learns `ratio`, after decaying the tail by `decay`.
  static void LearnTail(Tail* tail, double ratio, double decay);

  struct Expectation {
    int slot = 0;
    double mu = 0.0;
    double alpha = 0.0;
    double slot_decay = 0.0;  // of the slot's sums since its last visit
  };
  Expectation Expect(TimePoint start) const;
  CountAssessment Evaluate(const Expectation& e, TimePoint start,
                           std::int64_t count, double* raw_surprise,
                           double* ratio_one, double* ratio_sum) const;

  CountModelOptions options_;
  double alert_p_ = 0.0;
  double alert_surprise_ = 0.0;
  double level_decay_ = 0.0;         // per bucket
  double dispersion_decay_ = 0.0;    // per bucket
  double tail_decay_ = 0.0;          // per bucket
  double tail_prior_buckets_ = 0.0;  // weight of the tail's prior
  std::int64_t observed_ = 0;
  TimePoint last_{};
  double level_ = 0.0;       // deseasonalised mean count per bucket
  double level_mass_ = 0.0;  // effective buckets behind level_
  double disp_num_ = 0.0;    // decayed sum of (x - mu)^2 - mu
  double disp_den_ = 0.0;    // decayed sum of mu^2
  std::array<double, kSlots> slot_count_{};  // decayed winsorised counts
  std::array<double, kSlots> slot_level_{};  // decayed level at those times
  std::array<std::int64_t, kSlots> slot_seen_{};  // last visit, ms
  // The last kWindow - 1 contiguous buckets: counts and expectations.
  std::array<double, kWindow> recent_count_{};
  std::array<double, kWindow> recent_mu_{};
  int recent_size_ = 0;
  int recent_head_ = 0;
  Tail tail_one_;      // of single buckets
  Tail tail_sum_;      // of sums of kWindow buckets
  double peak_ = 0.0;  // decayed peak surprise
  TimePoint peak_at_{};
};

/// P(X >= k) for a negative binomial with mean `mu` and variance
/// mu × (1 + alpha × mu); alpha = 0 is Poisson.
double NegativeBinomialUpperTail(std::int64_t k, double mu, double alpha);

/// -log10 of NegativeBinomialUpperTail, accurate where the tail underflows.
double NegativeBinomialSurprise(std::int64_t k, double mu, double alpha);

}  // namespace vigie
