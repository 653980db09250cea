#include "vigie/detect/backtest.h"

#include <doctest/doctest.h>

#include "test_util.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {

constexpr std::int64_t kT0 = 1793577600000;  // 2026-11-02T00:00:00Z
constexpr Millis kMinute{60000};

// Stored history: calm praise every 10 minutes from 06:00, then from 10:00 a
// burst of complaints, one a minute for 30 minutes. Stored labels are all
// neutral: the backtest must re-score with the rules it is given.
std::vector<Mention> History() {
  std::vector<Mention> out;
  int n = 0;
  auto add = [&](TimePoint at, const std::string& text) {
    Mention m;
    m.source = "feed";
    m.external_id = std::to_string(++n);
    m.text = text;
    m.published = at;
    m.fetched = at;
    m.brands = {"Fournil Duval"};
    out.push_back(m);
  };
  const TimePoint t0 = FromUnixMillis(kT0);
  for (int minute = 360; minute < 600; minute += 10) {
    add(t0 + kMinute * minute, "Fournil Duval: super croissants, merci !");
  }
  for (int minute = 600; minute < 630; ++minute) {
    add(t0 + kMinute * minute,
        "Fournil Duval : un cafard dans ma salade, dégoûtant et honteux. "
        "Table " +
            std::to_string(minute));
  }
  return out;
}

}  // namespace

TEST_CASE("Backtest finds the burst in stored history and sends nothing") {
  testing::TempDir dir;
  auto history = SqliteStore::Open(dir.file("h.db"));
  REQUIRE(history.ok());
  std::vector<Mention> stored = History();
  REQUIRE((*history)->InsertMentions(stored).ok());
  auto rules = LoadRuleSet(VIGIE_TEST_RULES_DIR, ScorerOptions{}, 7);
  REQUIRE_MESSAGE(rules.ok(), rules.status().message());

  BacktestOptions options;
  options.from = FromUnixMillis(kT0);
  options.to = FromUnixMillis(kT0) + kMinute * 60 * 24;
  auto result = RunBacktest(**history, **rules, options);
  REQUIRE_MESSAGE(result.ok(), result.status().message());
  CHECK(result->mentions == static_cast<std::int64_t>(stored.size()));
  REQUIRE(result->incidents.size() == 1);
  const Incident& inc = result->incidents[0].incident;
  CHECK(inc.brand == "Fournil Duval");
  CHECK(inc.opened_at >= FromUnixMillis(kT0) + kMinute * 600);
  CHECK(inc.opened_at < FromUnixMillis(kT0) + kMinute * 630);
  // Calm after the burst: resolved before the end of the day.
  CHECK(inc.state == IncidentState::kResolved);
  CHECK(result->incidents[0].events.front().state == IncidentState::kOpen);
  REQUIRE(result->timeline.size() == 1);
  CHECK(result->timeline[0].labels.negative == 30);
  CHECK(result->timeline[0].incidents_opened == 1);

  // The history store is untouched: no incident, no outbox row.
  CHECK((*(*history)->ListIncidents()).empty());
  CHECK(*(*history)->CountPendingOutbox() == 0);

  options.brand = "Another Brand";
  auto none = RunBacktest(**history, **rules, options);
  REQUIRE(none.ok());
  CHECK(none->incidents.empty());
  CHECK(none->mentions == 0);

  options.to = options.from;
  CHECK(RunBacktest(**history, **rules, options).status().IsInvalidArgument());
}

TEST_CASE("ListMentions pages through history in publication order") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("h.db"));
  REQUIRE(store.ok());
  std::vector<Mention> stored = History();
  REQUIRE((*store)->InsertMentions(stored).ok());
  TimePoint cursor = FromUnixMillis(kT0);
  std::int64_t after = 0;
  std::size_t seen = 0;
  TimePoint last{};
  for (;;) {
    auto page = (*store)->ListMentions(
        cursor, FromUnixMillis(kT0) + kMinute * 1440, after, 7);
    REQUIRE(page.ok());
    for (const Mention& m : *page) {
      CHECK(m.published >= last);
      CHECK(m.brands == std::vector<std::string>{"Fournil Duval"});
      last = m.published;
      cursor = m.published;
      after = m.id;
      ++seen;
    }
    if (page->size() < 7) break;
  }
  CHECK(seen == stored.size());
}

}  // namespace vigie
