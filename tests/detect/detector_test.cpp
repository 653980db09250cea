#include "vigie/detect/detector.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "test_util.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {

constexpr std::int64_t kT0 = 1793602800000;  // aligned to 5 minutes
constexpr Millis kMinute{60000};

Mention Neg(int n, TimePoint at, const std::string& brand = "Acme") {
  Mention m;
  m.source = "feed";
  m.external_id = "m" + std::to_string(n);
  m.text = "awful, post " + std::to_string(n);
  m.published = at;
  m.fetched = at;
  m.brands = {brand};
  m.compound = -0.6;
  m.label = Label::kNegative;
  return m;
}

const char* kBadBuzz = R"(
[[scenario]]
name = "bad-buzz"
description = "Negative spike"
condition = "negative_spike"
severity = "warning"
channels = ["slack"]
playbook_en = ["Answer"]
)";

// A rule set holding only the scenarios of `toml`.
std::unique_ptr<RuleSet> Rules(const char* toml = kBadBuzz) {
  auto rules = std::make_unique<RuleSet>();
  auto sc = ParseScenarios("s.toml", toml);
  REQUIRE_MESSAGE(sc.ok(), sc.status().message());
  rules->scenarios = std::move(*sc);
  return rules;
}

// Stores two days of history before kT0 + 2 days: six negatives (and
// `positives` positives) in every 5-minute bucket. Returns that end.
TimePoint StoreTwoSteadyDays(Store& store, int& n, int positives = 0) {
  const TimePoint t0 = FromUnixMillis(kT0);
  std::vector<Mention> history;
  for (int b = 0; b < 2 * 288; ++b) {
    for (int k = 0; k < 6; ++k) {
      const TimePoint at = t0 + Millis(300000) * b + kMinute * k / 2;
      history.push_back(Neg(++n, at));
      if (k >= positives) continue;
      Mention happy = Neg(++n, at);
      happy.label = Label::kPositive;
      history.push_back(happy);
    }
  }
  REQUIRE(store.InsertMentions(history).ok());
  return t0 + Millis(300000) * (2 * 288);
}

}  // namespace

TEST_CASE("Detector raises a spike on the batch that makes it significant") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  Detector detector(**store, DetectConfig{});
  const auto rules = Rules();
  const TimePoint t0 = FromUnixMillis(kT0);
  const TimePoint burst = t0 + kMinute * 180;
  int n = 0;
  // Three calm hours: one negative mention an hour, seen as they come.
  for (int h = 0; h < 3; ++h) {
    std::vector<Mention> calm{Neg(++n, t0 + kMinute * (60 * h + 10))};
    REQUIRE((*store)->InsertMentions(calm).ok());
    auto none = detector.Evaluate(calm, *rules, t0 + kMinute * (60 * h + 11));
    REQUIRE(none.ok());
    CHECK(none->empty());
  }
  // Four negatives in the burst bucket: not yet (below the minimum volume).
  std::vector<Mention> first;
  for (int i = 0; i < 4; ++i)
    first.push_back(Neg(++n, burst + kMinute * i / 2));
  REQUIRE((*store)->InsertMentions(first).ok());
  auto not_yet = detector.Evaluate(first, *rules, burst + kMinute * 3);
  REQUIRE(not_yet.ok());
  CHECK(not_yet->empty());
  // The fifth makes it, on its own batch.
  std::vector<Mention> fifth{Neg(++n, burst + kMinute * 3)};
  REQUIRE((*store)->InsertMentions(fifth).ok());
  auto spike = detector.Evaluate(fifth, *rules, burst + kMinute * 3);
  REQUIRE(spike.ok());
  REQUIRE(spike->size() == 1);
  const SpikeSignal& s = (*spike)[0];
  CHECK(s.brand == "Acme");
  CHECK(s.negative == 5);
  CHECK(s.total == 5);
  CHECK(s.negative_share == doctest::Approx(1.0));
  CHECK(s.bucket_start == burst);
  CHECK(s.expected < 0.5);
  CHECK(s.p_value <= 1.0 / 2016);
  CHECK(s.anomaly_score > 0.5);
}

