#include "vigie/detect/count_model.h"

#include <algorithm>
#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <cmath>

namespace vigie {

namespace {

namespace bmp = boost::math::policies;
using Policy = bmp::policy<bmp::promote_double<false>,
                           bmp::domain_error<bmp::ignore_error>,
                           bmp::overflow_error<bmp::ignore_error>,
                           bmp::underflow_error<bmp::ignore_error>,
                           bmp::evaluation_error<bmp::ignore_error>>;

constexpr double kHourMs = 3600.0 * 1000.0;
constexpr double kLevelHalfLifeMs = 24 * kHourMs;
constexpr double kSeasonHalfLifeMs = 14 * 24 * kHourMs;
constexpr double kDispersionHalfLifeMs = 7 * 24 * kHourMs;
constexpr double kPeakHalfLifeMs = 4 * kHourMs;
// After an alert, a new one needs this many times the decayed peak surprise.
constexpr double kPeakWeight = 2.0;
// Winsorisation bound, in standard deviations around the expectation.
constexpr double kClip = 8.0;
// Seasonal factors start at 1 with the weight of this many slot visits.
constexpr double kSeasonPrior = 6.0;
// Over-dispersion prior and its weight in buckets.
constexpr double kDispersionPrior = 0.5;
constexpr double kDispersionPriorBuckets = 24.0;
// Prior count of the gamma-Poisson uncertainty of the expectation.
constexpr double kCountPrior = 1.0;
// Burst record: the tail of the rate ratio (count + pseudo) / (mu + pseudo)
// above kTailRatio, learnt with a half-life of two weeks, where pseudo is
// kRatioPseudo mentions plus kRatioPseudoLevel times the level (the
// deseasonalised mean bucket) per bucket: a rise is measured on the scale of
// the series' own volume, not only of its quietest hours. Its prior, worth a
// week of buckets and one exceedance: a rate of kTailPriorRate, a tail index
// of kTailPriorIndex (lighter than bursty series show, so that a series
// without bursts still alerts on one).
constexpr double kRatioPseudo = 3.0;
constexpr double kRatioPseudoLevel = 0.5;
constexpr double kTailRatio = 1.25;
constexpr double kTailHalfLifeMs = 14 * 24 * kHourMs;
constexpr double kTailPriorRate = 0.001;
constexpr double kTailPriorIndex = 4.0;
constexpr double kTailPriorExceedances = 1.0;
constexpr double kMinMean = 1e-3;
constexpr double kMaxSurprise = 1000.0;
constexpr double kWeekMs = 7 * 24 * kHourMs;

double HalfLifeDecay(double elapsed_ms, double half_life_ms) {
  return std::exp2(-elapsed_ms / half_life_ms);
}

int SlotOf(TimePoint start) {
  const std::int64_t ms = ToUnixMillis(start);
  const std::int64_t day_ms = 86400000;
  std::int64_t day = ms / day_ms;
  std::int64_t in_day = ms % day_ms;
  if (in_day < 0) {
    in_day += day_ms;
    --day;
  }
  const int hour = static_cast<int>(in_day / 3600000);
  const std::int64_t dow = ((day + 4) % 7 + 7) % 7;  // 0 = Sunday
  const bool weekend = dow == 0 || dow == 6;
  return hour + (weekend ? 24 : 0);
}

double LogPmf(std::int64_t k, double mu, double alpha) {
  const double kd = static_cast<double>(k);
  if (alpha < 1e-9) return kd * std::log(mu) - mu - std::lgamma(kd + 1.0);
  const double r = 1.0 / alpha;
  return std::lgamma(kd + r) - std::lgamma(r) - std::lgamma(kd + 1.0) +
         r * std::log(r / (r + mu)) + kd * std::log(mu / (r + mu));
}

}  // namespace

double NegativeBinomialUpperTail(std::int64_t k, double mu, double alpha) {
  if (k <= 0) return 1.0;
  mu = std::max(mu, kMinMean);
  const double kd = static_cast<double>(k);
  double p;
  if (alpha < 1e-9) {
    p = boost::math::gamma_p(kd, mu, Policy());
  } else {
    const double r = 1.0 / alpha;
    p = boost::math::ibeta(kd, r, mu / (r + mu), Policy());
  }
  if (!std::isfinite(p)) return 0.0;
  return std::clamp(p, 0.0, 1.0);
}

double NegativeBinomialSurprise(std::int64_t k, double mu, double alpha) {
  if (k <= 0) return 0.0;
  mu = std::max(mu, kMinMean);
  const double p = NegativeBinomialUpperTail(k, mu, alpha);
  if (p > 1e-280) return std::max(0.0, -std::log10(p));
  const double s = -LogPmf(k, mu, alpha) / std::log(10.0);
  return std::isfinite(s) ? std::min(s, kMaxSurprise) : kMaxSurprise;
}

CountModel::CountModel(const CountModelOptions& options) : options_(options) {
  const double buckets_per_week =
      kWeekMs /
      static_cast<double>(std::max<std::int64_t>(1, options_.bucket.count()));
  alert_p_ =
      std::clamp(options_.alerts_per_week / buckets_per_week, 1e-300, 0.5);
  alert_surprise_ = -std::log10(alert_p_);
  const auto bucket_ms = static_cast<double>(options_.bucket.count());
  level_decay_ = HalfLifeDecay(bucket_ms, kLevelHalfLifeMs);
  dispersion_decay_ = HalfLifeDecay(bucket_ms, kDispersionHalfLifeMs);
  tail_decay_ = HalfLifeDecay(bucket_ms, kTailHalfLifeMs);
  tail_prior_buckets_ = buckets_per_week;
}

double CountModel::TailSurprise(const Tail& tail, double ratio) const {
  if (ratio <= 1.0) return 0.0;
  const double rate =
      (tail.exceedances + kTailPriorRate * tail_prior_buckets_) /
      (tail.tested + tail_prior_buckets_);
  const double index =
      (tail.exceedances + kTailPriorExceedances) /
      (tail.log_excess + kTailPriorExceedances / kTailPriorIndex);
  return std::max(0.0,
                  -std::log10(rate) + index * std::log10(ratio / kTailRatio));
}

void CountModel::LearnTail(Tail* tail, double ratio, double decay) {
  tail->tested = tail->tested * decay + 1.0;
  tail->exceedances *= decay;
  tail->log_excess *= decay;
  if (ratio > kTailRatio) {
    tail->exceedances += 1.0;
    tail->log_excess += std::log(ratio / kTailRatio);
  }
}

CountModel::Expectation CountModel::Expect(TimePoint start) const {
  Expectation e;
  e.slot =
      SlotOf(options_.zone ? start + options_.zone->OffsetAt(start) : start);
  const double level = std::max(level_, kMinMean);
  const double d = HalfLifeDecay(
      static_cast<double>(ToUnixMillis(start) - slot_seen_[e.slot]),
      kSeasonHalfLifeMs);
  e.slot_decay = d;
  const double slot_count = slot_count_[e.slot] * d;
  const double slot_level = slot_level_[e.slot] * d;
  const double factor =
      (slot_count + kSeasonPrior * level) / (slot_level + kSeasonPrior * level);
  e.mu = std::max(level * factor, kMinMean);
  const double prior = kDispersionPriorBuckets * e.mu * e.mu;
  const double dispersion = std::max(
      0.0, (disp_num_ + kDispersionPrior * prior) / (disp_den_ + prior));
  e.alpha = dispersion + 1.0 / (kCountPrior + level_mass_ * e.mu) +
            1.0 / (kCountPrior + slot_count + kSeasonPrior * e.mu);
  return e;
}

CountAssessment CountModel::Evaluate(const Expectation& e, TimePoint start,
                                     std::int64_t count, double* raw_surprise,
                                     double* ratio_one,
                                     double* ratio_sum) const {
  CountAssessment a;
  a.count = count;
  a.expected = e.mu;
  a.dispersion = e.alpha;
  double surprise = 0.0;
  // Each test's surprise is the smaller of the counting-noise one and the
  // burst-record one: the less surprising of the two models.
  const double pseudo = kRatioPseudoLevel * std::max(level_, 0.0);
  *ratio_one = (static_cast<double>(count) + kRatioPseudo + pseudo) /
               (e.mu + kRatioPseudo + pseudo);
  *ratio_sum = 0.0;  // no sum test
  // Within one standard deviation of the expectation: nothing to report
  // (p > ~0.15), and no tail to compute.
  if (static_cast<double>(count) >
      e.mu + std::sqrt(e.mu * (1 + e.alpha * e.mu))) {
    surprise = std::min(NegativeBinomialSurprise(count, e.mu, e.alpha),
                        TailSurprise(tail_one_, *ratio_one));
  }
  const bool contiguous = observed_ > 0 && start - last_ == options_.bucket;
  if (contiguous && recent_size_ == kWindow - 1) {
    double sum = static_cast<double>(count);
    double mean = e.mu;
    for (int i = 0; i < recent_size_; ++i) {
      sum += recent_count_[static_cast<std::size_t>(i)];
      mean += recent_mu_[static_cast<std::size_t>(i)];
    }
    const double pseudo_sum = kRatioPseudo + kWindow * pseudo;
    *ratio_sum = (sum + pseudo_sum) / (mean + pseudo_sum);
    if (sum > mean + std::sqrt(mean * (1 + e.alpha * mean))) {
      surprise = std::max(
          surprise, std::min(NegativeBinomialSurprise(
                                 static_cast<std::int64_t>(sum), mean, e.alpha),
                             TailSurprise(tail_sum_, *ratio_sum)));
    }
  }
  // Two tests: Bonferroni.
  surprise = std::max(0.0, surprise - std::log10(2.0));
  *raw_surprise = surprise;
  a.surprise = surprise;
  a.p_value = std::pow(10.0, -surprise);
  const bool warm = observed_ >= options_.min_history;
  a.alert = warm && a.p_value <= alert_p_ && count >= options_.min_count &&
            static_cast<double>(count) > e.mu;
  if (!warm) return a;
  const double peak =
      peak_ > 0.0 ? peak_ * HalfLifeDecay(
                                static_cast<double>((start - peak_at_).count()),
                                kPeakHalfLifeMs)
                  : 0.0;
  const double novelty = std::max(0.0, surprise - kPeakWeight * peak);
  a.anomaly_score = novelty / (novelty + alert_surprise_);
  return a;
}

CountAssessment CountModel::Assess(TimePoint start, std::int64_t count) const {
  double raw = 0.0;
  double ratio_one = 0.0;
  double ratio_sum = 0.0;
  return Evaluate(Expect(start), start, count, &raw, &ratio_one, &ratio_sum);
}

CountAssessment CountModel::Observe(TimePoint start, std::int64_t count) {
  const Expectation e = Expect(start);
  double raw = 0.0;
  double ratio_one = 0.0;
  double ratio_sum = 0.0;
  const CountAssessment a =
      Evaluate(e, start, count, &raw, &ratio_one, &ratio_sum);
  if (observed_ > 0) {
    LearnTail(&tail_one_, ratio_one, tail_decay_);
    if (ratio_sum > 0.0) LearnTail(&tail_sum_, ratio_sum, tail_decay_);
  }
  const double x = static_cast<double>(std::max<std::int64_t>(count, 0));
  const std::int64_t start_ms = ToUnixMillis(start);
  if (observed_ == 0) {
    level_ = x;
    level_mass_ = 1.0;
  } else {
    const double elapsed = static_cast<double>((start - last_).count());
    const double sd = std::sqrt(e.mu * (1.0 + e.alpha * e.mu));
    const double xc = std::clamp(x, std::max(0.0, e.mu - kClip * sd),
                                 e.mu + kClip * sd + 1.0);
    const double level_before = std::max(level_, kMinMean);
    const double factor = e.mu / level_before;
    const bool one_bucket = start - last_ == options_.bucket;
    level_mass_ =
        level_mass_ * (one_bucket ? level_decay_
                                  : HalfLifeDecay(elapsed, kLevelHalfLifeMs)) +
        1.0;
    level_ += (xc / factor - level_) / level_mass_;
    const double dd = one_bucket
                          ? dispersion_decay_
                          : HalfLifeDecay(elapsed, kDispersionHalfLifeMs);
    const double residual = xc - e.mu;
    disp_num_ = disp_num_ * dd + residual * residual - e.mu;
    disp_den_ = disp_den_ * dd + e.mu * e.mu;
    const auto s = static_cast<std::size_t>(e.slot);
    const double ds = e.slot_decay;
    slot_count_[s] = slot_count_[s] * ds + xc;
    slot_level_[s] = slot_level_[s] * ds + level_before;
  }
  slot_seen_[static_cast<std::size_t>(e.slot)] = start_ms;

  const bool contiguous = observed_ > 0 && start - last_ == options_.bucket;
  if (!contiguous) recent_size_ = 0;
  if (kWindow > 1) {
    const int cap = kWindow - 1;
    if (recent_size_ < cap) {
      const auto i =
          static_cast<std::size_t>((recent_head_ + recent_size_) % cap);
      recent_count_[i] = x;
      recent_mu_[i] = e.mu;
      ++recent_size_;
    } else {
      const auto i = static_cast<std::size_t>(recent_head_);
      recent_count_[i] = x;
      recent_mu_[i] = e.mu;
      recent_head_ = (recent_head_ + 1) % cap;
    }
  }

  if (raw >= alert_surprise_ &&
      raw >
          peak_ * HalfLifeDecay(static_cast<double>((start - peak_at_).count()),
                                kPeakHalfLifeMs)) {
    peak_ = raw;
    peak_at_ = start;
  }
  ++observed_;
  last_ = start;
  return a;
}

}  // namespace vigie
