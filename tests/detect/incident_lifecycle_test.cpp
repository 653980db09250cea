#include <doctest/doctest.h>

#include <boost/json.hpp>

#include "test_util.h"
#include "vigie/detect/detection_step.h"
#include "vigie/detect/incident_engine.h"
#include "vigie/store/sqlite_store.h"

namespace vigie {

namespace {

constexpr std::int64_t kT0 = 1793602800000;
constexpr Millis kMinute{60000};

const char* kScenarios = R"(
[[scenario]]
name = "bad-buzz"
description = "Negative spike"
condition = "negative_spike"
severity = "warning"
channels = ["slack"]
cooldown_minutes = 60
resolve_after_minutes = 120
update_interval_minutes = 30
escalate_ratio = 2.0
playbook_en = ["Answer within the hour"]
)";

SpikeSignal Signal(std::int64_t negative, TimePoint bucket) {
  SpikeSignal s;
  s.brand = "Acme";
  s.scenarios = {"bad-buzz"};
  s.bucket_start = bucket;
  s.bucket_width = Millis(300000);
  s.negative = negative;
  s.total = negative + 2;
  s.expected = 0.5;
  return s;
}

// The states announced by the outbox rows, oldest first.
std::vector<std::string> Announced(Store& store, TimePoint now) {
  std::vector<std::string> out;
  auto due = store.DueOutbox(now, 100);
  REQUIRE(due.ok());
  for (const OutboxMessage& m : *due) {
    auto v = boost::json::parse(m.payload).as_object();
    const std::string header(
        v.at("blocks").as_array()[0].at("text").at("text").as_string());
    out.push_back(header.substr(0, header.find(' ')));
  }
  return out;
}

struct Fixture {
  testing::TempDir dir;
  std::unique_ptr<SqliteStore> store;
  std::shared_ptr<RuleSet> rules = std::make_shared<RuleSet>();
  explicit Fixture(const char* scenarios = kScenarios) {
    auto s = SqliteStore::Open(dir.file("v.db"));
    REQUIRE(s.ok());
    store = std::move(*s);
    auto sc = ParseScenarios("s.toml", scenarios);
    REQUIRE_MESSAGE(sc.ok(), sc.status().message());
    rules->scenarios = std::move(*sc);
  }
};

}  // namespace

TEST_CASE(
    "An incident opens, updates, escalates and resolves with exactly "
    "the expected notifications") {
  Fixture f;
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  auto at = [&](int minutes) { return t0 + kMinute * minutes; };

  // Opens: one notification.
  auto r = engine.OnSignals({Signal(6, at(0))}, *f.rules, at(1));
  REQUIRE(r.ok());
  CHECK(r->opened == 1);
  CHECK(r->notifications == 1);
  // More evidence within the update interval: stored, not notified.
  r = engine.OnSignals({Signal(7, at(5))}, *f.rules, at(6));
  REQUIRE(r.ok());
  CHECK(r->updated == 1);
  CHECK(r->notifications == 0);
  // After the interval and with a higher count: one "updated" notification.
  r = engine.OnSignals({Signal(8, at(35))}, *f.rules, at(36));
  REQUIRE(r.ok());
  CHECK(r->notifications == 1);
  // Twice the opening count: escalated to critical, notified.
  r = engine.OnSignals({Signal(12, at(40))}, *f.rules, at(41));
  REQUIRE(r.ok());
  CHECK(r->escalated == 1);
  CHECK(r->notifications == 1);
  // Still escalated: a stronger signal does not escalate twice.
  r = engine.OnSignals({Signal(30, at(45))}, *f.rules, at(46));
  REQUIRE(r.ok());
  CHECK(r->escalated == 0);
  CHECK(r->notifications == 0);
  // Calm, but not long enough: still active.
  r = engine.Tick(*f.rules, at(46 + 119));
  REQUIRE(r.ok());
  CHECK(r->resolved == 0);
  // 120 minutes without a signal: resolved, notified.
  r = engine.Tick(*f.rules, at(46 + 120));
  REQUIRE(r.ok());
  CHECK(r->resolved == 1);
  CHECK(r->notifications == 1);

  CHECK(Announced(*f.store, at(500)) ==
        std::vector<std::string>{"Alert", "Update", "Escalated", "Resolved"});
  auto incidents = f.store->ListIncidents();
  REQUIRE(incidents.ok());
  REQUIRE(incidents->size() == 1);
  CHECK((*incidents)[0].state == IncidentState::kResolved);
  CHECK((*incidents)[0].severity == "critical");
  auto events = f.store->ListIncidentEvents((*incidents)[0].id);
  REQUIRE(events.ok());
  CHECK(events->size() == 6);
  CHECK(events->front().state == IncidentState::kOpen);
  CHECK(events->back().note == "resolved: calm for 120 minutes");

  // Within the cooldown, a new spike opens nothing; after it, a new incident.
  r = engine.OnSignals({Signal(9, at(200))}, *f.rules, at(200));
  REQUIRE(r.ok());
  CHECK(r->opened == 0);
  r = engine.OnSignals({Signal(9, at(240))}, *f.rules, at(240));
  REQUIRE(r.ok());
  CHECK(r->opened == 1);
}

