#include "vigie/analyze/topic_rules.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>

#include "vigie/core/text_fold.h"

namespace vigie {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string ErrorOf(std::string_view text) {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", text);
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.status().IsInvalidArgument());
  return rules.status().message();
}

constexpr std::string_view kRules = R"(# test rules
[[rule]]
name = "fraud-fr"
topic = "fraud"
severity = "high"
pattern = '\barnaqu\w*'

[[rule]]
name = "delivery"
topic = "delivery"
severity = "low"
pattern = '\b(livraison|colis)\b'

[[rule]]
name = "fraud-en"
topic = "fraud"
severity = "high"
pattern = '\bscam\w*'
)";

TEST_CASE("TopicRules parses rules in file order with their positions") {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", kRules);
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  REQUIRE(rules->rules().size() == 3);
  const TopicRule& first = rules->rules()[0];
  CHECK(first.name == "fraud-fr");
  CHECK(first.topic == "fraud");
  CHECK(first.severity == "high");
  CHECK(first.pattern == "\\barnaqu\\w*");
  CHECK(first.pos.line == 2);
  CHECK(first.pos.column == 1);
  CHECK(rules->rules()[1].pos.line == 8);
  CHECK(rules->rules()[2].name == "fraud-en");
}

TEST_CASE("TopicRules::Match returns distinct topics in rule order") {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", kRules);
  REQUIRE(rules.ok());
  CHECK(rules->Match("colis perdu, quelle arnaque, a scam") ==
        std::vector<std::string>{"fraud", "delivery"});
  CHECK(rules->Match("le colis est la") ==
        std::vector<std::string>{"delivery"});
  CHECK(rules->Match("tout va bien").empty());
  CHECK(rules->Match("").empty());
  // \b: "colissimo" is not "colis".
  CHECK(rules->Match("colissimo").empty());

  const std::vector<const TopicRule*> hits =
      rules->MatchRules("scam et arnaque et livraison");
  REQUIRE(hits.size() == 3);
  CHECK(hits[0]->name == "fraud-fr");
  CHECK(hits[1]->name == "delivery");
  CHECK(hits[2]->name == "fraud-en");
}

TEST_CASE("TopicRules patterns see folded text") {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", kRules);
  REQUIRE(rules.ok());
  CHECK(
      rules->Match(FoldText("Quelle ARNAQUE, le Colis n'est jamais arrivé")) ==
      std::vector<std::string>{"fraud", "delivery"});
  // Patterns are case-insensitive too.
  Result<TopicRules> upper = TopicRules::Parse(
      "t.toml",
      "[[rule]]\nname='a'\ntopic='x'\nseverity='low'\npattern='Arnaque'\n");
  REQUIRE(upper.ok());
  CHECK(upper->Match("arnaque") == std::vector<std::string>{"x"});
}

TEST_CASE("TopicRules stays usable after a move") {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", kRules);
  REQUIRE(rules.ok());
  TopicRules moved = std::move(rules).value();
  CHECK(moved.Match("arnaque") == std::vector<std::string>{"fraud"});
  TopicRules assigned;
  CHECK(assigned.Match("arnaque").empty());
  assigned = std::move(moved);
  CHECK(assigned.Match("colis") == std::vector<std::string>{"delivery"});
}

TEST_CASE("an empty rule file matches nothing") {
  Result<TopicRules> rules = TopicRules::Parse("t.toml", "# nothing yet\n");
  REQUIRE(rules.ok());
  CHECK(rules->rules().empty());
  CHECK(rules->Match("arnaque").empty());
  CHECK(rules->MatchRules("arnaque").empty());
}

TEST_CASE("a pattern RE2 rejects is reported at the pattern") {
  const std::string msg = ErrorOf(
      "[[rule]]\nname = 'a'\ntopic = 'x'\nseverity = 'low'\n"
      "pattern = '(unclosed'\n");
  CHECK(StartsWith(msg, "t.toml:5:11: bad pattern: missing ): (unclosed"));
  CHECK(msg.find("\n  pattern = '(unclosed'\n            ^") !=
        std::string::npos);
}

