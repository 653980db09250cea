#include "vigie/digest/daily_summary.h"

#include <doctest/doctest.h>

#include "test_util.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

TEST_CASE("The daily summary counts the day and compares with the day before") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  const TimePoint day = FromUnixMillis(1793577600000);  // 2026-11-02T00:00Z
  std::vector<Mention> batch;
  auto add = [&](int n, TimePoint at, Label label, double compound) {
    Mention m;
    m.source = "f";
    m.external_id = std::to_string(n);
    m.text = "text " + std::to_string(n);
    m.published = at;
    m.brands = {"Acme"};
    m.label = label;
    m.compound = compound;
    batch.push_back(m);
  };
  add(1, day + Millis(1000), Label::kPositive, 0.5);
  add(2, day + Millis(2000), Label::kNegative, -0.9);
  add(3, day + Millis(3000), Label::kNegative, -0.2);
  add(4, day + Millis(4000), Label::kNeutral, 0.0);
  add(5, day - Millis(1000), Label::kPositive, 0.7);
  REQUIRE((*store)->InsertMentions(batch).ok());
  auto s = BuildDailySummary(**store, "Acme", day);
  REQUIRE(s.ok());
  CHECK(s->today.total() == 4);
  CHECK(s->today.negative == 2);
  CHECK(s->yesterday.total() == 1);
  CHECK(DailySummary::NetSentiment(s->today) == doctest::Approx(-0.25));
  REQUIRE(s->most_negative.size() == 2);
  CHECK(s->most_negative[0].text == "text 2");
  const std::string text = RenderSummaryText(*s);
  CHECK(text.find("E-reputation of Acme on 2026-11-02") != std::string::npos);
  CHECK(text.find("net sentiment -0.25 (previous day +1.00)") !=
        std::string::npos);
}

}  // namespace vigie
