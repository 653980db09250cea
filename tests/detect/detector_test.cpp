#include "vigie/detect/detector.h"

#include <doctest/doctest.h>

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
  m.text = "awful";
  m.published = at;
  m.fetched = at;
  m.brands = {brand};
  m.compound = -0.6;
  m.label = Label::kNegative;
  return m;
}

}  // namespace

TEST_CASE("Detector raises a spike on the batch that makes it significant") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  Detector detector(**store, DetectConfig{});
  const TimePoint t0 = FromUnixMillis(kT0);
  const TimePoint burst = t0 + kMinute * 180;
  int n = 0;
  // Three calm hours: one negative mention an hour, seen as they come.
  for (int h = 0; h < 3; ++h) {
    std::vector<Mention> calm{Neg(++n, t0 + kMinute * (60 * h + 10))};
    REQUIRE((*store)->InsertMentions(calm).ok());
    auto none = detector.Evaluate(calm, t0 + kMinute * (60 * h + 11));
    REQUIRE(none.ok());
    CHECK(none->empty());
  }
  // Four negatives in the burst bucket: not yet (below the minimum volume).
  std::vector<Mention> first;
  for (int i = 0; i < 4; ++i)
    first.push_back(Neg(++n, burst + kMinute * i / 2));
  REQUIRE((*store)->InsertMentions(first).ok());
  auto not_yet = detector.Evaluate(first, burst + kMinute * 3);
  REQUIRE(not_yet.ok());
  CHECK(not_yet->empty());
  // The fifth makes it, on its own batch.
  std::vector<Mention> fifth{Neg(++n, burst + kMinute * 3)};
  REQUIRE((*store)->InsertMentions(fifth).ok());
  auto spike = detector.Evaluate(fifth, burst + kMinute * 3);
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
  const TimePoint t0 = FromUnixMillis(kT0);
  // Two days with six negatives in every 5-minute bucket, stored before the
  // detector starts: six more is normal for this brand, not a spike.
  std::vector<Mention> history;
  int n = 0;
  for (int b = 0; b < 2 * 288; ++b) {
    for (int k = 0; k < 6; ++k)
      history.push_back(Neg(++n, t0 + Millis(300000) * b + kMinute * k / 2));
  }
  REQUIRE((*store)->InsertMentions(history).ok());
  Detector detector(**store, DetectConfig{});
  const TimePoint now = t0 + Millis(300000) * (2 * 288);
  std::vector<Mention> batch;
  for (int k = 0; k < 6; ++k) batch.push_back(Neg(++n, now + kMinute * k / 2));
  REQUIRE((*store)->InsertMentions(batch).ok());
  auto normal = detector.Evaluate(batch, now + kMinute * 4);
  REQUIRE(normal.ok());
  CHECK(normal->empty());
  // Thirty more in the same bucket is.
  std::vector<Mention> more;
  for (int k = 0; k < 30; ++k) more.push_back(Neg(++n, now + kMinute * 4));
  REQUIRE((*store)->InsertMentions(more).ok());
  auto spike = detector.Evaluate(more, now + kMinute * 4);
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
  const TimePoint t0 = FromUnixMillis(kT0);
  int n = 0;
  std::vector<Mention> calm;
  for (int h = 0; h < 3; ++h) {
    calm.push_back(Neg(++n, t0 + kMinute * (60 * h + 10), "Acme"));
    calm.push_back(Neg(++n, t0 + kMinute * (60 * h + 20), "Other"));
  }
  REQUIRE((*store)->InsertMentions(calm).ok());
  auto none = detector.Evaluate(calm, t0 + kMinute * 179);
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
  auto spikes = detector.Evaluate(batch, t + kMinute);
  REQUIRE(spikes.ok());
  REQUIRE(spikes->size() == 1);
  CHECK((*spikes)[0].brand == "Other");
  CHECK((*spikes)[0].negative == 6);
}

}  // namespace vigie
