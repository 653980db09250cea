#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "cli/commands.h"
#include "vigie/analyze/topic_rules.h"

namespace vigie::cli {
namespace {

constexpr std::string_view kRules = R"([[rule]]
name = "fraud-fr"
topic = "fraud"
severity = "high"
pattern = '\barnaqu\w*'

[[rule]]
name = "recall-de"
topic = "safety"
severity = "high"
pattern = 'ruckruf'
weight = -1.5
language = "de"

[sponsorship]
name = "undisclosed-sponsorship"
topic = "undisclosed-sponsorship"
severity = "medium"
promo = ['lien en bio']
disclosure = ['#pub\b']
)";

TEST_CASE("rules test lists the hits of each line") {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", kRules);
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  std::istringstream in(
      "Quelle ARNAQUE\r\nProduktRückruf\nlien en bio\n#pub lien en bio\n"
      "\nbad \xff byte\n");
  std::ostringstream out;
  CHECK(WriteRuleHits(*rules, "", in, out) == 3);
  CHECK(out.str() ==
        "1: Quelle ARNAQUE\n"
        "  fraud-fr  topic=fraud  severity=high\n"
        "2: ProduktRückruf\n"
        "  recall-de  topic=safety  severity=high  weight=-1.5  language=de\n"
        "3: lien en bio\n"
        "  undisclosed-sponsorship  topic=undisclosed-sponsorship  "
        "severity=medium  (promo pattern at line 19:10, no disclosure)\n"
        "4: #pub lien en bio\n"
        "  (promotional, pattern at line 19:10, but disclosed, pattern at "
        "line 20:15)\n"
        "  (no rule)\n"
        "5: \n"
        "  (no rule)\n"
        "6: bad \xef\xbf\xbd byte\n"
        "  (no rule)\n"
        "6 texts, 3 with a rule hit\n");
}

TEST_CASE("rules test runs language rules only for their language") {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", kRules);
  REQUIRE(rules.ok());
  std::istringstream in("Rückruf und Arnaque");
  std::ostringstream out;
  CHECK(WriteRuleHits(*rules, "fr", in, out) == 1);
  CHECK(out.str() ==
        "1: Rückruf und Arnaque\n"
        "  fraud-fr  topic=fraud  severity=high\n"
        "1 text, 1 with a rule hit\n");
}

TEST_CASE("rules test refuses bad arguments and bad rule files") {
  CHECK(RunRules({}) == 2);
  CHECK(RunRules({"run"}) == 2);
  CHECK(RunRules({"test"}) == 2);
  CHECK(RunRules({"test", "-", "--colour", "red"}) == 2);
  CHECK(RunRules({"test", "-", "--lang", "es"}) == 2);
  CHECK(RunRules({"test", "-", "--rules", VIGIE_TEST_DATA_DIR "/nowhere"}) ==
        1);
  CHECK(RunRules({"test", "/nonexistent/vigie/texts.txt", "--rules",
                  VIGIE_TEST_RULES_DIR}) == 1);
}

}  // namespace
}  // namespace vigie::cli
