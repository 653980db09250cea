#include "vigie/detect/incident_engine.h"

#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "test_util.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {
constexpr std::int64_t kT0 = 1793602800000;
}

TEST_CASE(
    "One incident per brand × scenario: the first signal alerts, "
    "later ones update") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  auto rules = LoadRuleSet(VIGIE_TEST_RULES_DIR, ScorerOptions{}, 1);
  REQUIRE_MESSAGE(rules.ok(), rules.status().message());
  IncidentEngine engine(**store, {"slack"});
  std::vector<Mention> bucket;
  for (int i = 0; i < 3; ++i) {
    Mention m;
    m.source = "feed";
    m.external_id = std::to_string(i);
    m.text = "Un cafard chez Fournil Duval, client " + std::to_string(i);
    m.published = m.fetched = FromUnixMillis(kT0 + 1000 * i);
    m.brands = {"Fournil Duval"};
    m.label = Label::kNegative;
    m.compound = -0.5;
    bucket.push_back(m);
  }
  REQUIRE((*store)->InsertMentions(bucket).ok());

  SpikeSignal signal;
  signal.brand = "Fournil Duval";
  signal.scenarios = {"bad-buzz"};
  signal.bucket_start = FromUnixMillis(kT0);
  signal.bucket_width = Millis(300000);
  signal.negative = 6;
  signal.total = 7;
  signal.expected = 0.2;

  auto first = engine.OnSignals({signal}, **rules, FromUnixMillis(kT0 + 1000));
  REQUIRE_MESSAGE(first.ok(), first.status().message());
  CHECK(first->opened == 1);
  CHECK(first->notifications == 1);

  signal.negative = 9;
  auto second = engine.OnSignals({signal}, **rules, FromUnixMillis(kT0 + 2000));
  REQUIRE(second.ok());
  CHECK(second->opened == 0);
  CHECK(second->updated == 1);
  CHECK(second->notifications == 0);

  auto incidents = (*store)->ListIncidents();
  REQUIRE(incidents.ok());
  REQUIRE(incidents->size() == 1);
  const Incident& inc = (*incidents)[0];
  CHECK(inc.state == IncidentState::kUpdated);
  CHECK(inc.revision == 2);
  auto evidence = boost::json::parse(inc.evidence_json).as_object();
  CHECK(evidence.at("negative").as_int64() == 9);
  CHECK(evidence.at("samples").as_array().size() == 3);
  // "client" is in every mention too: ties go alphabetically.
  CHECK(evidence.at("top_terms").as_array() ==
        boost::json::array{"cafard", "client"});

  auto due = (*store)->DueOutbox(FromUnixMillis(kT0 + 5000), 10);
  REQUIRE(due.ok());
  REQUIRE(due->size() == 1);
  CHECK((*due)[0].channel == "slack");
  CHECK((*due)[0].incident_id == inc.id);
  // The brand speaks French: the alert and its playbook are in French.
  CHECK((*due)[0].payload.find("Playbook") != std::string::npos);
  CHECK((*due)[0].payload.find("négatives maintenant") != std::string::npos);
  CHECK((*due)[0].payload.find("mentions négatives de la marque") !=
        std::string::npos);
}

TEST_CASE("A scenario channel that is not configured writes no outbox row") {
  testing::TempDir dir;
  auto store = SqliteStore::Open(dir.file("v.db"));
  REQUIRE(store.ok());
  auto rules = LoadRuleSet(VIGIE_TEST_RULES_DIR, ScorerOptions{}, 1);
  REQUIRE(rules.ok());
  IncidentEngine engine(**store, {});
  SpikeSignal signal;
  signal.brand = "Fournil Duval";
  signal.scenarios = {"bad-buzz"};
  signal.bucket_start = FromUnixMillis(kT0);
  signal.bucket_width = Millis(300000);
  signal.negative = 6;
  auto out = engine.OnSignals({signal}, **rules, FromUnixMillis(kT0));
  REQUIRE(out.ok());
  CHECK(out->opened == 1);
  CHECK(out->notifications == 0);
  CHECK(*(*store)->CountPendingOutbox() == 0);
}

}  // namespace vigie
