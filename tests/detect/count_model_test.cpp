#include "vigie/detect/count_model.h"

#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <random>
#include <vector>

#include "vigie/detect/count_csv.h"

namespace vigie {

namespace {

constexpr std::int64_t kMonday = 1793664000000;  // 2026-11-02 00:00 UTC
constexpr Millis kBucket{300000};
constexpr int kPerDay = 288;

TimePoint At(int i) { return FromUnixMillis(kMonday) + kBucket * i; }

// Hour of day (fractional) of bucket i.
double HourOf(int i) { return (i % kPerDay) / 12.0; }

// Poisson draws with mean mean(i) for buckets [0, n).
std::vector<std::int64_t> Draw(int n, const std::function<double(int)>& mean,
                               unsigned seed) {
  std::mt19937 rng(seed);
  std::vector<std::int64_t> out;
  for (int i = 0; i < n; ++i) {
    std::poisson_distribution<std::int64_t> d(mean(i));
    out.push_back(d(rng));
  }
  return out;
}

struct Run {
  std::vector<CountAssessment> a;
  int AlertsIn(int from, int to) const {
    int n = 0;
    for (int i = from; i < to; ++i) n += a[static_cast<std::size_t>(i)].alert;
    return n;
  }
};

Run Feed(CountModel& model, const std::vector<std::int64_t>& counts) {
  Run r;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    r.a.push_back(model.Observe(At(static_cast<int>(i)), counts[i]));
  }
  return r;
}

double Daily(int i) {
  return 10.0 * (1.0 + 0.8 * std::sin(2 * M_PI * (HourOf(i) - 6) / 24));
}

}  // namespace

TEST_CASE("Negative-binomial tail: Poisson and geometric cases") {
  CHECK(NegativeBinomialUpperTail(0, 3.0, 0.0) == 1.0);
  CHECK(NegativeBinomialUpperTail(1, 2.0, 0.0) ==
        doctest::Approx(1 - std::exp(-2.0)));
  // alpha = 1: geometric, P(X >= k) = (mu / (1 + mu))^k.
  CHECK(NegativeBinomialUpperTail(4, 3.0, 1.0) ==
        doctest::Approx(std::pow(0.75, 4)));
  // Over-dispersion makes a high count less surprising.
  CHECK(NegativeBinomialUpperTail(30, 10.0, 0.5) >
        NegativeBinomialUpperTail(30, 10.0, 0.0));
  // Far in the tail the surprise stays finite and grows.
  const double s1 = NegativeBinomialSurprise(500, 2.0, 0.0);
  const double s2 = NegativeBinomialSurprise(900, 2.0, 0.0);
  CHECK(std::isfinite(s1));
  CHECK(s1 > 300);
  CHECK(s2 > s1);
}

TEST_CASE("The alert p-value follows alerts_per_week") {
  CountModelOptions o;
  CHECK(CountModel(o).alert_p() == doctest::Approx(1.0 / 2016));
  o.alerts_per_week = 7;
  o.bucket = Millis(3600000);
  CHECK(CountModel(o).alert_p() == doctest::Approx(7.0 / 168));
}

TEST_CASE("alerts_per_week bounds the alerts on calm data, and sets the bar") {
  // Ten weeks after two of learning, calm seasonal Poisson data and
  // over-dispersed (negative-binomial) data.
  const int learn = kPerDay * 14;
  const int n = learn + kPerDay * 70;
  std::mt19937 rng(11);
  std::vector<std::int64_t> dispersed_counts;
  for (int i = 0; i < n; ++i) {
    std::gamma_distribution<double> g(1 / 0.3, 0.3 * 5.0 * Daily(i));
    std::poisson_distribution<std::int64_t> p(g(rng));
    dispersed_counts.push_back(p(rng));
  }
  const std::vector<std::int64_t>& dispersed = dispersed_counts;
  const std::vector<std::int64_t> seasonal = Draw(n, Daily, 12);
  std::vector<int> lowest_alerting;
  for (const double per_week : {1.0, 7.0}) {
    CAPTURE(per_week);
    CountModelOptions o;
    o.alerts_per_week = per_week;
    for (const auto* counts : {&seasonal, &dispersed}) {
      CountModel model{o};
      const Run r = Feed(model, *counts);
      CHECK(r.AlertsIn(learn, n) <= per_week * 10);
    }
    CountModel model{o};
    Feed(model, Draw(
                    learn, [](int) { return 20.0; }, 13));
    int k = 20;
    while (!model.Assess(At(learn), k).alert) ++k;
    lowest_alerting.push_back(k);
  }
  // A higher tolerated rate alerts on a smaller rise.
  CHECK(lowest_alerting[1] < lowest_alerting[0]);
}

