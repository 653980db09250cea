// IncidentEngine: turns spike signals into incidents and outbox rows.
//
// One active incident per brand × scenario: the first signal opens it and
// writes one notification per channel, in the same transaction; later
// signals only update its evidence. Nothing is sent from here: the notify
// stage's dispatcher delivers the outbox rows.
// Thread-safety: none; the store writer thread owns it.
// Lifetime: `store` must outlive the engine.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "vigie/config/rule_set.h"
#include "vigie/detect/spike_rule.h"
#include "vigie/store/store.h"

namespace vigie {

/// What one call to OnSignals changed.
struct IncidentOutcome {
  int opened = 0;         ///< incidents opened (each with its notifications)
  int updated = 0;        ///< incidents given new evidence
  int notifications = 0;  ///< outbox rows written
};

/// Applies scenarios to spike signals.
class IncidentEngine {
 public:
  /// `channels` are the configured notify channel names; a scenario channel
  /// outside it is skipped (and `vigie check` reports it).
  IncidentEngine(Store& store, std::set<std::string> channels);

  /// Opens or updates incidents for `signals` under `rules`, at `now`.
  Result<IncidentOutcome> OnSignals(const std::vector<SpikeSignal>& signals,
                                    const RuleSet& rules, TimePoint now);

 private:
  Store& store_;
  std::set<std::string> channels_;
};

/// Builds the evidence JSON stored with an incident.
std::string EvidenceJson(const SpikeSignal& signal,
                         const std::vector<Mention>& samples);

}  // namespace vigie