TEST_CASE("an unknown key is reported at the key") {
  CHECK(
      StartsWith(ErrorOf("[[rule]]\nname = 'a'\ntopic = 'x'\nseverity = 'low'\n"
                         "pattern = 'a'\n  colour = 'red'\n"),
                 "t.toml:6:3: unknown key 'colour' in [[rule]]"));
  CHECK(StartsWith(
      ErrorOf("version = 2\n"),
      "t.toml:1:1: unknown key 'version' (expected [[rule]] tables and a "
      "[sponsorship] table)"));
}

TEST_CASE("a missing key is reported at its table") {
  CHECK(
      StartsWith(ErrorOf("[[rule]]\nname = 'a'\ntopic = 'x'\nseverity = 'low'\n"
                         "pattern = 'a'\n\n[[rule]]\nname = 'b'\ntopic = 'x'\n"
                         "severity = 'low'\n"),
                 "t.toml:7:1: [[rule]] is missing 'pattern'"));
  CHECK(
      StartsWith(ErrorOf("[[rule]]\nname = 'a'\ntopic = 'x'\npattern = 'a'\n"),
                 "t.toml:1:1: [[rule]] is missing 'severity'"));
}

TEST_CASE("values are checked") {
  const std::string head = "[[rule]]\nname = 'a'\ntopic = 'x'\n";
  CHECK(StartsWith(
      ErrorOf(head + "severity = 'urgent'\npattern = 'a'\n"),
      "t.toml:4:12: severity must be low, medium or high, not 'urgent'"));
  CHECK(StartsWith(ErrorOf(head + "severity = 3\npattern = 'a'\n"),
                   "t.toml:4:12: 'severity' must be a string"));
  CHECK(StartsWith(ErrorOf(head + "severity = 'low'\npattern = ''\n"),
                   "t.toml:5:11: 'pattern' must not be empty"));
  CHECK(StartsWith(ErrorOf("[[rule]]\nname = 'a'\ntopic = 'Data Breach'\n"
                           "severity = 'low'\npattern = 'a'\n"),
                   "t.toml:3:9: topic 'Data Breach' must use only"));
  CHECK(StartsWith(ErrorOf(head + "severity = 'low'\npattern = 'arnaqué'\n"),
                   "t.toml:5:11: pattern contains 'é', which folded text never "
                   "holds; write 'e'"));
  CHECK(StartsWith(ErrorOf("rule = 3\n"),
                   "t.toml:1:8: 'rule' must be an array of tables"));
}

TEST_CASE("weight and language are optional and parsed") {
  Result<TopicRules> rules = TopicRules::Parse(
      "t.toml",
      "[[rule]]\nname = 'recall'\ntopic = 'safety'\nseverity = 'high'\n"
      "pattern = 'rappel'\nweight = -1.5\nlanguage = 'fr'\n\n"
      "[[rule]]\nname = 'int'\ntopic = 'x'\nseverity = 'low'\n"
      "pattern = 'int'\nweight = 2\n\n"
      "[[rule]]\nname = 'plain'\ntopic = 'y'\nseverity = 'low'\n"
      "pattern = 'plain'\n");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  REQUIRE(rules->rules().size() == 3);
  CHECK(rules->rules()[0].weight == -1.5);
  CHECK(rules->rules()[0].language == "fr");
  CHECK(rules->rules()[1].weight == 2.0);
  CHECK(rules->rules()[1].language.empty());
  CHECK_FALSE(rules->rules()[2].weight.has_value());
  CHECK(rules->sponsorship() == nullptr);
}

