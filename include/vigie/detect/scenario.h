// Crisis scenarios: what an incident is about and what the playbook says.
//
// Loaded from rules/scenarios.toml; immutable once loaded and shared
// read-only through the rule set snapshot. Conditions: negative_spike and
// volume_spike (a brand's negative or all mentions, overall or on given
// topics, spike in a bucket), single_mention (a mention tagged with a
// high-severity topic, from a source with enough reach),
// undisclosed_sponsorship and rating_collapse.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/clock.h"
#include "vigie/core/result.h"

namespace vigie {

/// The condition that opens an incident.
enum class ScenarioCondition {
  kNegativeSpike,  ///< the brand's negative mentions spike in one bucket
  kSingleMention,  ///< one mention tagged with one of `topics` (and reach)
  kUndisclosedSponsorship,  ///< a mention tagged undisclosed-sponsorship
  kRatingCollapse,  ///< mean stars over a window fall below the baseline
  kVolumeSpike,     ///< the brand's mentions spike, whatever their sentiment
};

/// One crisis scenario with its playbook.
struct Scenario {
  std::string name;                 ///< unique, e.g. "bad-buzz"
  std::string description;          ///< one sentence for the alert, in English
  std::string description_fr;       ///< the same in French, may be empty
  std::vector<std::string> brands;  ///< brand names; empty = every brand
  ScenarioCondition condition = ScenarioCondition::kNegativeSpike;
  std::string severity = "warning";   ///< info, warning or critical
  std::vector<std::string> channels;  ///< notify channel names
  /// single_mention: the topic tags that open an incident. negative_spike
  /// and volume_spike: watch the series of each of these topics instead of
  /// all the brand's mentions.
  std::vector<std::string> topics;
  /// negative_spike, volume_spike: false alarms tolerated per week on calm
  /// data; unset = the brand's setting, else the daemon's ([detect]).
  std::optional<double> alerts_per_week;
  /// Scenarios whose active incident for the same brand keeps this one from
  /// opening: a specific scenario (a hygiene incident) silences a general
  /// one (a bad buzz) fed by the same mentions.
  std::vector<std::string> inhibited_by;
  /// single_mention: only mentions whose reach is at least this (when set).
  std::optional<std::int64_t> min_reach;
  /// rating_collapse: the recent window whose mean rating is compared.
  Millis rating_window{86400000};
  /// rating_collapse: the baseline period before the window.
  Millis rating_baseline{30LL * 86400000};
  /// rating_collapse: how many stars the mean must fall by.
  double rating_drop = 1.0;
  /// rating_collapse: rated mentions needed in the window and the baseline.
  int min_reviews = 5;
  /// After an incident resolves, none opens again sooner.
  Millis cooldown{3600000};
  /// An incident with no supporting signal for this long resolves itself.
  Millis resolve_after{7200000};
  /// At most one "updated" notification per this interval (and only when
  /// the count rose since the last notification).
  Millis update_interval{3600000};
  /// Escalate (severity critical) when the count reaches this multiple of the
  /// count that opened the incident.
  double escalate_ratio = 2.0;
  /// Escalate also when the negative share of the bucket reaches this, if set.
  std::optional<double> escalate_share;
  std::vector<std::string> playbook_fr;  ///< steps, in French
  std::vector<std::string> playbook_en;  ///< steps, in English

  /// True for the conditions the Detector evaluates (count series).
  bool WatchesSeries() const {
    return condition == ScenarioCondition::kNegativeSpike ||
           condition == ScenarioCondition::kVolumeSpike;
  }
  /// True when the scenario watches `brand`.
  bool Covers(std::string_view brand) const;
  /// The description in `language` ("fr" or anything else → English).
  const std::string& Description(std::string_view language) const;
  /// The playbook in `language` ("fr" or anything else → English).
  const std::vector<std::string>& Playbook(std::string_view language) const;
};

/// The scenarios of one rules file.
struct ScenarioSet {
  std::vector<Scenario> scenarios;
};

/// What the other rule files define, for checking a scenario's references:
/// a topic or brand it names that does not exist is an error (a typo would
/// silently keep the scenario from ever firing). A null set is not checked.
struct ScenarioRefs {
  const std::set<std::string, std::less<>>* topics = nullptr;
  const std::set<std::string, std::less<>>* brands = nullptr;
};

/// Parses scenarios TOML (`[[scenario]]` tables); errors "path:line:col: ...".
Result<ScenarioSet> ParseScenarios(std::string_view path, std::string_view text,
                                   const ScenarioRefs& refs = {});

/// Reads and parses a scenarios file.
Result<ScenarioSet> LoadScenarios(const std::string& path,
                                  const ScenarioRefs& refs = {});

}  // namespace vigie
