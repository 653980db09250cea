#include "vigie/detect/scenario.h"

#include <algorithm>
#include <cstdint>
#include <set>

#include "vigie/config/config.h"
#include "vigie/core/toml_fields.h"

namespace vigie {

bool Scenario::Covers(std::string_view brand) const {
  return brands.empty() ||
         std::find(brands.begin(), brands.end(), brand) != brands.end();
}

const std::string& Scenario::Description(std::string_view language) const {
  if (language == "fr" && !description_fr.empty()) return description_fr;
  return description;
}

const std::vector<std::string>& Scenario::Playbook(
    std::string_view language) const {
  if (language == "fr" && !playbook_fr.empty()) return playbook_fr;
  return playbook_en.empty() ? playbook_fr : playbook_en;
}

Result<ScenarioSet> ParseScenarios(std::string_view path, std::string_view text,
                                   const ScenarioRefs& refs) {
  auto parsed = ParseToml(path, text);
  if (!parsed.ok()) return parsed.status();
  TomlFields top(path, text, *parsed, "scenarios file");
  ScenarioSet set;
  std::set<std::string, std::less<>> names;
  for (const toml::table* t : top.Tables("scenario")) {
    TomlFields f(path, text, *t, "[[scenario]]");
    Scenario sc;
    if (auto v = f.String("name", true)) {
      if (v->empty() || !names.insert(*v).second) {
        f.Fail(f.PosOfKey("name"),
               "scenario name must be non-empty and unique: '" + *v + "'");
      }
      sc.name = *v;
    }
    sc.description = f.String("description", true).value_or("");
    sc.description_fr = f.String("description_fr", false).value_or("");
    if (auto v = f.Strings("brands", false, false)) {
      sc.brands = *v;
      for (const std::string& b : sc.brands) {
        if (refs.brands && !refs.brands->contains(b)) {
          f.Fail(f.PosOfKey("brands"),
                 "brands: '" + b + "' is not a brand of brands.toml");
        }
      }
    }
    if (auto v = f.String("condition", true)) {
      if (*v == "negative_spike") {
        sc.condition = ScenarioCondition::kNegativeSpike;
      } else if (*v == "single_mention") {
        sc.condition = ScenarioCondition::kSingleMention;
      } else if (*v == "undisclosed_sponsorship") {
        sc.condition = ScenarioCondition::kUndisclosedSponsorship;
      } else if (*v == "rating_collapse") {
        sc.condition = ScenarioCondition::kRatingCollapse;
      } else if (*v == "volume_spike") {
        sc.condition = ScenarioCondition::kVolumeSpike;
      } else {
        f.Fail(f.PosOfKey("condition"),
               "unknown condition '" + *v +
                   "' (supported: negative_spike, volume_spike, "
                   "single_mention, undisclosed_sponsorship, "
                   "rating_collapse)");
      }
    }
    if (auto v = f.String("severity", true)) {
      if (*v != "info" && *v != "warning" && *v != "critical") {
        f.Fail(f.PosOfKey("severity"),
               "severity must be info, warning or critical");
      }
      sc.severity = *v;
    }
    if (auto v = f.Strings("channels", true, true)) sc.channels = *v;
    if (auto v = f.Strings("topics", false, true)) {
      sc.topics = *v;
      for (const std::string& t : sc.topics) {
        if (refs.topics && !refs.topics->contains(t)) {
          f.Fail(f.PosOfKey("topics"),
                 "topics: '" + t + "' is not a topic of topics.toml");
        }
      }
    }
    if (auto v = f.Int("min_reach", false, 0, INT64_MAX)) sc.min_reach = *v;
    if (auto v = f.Int("rating_window_hours", false, 1, 8760)) {
      sc.rating_window = Millis(*v * 3600000);
    }
    if (auto v = f.Int("rating_baseline_days", false, 1, 3650)) {
      sc.rating_baseline = Millis(*v * 86400000);
    }
    if (auto v = f.Number("rating_drop", false, 0.1, 10.0)) sc.rating_drop = *v;
    if (auto v = f.Int("min_reviews", false, 1, 1000000)) {
      sc.min_reviews = static_cast<int>(*v);
    }
    if (f.ok() && sc.condition == ScenarioCondition::kSingleMention &&
        sc.topics.empty()) {
      f.Fail(f.PosOf(*t),
             "[[scenario]]: condition single_mention needs topics");
    }
    if (auto v = f.Number("alerts_per_week", false, 1e-3, 10000.0)) {
      sc.alerts_per_week = *v;
      if (f.ok() && !sc.WatchesSeries()) {
        f.Fail(f.PosOfKey("alerts_per_week"),
               "alerts_per_week applies to negative_spike and volume_spike");
      }
    }
    if (auto v = f.Strings("inhibited_by", false, false)) sc.inhibited_by = *v;
    if (auto v = f.Int("cooldown_minutes", false, 0, 525600)) {
      sc.cooldown = Millis(*v * 60000);
    }
    if (auto v = f.Int("resolve_after_minutes", false, 1, 525600)) {
      sc.resolve_after = Millis(*v * 60000);
    }
    if (auto v = f.Int("update_interval_minutes", false, 1, 525600)) {
      sc.update_interval = Millis(*v * 60000);
    }
    if (auto v = f.Number("escalate_ratio", false, 1.0, 1000.0)) {
      sc.escalate_ratio = *v;
    }
    if (auto v = f.Number("escalate_share", false, 0.0, 1.0)) {
      sc.escalate_share = *v;
    }
    if (auto v = f.Strings("playbook_fr", false, true)) sc.playbook_fr = *v;
    if (auto v = f.Strings("playbook_en", false, true)) sc.playbook_en = *v;
    if (f.ok() && sc.playbook_fr.empty() && sc.playbook_en.empty()) {
      f.Fail(f.PosOf(*t),
             "[[scenario]]: a playbook is required "
             "(playbook_fr and/or playbook_en)");
    }
    if (Status s = f.Finish(); !s.ok()) return s;
    set.scenarios.push_back(std::move(sc));
  }
  if (Status s = top.Finish(); !s.ok()) return s;
  // inhibited_by must name scenarios of the same file, other than itself.
  for (const toml::table* t : top.Tables("scenario")) {
    TomlFields f(path, text, *t, "[[scenario]]");
    const auto own = f.String("name", true);
    const auto list = f.Strings("inhibited_by", false, false);
    if (!own || !list) continue;
    for (const std::string& other : *list) {
      if (other == *own || !names.contains(other)) {
        f.Fail(f.PosOfKey("inhibited_by"),
               "inhibited_by: '" + other +
                   "' is not another scenario of this file");
        return f.Finish();
      }
    }
  }
  return set;
}

Result<ScenarioSet> LoadScenarios(const std::string& path,
                                  const ScenarioRefs& refs) {
  auto text = ReadFile(path);
  if (!text.ok()) return text.status();
  return ParseScenarios(path, *text, refs);
}

}  // namespace vigie
