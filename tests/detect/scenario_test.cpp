#include "vigie/detect/scenario.h"

#include <doctest/doctest.h>

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

TEST_CASE("The shipped scenarios file loads") {
  auto set =
      LoadScenarios(std::string(VIGIE_TEST_RULES_DIR) + "/scenarios.toml");
  REQUIRE_MESSAGE(set.ok(), set.status().message());
  CHECK_FALSE(set->scenarios.empty());
  for (const Scenario& sc : set->scenarios) {
    CHECK_FALSE(sc.playbook_fr.empty());
    CHECK_FALSE(sc.playbook_en.empty());
  }
}

}  // namespace vigie
