#include "vigie/detect/scenario.h"

#include <doctest/doctest.h>

#include <set>

namespace vigie {

TEST_CASE("ParseScenarios reads playbooks in both languages") {
  auto set = ParseScenarios("s.toml", R"(
[[scenario]]
name = "bad-buzz"
description = "Negative spike"
condition = "negative_spike"
severity = "critical"
brands = ["Acme"]
channels = ["slack"]
playbook_fr = ["Répondre dans l'heure"]
playbook_en = ["Answer within the hour"]
)");
  REQUIRE_MESSAGE(set.ok(), set.status().message());
  REQUIRE(set->scenarios.size() == 1);
  const Scenario& sc = set->scenarios[0];
  CHECK(sc.Covers("Acme"));
  CHECK_FALSE(sc.Covers("Other"));
  CHECK(sc.Playbook("fr")[0] == "Répondre dans l'heure");
  CHECK(sc.Playbook("en")[0] == "Answer within the hour");
  CHECK(sc.Playbook("de")[0] == "Answer within the hour");
}

TEST_CASE("ParseScenarios rejects bad files with positions") {
  const std::string head =
      "[[scenario]]\nname = \"x\"\ndescription = \"d\"\nchannels = "
      "[\"slack\"]\n"
      "playbook_en = [\"a\"]\n";
  // The head with a condition and a severity is valid: each subcase breaks
  // one thing.
  REQUIRE(ParseScenarios("s.toml", head + "condition = \"negative_spike\"\n"
                                          "severity = \"info\"\n")
              .ok());
  SUBCASE("unknown condition") {
    auto set = ParseScenarios("s.toml", head +
                                            "condition = \"moon_phase\"\n"
                                            "severity = \"info\"\n");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message().rfind("s.toml:6:13: unknown condition", 0) ==
          0);
  }
  SUBCASE("bad severity") {
    auto set = ParseScenarios("s.toml", head +
                                            "condition = \"negative_spike\"\n"
                                            "severity = \"panic\"\n");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message().rfind("s.toml:7:12: severity must be", 0) ==
          0);
  }
  SUBCASE("no playbook") {
    auto set = ParseScenarios(
        "s.toml",
        "[[scenario]]\nname = \"x\"\ndescription = \"d\"\nchannels = [\"s\"]\n"
        "condition = \"negative_spike\"\nseverity = \"info\"\n");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message().find("a playbook is required") !=
          std::string::npos);
  }
  SUBCASE("sensitivity on a condition without a series") {
    auto set = ParseScenarios("s.toml", head +
                                            "condition = \"single_mention\"\n"
                                            "topics = [\"fraud\"]\n"
                                            "alerts_per_week = 2\n"
                                            "severity = \"info\"\n");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message().rfind(
              "s.toml:8:19: alerts_per_week applies to negative_spike", 0) ==
          0);
  }
  SUBCASE("inhibited by an unknown scenario") {
    auto set = ParseScenarios("s.toml", head +
                                            "condition = \"volume_spike\"\n"
                                            "inhibited_by = [\"nope\"]\n"
                                            "severity = \"info\"\n");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message().rfind(
              "s.toml:7:16: inhibited_by: 'nope' is not another scenario", 0) ==
          0);
  }
  SUBCASE("inhibited by itself") {
    auto set = ParseScenarios("s.toml", head +
                                            "condition = \"volume_spike\"\n"
                                            "inhibited_by = [\"x\"]\n"
                                            "severity = \"info\"\n");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message().find("'x' is not another scenario") !=
          std::string::npos);
  }
  SUBCASE("empty channels") {
    auto set = ParseScenarios(
        "s.toml",
        "[[scenario]]\nname = \"x\"\ndescription = \"d\"\nchannels = []\n"
        "condition = \"negative_spike\"\nseverity = "
        "\"info\"\nplaybook_en=[\"a\"]\n");
    REQUIRE_FALSE(set.ok());
    CHECK(set.status().message().rfind(
              "s.toml:4:12: 'channels' must not be empty", 0) == 0);
  }
}