TEST_CASE("Steady Poisson: few alerts, and a spike alerts") {
  CountModel model{CountModelOptions{}};
  const auto counts = Draw(
      kPerDay * 14, [](int) { return 20.0; }, 1);
  const Run r = Feed(model, counts);
  CHECK(r.AlertsIn(0, kPerDay * 14) <= 4);
  const CountAssessment spike = model.Assess(At(kPerDay * 14), 60);
  CHECK(spike.alert);
  CHECK(spike.expected == doctest::Approx(20.0).epsilon(0.15));
  CHECK(spike.anomaly_score > 0.5);
  CHECK_FALSE(model.Assess(At(kPerDay * 14), 24).alert);
}

TEST_CASE("Cold start: no alert storm on the first day") {
  CountModel model{CountModelOptions{}};
  const Run r = Feed(model, Draw(kPerDay, Daily, 2));
  CHECK(r.AlertsIn(0, kPerDay) <= 1);
  for (int i = 0; i < 12; ++i)
    CHECK(r.a[static_cast<std::size_t>(i)].anomaly_score == 0.0);
}

TEST_CASE("Seasonal: the daily cycle is learnt, a spike inside it alerts") {
  CountModel model{CountModelOptions{}};
  const int n = kPerDay * 21;
  const Run r = Feed(model, Draw(n, Daily, 3));
  CHECK(r.AlertsIn(kPerDay * 7, n) <= 4);
  // Trough (06:00 - 6 h: 00:00, mean 2) and peak (12:00, mean 18).
  const int trough = n;  // midnight
  const int peak = n + 12 * 12;
  CHECK(model.Assess(At(trough), 0).expected < 5.0);
  CHECK(model.Assess(At(peak), 0).expected > 12.0);
  // 15 at the trough is a spike; 15 at the peak is normal.
  CHECK(model.Assess(At(trough), 15).alert);
  CountModel later = model;
  for (int i = n; i < peak; ++i) later.Observe(At(i), std::llround(Daily(i)));
  CHECK_FALSE(later.Assess(At(peak), 15).alert);
}

TEST_CASE("Low counts: mostly zeros never alert below the minimum volume") {
  CountModel model{CountModelOptions{}};
  const Run r = Feed(model, Draw(
                                kPerDay * 14, [](int) { return 0.05; }, 4));
  CHECK(r.AlertsIn(0, kPerDay * 14) == 0);
  CHECK_FALSE(model.Assess(At(kPerDay * 14), 4).alert);  // < min_count
  CHECK(model.Assess(At(kPerDay * 14), 6).alert);
}

TEST_CASE("Gradual drift does not alert") {
  CountModel model{CountModelOptions{}};
  const int n = kPerDay * 14;
  const Run r =
      Feed(model, Draw(
                      n, [n](int i) { return 10.0 + 20.0 * i / n; }, 5));
  CHECK(r.AlertsIn(kPerDay, n) <= 4);
  CHECK(model.Assess(At(n), 30).expected == doctest::Approx(30.0).epsilon(0.2));
}

TEST_CASE("A past spike does not inflate the baseline") {
  CountModel model{CountModelOptions{}};
  const int n = kPerDay * 7;
  auto counts = Draw(
      n + 36, [](int) { return 5.0; }, 6);
  counts[static_cast<std::size_t>(n)] = 400;  // one huge bucket
  const Run r = Feed(model, counts);
  CHECK(r.a[static_cast<std::size_t>(n)].alert);
  const CountAssessment after = model.Assess(At(n + 36), 20);
  CHECK(after.expected < 6.5);
  CHECK(after.alert);  // a second spike three hours later still alerts
}

TEST_CASE(
    "A bursty series calibrates its tail: its usual bursts are news "
    "elsewhere, not there") {
  // Same level; one series has a fivefold burst about every six hours (at
  // wandering hours, so the seasonal factors cannot learn them).
  const int n = kPerDay * 14;
  auto calm = Draw(
      n, [](int) { return 20.0; }, 9);
  auto bursty = calm;
  for (int i = 36; i < n; i += 71) bursty[static_cast<std::size_t>(i)] = 100;
  CountModel quiet{CountModelOptions{}};
  CountModel busy{CountModelOptions{}};
  Feed(quiet, calm);
  const Run r = Feed(busy, bursty);
  // The bursts stop alerting once they are the series' habit.
  CHECK(r.AlertsIn(kPerDay * 7, n) <= 4);
  const CountAssessment usual = busy.Assess(At(n), 100);
  CHECK(quiet.Assess(At(n), 100).alert);
  CHECK_FALSE(usual.alert);
  CHECK(usual.anomaly_score < quiet.Assess(At(n), 100).anomaly_score);
  // A burst far beyond its habit still alerts.
  CHECK(busy.Assess(At(n), 1000).alert);
}