TEST_CASE("A person acknowledges, then resolves, an incident") {
  Fixture f;
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  REQUIRE(engine.OnSignals({Signal(6, t0)}, *f.rules, t0).ok());
  auto active = f.store->FindActiveIncident("Acme", "bad-buzz");
  REQUIRE(active.ok());
  REQUIRE(active->has_value());
  const std::int64_t id = (*active)->id;

  auto ack = engine.Acknowledge(id, "alice", *f.rules, t0 + kMinute);
  REQUIRE(ack.ok());
  CHECK(ack->notifications == 1);
  auto again = engine.Acknowledge(id, "bob", *f.rules, t0 + kMinute * 2);
  CHECK(again.status().IsInvalidArgument());
  // Acknowledged still counts as active: a new signal updates it.
  auto upd = engine.OnSignals({Signal(7, t0)}, *f.rules, t0 + kMinute * 3);
  REQUIRE(upd.ok());
  CHECK(upd->opened == 0);
  auto res = engine.Resolve(id, "alice", *f.rules, t0 + kMinute * 4);
  REQUIRE(res.ok());
  CHECK(res->resolved == 1);
  CHECK(engine.Resolve(id, "alice", *f.rules, t0).status().IsInvalidArgument());
  CHECK(engine.Acknowledge(999, "x", *f.rules, t0).status().IsNotFound());
  CHECK(Announced(*f.store, t0 + kMinute * 10) ==
        std::vector<std::string>{"Alert", "Acknowledged", "Resolved"});
  auto events = f.store->ListIncidentEvents(id);
  REQUIRE(events.ok());
  CHECK(events->at(1).note == "acknowledged by alice");
}

const char* kSpecificAndGeneral = R"(
[[scenario]]
name = "bad-buzz"
description = "Negative spike"
condition = "negative_spike"
severity = "warning"
channels = ["slack"]
inhibited_by = ["hygiene"]
playbook_en = ["Answer within the hour"]

[[scenario]]
name = "hygiene"
description = "Hygiene complaints spike"
condition = "negative_spike"
topics = ["hygiene"]
severity = "critical"
channels = ["slack"]
playbook_en = ["Call the store"]
)";

SpikeSignal TopicSignal(std::int64_t negative, TimePoint bucket) {
  SpikeSignal s = Signal(negative, bucket);
  s.topic = "hygiene";
  s.scenarios = {"hygiene"};
  return s;
}

TEST_CASE("A specific scenario silences the general one in the same batch") {
  Fixture f(kSpecificAndGeneral);
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  // The general signal comes first in the batch; the specific one still wins.
  auto r = engine.OnSignals({Signal(8, t0), TopicSignal(6, t0)}, *f.rules, t0);
  REQUIRE_MESSAGE(r.ok(), r.status().message());
  CHECK(r->opened == 1);
  CHECK(r->notifications == 1);
  auto incidents = f.store->ListIncidents();
  REQUIRE(incidents.ok());
  REQUIRE(incidents->size() == 1);
  CHECK((*incidents)[0].scenario == "hygiene");
  // Later general signals stay silent while the hygiene incident is active.
  r = engine.OnSignals({Signal(20, t0 + kMinute * 5)}, *f.rules,
                       t0 + kMinute * 5);
  REQUIRE(r.ok());
  CHECK(r->opened == 0);
  CHECK(r->notifications == 0);
  CHECK(Announced(*f.store, t0 + kMinute * 6) ==
        std::vector<std::string>{"Alert"});
}