TEST_CASE("Detector warms a brand's model from the stored history") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  // Two days with six negatives in every 5-minute bucket, stored before the
  // detector starts: six more is normal for this brand, not a spike.
  int n = 0;
  const TimePoint now = StoreTwoSteadyDays(**store, n);
  Detector detector(**store, DetectConfig{});
  const auto rules = Rules();
  std::vector<Mention> batch;
  for (int k = 0; k < 6; ++k) batch.push_back(Neg(++n, now + kMinute * k / 2));
  REQUIRE((*store)->InsertMentions(batch).ok());
  auto normal = detector.Evaluate(batch, *rules, now + kMinute * 4);
  REQUIRE(normal.ok());
  CHECK(normal->empty());
  // Thirty more in the same bucket is.
  std::vector<Mention> more;
  for (int k = 0; k < 30; ++k) more.push_back(Neg(++n, now + kMinute * 4));
  REQUIRE((*store)->InsertMentions(more).ok());
  auto spike = detector.Evaluate(more, *rules, now + kMinute * 4);
  REQUIRE(spike.ok());
  REQUIRE(spike->size() == 1);
  CHECK((*spike)[0].negative == 36);
  CHECK((*spike)[0].expected == doctest::Approx(6.0).epsilon(0.2));
}

TEST_CASE("Detector ignores positive mentions and other brands' spikes") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  Detector detector(**store, DetectConfig{});
  const auto rules = Rules();
  const TimePoint t0 = FromUnixMillis(kT0);
  int n = 0;
  std::vector<Mention> calm;
  for (int h = 0; h < 3; ++h) {
    calm.push_back(Neg(++n, t0 + kMinute * (60 * h + 10), "Acme"));
    calm.push_back(Neg(++n, t0 + kMinute * (60 * h + 20), "Other"));
  }
  REQUIRE((*store)->InsertMentions(calm).ok());
  auto none = detector.Evaluate(calm, *rules, t0 + kMinute * 179);
  REQUIRE(none.ok());
  CHECK(none->empty());
  // A brand never evaluated before cannot alert on its first bucket.
  const TimePoint t = t0 + kMinute * 180;
  std::vector<Mention> batch;
  for (int i = 0; i < 6; ++i) batch.push_back(Neg(++n, t, "Other"));
  for (int i = 0; i < 6; ++i) batch.push_back(Neg(++n, t, "Newcomer"));
  for (int i = 0; i < 6; ++i) {
    Mention happy = Neg(++n, t, "Acme");
    happy.label = Label::kPositive;
    batch.push_back(happy);
  }
  REQUIRE((*store)->InsertMentions(batch).ok());
  auto spikes = detector.Evaluate(batch, *rules, t + kMinute);
  REQUIRE(spikes.ok());
  REQUIRE(spikes->size() == 1);
  CHECK((*spikes)[0].brand == "Other");
  CHECK((*spikes)[0].negative == 6);
}

TEST_CASE("Detector watches a brand × topic series and the volume series") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  const auto rules = Rules(R"(
[[scenario]]
name = "bad-buzz"
description = "Negative spike"
condition = "negative_spike"
severity = "warning"
channels = ["slack"]
playbook_en = ["Answer"]

[[scenario]]
name = "hygiene"
description = "Hygiene"
condition = "negative_spike"
topics = ["hygiene"]
severity = "critical"
channels = ["slack"]
inhibited_by = []
playbook_en = ["Call the shop"]

[[scenario]]
name = "buzz"
description = "Volume"
condition = "volume_spike"
severity = "info"
channels = ["slack"]
playbook_en = ["Look"]
)");
  // Two days with six negatives (no topic) and six positives per bucket.
  int n = 0;
  const TimePoint now = StoreTwoSteadyDays(**store, n, 6);
  Detector detector(**store, DetectConfig{});

  // Six hygiene complaints on top of the usual: news for the topic (never
  // seen before), not for the brand's negatives overall.
  std::vector<Mention> batch;
  for (int k = 0; k < 6; ++k) {
    batch.push_back(Neg(++n, now + kMinute * k / 2));
    Mention dirty = Neg(++n, now + kMinute * k / 2);
    dirty.topics = {"hygiene"};
    batch.push_back(dirty);
  }
  REQUIRE((*store)->InsertMentions(batch).ok());
  auto spikes = detector.Evaluate(batch, *rules, now + kMinute * 3);
  REQUIRE(spikes.ok());
  REQUIRE(spikes->size() == 1);
  const SpikeSignal& s = (*spikes)[0];
  CHECK(s.topic == "hygiene");
  CHECK(s.measure == SeriesMeasure::kNegative);
  CHECK(s.count() == 6);
  CHECK(s.scenarios == std::vector<std::string>{"hygiene"});
  CHECK(s.expected < 1.0);

  // A bucket with four times the usual positive mentions: a volume spike
  // only (its negatives are as usual).
  const TimePoint later = now + Millis(300000) * 2;
  std::vector<Mention> cheers;
  for (int k = 0; k < 6; ++k) cheers.push_back(Neg(++n, later));
  for (int k = 0; k < 24; ++k) {
    Mention happy = Neg(++n, later + kMinute);
    happy.label = Label::kPositive;
    cheers.push_back(happy);
  }
  REQUIRE((*store)->InsertMentions(cheers).ok());
  auto volume = detector.Evaluate(cheers, *rules, later + kMinute * 2);
  REQUIRE(volume.ok());
  REQUIRE(volume->size() == 1);
  CHECK((*volume)[0].measure == SeriesMeasure::kVolume);
  CHECK((*volume)[0].topic.empty());
  CHECK((*volume)[0].total == 30);
  CHECK((*volume)[0].scenarios == std::vector<std::string>{"buzz"});
}

