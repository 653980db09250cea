#include "vigie/analyze/analyzer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <utility>

namespace vigie {
namespace {

template <typename T>
T MustLoad(Result<T> r) {
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  return std::move(r).value();
}

// The shipped rule files, loaded once.
struct Shipped {
  Lexicon en = MustLoad(Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/en.tsv"));
  Lexicon en_extra =
      MustLoad(Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/en_extra.tsv"));
  Lexicon fr = MustLoad(Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/fr.tsv"));
  Lexicon de = MustLoad(Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/de.tsv"));
  Lexicon emoji =
      MustLoad(Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/emoji.tsv"));
  TopicRules rules =
      MustLoad(TopicRules::Load(VIGIE_TEST_RULES_DIR "/topics.toml"));
  BrandMatcher brands =
      MustLoad(BrandMatcher::Load(VIGIE_TEST_RULES_DIR "/brands.toml"));
  Scorer scorer{ScorerLexicons{
      .en = &en, .fr = &fr, .de = &de, .emoji = &emoji, .en_extra = &en_extra}};
  Analyzer analyzer{scorer, rules, brands};
};

const Shipped& TheShipped() {
  static const Shipped shipped;
  return shipped;
}

const Analyzer& TheAnalyzer() { return TheShipped().analyzer; }

TEST_CASE("a French complaint gets brand, language, sentiment and topics") {
  Mention m;
  m.title = "Fournil Duval : quelle arnaque";
  m.text = "J'ai trouvé un cafard dans mon sandwich. Très déçu !";
  TheAnalyzer().Analyze(m);
  CHECK(m.brands == std::vector<std::string>{"Fournil Duval"});
  CHECK(m.language == "fr");
  CHECK(m.label == Label::kNegative);
  CHECK(m.compound < -0.5);
  CHECK(m.topics == std::vector<std::string>{"fraud", "hygiene"});
  // Source fields are untouched.
  CHECK(m.title == "Fournil Duval : quelle arnaque");
}

TEST_CASE("an English compliment is positive and has no topics") {
  Mention m;
  m.text = "Loved the croissants at #FournilDuval, the staff were so friendly!";
  TheAnalyzer().Analyze(m);
  CHECK(m.brands == std::vector<std::string>{"Fournil Duval"});
  CHECK(m.language == "en");
  CHECK(m.label == Label::kPositive);
  CHECK(m.compound > 0.5);
  CHECK(m.topics.empty());
}

TEST_CASE("sarcastic thanks and praise are complaints in every language") {
  const Scorer& scorer = TheShipped().scorer;
  for (const char* text :
       {"Thanks for nothing", "Merci pour rien, le colis est perdu",
        "Danke für nichts", "Na toll, schon wieder kaputt"}) {
    CAPTURE(text);
    CHECK(scorer.Score(text).label == Label::kNegative);
  }
  // "schon" (already) is no "schön"; "sehr schön" still is.
  CHECK(scorer.Score("Ich warte schon lange").label == Label::kNeutral);
  CHECK(scorer.Score("Das war sehr schön").label == Label::kPositive);
}

TEST_CASE("title and text are read as one text") {
  Mention m;
  m.title = "Fournil";
  m.text = "Duval";
  TheAnalyzer().Analyze(m);
  CHECK(m.brands == std::vector<std::string>{"Fournil Duval"});
}

TEST_CASE("Analyze replaces earlier analysis fields") {
  Mention m;
  m.brands = {"Stale"};
  m.topics = {"stale"};
  m.language = "de";
  m.compound = 0.9;
  m.label = Label::kPositive;
  TheAnalyzer().Analyze(m);
  CHECK(m.brands.empty());
  CHECK(m.topics.empty());
  CHECK(m.language == "und");
  CHECK(m.compound == 0.0);
  CHECK(m.label == Label::kNeutral);
}

TEST_CASE("a mention of another subject has no brand") {
  Mention m;
  m.title = "Livraison en retard";
  m.text = "Mon colis chez Duvalier Transports est en retard.";
  TheAnalyzer().Analyze(m);
  CHECK(m.brands.empty());
  CHECK(m.topics == std::vector<std::string>{"delivery"});
  CHECK(m.label == Label::kNegative);
}

TEST_CASE("huge and invalid input is analysed without crashing") {
  Mention m;
  m.title = "\xff\xfe Fournil Duval \xc3";
  m.text.reserve(1 << 20);
  while (m.text.size() < (1u << 20)) m.text += "nul \xe2\x80 arnaque ";
  TheAnalyzer().Analyze(m);
  CHECK(m.brands == std::vector<std::string>{"Fournil Duval"});
  CHECK(m.label == Label::kNegative);
  CHECK(m.topics == std::vector<std::string>{"fraud"});
}

TEST_CASE("rule weights join the sentiment sum for the mention's language") {
  const Lexicon en = MustLoad(Lexicon::Parse("en.tsv", "good\t2\n"));
  const Lexicon fr = MustLoad(Lexicon::Parse("fr.tsv", "bon\t2\n"));
  const Scorer scorer{ScorerLexicons{&en, &fr, nullptr, nullptr}};
  const TopicRules rules = MustLoad(TopicRules::Parse(
      "t.toml",
      "[[rule]]\nname = \"recall-en\"\ntopic = \"safety\"\n"
      "severity = \"high\"\npattern = 'recall'\nweight = -2.0\n"
      "language = \"en\"\n"
      "[[rule]]\nname = \"rappel-fr\"\ntopic = \"safety\"\n"
      "severity = \"high\"\npattern = 'rappel'\nweight = -3.0\n"
      "language = \"fr\"\n"));
  const BrandMatcher brands;
  const Analyzer analyzer{scorer, rules, brands};

  Mention m;
  m.text = "The good news is there is a recall and a rappel";
  analyzer.Analyze(m);
  CHECK(m.language == "en");
  CHECK(m.topics == std::vector<std::string>{"safety"});
  CHECK(m.compound == doctest::Approx(0.0));  // 2 - 2
  CHECK(m.label == Label::kNeutral);

  m.text = "Le pain est bon, mais rappel et recall";
  analyzer.Analyze(m);
  CHECK(m.language == "fr");
  const double sum = 2.0 * 0.5 - 3.0;
  CHECK(m.compound == doctest::Approx(sum / std::sqrt(sum * sum + 15.0)));
  CHECK(m.label == Label::kNegative);
}

TEST_CASE("the names of the brands a mention is about judge nothing") {
  const auto brands = MustLoad(BrandMatcher::Parse(
      "brands.toml",
      "[[brand]]\nname = \"Best Buy\"\nkeywords = [\"best buy\"]\n"));
  const Shipped& shipped = TheShipped();
  const Analyzer analyzer{shipped.scorer, shipped.rules, brands};
  Mention m;
  m.text = "Best Buy lost my order";
  analyzer.Analyze(m);
  CHECK(m.brands == std::vector<std::string>{"Best Buy"});
  CHECK(m.label == Label::kNegative);
  // Without the brand, "best" is praise.
  TheAnalyzer().Analyze(m);
  CHECK(m.brands.empty());
  CHECK(m.compound > 0.0);
}

TEST_CASE("a star rating blends into the compound") {
  Mention m;
  m.text = "The staff were friendly";
  TheAnalyzer().Analyze(m);
  const double text_only = m.compound;
  REQUIRE(text_only > 0.05);
  m.rating = 1.0;
  TheAnalyzer().Analyze(m);
  CHECK(m.compound == doctest::Approx(0.5 * text_only - 0.5));
  m.text = "The shop opens at eight";
  TheAnalyzer().Analyze(m);
  CHECK(m.compound == doctest::Approx(-1.0));
  CHECK(m.label == Label::kNegative);
}

}  // namespace
}  // namespace vigie
