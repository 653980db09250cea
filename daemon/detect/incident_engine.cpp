#include "vigie/detect/incident_engine.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <map>
#include <set>

#include "vigie/core/log.h"
#include "vigie/detect/top_terms.h"
#include "vigie/notify/slack_message.h"

namespace vigie {

namespace json = boost::json;

namespace {

constexpr int kSamples = 5;
// Mentions of a spiking bucket read for its evidence (samples, top terms).
constexpr int kEvidenceMentions = 50;
constexpr int kTopTerms = 8;

const Scenario* FindScenario(const RuleSet& rules, std::string_view name) {
  for (const Scenario& sc : rules.scenarios.scenarios) {
    if (sc.name == name) return &sc;
  }
  return nullptr;
}

double Share(const SpikeSignal& s) {
  return s.total > 0
             ? static_cast<double>(s.negative) / static_cast<double>(s.total)
             : 0.0;
}

// The alert for `incident`'s current state, from its stored evidence.
Alert AlertFor(const Incident& incident, const Scenario* scenario,
               const RuleSet& rules) {
  Alert a;
  a.incident_id = incident.id;
  a.state = std::string(IncidentStateName(incident.state));
  a.brand = incident.brand;
  a.scenario = incident.scenario;
  a.severity = incident.severity;
  a.language = rules.BrandLanguage(incident.brand);
  a.note = incident.note;
  if (scenario != nullptr) {
    a.description = scenario->Description(a.language);
    a.playbook = scenario->Playbook(a.language);
  }
  boost::system::error_code ec;
  json::value v = json::parse(incident.evidence_json, ec);
  if (ec || !v.is_object()) return a;
  const json::object& o = v.as_object();
  auto num = [&o](const char* key) -> double {
    const json::value* x = o.if_contains(key);
    if (x == nullptr) return 0.0;
    if (x->is_int64()) return static_cast<double>(x->as_int64());
    if (x->is_double()) return x->as_double();
    return 0.0;
  };
  a.negative = static_cast<std::int64_t>(num("negative"));
  a.total = static_cast<std::int64_t>(num("total"));
  a.expected = num("expected");
  a.bucket_start =
      FromUnixMillis(static_cast<std::int64_t>(num("bucket_start_ms")));
  a.bucket_width =
      Millis(static_cast<std::int64_t>(num("bucket_seconds")) * 1000);
  a.p_value = o.contains("p_value") ? num("p_value") : 1.0;
  auto text = [&o](const char* key) {
    const json::value* x = o.if_contains(key);
    return x && x->is_string() ? std::string(x->as_string()) : std::string();
  };
  a.summary = text("summary");
  a.topic = text("topic");
  a.volume = text("measure") == "volume";
  if (const json::value* terms = o.if_contains("top_terms");
      terms != nullptr && terms->is_array()) {
    for (const json::value& t : terms->as_array()) {
      if (t.is_string()) a.top_terms.emplace_back(t.as_string());
    }
  }
  if (const json::value* samples = o.if_contains("samples");
      samples != nullptr && samples->is_array()) {
    for (const json::value& s : samples->as_array()) {
      if (!s.is_object()) continue;
      const json::object& so = s.as_object();
      AlertSample sample;
      auto str = [&so](const char* key) {
        const json::value* x = so.if_contains(key);
        return x && x->is_string() ? std::string(x->as_string())
                                   : std::string();
      };
      sample.source = str("source");
      sample.text = str("text");
      sample.url = str("url");
      if (const json::value* c = so.if_contains("compound");
          c && c->is_double()) {
        sample.compound = c->as_double();
      }
      a.samples.push_back(std::move(sample));
    }
  }
  return a;
}

bool MatchesSingle(const Scenario& sc, const Mention& m) {
  if (sc.min_reach && (!m.reach || *m.reach < *sc.min_reach)) return false;
  if (sc.condition == ScenarioCondition::kUndisclosedSponsorship) {
    return std::find(m.topics.begin(), m.topics.end(),
                     "undisclosed-sponsorship") != m.topics.end();
  }
  for (const std::string& topic : m.topics) {
    if (std::find(sc.topics.begin(), sc.topics.end(), topic) !=
        sc.topics.end()) {
      return true;
    }
  }
  return false;
}

std::string MentionEvidenceJson(const Scenario& sc,
                                const std::vector<const Mention*>& hits) {
  json::array sample_list;
  for (const Mention* m : hits) {
    if (sample_list.size() >= static_cast<std::size_t>(kSamples)) break;
    json::object o{{"id", m->id},
                   {"source", m->source},
                   {"url", m->url},
                   {"text", TruncateUtf8(m->text, 280)},
                   {"compound", m->compound}};
    if (m->reach) o["reach"] = *m->reach;
    sample_list.push_back(std::move(o));
  }
  std::string topics;
  for (const std::string& t : hits.front()->topics) {
    topics += (topics.empty() ? "" : ", ") + t;
  }
  json::object o{
      {"condition", sc.condition == ScenarioCondition::kSingleMention
                        ? "single_mention"
                        : "undisclosed_sponsorship"},
      {"negative", static_cast<std::int64_t>(hits.size())},
      {"total", static_cast<std::int64_t>(hits.size())},
      {"summary", std::to_string(hits.size()) + " mention(s) tagged " + topics},
      {"samples", std::move(sample_list)}};
  return json::serialize(o);
}

std::string RatingEvidenceJson(const Scenario& sc, const RatingStats& recent,
                               const RatingStats& base) {
  char summary[200];
  std::snprintf(summary, sizeof summary,
                "mean rating %.2f over the last %lld h (%lld reviews) vs %.2f "
                "before (%lld reviews)",
                recent.mean,
                static_cast<long long>(sc.rating_window.count() / 3600000),
                static_cast<long long>(recent.count), base.mean,
                static_cast<long long>(base.count));
  json::object o{{"condition", "rating_collapse"}, {"recent_mean", recent.mean},
                 {"recent_count", recent.count},   {"baseline_mean", base.mean},
                 {"baseline_count", base.count},   {"summary", summary},
                 {"samples", json::array()}};
  return json::serialize(o);
}

}  // namespace

IncidentEngine::IncidentEngine(class Store& store,
                               std::set<std::string> channels)
    : store_(store), channels_(std::move(channels)) {}

std::string EvidenceJson(const SpikeSignal& signal,
                         const std::vector<Mention>& mentions) {
  json::array sample_list;
  for (const Mention& m : mentions) {
    if (sample_list.size() >= static_cast<std::size_t>(kSamples)) break;
    sample_list.push_back({{"id", m.id},
                           {"source", m.source},
                           {"url", m.url},
                           {"text", TruncateUtf8(m.text, 280)},
                           {"compound", m.compound}});
  }
  json::object o{{"condition", signal.measure == SeriesMeasure::kNegative
                                   ? "negative_spike"
                                   : "volume_spike"},
                 {"topic", signal.topic},
                 {"measure", SeriesMeasureName(signal.measure)},
                 {"count", signal.count()},
                 {"bucket_start", FormatTime(signal.bucket_start)},
                 {"bucket_start_ms", ToUnixMillis(signal.bucket_start)},
                 {"bucket_seconds", signal.bucket_width.count() / 1000},
                 {"negative", signal.negative},
                 {"total", signal.total},
                 {"expected", signal.expected},
                 {"p_value", signal.p_value},
                 {"anomaly_score", signal.anomaly_score},
                 {"negative_share", signal.negative_share},
                 {"samples", std::move(sample_list)}};
  json::array terms;
  for (std::string& t : TopTerms(mentions, signal.brand, kTopTerms)) {
    terms.push_back(json::string(std::move(t)));
  }
  o["top_terms"] = std::move(terms);
  return json::serialize(o);
}

Result<std::string> IncidentEngine::ActiveInhibitor(const Scenario& sc,
                                                    const std::string& brand) {
  for (const std::string& other : sc.inhibited_by) {
    auto active = store_.FindActiveIncident(brand, other);
    if (!active.ok()) return active.status().WithContext("incidents");
    if (active->has_value()) return other;
  }
  return std::string();
}

Result<std::string> IncidentEngine::Supersede(const Scenario& sc,
                                              const std::string& brand,
                                              const RuleSet& rules,
                                              TimePoint now,
                                              IncidentOutcome& outcome) {
  std::string taken;
  for (const Scenario& general : rules.scenarios.scenarios) {
    if (std::find(general.inhibited_by.begin(), general.inhibited_by.end(),
                  sc.name) == general.inhibited_by.end()) {
      continue;
    }
    auto active = store_.FindActiveIncident(brand, general.name);
    if (!active.ok()) return active.status().WithContext("incidents");
    if (!active->has_value()) continue;
    Incident inc = **active;
    inc.revision += 1;
    inc.state = IncidentState::kResolved;
    inc.note = "resolved: superseded by " + sc.name;
    // The new incident's alert says so: no notification of its own.
    if (Status s = Commit(inc, &general, rules, false, now, outcome); !s.ok()) {
      return s;
    }
    ++outcome.resolved;
    taken += (taken.empty() ? " (takes over from " : ", ") + general.name +
             " #" + std::to_string(inc.id);
  }
  return taken.empty() ? taken : taken + ")";
}

Result<std::vector<Mention>> IncidentEngine::SeriesMentions(
    const SpikeSignal& signal) {
  // A topic's mentions are picked among a wider sample of the brand's.
  const int wanted =
      signal.topic.empty() ? kEvidenceMentions : 4 * kEvidenceMentions;
  std::vector<Label> labels{Label::kNegative};
  if (signal.measure == SeriesMeasure::kVolume) {
    labels.push_back(Label::kNeutral);
    labels.push_back(Label::kPositive);
  }
  std::vector<Mention> out;
  for (Label label : labels) {
    auto some = store_.SampleMentions(signal.brand, signal.bucket_start,
                                      signal.bucket_start + signal.bucket_width,
                                      label, wanted);
    if (!some.ok()) return some.status();
    for (Mention& m : *some) {
      if (out.size() >= static_cast<std::size_t>(kEvidenceMentions)) {
        return out;
      }
      if (!signal.topic.empty() && std::find(m.topics.begin(), m.topics.end(),
                                             signal.topic) == m.topics.end()) {
        continue;
      }
      out.push_back(std::move(m));
    }
  }
  return out;
}

Status IncidentEngine::Commit(Incident incident, const Scenario* scenario,
                              const RuleSet& rules, bool notify, TimePoint now,
                              IncidentOutcome& outcome) {
  IncidentChange change;
  change.incident = std::move(incident);
  Incident& inc = change.incident;
  inc.updated_at = now;
  if (notify) {
    inc.notified_at = now;
    inc.notified_count = inc.peak_count;
    const std::string payload =
        FormatSlackMessage(AlertFor(inc, scenario, rules));
    const std::vector<std::string> no_channels;
    for (const std::string& channel :
         scenario ? scenario->channels : no_channels) {
      if (!channels_.contains(channel)) {
        // A replay (backtest) has no channel at all and must stay quiet.
        if (channels_.empty()) continue;
        log::Warn("incidents")
            << "scenario " << inc.scenario << ": no configured channel '"
            << channel << "', skipped";
        continue;
      }
      OutboxMessage msg;
      msg.channel = channel;
      // Stable across retries and restarts: one key per incident revision.
      msg.idempotency_key = inc.brand + "/" + inc.scenario + "/" +
                            std::to_string(ToUnixMillis(inc.opened_at)) + "/r" +
                            std::to_string(inc.revision) + "/" + channel;
      msg.payload = payload;
      msg.created_at = now;
      msg.next_attempt_at = now;
      change.notifications.push_back(std::move(msg));
    }
  }
  auto id = store_.ApplyIncidentChange(change);
  if (!id.ok()) return id.status().WithContext("incidents");
  outcome.notifications += static_cast<int>(change.notifications.size());
  log::Info("incidents") << "incident " << *id << " " << inc.brand << " × "
                         << inc.scenario << ": " << IncidentStateName(inc.state)
                         << " (revision " << inc.revision
                         << (inc.note.empty() ? "" : ", ") << inc.note << ")"
                         << (change.notifications.empty() ? "" : ", notified");
  return Status::Ok();
}

Status IncidentEngine::Observe(const Scenario& sc, const std::string& brand,
                               const Observation& obs, const RuleSet& rules,
                               TimePoint now, IncidentOutcome& outcome) {
  auto active = store_.FindActiveIncident(brand, sc.name);
  if (!active.ok()) return active.status().WithContext("incidents");
  if (!active->has_value()) {
    auto resolved = store_.LastResolvedAt(brand, sc.name);
    if (!resolved.ok()) return resolved.status().WithContext("incidents");
    if (resolved->has_value() && now - **resolved < sc.cooldown) {
      log::Debug("incidents")
          << brand << " × " << sc.name << ": in cooldown, no new incident";
      return Status::Ok();
    }
    Incident inc;
    inc.brand = brand;
    inc.scenario = sc.name;
    inc.severity = sc.severity;
    inc.state = IncidentState::kOpen;
    inc.opened_at = now;
    inc.revision = 1;
    inc.signal_at = now;
    inc.opening_count = obs.count;
    inc.peak_count = obs.count;
    auto superseded = Supersede(sc, brand, rules, now, outcome);
    if (!superseded.ok()) return superseded.status();
    inc.note = "opened" + *superseded;
    inc.evidence_json = obs.evidence_json;
    if (Status s = Commit(std::move(inc), &sc, rules, true, now, outcome);
        !s.ok()) {
      return s;
    }
    ++outcome.opened;
    return Status::Ok();
  }

  Incident inc = **active;
  inc.revision += 1;
  inc.signal_at = now;
  const bool stronger = obs.count > inc.peak_count;
  inc.peak_count = std::max(inc.peak_count, obs.count);
  if (stronger) inc.evidence_json = obs.evidence_json;
  const bool escalate =
      inc.state != IncidentState::kEscalated &&
      (static_cast<double>(inc.peak_count) >=
           sc.escalate_ratio * static_cast<double>(std::max<std::int64_t>(
                                   inc.opening_count, 1)) ||
       (sc.escalate_share && obs.share >= *sc.escalate_share));
  bool notify = false;
  if (escalate) {
    inc.state = IncidentState::kEscalated;
    inc.severity = "critical";
    inc.note = "escalated: " + std::to_string(inc.peak_count) + " " + obs.unit +
               " (opened at " + std::to_string(inc.opening_count) + ")";
    notify = true;
    ++outcome.escalated;
  } else {
    if (inc.state == IncidentState::kOpen) inc.state = IncidentState::kUpdated;
    inc.note = "new evidence: " + std::to_string(obs.count) + " " + obs.unit;
    notify = inc.peak_count > inc.notified_count &&
             now - inc.notified_at >= sc.update_interval;
    ++outcome.updated;
  }
  return Commit(std::move(inc), &sc, rules, notify, now, outcome);
}

Result<IncidentOutcome> IncidentEngine::OnSignals(
    const std::vector<SpikeSignal>& signals, const RuleSet& rules,
    TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  IncidentOutcome outcome;
  // Scenarios that others may inhibit go last, so that a specific incident
  // opened by the same batch silences them.
  for (const bool inhibitable : {false, true}) {
    for (const SpikeSignal& signal : signals) {
      for (const std::string& name : signal.scenarios) {
        const Scenario* sc = FindScenario(rules, name);
        if (sc == nullptr || !sc->WatchesSeries()) continue;
        if (!sc->Covers(signal.brand)) continue;
        if (sc->inhibited_by.empty() == inhibitable) continue;
        auto inhibitor = ActiveInhibitor(*sc, signal.brand);
        if (!inhibitor.ok()) return inhibitor.status();
        if (!inhibitor->empty()) {
          log::Debug("incidents") << signal.brand << " × " << sc->name
                                  << ": inhibited by " << *inhibitor;
          continue;
        }
        auto mentions = SeriesMentions(signal);
        if (!mentions.ok()) return mentions.status().WithContext("incidents");
        Observation obs;
        obs.count = signal.count();
        obs.share = Share(signal);
        obs.unit = std::string(signal.measure == SeriesMeasure::kNegative
                                   ? "negative mentions"
                                   : "mentions") +
                   (signal.topic.empty() ? "" : " on " + signal.topic) +
                   " in a bucket";
        obs.evidence_json = EvidenceJson(signal, *mentions);
        if (Status s = Observe(*sc, signal.brand, obs, rules, now, outcome);
            !s.ok()) {
          return s;
        }
      }
    }
  }
  return outcome;
}

Result<IncidentOutcome> IncidentEngine::OnMentions(
    const std::vector<Mention>& mentions, const RuleSet& rules, TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  IncidentOutcome outcome;
  for (const Scenario& sc : rules.scenarios.scenarios) {
    const bool single =
        sc.condition == ScenarioCondition::kSingleMention ||
        sc.condition == ScenarioCondition::kUndisclosedSponsorship;
    if (single) {
      std::map<std::string, std::vector<const Mention*>> hits;
      for (const Mention& m : mentions) {
        if (!MatchesSingle(sc, m)) continue;
        for (const std::string& brand : m.brands) {
          if (sc.Covers(brand)) hits[brand].push_back(&m);
        }
      }
      for (const auto& [brand, list] : hits) {
        Observation obs;
        obs.count = static_cast<std::int64_t>(list.size());
        obs.unit = "matching mentions";
        obs.evidence_json = MentionEvidenceJson(sc, list);
        if (Status s = Observe(sc, brand, obs, rules, now, outcome); !s.ok()) {
          return s;
        }
      }
      continue;
    }
    if (sc.condition != ScenarioCondition::kRatingCollapse) continue;
    std::set<std::string> rated_brands;
    for (const Mention& m : mentions) {
      if (!m.rating) continue;
      for (const std::string& brand : m.brands) {
        if (sc.Covers(brand)) rated_brands.insert(brand);
      }
    }
    for (const std::string& brand : rated_brands) {
      const TimePoint window_start = now - sc.rating_window;
      auto recent = store_.Ratings(brand, window_start, now + Millis(1));
      auto base = store_.Ratings(brand, window_start - sc.rating_baseline,
                                 window_start);
      if (!recent.ok()) return recent.status().WithContext("incidents");
      if (!base.ok()) return base.status().WithContext("incidents");
      if (recent->count < sc.min_reviews || base->count < sc.min_reviews)
        continue;
      if (base->mean - recent->mean < sc.rating_drop) continue;
      Observation obs;
      obs.count = recent->count;
      obs.unit = "reviews in the window";
      obs.evidence_json = RatingEvidenceJson(sc, *recent, *base);
      if (Status s = Observe(sc, brand, obs, rules, now, outcome); !s.ok()) {
        return s;
      }
    }
  }
  return outcome;
}

Result<IncidentOutcome> IncidentEngine::Tick(const RuleSet& rules,
                                             TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  IncidentOutcome outcome;
  auto active = store_.ListActiveIncidents();
  if (!active.ok()) return active.status().WithContext("incidents");
  for (Incident& inc : *active) {
    const Scenario* sc = FindScenario(rules, inc.scenario);
    if (sc != nullptr && now - inc.signal_at < sc->resolve_after) continue;
    inc.revision += 1;
    inc.state = IncidentState::kResolved;
    inc.note = sc ? "resolved: calm for " +
                        std::to_string(sc->resolve_after.count() / 60000) +
                        " minutes"
                  : "resolved: its scenario no longer exists";
    if (Status s =
            Commit(std::move(inc), sc, rules, sc != nullptr, now, outcome);
        !s.ok()) {
      return s;
    }
    ++outcome.resolved;
  }
  return outcome;
}

Result<IncidentOutcome> IncidentEngine::Acknowledge(std::int64_t id,
                                                    const std::string& who,
                                                    const RuleSet& rules,
                                                    TimePoint now) {
  return ChangeByHand(id, IncidentState::kAcknowledged, who, rules, now);
}

Result<IncidentOutcome> IncidentEngine::Resolve(std::int64_t id,
                                                const std::string& who,
                                                const RuleSet& rules,
                                                TimePoint now) {
  return ChangeByHand(id, IncidentState::kResolved, who, rules, now);
}

Result<IncidentOutcome> IncidentEngine::ChangeByHand(std::int64_t id,
                                                     IncidentState to,
                                                     const std::string& who,
                                                     const RuleSet& rules,
                                                     TimePoint now) {
  std::lock_guard<std::mutex> lock(mu_);
  IncidentOutcome outcome;
  auto found = store_.GetIncident(id);
  if (!found.ok()) return found.status().WithContext("incidents");
  if (!found->has_value()) {
    return Status::NotFound("incidents", "no incident " + std::to_string(id));
  }
  Incident inc = **found;
  // Resolved is final; acknowledging twice says nothing new.
  if (inc.state == IncidentState::kResolved || inc.state == to) {
    return Status::InvalidArgument(
        "incidents", "incident " + std::to_string(id) + " is already " +
                         std::string(IncidentStateName(inc.state)));
  }
  const Scenario* scenario = FindScenario(rules, inc.scenario);
  inc.revision += 1;
  inc.state = to;
  inc.note = std::string(IncidentStateName(to)) + " by " + who;
  if (Status s = Commit(std::move(inc), scenario, rules, true, now, outcome);
      !s.ok()) {
    return s;
  }
  if (to == IncidentState::kResolved) ++outcome.resolved;
  return outcome;
}

}  // namespace vigie
