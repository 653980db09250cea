#include "vigie/detect/incident_engine.h"

#include <boost/json.hpp>

#include "vigie/core/log.h"
#include "vigie/notify/slack_message.h"

namespace vigie {

namespace json = boost::json;

namespace {
constexpr int kSamples = 5;
}

IncidentEngine::IncidentEngine(Store& store, std::set<std::string> channels)
    : store_(store), channels_(std::move(channels)) {}

std::string EvidenceJson(const SpikeSignal& signal,
                         const std::vector<Mention>& samples) {
  json::array sample_list;
  for (const Mention& m : samples) {
    sample_list.push_back({{"id", m.id},
                           {"source", m.source},
                           {"url", m.url},
                           {"text", TruncateUtf8(m.text, 280)},
                           {"compound", m.compound}});
  }
  json::object o{{"condition", "negative_spike"},
                 {"bucket_start", FormatTime(signal.bucket_start)},
                 {"bucket_seconds", signal.bucket_width.count() / 1000},
                 {"negative", signal.negative},
                 {"total", signal.total},
                 {"expected", signal.expected},
                 {"samples", std::move(sample_list)}};
  return json::serialize(o);
}

Result<IncidentOutcome> IncidentEngine::OnSignals(
    const std::vector<SpikeSignal>& signals, const RuleSet& rules,
    TimePoint now) {
  IncidentOutcome outcome;
  for (const SpikeSignal& signal : signals) {
    for (const Scenario& sc : rules.scenarios.scenarios) {
      if (sc.condition != ScenarioCondition::kNegativeSpike) continue;
      if (!sc.Covers(signal.brand)) continue;
      auto active = store_.FindActiveIncident(signal.brand, sc.name);
      if (!active.ok()) return active.status().WithContext("incidents");
      auto samples =
          store_.SampleMentions(signal.brand, signal.bucket_start,
                                signal.bucket_start + signal.bucket_width,
                                Label::kNegative, kSamples);
      if (!samples.ok()) return samples.status().WithContext("incidents");

      IncidentChange change;
      if (active->has_value()) {
        change.incident = **active;
        change.incident.updated_at = now;
        change.incident.revision += 1;
        if (change.incident.state == IncidentState::kOpen) {
          change.incident.state = IncidentState::kUpdated;
        }
        change.incident.evidence_json = EvidenceJson(signal, *samples);
        auto id = store_.ApplyIncidentChange(change);
        if (!id.ok()) return id.status().WithContext("incidents: update");
        ++outcome.updated;
        continue;
      }

      change.incident.brand = signal.brand;
      change.incident.scenario = sc.name;
      change.incident.severity = sc.severity;
      change.incident.state = IncidentState::kOpen;
      change.incident.opened_at = now;
      change.incident.updated_at = now;
      change.incident.revision = 1;
      change.incident.evidence_json = EvidenceJson(signal, *samples);

      Alert alert;
      alert.state = "open";
      alert.brand = signal.brand;
      alert.scenario = sc.name;
      alert.description = sc.Description(rules.BrandLanguage(signal.brand));
      alert.severity = sc.severity;
      alert.language = rules.BrandLanguage(signal.brand);
      alert.bucket_start = signal.bucket_start;
      alert.bucket_width = signal.bucket_width;
      alert.negative = signal.negative;
      alert.total = signal.total;
      alert.expected = signal.expected;
      alert.playbook = sc.Playbook(alert.language);
      for (const Mention& m : *samples) {
        alert.samples.push_back({m.source, m.text, m.url, m.compound});
      }
      const std::string payload = FormatSlackMessage(alert);
      for (const std::string& channel : sc.channels) {
        if (!channels_.contains(channel)) {
          log::Warn("incidents")
              << "scenario " << sc.name << ": no configured channel '"
              << channel << "', skipped";
          continue;
        }
        OutboxMessage msg;
        msg.channel = channel;
        msg.idempotency_key = signal.brand + "/" + sc.name + "/" +
                              std::to_string(ToUnixMillis(now)) + "/r1/" +
                              channel;
        msg.payload = payload;
        msg.created_at = now;
        msg.next_attempt_at = now;
        change.notifications.push_back(std::move(msg));
      }
      auto id = store_.ApplyIncidentChange(change);
      if (!id.ok()) return id.status().WithContext("incidents: open");
      ++outcome.opened;
      outcome.notifications += static_cast<int>(change.notifications.size());
      log::Info("incidents")
          << "opened incident " << *id << " for " << signal.brand << " × "
          << sc.name << ": " << signal.negative << " negative mentions vs "
          << signal.expected << " expected";
    }
  }
  return outcome;
}

}  // namespace vigie