TEST_CASE("a rule with a language runs only on that language or unknown") {
  Result<TopicRules> rules = TopicRules::Parse(
      "t.toml",
      "[[rule]]\nname = 'rats-en'\ntopic = 'hygiene'\nseverity = 'high'\n"
      "pattern = '\\brats?\\b'\nlanguage = 'en'\n\n"
      "[[rule]]\nname = 'any'\ntopic = 'fraud'\nseverity = 'high'\n"
      "pattern = 'scam'\n");
  REQUIRE(rules.ok());
  const std::string text = "rat scam";
  CHECK(rules->Match(text, "en") ==
        std::vector<std::string>{"hygiene", "fraud"});
  CHECK(rules->Match(text, "de") == std::vector<std::string>{"fraud"});
  CHECK(rules->Match(text, "und") ==
        std::vector<std::string>{"hygiene", "fraud"});
  CHECK(rules->Match(text) == std::vector<std::string>{"hygiene", "fraud"});
  REQUIRE(rules->MatchRules(text, "fr").size() == 1);
  CHECK(rules->MatchRules(text, "fr")[0]->name == "any");
}

TEST_CASE("weight and language values are checked at the value") {
  const std::string head =
      "[[rule]]\nname = 'a'\ntopic = 'x'\nseverity = 'low'\n"
      "pattern = 'a'\n";
  CHECK(StartsWith(ErrorOf(head + "weight = 4.5\n"),
                   "t.toml:6:10: weight must be between -4 and 4, not 4.5"));
  CHECK(StartsWith(ErrorOf(head + "weight = -5\n"),
                   "t.toml:6:10: weight must be between -4 and 4, not -5"));
  CHECK(StartsWith(ErrorOf(head + "weight = nan\n"),
                   "t.toml:6:10: weight must be between -4 and 4"));
  CHECK(StartsWith(ErrorOf(head + "  weight = 'heavy'\n"),
                   "t.toml:6:12: 'weight' must be a number"));
  CHECK(StartsWith(ErrorOf(head + "language = 'es'\n"),
                   "t.toml:6:12: language must be fr, en or de, not 'es'"));
  CHECK(StartsWith(ErrorOf(head + "language = ''\n"),
                   "t.toml:6:12: 'language' must not be empty"));
  CHECK(StartsWith(ErrorOf(head + "language = ['fr']\n"),
                   "t.toml:6:12: 'language' must be a string"));
  // The boundaries are allowed.
  CHECK(TopicRules::Parse("t.toml", head + "weight = -4\n").ok());
  CHECK(TopicRules::Parse("t.toml", head + "weight = 4.0\n").ok());
}

TEST_CASE("duplicate rule names are rejected") {
  const std::string rule =
      "[[rule]]\nname = 'same'\ntopic = 'x'\nseverity = 'low'\npattern = 'a'\n";
  CHECK(StartsWith(ErrorOf(rule + rule),
                   "t.toml:7:8: duplicate rule name 'same' (first at line 1)"));
}

TEST_CASE("TOML syntax errors keep toml++'s position, in bytes") {
  CHECK(StartsWith(ErrorOf("[[rule]]\nname = \"éé\" x\n"), "t.toml:2:15: "));
  CHECK(StartsWith(ErrorOf("[[rule]\n"), "t.toml:1:"));
  CHECK(StartsWith(ErrorOf("a = \"\xff\"\n"), "t.toml:1:"));
}

TEST_CASE("inputs that would trip toml++'s assertions are errors") {
  CHECK(StartsWith(ErrorOf("[[rule]]\nname = 'a'\n[# oops\n"),
                   "t.toml:3:2: expected a table name after '['"));
  CHECK(StartsWith(ErrorOf("[=]\n"), "t.toml:1:2: expected a table name"));
  CHECK(
      StartsWith(ErrorOf("[[[rule]]]\n"), "t.toml:1:3: expected a table name"));
  CHECK(StartsWith(ErrorOf("[[ \xc3\xa9]]\n"),
                   "t.toml:1:4: expected a table name"));
  CHECK(StartsWith(ErrorOf("rule = [\n  1,\n  }]\n"),
                   "t.toml:3:3: expected a value or ']', saw '}'"));
  // Brackets and braces inside strings and comments are not headers.
  Result<TopicRules> ok = TopicRules::Parse(
      "t.toml",
      "# [# not a header\n[[rule]]\nname = \"[#}\"\ntopic = 'x'\n"
      "severity = 'low'\npattern = '''\n[#}]'''\n");
  REQUIRE_MESSAGE(ok.ok(), ok.status().ToString());
  CHECK(ok->rules()[0].name == "[#}");
  CHECK(ok->Match("#") == std::vector<std::string>{"x"});
}

