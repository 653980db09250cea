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
  const TimePoint burst = FromUnixMillis(kT0) + kMinute * 60;
  int n = 0;
  // An hour of calm: one negative mention.
  std::vector<Mention> calm{Neg(++n, FromUnixMillis(kT0) + kMinute * 10)};
  REQUIRE((*store)->InsertMentions(calm).ok());
  auto none = detector.Evaluate(calm, burst);
  REQUIRE(none.ok());
  CHECK(none->empty());
  // Four negatives in the burst bucket: not yet.
  std::vector<Mention> first;
  for (int i = 0; i < 4; ++i)
    first.push_back(Neg(++n, burst + kMinute * i / 2));
  REQUIRE((*store)->InsertMentions(first).ok());
  auto not_yet = detector.Evaluate(first, burst + kMinute * 3);
  REQUIRE(not_yet.ok());
  CHECK(not_yet->empty());
  // The fifth makes it.
  std::vector<Mention> fifth{Neg(++n, burst + kMinute * 3)};
  REQUIRE((*store)->InsertMentions(fifth).ok());
  auto spike = detector.Evaluate(fifth, burst + kMinute * 3);
  REQUIRE(spike.ok());
  REQUIRE(spike->size() == 1);
  CHECK((*spike)[0].brand == "Acme");
  CHECK((*spike)[0].negative == 5);
  CHECK((*spike)[0].bucket_start == burst);
}

TEST_CASE("Detector ignores positive mentions and other brands' spikes") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  Detector detector(**store, DetectConfig{});
  const TimePoint t = FromUnixMillis(kT0) + kMinute * 60;
  std::vector<Mention> batch;
  for (int i = 0; i < 6; ++i) batch.push_back(Neg(i, t, "Other"));
  Mention happy = Neg(99, t);
  happy.label = Label::kPositive;
  batch.push_back(happy);
  REQUIRE((*store)->InsertMentions(batch).ok());
  auto spikes = detector.Evaluate(batch, t + kMinute);
  REQUIRE(spikes.ok());
  REQUIRE(spikes->size() == 1);
  CHECK((*spikes)[0].brand == "Other");
}

}  // namespace vigie