TEST_CASE("Detector applies each scenario's and brand's sensitivity") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  const char* kTwo = R"(
[[scenario]]
name = "loose"
description = "Loose"
condition = "negative_spike"
severity = "info"
channels = ["slack"]
alerts_per_week = 50
playbook_en = ["Look"]

[[scenario]]
name = "strict"
description = "Strict"
condition = "negative_spike"
severity = "critical"
channels = ["slack"]
playbook_en = ["Call"]
)";
  auto rules = Rules(kTwo);
  auto brands = BrandMatcher::Parse("b.toml", R"(
[[brand]]
name = "Acme"
keywords = ["acme"]
alerts_per_week = 0.01
)");
  REQUIRE_MESSAGE(brands.ok(), brands.status().message());
  rules->brands = std::move(*brands);
  int n = 0;
  const TimePoint now = StoreTwoSteadyDays(**store, n);
  Detector detector(**store, DetectConfig{});
  // Grow one bucket mention by mention: the loose scenario (50 a week) is
  // named first, the strict one (the brand's 0.01 a week) only later.
  std::vector<std::string> first;
  std::int64_t loose_at = 0;
  std::int64_t strict_at = 0;
  for (int k = 0; k < 60 && strict_at == 0; ++k) {
    std::vector<Mention> one{Neg(++n, now + kMinute)};
    REQUIRE((*store)->InsertMentions(one).ok());
    auto spikes = detector.Evaluate(one, *rules, now + kMinute * 2);
    REQUIRE(spikes.ok());
    if (spikes->empty()) continue;
    const std::vector<std::string>& names = (*spikes)[0].scenarios;
    if (loose_at == 0) {
      loose_at = (*spikes)[0].negative;
      first = names;
    }
    if (std::find(names.begin(), names.end(), "strict") != names.end()) {
      strict_at = (*spikes)[0].negative;
    }
  }
  CHECK(first == std::vector<std::string>{"loose"});
  CHECK(loose_at > 6);
  CHECK(strict_at > loose_at);
  CHECK(AlertsPerWeekFor(rules->scenarios.scenarios[0], "Acme", *rules,
                         DetectConfig{}) == 50.0);
  CHECK(AlertsPerWeekFor(rules->scenarios.scenarios[1], "Acme", *rules,
                         DetectConfig{}) == 0.01);
  CHECK(AlertsPerWeekFor(rules->scenarios.scenarios[1], "Other", *rules,
                         DetectConfig{}) == DetectConfig{}.alerts_per_week);
}

TEST_CASE("A scenario's rate is split over the topic series it watches") {
  auto rules = Rules(R"(
[[scenario]]
name = "two-topics"
description = "Two topics"
condition = "negative_spike"
topics = ["hygiene", "delivery"]
severity = "warning"
channels = ["slack"]
alerts_per_week = 4
playbook_en = ["Look"]

[[scenario]]
name = "overall"
description = "Overall"
condition = "negative_spike"
severity = "warning"
channels = ["slack"]
alerts_per_week = 4
playbook_en = ["Look"]
)");
  const auto& scenarios = rules->scenarios.scenarios;
  CHECK(SeriesAlertsPerWeek(scenarios[0], "Acme", *rules, DetectConfig{}) ==
        2.0);
  CHECK(SeriesAlertsPerWeek(scenarios[1], "Acme", *rules, DetectConfig{}) ==
        4.0);
}

}  // namespace vigie
