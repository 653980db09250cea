// DetectionStep: what the detect stage does with one committed batch — the
// Detector's spikes, then the single-mention and rating scenarios — shared
// by the daemon, the backtest and the benchmark.
//
// Thread-safety: as the Detector (one caller at a time).
#pragma once

#include <vector>

#include "vigie/config/rule_set.h"
#include "vigie/core/mention.h"
#include "vigie/detect/detector.h"
#include "vigie/detect/incident_engine.h"

namespace vigie {

/// The outcome of one step and the first error met, if any.
struct DetectionStepResult {
  IncidentOutcome outcome;  ///< summed over the parts that ran
  Status status;            ///< the first error (the other parts still ran)
};

/// Runs `detector` over `committed` (mentions just stored) and hands its
/// spikes and the mentions to `engine`, under `rules`, at `now`.
DetectionStepResult RunDetectionStep(Detector& detector, IncidentEngine& engine,
                                     const std::vector<Mention>& committed,
                                     const RuleSet& rules, TimePoint now);

}  // namespace vigie
