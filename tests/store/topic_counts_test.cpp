#include <doctest/doctest.h>

#include "test_util.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

TEST_CASE(
    "CountByBucketTopic counts only the brand's mentions with the topic") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  const TimePoint t0 = FromUnixMillis(1793602800000);
  std::vector<Mention> batch;
  auto add = [&](int id, Millis at, std::vector<std::string> topics, Label l,
                 std::string brand = "Acme") {
    Mention m;
    m.source = "f";
    m.external_id = std::to_string(id);
    m.published = t0 + at;
    m.brands = {std::move(brand)};
    m.topics = std::move(topics);
    m.label = l;
    batch.push_back(m);
  };
  add(1, Millis(0), {"hygiene"}, Label::kNegative);
  add(2, Millis(1000), {"hygiene", "legal"}, Label::kNegative);
  add(3, Millis(2000), {"delivery"}, Label::kNegative);
  add(4, Millis(600000), {"hygiene"}, Label::kPositive);
  add(5, Millis(600000), {"hygiene"}, Label::kNegative, "Other");
  REQUIRE((*store)->InsertMentions(batch).ok());
  auto counts = (*store)->CountByBucketTopic(
      "Acme", "hygiene", t0, t0 + Millis(900000), Millis(300000));
  REQUIRE(counts.ok());
  REQUIRE(counts->size() == 3);
  CHECK((*counts)[0].total == 2);
  CHECK((*counts)[0].negative == 2);
  CHECK((*counts)[1].total == 0);
  CHECK((*counts)[2].total == 1);
  CHECK((*counts)[2].negative == 0);
  auto all =
      (*store)->CountByBucket("Acme", t0, t0 + Millis(900000), Millis(300000));
  REQUIRE(all.ok());
  CHECK((*all)[0].total == 3);
}

}  // namespace vigie