TEST_CASE("TopicRules::Load reports a missing file as NotFound") {
  Result<TopicRules> rules = TopicRules::Load("/nonexistent/vigie/topics.toml");
  REQUIRE_FALSE(rules.ok());
  CHECK(rules.status().IsNotFound());
}

TEST_CASE("the shipped topic rules load and tag typical mentions") {
  Result<TopicRules> rules =
      TopicRules::Load(VIGIE_TEST_RULES_DIR "/topics.toml");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  struct Case {
    std::string_view text;
    std::vector<std::string> topics;
    std::string_view language = {};
  };
  for (const Case& c : {
           Case{"Quelle arnaque ! Un cafard dans la salle.",
                {"fraud", "hygiene"}},
           Case{"Total scam, and I got food poisoning", {"fraud", "hygiene"}},
           Case{"Fuite de données chez eux, piratage massif", {"data-breach"}},
           Case{"We were hacked: data breach confirmed", {"data-breach"}},
           Case{"Colis jamais reçu, SAV injoignable",
                {"delivery", "customer-service"}},
           Case{"Parcel lost and customer service gave no answer",
                {"delivery", "customer-service"}},
           Case{"#BoycottDuval", {"boycott"}},
           Case{"J'ai porté plainte, mon avocat s'en occupe", {"legal"}},
           Case{"We will sue them", {"legal"}},
           Case{"Rappel produit : jouet dangereux", {"safety"}},
           Case{"Unsafe product, recall notice issued", {"safety"}},
           Case{"Très bon pain, merci", {}},
           Case{"Totale Abzocke, die sind Betrüger", {"fraud"}},
           Case{"Kakerlaken in der Küche, ekelhaft", {"hygiene"}},
           Case{"Datenleck bei dem Shop: Kundendaten wurden gestohlen",
                {"data-breach"}},
           Case{"Lieferung seit zwei Wochen nicht angekommen", {"delivery"}},
           Case{"Der Kundenservice ist nicht erreichbar", {"customer-service"}},
           Case{"Ich habe Anzeige erstattet und einen Anwalt eingeschaltet",
                {"legal"}},
           Case{"Produktrückruf wegen Salmonellen", {"hygiene", "safety"}},
           Case{"Ruft zum #Boykott auf!", {"boycott"}},
           Case{"N'achetez plus rien chez eux", {"boycott"}},
           Case{"Don't buy from this shop", {"boycott"}},
           Case{"Ma batterie a explosé pendant la charge", {"safety"}},
           Case{"Mes données bancaires ont été volées ? Non : données "
                "personnelles piratées",
                {"data-breach"}},
           // Words that look like topics but are not.
           Case{"Ein guter Rat: das Gericht des Tages nehmen", {}, "de"},
           Case{"Le livre est génial, je le conseille", {}},
           Case{"Sac Hermès reçu, superbe", {}},
           Case{"Ich warte auf einen Rückruf", {}},
       }) {
    CAPTURE(c.text);
    CHECK(rules->Match(FoldText(c.text), c.language) == c.topics);
  }
}

TEST_CASE("matching 1 MB of text is one pass and finds a late match") {
  Result<TopicRules> rules =
      TopicRules::Load(VIGIE_TEST_RULES_DIR "/topics.toml");
  REQUIRE(rules.ok());
  std::string text;
  while (text.size() < (1u << 20)) text += "du pain et des croissants chauds ";
  text += "mais quelle arnaque";
  CHECK(rules->Match(text) == std::vector<std::string>{"fraud"});
}

}  // namespace
}  // namespace vigie
