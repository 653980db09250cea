#include "vigie/detect/detection_step.h"

namespace vigie {

namespace {

void Add(IncidentOutcome& into, const IncidentOutcome& o) {
  into.opened += o.opened;
  into.updated += o.updated;
  into.escalated += o.escalated;
  into.resolved += o.resolved;
  into.notifications += o.notifications;
}

}  // namespace

DetectionStepResult RunDetectionStep(Detector& detector, IncidentEngine& engine,
                                     const std::vector<Mention>& committed,
                                     const RuleSet& rules, TimePoint now) {
  DetectionStepResult r;
  auto signals = detector.Evaluate(committed, rules, now);
  if (!signals.ok()) {
    r.status = signals.status();
  } else if (!signals->empty()) {
    auto outcome = engine.OnSignals(*signals, rules, now);
    if (outcome.ok()) {
      Add(r.outcome, *outcome);
    } else {
      r.status = outcome.status();
    }
  }
  auto single = engine.OnMentions(committed, rules, now);
  if (single.ok()) {
    Add(r.outcome, *single);
  } else if (r.status.ok()) {
    r.status = single.status();
  }
  return r;
}

}  // namespace vigie
