// IncidentEngine: the incident lifecycle — signals in, state changes and
// outbox rows out.
//
// One active incident per brand × scenario. A signal opens one (unless the
// scenario's cooldown since the last resolved incident is still running) or
// adds evidence to the active one; a scenario named in another's
// inhibited_by keeps that one silent for the brand, and quietly resolves its
// active incident when it opens (its alert says it takes over); the count
// reaching escalate_ratio × the
// opening count (or the negative share reaching escalate_share) escalates it
// to critical; Tick() resolves incidents that had no signal for the
// scenario's resolve_after; a person acknowledges or resolves by hand. Each
// state change is stored with its time, note and evidence, and writes exactly
// one notification per channel in the same transaction; "updated"
// notifications are rate-limited (update_interval, and only when the count
// rose). Nothing is sent from here: the dispatcher delivers the outbox.
// Thread-safety: every method may be called from any thread; calls are
// serialised by an internal mutex.
// Lifetime: `store` must outlive the engine.
#pragma once

#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "vigie/config/rule_set.h"
#include "vigie/detect/spike_rule.h"
#include "vigie/store/store.h"

namespace vigie {

/// What one call changed.
struct IncidentOutcome {
  int opened = 0;         ///< incidents opened
  int updated = 0;        ///< incidents given new evidence
  int escalated = 0;      ///< incidents escalated
  int resolved = 0;       ///< incidents resolved
  int notifications = 0;  ///< outbox rows written
};

/// Applies scenarios to signals and runs the incident lifecycle.
class IncidentEngine {
 public:
  /// `channels` are the configured notify channel names; a scenario channel
  /// outside it is skipped (and `vigie check` reports it).
  IncidentEngine(Store& store, std::set<std::string> channels);

  /// Opens, updates or escalates, for each of `signals`, the incidents of
  /// the scenarios it names (SpikeSignal::scenarios) under `rules`; a
  /// scenario whose inhibited_by has an active incident for the brand stays
  /// silent.
  Result<IncidentOutcome> OnSignals(const std::vector<SpikeSignal>& signals,
                                    const RuleSet& rules, TimePoint now);

  /// Applies the scenarios that look at single mentions (single_mention,
  /// undisclosed_sponsorship) and at ratings (rating_collapse) to just
  /// committed `mentions`.
  Result<IncidentOutcome> OnMentions(const std::vector<Mention>& mentions,
                                     const RuleSet& rules, TimePoint now);

  /// Resolves active incidents whose scenario's resolve_after has passed
  /// since their last signal (or whose scenario no longer exists).
  Result<IncidentOutcome> Tick(const RuleSet& rules, TimePoint now);

  /// Marks incident `id` acknowledged by `who`. NotFound for an unknown id,
  /// InvalidArgument when it is resolved or already acknowledged.
  Result<IncidentOutcome> Acknowledge(std::int64_t id, const std::string& who,
                                      const RuleSet& rules, TimePoint now);

  /// Resolves incident `id` by hand. NotFound for an unknown id,
  /// InvalidArgument when it is already resolved.
  Result<IncidentOutcome> Resolve(std::int64_t id, const std::string& who,
                                  const RuleSet& rules, TimePoint now);

 private:
  // What one scenario condition saw for one brand.
  struct Observation {
    std::int64_t count = 0;  // compared with the opening count
    double share = 0.0;      // negative share, for escalate_share
    std::string unit;        // what `count` counts, for notes
    std::string evidence_json;
  };
  // Opens, updates or escalates the brand × scenario incident.
  // REQUIRES: mu_ held.
  Status Observe(const Scenario& sc, const std::string& brand,
                 const Observation& obs, const RuleSet& rules, TimePoint now,
                 IncidentOutcome& outcome);
  // The first of sc.inhibited_by with an active incident for `brand`, or "".
  // REQUIRES: mu_ held.
  Result<std::string> ActiveInhibitor(const Scenario& sc,
                                      const std::string& brand);
  // Quietly resolves the brand's active incidents of the scenarios that
  // `sc` inhibits, as `sc` opens one; returns " (takes over from NAME #ID)"
  // for its note, or "". REQUIRES: mu_ held.
  Result<std::string> Supersede(const Scenario& sc, const std::string& brand,
                                const RuleSet& rules, TimePoint now,
                                IncidentOutcome& outcome);
  // Mentions of `signal`'s bucket and series (at most kEvidenceMentions),
  // most negative first. REQUIRES: mu_ held.
  Result<std::vector<Mention>> SeriesMentions(const SpikeSignal& signal);
  // Acknowledge() and Resolve(): a person moves incident `id` to `to`.
  Result<IncidentOutcome> ChangeByHand(std::int64_t id, IncidentState to,
                                       const std::string& who,
                                       const RuleSet& rules, TimePoint now);
  // REQUIRES: mu_ held.
  Status Commit(Incident incident, const Scenario* scenario,
                const RuleSet& rules, bool notify, TimePoint now,
                IncidentOutcome& outcome);

  Store& store_;
  const std::set<std::string> channels_;
  std::mutex mu_;
};

/// Builds the evidence JSON stored with an incident: the signal's counts,
/// expectation and p-value, the first five of `mentions` (the bucket's, most
/// telling first) as samples and their top terms.
std::string EvidenceJson(const SpikeSignal& signal,
                         const std::vector<Mention>& mentions);

}  // namespace vigie
