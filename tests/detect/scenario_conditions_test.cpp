#include <doctest/doctest.h>

#include "test_util.h"
#include "vigie/detect/incident_engine.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {

constexpr std::int64_t kT0 = 1793577600000;  // 2026-11-02T00:00:00Z
constexpr Millis kHour{3600000};

const char* kScenarios = R"(
[[scenario]]
name = "data-breach"
description = "Breach"
condition = "single_mention"
topics = ["data-breach"]
min_reach = 5000
severity = "critical"
channels = ["slack"]
playbook_en = ["Call the DPO"]

[[scenario]]
name = "sponsorship"
description = "Undisclosed"
condition = "undisclosed_sponsorship"
severity = "warning"
channels = ["slack"]
playbook_en = ["Ask for a disclosure"]

[[scenario]]
name = "review-bombing"
description = "Ratings collapse"
condition = "rating_collapse"
rating_window_hours = 24
rating_baseline_days = 10
rating_drop = 1.0
min_reviews = 3
severity = "warning"
channels = ["slack"]
playbook_en = ["Read the reviews"]
)";

Mention M(int id, TimePoint at, std::vector<std::string> topics) {
  Mention m;
  m.source = "feed";
  m.external_id = std::to_string(id);
  m.text = "text " + std::to_string(id);
  m.published = at;
  m.brands = {"Acme"};
  m.topics = std::move(topics);
  return m;
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<SqliteStore> store;
  std::shared_ptr<RuleSet> rules = std::make_shared<RuleSet>();
  Fixture() {
    auto s = SqliteStore::Open(dir.file("v.db"));
    REQUIRE(s.ok());
    store = std::move(*s);
    auto sc = ParseScenarios("s.toml", kScenarios);
    REQUIRE_MESSAGE(sc.ok(), sc.status().message());
    rules->scenarios = std::move(*sc);
  }
  // Stores `batch` and hands what was new to the engine.
  Result<IncidentOutcome> Feed(IncidentEngine& engine,
                               std::vector<Mention> batch, TimePoint now) {
    auto inserted = store->InsertMentions(batch);
    REQUIRE(inserted.ok());
    return engine.OnMentions(batch, *rules, now);
  }
};

}  // namespace

TEST_CASE(
    "A single high-severity mention opens an incident only above the "
    "reach bound") {
  Fixture f;
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  Mention small = M(1, t0, {"data-breach"});
  small.reach = 200;
  auto r = f.Feed(engine, {small}, t0);
  REQUIRE(r.ok());
  CHECK(r->opened == 0);
  Mention big = M(2, t0, {"data-breach", "legal"});
  big.reach = 250000;
  r = f.Feed(engine, {big, M(3, t0, {"delivery"})}, t0);
  REQUIRE(r.ok());
  CHECK(r->opened == 1);
  CHECK(r->notifications == 1);
  auto inc = f.store->FindActiveIncident("Acme", "data-breach");
  REQUIRE(inc.ok());
  REQUIRE(inc->has_value());
  CHECK((*inc)->severity == "critical");
  CHECK((*inc)->evidence_json.find("\"reach\":250000") != std::string::npos);
}

TEST_CASE("A post tagged undisclosed-sponsorship opens one incident") {
  Fixture f;
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  auto r = f.Feed(engine,
                  {M(1, t0, {"undisclosed-sponsorship"}),
                   M(2, t0, {"undisclosed-sponsorship"})},
                  t0);
  REQUIRE(r.ok());
  CHECK(r->opened == 1);
  CHECK(r->notifications == 1);
  r = f.Feed(engine, {M(3, t0, {})}, t0);
  REQUIRE(r.ok());
  CHECK(r->opened == 0);
  CHECK(r->updated == 0);
}

TEST_CASE(
    "A collapse of the mean rating against its baseline opens an "
    "incident; a steady rating does not") {
  Fixture f;
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  int id = 0;
  // Four days of 4.5-star reviews, none in the last day.
  std::vector<Mention> base;
  for (int h = 0; h <= 96; h += 12) {
    Mention m = M(++id, t0 + kHour * h, {});
    m.rating = 4.5;
    base.push_back(m);
  }
  const TimePoint day6 = t0 + kHour * 130;
  auto r = f.Feed(engine, base, day6);
  REQUIRE(r.ok());
  CHECK(r->opened == 0);
  // Two bad reviews: below min_reviews, nothing yet.
  std::vector<Mention> bad;
  for (int i = 0; i < 2; ++i) {
    Mention m = M(++id, day6 + kHour * i, {});
    m.rating = 1.0;
    bad.push_back(m);
  }
  r = f.Feed(engine, bad, day6 + kHour * 2);
  REQUIRE(r.ok());
  CHECK(r->opened == 0);
  Mention third = M(++id, day6 + kHour * 3, {});
  third.rating = 2.0;
  r = f.Feed(engine, {third}, day6 + kHour * 3);
  REQUIRE(r.ok());
  CHECK(r->opened == 1);
  auto inc = f.store->FindActiveIncident("Acme", "review-bombing");
  REQUIRE(inc.ok());
  REQUIRE(inc->has_value());
  CHECK((*inc)->evidence_json.find("mean rating 1.33") != std::string::npos);
}

TEST_CASE("Scenario files reject a single_mention without topics") {
  auto set = ParseScenarios("s.toml",
                            "[[scenario]]\nname = \"x\"\ndescription = \"d\"\n"
                            "condition = \"single_mention\"\nseverity = "
                            "\"info\"\nchannels = [\"slack\"]\n"
                            "playbook_en = [\"a\"]\n");
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().message().rfind("s.toml:1:1: [[scenario]]: condition "
                                     "single_mention needs topics",
                                     0) == 0);
}

}  // namespace vigie
