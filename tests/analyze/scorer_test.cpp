#include "vigie/analyze/scorer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <string>

namespace vigie {
namespace {

double Compound(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

Lexicon MustParse(std::string_view text) {
  Result<Lexicon> lex = Lexicon::Parse("inline.tsv", text);
  REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
  return std::move(lex).value();
}

// Small lexicons with round numbers, so expected scores can be computed.
struct Fixture {
  Lexicon en = MustParse("good\t2\nbad\t-2\nlike\t1.5\ncan't stand\t-2\n");
  Lexicon fr = MustParse(
      "bon\t2\nnul\t-2\narnaque\t-3\ndéçu\t-2\naime\t2\nrapide\t1\n"
      "pas terrible\t-1.5\nsuper\t2.5\n");
  Scorer scorer{en, fr};
};

// The shipped lexicons, loaded once.
const Scorer& Shipped() {
  static const Lexicon en = [] {
    Result<Lexicon> l = Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/en.tsv");
    REQUIRE(l.ok());
    return std::move(l).value();
  }();
  static const Lexicon fr = [] {
    Result<Lexicon> l = Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/fr.tsv");
    REQUIRE(l.ok());
    return std::move(l).value();
  }();
  static const Scorer scorer(en, fr);
  return scorer;
}

TEST_CASE_FIXTURE(Fixture, "a single word gives VADER's normalised score") {
  const ScoreResult r = scorer.Score("bon");
  CHECK(r.compound == doctest::Approx(Compound(2.0)));
  CHECK(r.label == Label::kPositive);
}

TEST_CASE_FIXTURE(Fixture,
                  "empty text and text without known words are neutral") {
  for (std::string_view text :
       {"", "   ", "le chat est sur la table", "!!!!", "12345"}) {
    CAPTURE(text);
    const ScoreResult r = scorer.Score(text);
    CHECK(r.compound == 0.0);
    CHECK(r.label == Label::kNeutral);
  }
  CHECK(scorer.Score("").language == "und");
}

TEST_CASE_FIXTURE(Fixture, "French negation flips and dampens") {
  const ScoreResult r = scorer.Score("Ce n'est pas bon");
  CHECK(r.language == "fr");
  CHECK(r.compound == doctest::Approx(Compound(2.0 * -0.74)));
  CHECK(r.label == Label::kNegative);
  CHECK(scorer.Score("pas bon").label == Label::kNegative);
  CHECK(scorer.Score("jamais bon").label == Label::kNegative);
  CHECK(scorer.Score("sans arnaque").label == Label::kPositive);
  // ne ... pas around the verb.
  CHECK(scorer.Score("je n'aime pas").label == Label::kNegative);
  CHECK(scorer.Score("je ne l'aime pas").label == Label::kNegative);
  CHECK(scorer.Score("je l'aime").label == Label::kPositive);
}

TEST_CASE_FIXTURE(Fixture, "French 'plus' negates only after ne") {
  CHECK(scorer.Score("le service est plus rapide").label == Label::kPositive);
  CHECK(scorer.Score("ce n'est plus bon").label == Label::kNegative);
  CHECK(scorer.Score("je ne suis plus du tout déçu").label == Label::kPositive);
}

TEST_CASE_FIXTURE(Fixture, "negation reaches three words back, not four") {
  CHECK(scorer.Score("not a very good").compound ==
        doctest::Approx(Compound((2.0 + 0.293) * -0.74)));
  const ScoreResult far = scorer.Score("not that it was good");
  CHECK(far.compound == doctest::Approx(Compound(2.0)));
}

TEST_CASE_FIXTURE(Fixture, "English negation: not bad is not negative") {
  const ScoreResult r = scorer.Score("The food is not bad");
  CHECK(r.language == "en");
  CHECK(r.compound == doctest::Approx(Compound(-2.0 * -0.74)));
  CHECK(r.label != Label::kNegative);
  CHECK(scorer.Score("I don't like it").label == Label::kNegative);
  CHECK(scorer.Score("I don\xE2\x80\x99t like it").label == Label::kNegative);
  CHECK(scorer.Score("I dont like it").label == Label::kNegative);
  CHECK(scorer.Score("I like it").label == Label::kPositive);
}

TEST_CASE_FIXTURE(Fixture, "never been so / jamais ... aussi intensifies") {
  const ScoreResult fr = scorer.Score("je n'ai jamais été aussi déçu");
  CHECK(fr.compound == doctest::Approx(Compound(-2.0 - 0.293)));
  CHECK(scorer.Score("jamais déçu").label == Label::kPositive);
}

TEST_CASE_FIXTURE(Fixture, "French elision is split off, straight or curly") {
  const double plain = scorer.Score("arnaque").compound;
  CHECK(plain == doctest::Approx(Compound(-3.0)));
  CHECK(scorer.Score("l'arnaque").compound == doctest::Approx(plain));
  CHECK(scorer
            .Score("L\xE2\x80\x99"
                   "arnaque")
            .compound == doctest::Approx(plain));
  CHECK(scorer.Score("qu'arnaque").compound == doctest::Approx(plain));
  CHECK(scorer.Score("l'arnaque").language == "fr");
}

TEST_CASE_FIXTURE(Fixture, "accents and case do not matter") {
  const double lower = scorer.Score("déçu").compound;
  CHECK(lower == doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Score("DÉÇU").compound == doctest::Approx(lower));
  CHECK(scorer.Score("Deçu").compound == doctest::Approx(lower));
  CHECK(scorer.Score("decu").compound == doctest::Approx(lower));
  // NFD input (e + combining acute) folds the same way.
  CHECK(scorer.Score("de\xCC\x81\xC3\xA7u").compound == doctest::Approx(lower));
}

TEST_CASE_FIXTURE(Fixture,
                  "an ALL-CAPS word in mixed-case text is emphasised") {
  CHECK(scorer.Score("le pain est BON").compound ==
        doctest::Approx(Compound(2.0 + 0.733)));
  CHECK(scorer.Score("c'est NUL ici").compound ==
        doctest::Approx(Compound(-2.0 - 0.733)));
  // All capitals everywhere is not emphasis.
  CHECK(scorer.Score("LE PAIN EST BON").compound ==
        doctest::Approx(Compound(2.0)));
}

TEST_CASE_FIXTURE(Fixture, "boosters add in the valence's direction") {
  CHECK(scorer.Score("très bon").compound == doctest::Approx(Compound(2.293)));
  CHECK(scorer.Score("vraiment nul").compound ==
        doctest::Approx(Compound(-2.293)));
  CHECK(scorer.Score("very very good").compound ==
        doctest::Approx(Compound(2.0 + 0.293 + 0.293 * 0.95)));
  // "super" before a known word boosts it; alone it is a word of its own.
  CHECK(scorer.Score("super bon").compound == doctest::Approx(Compound(2.293)));
  CHECK(scorer.Score("c'est super").compound == doctest::Approx(Compound(2.5)));
}

TEST_CASE_FIXTURE(Fixture, "exclamation marks add emphasis, at most four") {
  CHECK(scorer.Score("bon !").compound == doctest::Approx(Compound(2.292)));
  CHECK(scorer.Score("nul!!").compound == doctest::Approx(Compound(-2.584)));
  CHECK(scorer.Score("bon!!!!!!!!").compound ==
        doctest::Approx(Compound(2.0 + 4 * 0.292)));
}

TEST_CASE_FIXTURE(Fixture, "multi-word terms win over their words") {
  CHECK(scorer.Score("c'est pas terrible").compound ==
        doctest::Approx(Compound(-1.5)));
  CHECK(scorer.Score("I can't stand it").compound ==
        doctest::Approx(Compound(-2.0)));
}

TEST_CASE_FIXTURE(Fixture, "language guess and lexicon choice") {
  CHECK(scorer.Score("The bread is good").language == "en");
  CHECK(scorer.Score("Le pain est bon").language == "fr");
  // No function words: both lexicons are tried, the one knowing more wins.
  const ScoreResult good = scorer.Score("good");
  CHECK(good.language == "und");
  CHECK(good.compound == doctest::Approx(Compound(2.0)));
  const ScoreResult nul = scorer.Score("nul");
  CHECK(nul.language == "und");
  CHECK(nul.compound == doctest::Approx(Compound(-2.0)));
  // In a French text, English-only words are not looked up.
  CHECK(scorer.Score("le pain est good").compound == 0.0);
}

TEST_CASE_FIXTURE(Fixture, "thresholds come from the options") {
  const Scorer strict(en, fr, ScorerOptions{-0.9, 0.9});
  const ScoreResult r = strict.Score("bon");
  CHECK(r.compound == doctest::Approx(Compound(2.0)));
  CHECK(r.label == Label::kNeutral);
}

TEST_CASE_FIXTURE(Fixture, "invalid UTF-8 does not break scoring") {
  const ScoreResult r = scorer.Score("\xff\xfe bon \xc3 \xe2\x80");
  CHECK(r.compound == doctest::Approx(Compound(2.0)));
  std::string noise(1 << 20, '\0');
  std::uint32_t x = 12345;
  for (char& c : noise) {
    x = x * 1664525u + 1013904223u;
    c = static_cast<char>(x >> 24);
  }
  const ScoreResult n = scorer.Score(noise);
  CHECK(std::isfinite(n.compound));
  CHECK(n.compound >= -1.0);
  CHECK(n.compound <= 1.0);
}

TEST_CASE("a 1 MB review scores quickly and stays in range") {
  std::string text;
  while (text.size() < (1u << 20)) {
    text +=
        "Ce n'est pas bon, c'est NUL et l'accueil est vraiment horrible !!! ";
  }
  const ScoreResult r = Shipped().Score(text);
  CHECK(r.language == "fr");
  CHECK(r.label == Label::kNegative);
  CHECK(r.compound >= -1.0);
  CHECK(r.compound < -0.99);

  const std::string one_word(1 << 20, 'a');
  CHECK(Shipped().Score(one_word).label == Label::kNeutral);
  const std::string apostrophes(1 << 20, '\'');
  CHECK(Shipped().Score(apostrophes).label == Label::kNeutral);
}

TEST_CASE("shipped lexicons score typical reviews") {
  const Scorer& s = Shipped();
  struct Case {
    std::string_view text;
    Label label;
  };
  for (const Case& c : {
           Case{"Service client lamentable, je suis très déçue.",
                Label::kNegative},
           Case{"Quelle arnaque ! Je ne recommande pas.", Label::kNegative},
           Case{"J'ai trouvé un cafard dans mon sandwich, dégoûtant.",
                Label::kNegative},
           Case{"Les croissants sont délicieux et le personnel est chaleureux.",
                Label::kPositive},
           Case{"Pas mal du tout, je recommande !", Label::kPositive},
           Case{"C'est pas terrible.", Label::kNegative},
           Case{"The staff were friendly and the coffee was great.",
                Label::kPositive},
           Case{"Worst bakery ever, the bread was stale and the staff rude.",
                Label::kNegative},
           Case{"Le magasin ouvre à 8 heures.", Label::kNeutral},
       }) {
    CAPTURE(c.text);
    CHECK(s.Score(c.text).label == c.label);
  }
}

}  // namespace
}  // namespace vigie