TEST_CASE("A specific incident takes over the general one opened before it") {
  Fixture f(kSpecificAndGeneral);
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  auto r = engine.OnSignals({Signal(6, t0)}, *f.rules, t0);
  REQUIRE(r.ok());
  CHECK(r->opened == 1);
  r = engine.OnSignals({TopicSignal(5, t0 + kMinute * 5)}, *f.rules,
                       t0 + kMinute * 5);
  REQUIRE(r.ok());
  CHECK(r->opened == 1);
  CHECK(r->resolved == 1);
  // One alert for the takeover, none for the quiet resolution.
  CHECK(r->notifications == 1);
  auto general = f.store->FindActiveIncident("Acme", "bad-buzz");
  REQUIRE(general.ok());
  CHECK_FALSE(general->has_value());
  auto specific = f.store->FindActiveIncident("Acme", "hygiene");
  REQUIRE(specific.ok());
  REQUIRE(specific->has_value());
  auto events = f.store->ListIncidentEvents((*specific)->id);
  REQUIRE(events.ok());
  REQUIRE_FALSE(events->empty());
  CHECK(events->front().note.find("takes over from bad-buzz #1") !=
        std::string::npos);
  CHECK(Announced(*f.store, t0 + kMinute * 6).size() == 2);
}

TEST_CASE(
    "A simulated source bursts: the detector and the engine open, update, "
    "escalate and resolve one incident with exactly four notifications") {
  Fixture f;
  Detector detector(*f.store, DetectConfig{});
  IncidentEngine engine(*f.store, {"slack"});
  const TimePoint t0 = FromUnixMillis(kT0);
  int n = 0;
  auto mention = [&n](TimePoint at) {
    Mention m;
    m.source = "social";
    m.external_id = std::to_string(++n);
    m.url = "https://social.example/" + m.external_id;
    m.text = "Terrible service again, complaint #" + m.external_id;
    m.published = m.fetched = at;
    m.brands = {"Acme"};
    m.compound = -0.7;
    m.label = Label::kNegative;
    return m;
  };
  // Two calm days: one complaint every half hour, stored as they come.
  std::vector<Mention> calm;
  for (int k = 0; k < 96; ++k) calm.push_back(mention(t0 + kMinute * 30 * k));
  REQUIRE(f.store->InsertMentions(calm).ok());
  const TimePoint burst = t0 + kMinute * 60 * 48;
  // Feeds `count` complaints spread over the first four minutes of the
  // bucket starting at `at`, one batch each, as the poller would.
  IncidentOutcome total;
  auto feed = [&](TimePoint at, int count) {
    for (int k = 0; k < count; ++k) {
      std::vector<Mention> one{mention(at + Millis(240000) * k / count)};
      REQUIRE(f.store->InsertMentions(one).ok());
      const DetectionStepResult step = RunDetectionStep(
          detector, engine, one, *f.rules, one.front().published);
      REQUIRE_MESSAGE(step.status.ok(), step.status.message());
      total.opened += step.outcome.opened;
      total.escalated += step.outcome.escalated;
      total.notifications += step.outcome.notifications;
    }
  };
  feed(burst, 8);  // opens at the fifth, then new evidence, rate-limited
  CHECK(total.opened == 1);
  CHECK(total.notifications == 1);
  feed(burst + kMinute * 35, 9);  // more after 30 minutes: one update
  CHECK(total.notifications == 2);
  feed(burst + kMinute * 40, 16);  // twice the opening count: escalated
  CHECK(total.escalated == 1);
  CHECK(total.notifications == 3);
  // Quiet for the scenario's 120 minutes: resolved by the lifecycle tick.
  auto early = engine.Tick(*f.rules, burst + kMinute * 100);
  REQUIRE(early.ok());
  CHECK(early->resolved == 0);
  auto tick = engine.Tick(*f.rules, burst + kMinute * 170);
  REQUIRE(tick.ok());
  CHECK(tick->resolved == 1);
  CHECK(Announced(*f.store, burst + kMinute * 200) ==
        std::vector<std::string>{"Alert", "Update", "Escalated", "Resolved"});
  auto incidents = f.store->ListIncidents();
  REQUIRE(incidents.ok());
  REQUIRE(incidents->size() == 1);
  CHECK((*incidents)[0].opening_count == 5);
}

}  // namespace vigie