TEST_CASE("ParseScenarios reads spike conditions on topics and volume") {
  auto set = ParseScenarios("s.toml", R"(
[[scenario]]
name = "general"
description = "d"
condition = "negative_spike"
severity = "warning"
channels = ["slack"]
inhibited_by = ["storm"]
playbook_en = ["a"]

[[scenario]]
name = "storm"
description = "d"
condition = "negative_spike"
topics = ["customer-service", "delivery"]
alerts_per_week = 0.5
severity = "warning"
channels = ["slack"]
playbook_en = ["a"]

[[scenario]]
name = "boycott"
description = "d"
condition = "volume_spike"
topics = ["boycott"]
severity = "critical"
channels = ["slack"]
playbook_en = ["a"]
)");
  REQUIRE_MESSAGE(set.ok(), set.status().message());
  REQUIRE(set->scenarios.size() == 3);
  const Scenario& general = set->scenarios[0];
  CHECK(general.inhibited_by == std::vector<std::string>{"storm"});
  CHECK_FALSE(general.alerts_per_week.has_value());
  const Scenario& storm = set->scenarios[1];
  CHECK(storm.condition == ScenarioCondition::kNegativeSpike);
  CHECK(storm.topics.size() == 2);
  CHECK(storm.alerts_per_week == 0.5);
  CHECK(storm.WatchesSeries());
  CHECK(set->scenarios[2].condition == ScenarioCondition::kVolumeSpike);
  CHECK(set->scenarios[2].WatchesSeries());
}

TEST_CASE("ParseScenarios refuses topics and brands the other files lack") {
  const std::set<std::string, std::less<>> topics{"hygiene", "fraud"};
  const std::set<std::string, std::less<>> brands{"Acme"};
  const ScenarioRefs refs{&topics, &brands};
  const std::string head =
      "[[scenario]]\nname = \"x\"\ndescription = \"d\"\nchannels = "
      "[\"slack\"]\nplaybook_en = [\"a\"]\nseverity = \"info\"\n"
      "condition = \"negative_spike\"\n";
  CHECK(ParseScenarios("s.toml", head + "topics = [\"hygiene\"]\n", refs).ok());
  auto typo = ParseScenarios("s.toml", head + "topics = [\"hygeine\"]\n", refs);
  REQUIRE_FALSE(typo.ok());
  CHECK(typo.status().message().rfind(
            "s.toml:8:10: topics: 'hygeine' is not a topic of topics.toml",
            0) == 0);
  auto brand =
      ParseScenarios("s.toml", head + "brands = [\"Acme\", \"Acne\"]\n", refs);
  REQUIRE_FALSE(brand.ok());
  CHECK(brand.status().message().rfind(
            "s.toml:8:10: brands: 'Acne' is not a brand of brands.toml", 0) ==
        0);
  // Without references (a scenarios file checked alone), anything goes.
  CHECK(ParseScenarios("s.toml", head + "topics = [\"hygeine\"]\n").ok());
}

TEST_CASE("The shipped scenarios file loads") {
  auto set =
      LoadScenarios(std::string(VIGIE_TEST_RULES_DIR) + "/scenarios.toml");
  REQUIRE_MESSAGE(set.ok(), set.status().message());
  CHECK_FALSE(set->scenarios.empty());
  std::set<std::string> names;
  for (const Scenario& sc : set->scenarios) {
    names.insert(sc.name);
    CHECK_FALSE(sc.playbook_fr.empty());
    CHECK_FALSE(sc.playbook_en.empty());
  }
  // The community-management set the project promises.
  for (const char* name :
       {"customer-service-storm", "product-safety-rumour", "data-breach",
        "hygiene-incident", "boycott-call", "undisclosed-sponsorship",
        "review-bombing", "bad-buzz"}) {
    CHECK_MESSAGE(names.contains(name), name);
  }
}

}  // namespace vigie