TEST_CASE(
    "A burst is measured on the scale of the series' volume, not of its "
    "quietest hour") {
  // A busy series (mean 200 a bucket) with a strong daily cycle: 40 at
  // midnight, 360 at noon.
  const auto busy = [](int i) { return 20.0 * Daily(i); };
  CountModel model{CountModelOptions{}};
  const int n = kPerDay * 14;
  Feed(model, Draw(n, busy, 10));
  // Five times the expectation at midnight: 160 extra mentions, less than
  // a mean bucket; at noon: 1,440 extra.
  const CountAssessment night = model.Assess(At(n), 5 * 40);
  CountModel later = model;
  const int noon = n + 12 * 12;
  for (int i = n; i < noon; ++i) later.Observe(At(i), std::llround(busy(i)));
  const CountAssessment day = later.Assess(At(noon), 5 * 360);
  CHECK_FALSE(night.alert);
  CHECK(day.alert);
  CHECK(night.anomaly_score < day.anomaly_score);
  // A night burst of several mean buckets still alerts.
  CHECK(model.Assess(At(n), 15 * 40).alert);
}

TEST_CASE("Scores are causal and deterministic") {
  std::vector<CountRow> rows;
  const auto counts = Draw(kPerDay * 4, Daily, 7);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    rows.push_back({"t", At(static_cast<int>(i)), counts[i]});
  }
  rows[700].value = 90;
  const std::vector<CountRow> prefix(rows.begin(),
                                     rows.begin() + rows.size() * 6 / 10);
  const auto full = ScoreCountSeries(rows, CountModelOptions{});
  const auto part = ScoreCountSeries(prefix, CountModelOptions{});
  REQUIRE(part.size() == prefix.size());
  for (std::size_t i = 0; i < part.size(); ++i) {
    REQUIRE(part[i] == full[i]);
    CHECK(full[i] >= 0.0);
    CHECK(full[i] <= 1.0);
  }
  CHECK(full[700] > 0.5);
  CHECK(ScoreCountSeries(rows, CountModelOptions{}) == full);
}

TEST_CASE("Missing buckets are unknown, not zero") {
  CountModel model{CountModelOptions{}};
  const auto counts = Draw(
      kPerDay * 7, [](int) { return 8.0; }, 8);
  for (int i = 0; i < kPerDay * 7; ++i) {
    if (i % kPerDay < 100 || i % kPerDay > 150) {  // a gap every day
      model.Observe(At(i), counts[static_cast<std::size_t>(i)]);
    }
  }
  const CountAssessment a = model.Assess(At(kPerDay * 7 + 120), 8);
  CHECK(a.expected == doctest::Approx(8.0).epsilon(0.25));
  CHECK_FALSE(a.alert);
}

TEST_CASE("Weekends and hours are the zone's, not UTC's") {
  // Busy on Tokyo weekdays, quiet on Tokyo weekends (UTC+9: a Tokyo
  // Saturday starts on Friday at 15:00 UTC).
  auto tokyo = TimeZone::Load("JST-9");
  REQUIRE(tokyo.ok());
  CountModelOptions local;
  local.zone = std::make_shared<const TimeZone>(*tokyo);
  CountModel in_tokyo{local};
  CountModel in_utc{CountModelOptions{}};
  const std::int64_t nine_hours = 9 * 3600000;
  auto tokyo_weekend = [&](int i) {
    const std::int64_t ms = ToUnixMillis(At(i)) + nine_hours;
    const std::int64_t dow = ((ms / 86400000) + 4) % 7;  // 0 = Sunday
    return dow == 0 || dow == 6;
  };
  const int weeks = 3;
  const auto counts = Draw(
      kPerDay * 7 * weeks, [&](int i) { return tokyo_weekend(i) ? 2.0 : 20.0; },
      11);
  for (int i = 0; i < kPerDay * 7 * weeks; ++i) {
    in_tokyo.Observe(At(i), counts[static_cast<std::size_t>(i)]);
    in_utc.Observe(At(i), counts[static_cast<std::size_t>(i)]);
  }
  // Friday 20:00 UTC is Saturday 05:00 in Tokyo.
  const int friday_evening = kPerDay * (7 * weeks + 4) + 20 * 12;
  REQUIRE(tokyo_weekend(friday_evening));
  const CountAssessment local_view = in_tokyo.Assess(At(friday_evening), 2);
  const CountAssessment utc_view = in_utc.Assess(At(friday_evening), 2);
  CHECK(local_view.expected == doctest::Approx(2.0).epsilon(0.5));
  CHECK(utc_view.expected > 3 * local_view.expected);
  // Fourteen mentions then are news in a Tokyo weekend, not on a weekday.
  CHECK(in_tokyo.Assess(At(friday_evening), 14).p_value <
        in_utc.Assess(At(friday_evening), 14).p_value);
}

}  // namespace vigie
