#include "vigie/analyze/scorer.h"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "vigie/analyze/french_inflections.h"
#include "vigie/analyze/language_id.h"
#include "vigie/analyze/tokenizer.h"

namespace vigie {
namespace {

double Compound(double sum) { return sum / std::sqrt(sum * sum + 15.0); }

Lexicon MustParse(std::string_view text) {
  Result<Lexicon> lex = Lexicon::Parse("inline.tsv", text);
  REQUIRE_MESSAGE(lex.ok(), lex.status().ToString());
  return std::move(lex).value();
}

// A scorer over inline lexicons, one TSV text per language ("" for none).
class InlineScorer {
 public:
  InlineScorer(std::string_view en, std::string_view fr, std::string_view de)
      : en_(MustParse(en)),
        fr_(MustParse(fr)),
        de_(MustParse(de)),
        scorer_(ScorerLexicons{.en = &en_, .fr = &fr_, .de = &de_}) {}

  /// The compound of `text` scored in `lang`.
  double Compound(const char* text, const char* lang) const {
    return scorer_.Score(text, ScoreRequest{.language = lang}).compound;
  }

  /// Checks that each (text, language) of `cases` scores as neutral.
  void CheckNeutral(
      std::initializer_list<std::pair<const char*, const char*>> cases) const {
    for (const auto& [text, lang] : cases) {
      CAPTURE(text);
      CHECK(std::abs(Compound(text, lang)) < 0.05);
    }
  }

 private:
  Lexicon en_;
  Lexicon fr_;
  Lexicon de_;
  Scorer scorer_;
};

// Small lexicons with round numbers, so expected scores can be computed.
struct Fixture {
  Lexicon en = MustParse(
      "good\t2\nbad\t-2\nlike\t1.5\ncan't stand\t-2\n:)\t2\n:(\t-2\n");
  Lexicon fr = MustParse(
      "bon\t2\nnul\t-2\narnaque\t-3\ndéçu\t-2\naime\t2\nrapide\t1\n"
      "pas terrible\t-1.5\nsuper\t2.5\n");
  Lexicon de = MustParse(
      "gut\t2\nschlecht\t-2\nmag\t1.5\nfrechheit\t-3\nspaß\t2\n"
      "nicht schlecht\t1\n");
  Lexicon emoji = MustParse("\xF0\x9F\x98\x8D\t2.7\n\xF0\x9F\x98\xA1\t-2\n");
  Scorer scorer{ScorerLexicons{&en, &fr, &de, &emoji}};
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
  static const Lexicon de = [] {
    Result<Lexicon> l = Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/de.tsv");
    REQUIRE(l.ok());
    return std::move(l).value();
  }();
  static const Lexicon emoji = [] {
    Result<Lexicon> l =
        Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/emoji.tsv");
    REQUIRE(l.ok());
    return std::move(l).value();
  }();
  static const Scorer scorer(ScorerLexicons{&en, &fr, &de, &emoji});
  return scorer;
}

TEST_CASE_FIXTURE(Fixture, "a single word gives VADER's normalised score") {
  const ScoreResult r = scorer.Score("bon");
  CHECK(r.compound == doctest::Approx(Compound(2.0)));
  CHECK(r.label == Label::kPositive);
}

TEST_CASE_FIXTURE(Fixture, "terms that cancel out leave a long text neutral") {
  ScoreRequest fr;
  fr.language = "fr";
  // Five polar terms, +5 and -4: the conflict is 8.
  const ScoreResult mixed = scorer.Score(
      "Le pain est bon. Le service est nul. Le café est bon. Le dessert est "
      "nul. Livraison rapide.",
      fr);
  CHECK(mixed.compound ==
        doctest::Approx(1.0 / std::sqrt(1.0 + 15.0 + 16.0 * 64.0)));
  CHECK(mixed.compound > 0.0);
  CHECK(mixed.label == Label::kNeutral);
  // Three polar terms: VADER's normalisation alone.
  const ScoreResult short_text = scorer.Score(
      "Le pain est bon. Le service est nul. Livraison rapide.", fr);
  CHECK(short_text.compound == doctest::Approx(Compound(1.0)));
  CHECK(short_text.label == Label::kPositive);
  // Four terms all one way: nothing cancels.
  CHECK(scorer.Score("bon. bon. rapide. super.", fr).compound ==
        doctest::Approx(Compound(7.5)));
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
  // Out of reach, "not" negates nothing: it counts as a weak complaint (-0.18).
  const ScoreResult far = scorer.Score("not that it was good");
  CHECK(far.compound == doctest::Approx(Compound(2.0 - 0.18)));
}

TEST_CASE("a negator near a term of no valence is still a complaint") {
  const InlineScorer scorer("support\t0\ncustomer support\t0\n", "", "");
  CHECK(scorer.Compound("Support hasn't answered.", "en") ==
        scorer.Compound("He hasn't answered.", "en"));
  CHECK(scorer.Compound("Customer support hasn't answered.", "en") ==
        scorer.Compound("He hasn't answered.", "en"));
  CHECK(scorer.Compound("Support hasn't answered.", "en") < 0.0);
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
  // The term itself a comparative: "never felt better", "never happier".
  const InlineScorer comparatives("better\t1.9\nhappier\t2.4\nworse\t-2\n",
                                  "pire\t-2\n", "");
  CHECK(comparatives.Compound("I have never felt better", "en") ==
        doctest::Approx(Compound(1.9 + 0.293)));
  CHECK(comparatives.Compound("never been happier", "en") ==
        doctest::Approx(Compound(2.4 + 0.293)));
  CHECK(comparatives.Compound("never seen worse", "en") ==
        doctest::Approx(Compound(-2 - 0.293)));
  CHECK(comparatives.Compound("jamais vu pire", "fr") ==
        doctest::Approx(Compound(-2 - 0.293)));
  // "nothing", "rien", "nichts" before a comparative and its "than": a
  // superlative, no negation.
  CHECK(comparatives.Compound("nothing better than this", "en") ==
        doctest::Approx(Compound(1.9 + 0.293)));
  CHECK(comparatives.Compound("nothing is worse than this", "en") ==
        doctest::Approx(Compound(-2 - 0.293)));
  CHECK(comparatives.Compound("rien de pire que ça", "fr") ==
        doctest::Approx(Compound(-2 - 0.293)));
  // Without the comparison, "nothing" negates.
  CHECK(comparatives.Compound("nothing better", "en") < 0.0);
}

TEST_CASE("rarely and seldom before so or such intensify, as never does") {
  const InlineScorer scorer("bored\t-1.1\ngood\t1.9\n", "", "");
  CHECK(scorer.Compound("I've rarely been so bored", "en") ==
        doctest::Approx(Compound(-1.1 - 0.293 - 0.293)));
  CHECK(scorer.Compound("seldom so good", "en") ==
        doctest::Approx(Compound(1.9 + 0.293 + 0.293)));
  // Without a word of degree they still negate.
  CHECK(scorer.Compound("rarely good", "en") < 0.0);
}

TEST_CASE("a sentence opened by a concession weighs its main clause more") {
  const InlineScorer scorer("strong\t2\nflat\t-1\n", "superbe\t2\nplat\t-1\n",
                            "gut\t2\nflach\t-1\n");
  // The conceded clause x0.5, the main clause x1.5, as around "but".
  CHECK(scorer.Compound("Despite a strong cast, the script is flat.", "en") ==
        doctest::Approx(Compound(2 * 0.5 - 1 * 1.5)));
  CHECK(scorer.Compound("Even though the cast is strong, it is flat.", "en") ==
        doctest::Approx(Compound(2 * 0.5 - 1 * 1.5)));
  CHECK(scorer.Compound("Malgré une image superbe, le film est plat.", "fr") ==
        doctest::Approx(Compound(2 * 0.5 - 1 * 1.5)));
  CHECK(scorer.Compound("Bien que l'image soit superbe, c'est plat.", "fr") ==
        doctest::Approx(Compound(2 * 0.5 - 1 * 1.5)));
  CHECK(scorer.Compound("Obwohl der Akku gut ist, bleibt es flach.", "de") ==
        doctest::Approx(Compound(2 * 0.5 - 1 * 1.5)));
  CHECK(scorer.Compound("Zwar ist es flach, doch der Akku ist gut.", "de") ==
        doctest::Approx(Compound(-1 * 0.5 + 2 * 1.5)));
  // The next sentence is weighed as usual.
  CHECK(scorer.Compound("Despite a strong cast, it is flat. Strong.", "en") ==
        doctest::Approx(Compound(2 * 0.5 - 1 * 1.5 + 2)));
  // Not when the concession runs to the end of its sentence, nor inside a
  // sentence, nor with a contrast word in the text.
  CHECK(scorer.Compound("Despite a strong cast. Flat.", "en") ==
        doctest::Approx(Compound(2 - 1)));
  CHECK(scorer.Compound("It is flat, despite a strong cast.", "en") ==
        doctest::Approx(Compound(2 - 1)));
  Explanation ex;
  const Lexicon en = MustParse("strong\t2\nflat\t-1\n");
  const Scorer plain{ScorerLexicons{.en = &en}};
  plain.Score("Although the cast is strong, it is flat.", ScoreRequest{"en"},
              &ex);
  REQUIRE(ex.contributions.size() == 2);
  CHECK(ex.contributions[0].modifiers.back() == "concession(although) x0.5");
}

TEST_CASE("a taste for what the clause blames, as a condition, is sarcasm") {
  const InlineScorer scorer(
      "great\t3\nenjoy\t2\nignored\t-1\nlike\t1\n"
      "spicy\t0.5\nhorror\t-2\n",
      "parfait\t3\nsales\t-1\n", "super\t3\ndreckige\t-1\nmag\t1.5\n");
  // The praise before the condition is negated, the verb of liking counts
  // nothing.
  CHECK(scorer.Compound("Great place if you enjoy being ignored.", "en") ==
        doctest::Approx(Compound(-0.74 * 3 - 1)));
  CHECK(scorer.Compound("Parfait si vous aimez les chambres sales.", "fr") ==
        doctest::Approx(Compound(-0.74 * 3 - 1)));
  CHECK(scorer.Compound("Super Hotel, wenn man dreckige Zimmer mag.", "de") ==
        doctest::Approx(Compound(-0.74 * 3 - 1)));
  // Not a taste for what the clause does not blame, nor for a genre: then
  // the taste is an audience's, not the author's, and counts nothing, and
  // a verdict for an audience only is a lukewarm one.
  CHECK(scorer.Compound("Great if you like spicy food.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(3 + 0.5)));
  CHECK(scorer.Compound("Great if you like horror.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(3 - 2)));
  CHECK(scorer.Compound("Wer Horror mag, wird es super finden.", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(3)));
  CHECK(scorer.Compound("Ich weiß nicht, ob ich es mag.", "de") <= 0.0);
  CHECK(scorer.Compound("Ich mag es.", "de") == doctest::Approx(Compound(1.5)));
  // Nor a taste that is not offered to someone.
  CHECK(scorer.Compound("Great, but I enjoy being ignored.", "en") >
        Compound(-0.74 * 3 - 1));
}

TEST_CASE("love of a fault opening a sentence is sarcasm") {
  const InlineScorer scorer(
      "love\t3\ndelayed\t-1\nleave\t-0.2\neasy\t2\nbreaks\t-2\n",
      "adore\t3\nsupprimé\t-1\n", "liebe es\t2.6\nnervt\t-2\n");
  CHECK(scorer.Compound("Love how my flight got delayed.", "en") ==
        doctest::Approx(Compound(-0.74 * 3 - 1)));
  CHECK(scorer.Compound("J'adore quand le train est supprimé.", "fr") ==
        doctest::Approx(Compound(-0.74 * 3 - 1)));
  CHECK(scorer.Compound("Ich liebe es, wenn der Chef nervt.", "de") ==
        doctest::Approx(Compound(-0.74 * 2.6 - 2)));
  // Not with praise after it, a negated fault, a slight one, or inside a
  // sentence.
  CHECK(scorer.Compound("Love how easy it is, nothing delayed.", "en") > 0.0);
  CHECK(scorer.Compound("Love how it never breaks.", "en") > 0.0);
  CHECK(scorer.Compound("Love that you can just leave it.", "en") > 0.0);
  CHECK(scorer.Compound("My flight, love how it got delayed.", "en") ==
        doctest::Approx(Compound(3 - 1)));
}

TEST_CASE("German umlauts: schön is not schon, and either spelling is read") {
  const Lexicon de = MustParse("schön\t2\nenttäuscht\t-2\ntoten\t-2.5\n");
  const Scorer scorer{ScorerLexicons{.de = &de}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "de"}).compound;
  };
  CHECK(compound("Das ist schön") == doctest::Approx(Compound(2.0)));
  CHECK(compound("Das ist schoen") == doctest::Approx(Compound(2.0)));
  CHECK(compound("Das ist schon da") == 0.0);  // "already"
  CHECK(compound("enttauscht") == doctest::Approx(Compound(-2.0)));
  // The booster, with and without dots.
  CHECK(compound("völlig enttäuscht") < Compound(-2.0));
  CHECK(compound("völlig enttäuscht") == compound("vollig enttauscht"));
  // A word with an umlaut nothing knows so ("toeten") takes the entry of
  // its dot-less spelling ("toten")...
  CHECK(compound("töten") == doctest::Approx(Compound(-2.5)));
  Explanation ex;
  scorer.Score("töten", ScoreRequest{.language = "de"}, &ex);
  CHECK(ex.normalisation == std::vector<std::string>{"toeten -> toten"});
  scorer.Score("schön", ScoreRequest{.language = "de"}, &ex);
  CHECK(ex.normalisation.empty());
  // ... but nothing it is not: "für" is a function word.
  CHECK(compound("für") == 0.0);
  // Before another sentiment word, "schön" intensifies it.
  CHECK(compound("ganz schön enttäuscht") < compound("ganz enttäuscht"));
  CHECK(compound("schön, enttäuscht") > compound("enttäuscht"));
}

TEST_CASE("German 'besser geht es nicht' is emphasis, not negation") {
  const Lexicon de = MustParse("besser\t1.4\nschlechter\t-1.5\n");
  const Scorer scorer{ScorerLexicons{.de = &de}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "de"}).compound;
  };
  const double up = Compound(1.4 + 0.293);
  CHECK(compound("Besser geht es nicht.") == doctest::Approx(up));
  CHECK(compound("besser gehts nicht") == doctest::Approx(up));
  CHECK(compound("Schlechter geht's nicht!") < Compound(-1.5));
  // Other clause-final negations still negate.
  CHECK(compound("es ist besser nicht") ==
        doctest::Approx(Compound(-0.74 * 1.4)));
  CHECK(compound("besser geht es ihm nicht") ==
        doctest::Approx(Compound(-0.74 * 1.4)));
}

TEST_CASE("French 'gros', 'vrai', 'véritable' before a noun intensify it") {
  const Lexicon fr = MustParse("déception\t-2.2\nbonheur\t2.7\n");
  const Scorer scorer{ScorerLexicons{.fr = &fr}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "fr"}).compound;
  };
  CHECK(compound("grosse déception") ==
        doctest::Approx(Compound(-2.2 - 0.293)));
  CHECK(compound("un vrai bonheur") == doctest::Approx(Compound(2.7 + 0.293)));
  CHECK(compound("un véritable bonheur") == compound("un vrai bonheur"));
  // Alone they score nothing.
  CHECK(compound("un gros chien") == 0.0);
}

TEST_CASE("'zéro', 'zero' and 'null' negate the word after them") {
  const InlineScorer scorer("issues\t-1.0\n", "défaut\t-1.4\nrespect\t1.5\n",
                            "ahnung\t0.5\n");
  CHECK(scorer.Compound("zéro défaut", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.4)));
  CHECK(scorer.Compound("zéro respect", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.5)));
  CHECK(scorer.Compound("zero issues", "en") ==
        doctest::Approx(Compound(-0.74 * -1.0)));
  CHECK(scorer.Compound("null Ahnung", "de") ==
        doctest::Approx(Compound(-0.74 * 0.5)));
  // Alone, a zero is no complaint.
  CHECK(scorer.Compound("on part de zéro", "fr") == 0.0);
}

TEST_CASE("an adjective of degree before a negative term boosts it") {
  const InlineScorer scorer("real\t1.0\nnightmare\t-2.4\n",
                            "belle\t1.9\narnaque\t-3\nhistoire\t0.5\n",
                            "schöner\t1.5\nreinfall\t-2\n");
  CHECK(scorer.Compound("une belle arnaque", "fr") ==
        doctest::Approx(Compound(-3.0 - 0.293)));
  CHECK(scorer.Compound("a real nightmare", "en") ==
        doctest::Approx(Compound(-2.4 - 0.293)));
  CHECK(scorer.Compound("ein sch\xC3\xB6ner Reinfall", "de") ==
        doctest::Approx(Compound(-2.0 - 0.293)));
  // Before a positive term, or not right before, it stays praise.
  CHECK(scorer.Compound("une belle histoire", "fr") ==
        doctest::Approx(Compound(1.9 + 0.5)));
  CHECK(scorer.Compound("belle, mais une arnaque", "fr") ==
        doctest::Approx(Compound(1.9 * 0.5 - 3.0 * 1.5)));
}

TEST_CASE("a comparative of inferiority negates the term after it") {
  const InlineScorer scorer(
      "effective\t2.1\nstellar\t2.0\nhassle\t-1.5\nfunny\t1.9\n",
      "drôle\t2\nbruit\t-1\ndécevant\t-2\n", "gut\t1.9\n");
  CHECK(scorer.Compound("the least effective film", "en") ==
        doctest::Approx(Compound(-0.74 * 2.1)));
  CHECK(scorer.Compound("less than stellar", "en") ==
        doctest::Approx(Compound(-0.74 * 2.0)));
  CHECK(scorer.Compound("less hassle", "en") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  CHECK(scorer.Compound("le moins drôle", "fr") ==
        doctest::Approx(Compound(-0.74 * 2)));
  CHECK(scorer.Compound("moins de bruit", "fr") ==
        doctest::Approx(Compound(-0.74 * -1)));
  CHECK(scorer.Compound("weniger gut", "de") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  // Expressions of their own.
  CHECK(scorer.Compound("at least it was funny", "en") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("au moins drôle", "fr") ==
        doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("pour le moins décevant", "fr") ==
        doctest::Approx(Compound(-2)));
  CHECK(scorer.Compound("mehr oder weniger gut", "de") ==
        doctest::Approx(Compound(1.9)));
}

TEST_CASE("a negative subject negates the terms of its clause") {
  const InlineScorer scorer("good\t1.9\nexciting\t2.2\nfunny\t1.9\n",
                            "convaincant\t1.6\nconvaincante\t1.6\n",
                            "gut\t1.9\n");
  CHECK(scorer.Compound("none of the actors were good", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(scorer.Compound("nothing about the plot is exciting", "en") ==
        doctest::Approx(Compound(-0.74 * 2.2)));
  CHECK(scorer.Compound("aucun des acteurs n'est convaincant", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.6)));
  CHECK(scorer.Compound("keiner der Schauspieler ist gut", "de") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  // "personne" is nobody before "ne", at the start of its clause.
  CHECK(scorer.Compound("personne n'est convaincant", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.6)));
  CHECK(scorer.Compound("une personne convaincante", "fr") > 0.0);
  CHECK(scorer.Compound("et personne n'est convaincant", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.6)));
  // After a determiner, a person ("ne ... que" restricts, no negation).
  CHECK(scorer.Compound("une personne n'est convaincante que si", "fr") > 0.0);
  CHECK(scorer.Compound("no one at the table thought it was good", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  // Also after "and" or "but" opening the clause.
  CHECK(scorer.Compound("And none of the actors were good", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(scorer.Compound("Und keiner der Schauspieler ist gut", "de") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  // Not past its clause, nor in "none other than", nor when it is no
  // subject.
  CHECK(scorer.Compound("none of the actors came, the show was good", "en") ==
        doctest::Approx(Compound(-0.6 + 1.9)));
  CHECK(scorer.Compound("none of them, because the cast was good", "en") ==
        doctest::Approx(Compound(-0.6 + 1.9)));
  CHECK(scorer.Compound("none other than the very funny", "en") > 0.0);
  CHECK(scorer.Compound("we came and none of it was funny", "en") ==
        doctest::Approx(Compound(-0.6 + 1.9)));
}

TEST_CASE("a negated verb of opinion negates its complement") {
  const InlineScorer scorer("be back\t1.6\nworth\t0.9\ngood\t1.9\n",
                            "utile\t1.4\n", "");
  CHECK(scorer.Compound("I don't think I will be back", "en") ==
        doctest::Approx(Compound(-0.74 * 1.6)));
  CHECK(scorer.Compound("I do not believe it is worth it", "en") ==
        doctest::Approx(Compound(-0.74 * 0.9)));
  CHECK(scorer.Compound("je ne pense pas que ce soit vraiment utile", "fr") ==
        doctest::Approx(Compound(-0.74 * (1.4 + 0.293))));
  // Other verbs keep the negation window (surprise is no opinion denied):
  // "not" is then a weak cue of its own.
  CHECK(scorer.Compound("I did not expect this to be so good", "en") ==
        doctest::Approx(Compound(1.9 + 0.293 - 0.18)));
}

TEST_CASE("a past counterfactual negates the praise after it") {
  const InlineScorer scorer(
      "great\t3.1\nbetter\t1.9\nfired\t-2.0\nlike\t2\nloved\t2.9\n",
      "mieux\t1.2\ndrôle\t2\nprix\t0.5\naimer\t1.8\n",
      "besser\t1.4\ntoll\t2.5\nmögen\t1.6\n");
  CHECK(scorer.Compound("it could have been great", "en") ==
        doctest::Approx(Compound(-0.74 * 3.1)));
  CHECK(scorer.Compound("it should've been better", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(scorer.Compound("ça aurait pu être mieux", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.2)));
  CHECK(scorer.Compound("das hätte besser sein können", "de") ==
        doctest::Approx(Compound(-0.74 * 1.4)));
  // Negated, it is emphasis or plain negation; a negative term keeps its
  // sign; French hearsay and a German wish are no counterfactual.
  CHECK(scorer.Compound("it couldn't have been better", "en") > 0.0);
  CHECK(scorer.Compound("ça n'aurait pas pu être mieux", "fr") > 0.0);
  CHECK(scorer.Compound("he should have been fired", "en") ==
        doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Compound("il aurait reçu un prix", "fr") ==
        doctest::Approx(Compound(0.5)));
  CHECK(scorer.Compound("das wäre toll", "de") ==
        doctest::Approx(Compound(2.5)));
  CHECK(scorer.Compound("you would have a great time", "en") ==
        doctest::Approx(Compound(3.1)));
  // Wishes and past hopes.
  CHECK(scorer.Compound("I wish it was better", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(scorer.Compound("I wish you a great day", "en") ==
        doctest::Approx(Compound(3.1)));
  CHECK(scorer.Compound("j'espérais plus drôle", "fr") ==
        doctest::Approx(Compound(-0.74 * 2)));
  // A past wish to like: the liking did not come. Not another verb.
  CHECK(scorer.Compound("I wanted to like it", "en") ==
        doctest::Approx(Compound(-0.74 * 2)));
  CHECK(scorer.Compound("je voulais aimer ce livre", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.8)));
  CHECK(scorer.Compound("ich wollte dieses Spiel mögen", "de") ==
        doctest::Approx(Compound(-0.74 * 1.6)));
  CHECK(scorer.Compound("I wanted a quiet room and loved it", "en") ==
        doctest::Approx(Compound(2.9)));
  // A past habit is no longer; a passive or a custom is no habit.
  CHECK(scorer.Compound("it used to be great", "en") ==
        doctest::Approx(Compound(-0.74 * 3.1)));
  CHECK(scorer.Compound("I'm used to great service", "en") ==
        doctest::Approx(Compound(3.1)));
  CHECK(scorer.Compound("it was used to make great bread", "en") ==
        doctest::Approx(Compound(3.1)));
  CHECK(scorer.Compound("früher war alles besser", "de") ==
        doctest::Approx(Compound(-0.74 * 1.4)));
  CHECK(scorer.Compound("früher als gedacht, und besser", "de") ==
        doctest::Approx(Compound(1.4)));
  CHECK(scorer.Compound("kam früher als gedacht und war besser", "de") ==
        doctest::Approx(Compound(1.4)));
  // What used to be bad is no longer either.
  CHECK(scorer.Compound("they used to be fired often", "en") ==
        doctest::Approx(Compound(-0.74 * -2.0)));
  CHECK(scorer.Compound("I'm used to being fired", "en") ==
        doctest::Approx(Compound(-2.0)));
}

TEST_CASE("an adverb of scarcity denies the praise after it") {
  const InlineScorer scorer("edible\t1.0\nscratched\t-1.0\n",
                            "mangeable\t1.0\n", "genießbar\t1.0\n");
  CHECK(scorer.Compound("barely edible", "en") ==
        doctest::Approx(Compound((1.0 - 0.293) * -0.5)));
  CHECK(scorer.Compound("à peine mangeable", "fr") ==
        doctest::Approx(Compound((1.0 - 0.293) * -0.5)));
  CHECK(scorer.Compound("kaum genießbar", "de") ==
        doctest::Approx(Compound((1.0 - 0.293) * -0.5)));
  // A negative term is only dampened.
  CHECK(scorer.Compound("barely scratched", "en") ==
        doctest::Approx(Compound(-1.0 + 0.293)));
}

TEST_CASE("a word of praise alone before a comma is a discourse marker") {
  const InlineScorer scorer("well\t1.1\ncold\t-0.6\nok\t0.9\n",
                            "bon\t1.9\ncher\t-0.8\n", "");
  CHECK(scorer.Compound("Well, the food was cold", "en") ==
        doctest::Approx(Compound(-0.6)));
  CHECK(scorer.Compound("Bon... il est temps d'en parler", "fr") == 0.0);
  // A verdict: before a contrast, alone, or inside its clause.
  // (A mixed verdict: lukewarm, x0.04.)
  CHECK(scorer.Compound("Bon, mais cher", "fr") ==
        doctest::Approx(0.04 * Compound(1.9 * 0.5 - 0.8 * 1.5)));
  CHECK(scorer.Compound("Ok.", "en") == doctest::Approx(Compound(0.9)));
  CHECK(scorer.Compound("It was ok, the food was cold", "en") ==
        doctest::Approx(Compound(0.9 - 0.6)));
}

TEST_CASE("a verb of remedy negates the problem it removes") {
  const InlineScorer scorer("problems\t-1.7\nproblem\t-1.7\n",
                            "problème\t-1.5\n", "fehler\t-1.5\n");
  CHECK(scorer.Compound("this fixes all the problems", "en") ==
        doctest::Approx(Compound(-0.74 * -1.7)));
  CHECK(scorer.Compound("le technicien a résolu le problème", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  CHECK(scorer.Compound("le conseiller a réglé mon problème", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  // A participle of remedy right after the term, or one word on.
  CHECK(scorer.Compound("problem fixed in one call", "en") ==
        doctest::Approx(Compound(-0.74 * -1.7)));
  CHECK(scorer.Compound("the problem is solved", "en") ==
        doctest::Approx(Compound(-0.74 * -1.7)));
  CHECK(scorer.Compound("problème réglé en deux jours", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  CHECK(scorer.Compound("the problem was never really fixed", "en") ==
        doctest::Approx(Compound(-1.7)));
  CHECK(scorer.Compound("er hat den Fehler behoben", "de") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  CHECK(scorer.Compound("sie haben den Fehler sofort ersetzt", "de") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  // A negated remedy leaves the problem, and so does one in scare quotes.
  CHECK(scorer.Compound("it didn't fix the problem", "en") ==
        doctest::Approx(Compound(-1.7)));
  CHECK(scorer.Compound("the \"fixed\" problem is back", "en") ==
        doctest::Approx(Compound(-1.7)));
  // What stopped or is gone.
  CHECK(scorer.Compound("the update stopped the problems", "en") ==
        doctest::Approx(Compound(-0.74 * -1.7)));
  CHECK(scorer.Compound("the problem is gone", "en") ==
        doctest::Approx(Compound(-0.74 * -1.7)));
  CHECK(scorer.Compound("le problème a disparu", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  CHECK(scorer.Compound("der Fehler ist verschwunden", "de") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  // Right after the term too: "problem gone by the evening".
  CHECK(scorer.Compound("problem gone by the evening", "en") ==
        doctest::Approx(Compound(-0.74 * -1.7)));
  // Not in another clause, nor past a negator, nor "Weg" (a path) right
  // after the term.
  CHECK(scorer.Compound("the problem remains, the rest is gone", "en") ==
        doctest::Approx(Compound(-1.7)));
  CHECK(scorer.Compound("der Fehler Weg", "de") ==
        doctest::Approx(Compound(-1.5)));
  // Nor "gone back" (returned).
  CHECK(scorer.Compound("the problem so I have gone back to paper", "en") ==
        doctest::Approx(Compound(-1.7)));
  CHECK(scorer.Compound("der Fehler ist immer noch nicht behoben", "de") < 0.0);
  // German puts the participle last, however far.
  CHECK(scorer.Compound("er hat den Fehler beim ersten Anruf behoben", "de") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
}

TEST_CASE("a mark of irony negates the praise next to it") {
  const Lexicon en = MustParse("great\t3.1\nrise\t-1.0\n");
  const Lexicon emoji = MustParse("🙃\t-0.8\n😍\t2.5\n😡\t-2.0\n");
  const Scorer scorer{ScorerLexicons{.en = &en, .emoji = &emoji}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "en"}).compound;
  };
  // An angry or huffing face beside praise marks it too.
  CHECK(compound("a great haircut 😡") ==
        doctest::Approx(Compound(-0.74 * 3.1 - 2.0)));
  CHECK(compound("great holidays 😤") == doctest::Approx(Compound(-0.74 * 3.1)));
  CHECK(compound("Great, another price rise 🙃") ==
        doctest::Approx(Compound(-0.74 * 3.1 - 1.0 - 0.8)));
  CHECK(compound("great weather #sarcasm") ==
        doctest::Approx(Compound(-0.74 * 3.1)));
  // Not another emoji, not a hashtag of irony's word written plainly, and
  // not praise far from the mark in another sentence or before a contrast.
  CHECK(compound("great weather 😍") == doctest::Approx(Compound(3.1 + 2.5)));
  CHECK(compound("great, I said sarcasm") == doctest::Approx(Compound(3.1)));
  CHECK(compound("a great day. A b c d e f g h i j k l m n o p q 🙃 r") ==
        doctest::Approx(Compound(3.1 - 0.8)));
  CHECK(compound("great a b c d e f g h i j k l m n o p but q 🙃") ==
        doctest::Approx(Compound(3.1 * 0.5 - 0.8 * 1.5)));
  // Praise far from the mark in the sentence it closes is taken back, and
  // in a short text it closes.
  CHECK(compound("great a b c d e f g h i j k l m n o p q 🙃") ==
        doctest::Approx(Compound(-0.74 * 3.1 - 0.8)));
  CHECK(compound("a great day. A b c d e f g h i j k l m n o p q 🙃") ==
        doctest::Approx(Compound(-0.74 * 3.1 - 0.8)));
}

TEST_CASE("an indignant question of why is a complaint") {
  const InlineScorer scorer("", "", "");
  CHECK(scorer.Compound("Why is a pint 7 pounds now??", "en") < Compound(-1.0));
  CHECK(scorer.Compound("@Bank why do you log me out every minute?", "en") ==
        doctest::Approx(Compound(-1.0)));
  CHECK(scorer.Compound("Pourquoi faut-il trois semaines ?", "fr") ==
        doctest::Approx(Compound(-1.0)));
  CHECK(scorer.Compound("Warum muss ich dafür einen Termin buchen?", "de") ==
        doctest::Approx(Compound(-1.0)));
  // Not a question of why without a mark of indignation, nor "why not?",
  // nor a statement.
  CHECK(scorer.Compound("Wieso hat der Kapitän eigene Matrosen?", "de") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Why not? You must try it!", "en") ==
        doctest::Approx(scorer.Compound("Well not? You must try it!", "en")));
  CHECK(scorer.Compound("Why you must go there.", "en") ==
        doctest::Approx(0.0));
}

TEST_CASE(
    "a short question of disbelief addressed to someone is exasperation") {
  const InlineScorer scorer("joke\t1.2\n", "sérieux\t1.5\n", "ernst\t0.5\n");
  CHECK(scorer.Compound("£55 for 2 cm. Are you serious?", "en") ==
        doctest::Approx(Compound(-1.5)));
  CHECK(scorer.Compound("Is this a joke?", "en") ==
        doctest::Approx(Compound(-1.5)));
  CHECK(scorer.Compound("Vous êtes sérieux ?", "fr") ==
        doctest::Approx(Compound(-1.5)));
  CHECK(scorer.Compound("Ist das euer Ernst?", "de") ==
        doctest::Approx(Compound(-1.5)));
  // Not a statement, a long question, or one addressed to no one.
  CHECK(scorer.Compound("Vous êtes sérieux.", "fr") > 0.0);
  CHECK(scorer.Compound("Is it a joke if nobody at the front desk laughs?",
                        "en") >= 0.0);
  CHECK(scorer.Compound("Ist es ernst?", "de") >= 0.0);
}

TEST_CASE("a word of disbelief alone as a question is exasperation") {
  const InlineScorer scorer("great\t3.1\nreally\t0.5\n", "sérieux\t1.5\n",
                            "ernsthaft\t0.5\n");
  CHECK(scorer.Compound("Zipper broke on the first wear. Seriously?", "en") ==
        doctest::Approx(Compound(-1.5)));
  CHECK(scorer.Compound("Le petit-déj à 18 €. Sérieux ?", "fr") ==
        doctest::Approx(Compound(-1.5)));
  CHECK(scorer.Compound("Kündigen nur per Brief. Ernsthaft?", "de") ==
        doctest::Approx(Compound(-1.5)));
  // It marks irony: the praise before it is taken back.
  CHECK(scorer.Compound("Great service. Really?", "en") ==
        doctest::Approx(Compound(-0.74 * 3.1 - 1.5)));
  // Not without the question mark, nor alone.
  CHECK(scorer.Compound("It broke. Seriously.", "en") == doctest::Approx(0.0));
  CHECK(scorer.Compound("Sérieux ?", "fr") == doctest::Approx(Compound(1.5)));
}

TEST_CASE("a slow clap after a complaint is a mark of irony, no valence") {
  const Lexicon en = MustParse("great\t3.1\nlate\t-1.0\n");
  const Lexicon emoji = MustParse("👏\t1.5\n");
  const Scorer scorer{ScorerLexicons{.en = &en, .emoji = &emoji}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "en"}).compound;
  };
  CHECK(compound("late again, great service 👏👏") ==
        doctest::Approx(Compound(-1.0 - 0.74 * 3.1)));
  CHECK(compound("didn't come, great service 👏 👏 👏") < 0.0);
  // Without a complaint it is applause, though of no valence.
  CHECK(compound("Great service 👏👏") == doctest::Approx(Compound(3.1)));
  // One clap is applause.
  CHECK(compound("Great service 👏") == doctest::Approx(Compound(3.1 + 1.5)));
}

TEST_CASE("praise in scare quotes is not vouched for") {
  const InlineScorer scorer("sea view\t1.5\nfree\t1.0\nmasterpiece\t3.0\n",
                            "charmant\t2.0\n", "puenktlich\t1.0\n");
  CHECK(scorer.Compound("The \"sea view\" was a car park", "en") ==
        doctest::Approx(Compound(-0.74 * 1.5)));
  CHECK(scorer.Compound("Le « charmant » studio sentait l'humidité", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.0)));
  CHECK(scorer.Compound("Die App zeigt „Pünktlich“, kein Zug da", "de") < 0.0);
  // Not a title, a quoted sentence, a longer quotation, or a quotation a
  // verb introduces.
  CHECK(scorer.Compound("\"Free\" is out on Friday", "en") > 0.0);
  CHECK(scorer.Compound("A sign read \"all free.\" Nice", "en") > 0.0);
  CHECK(scorer.Compound("\"free as in a free lunch\" they say", "en") > 0.0);
  CHECK(scorer.Compound("The critics called it \"a masterpiece\"", "en") > 0.0);
  CHECK(scorer.Compound("It is free, no quotes needed", "en") > 0.0);
}

TEST_CASE("a negator alone at the end takes the praise back") {
  const InlineScorer scorer("fun\t2.0\n", "", "spass\t2.0\n");
  // The negator itself still counts as an orphan negation (-0.18).
  CHECK(scorer.Compound("a fun day today... not.", "en") ==
        doctest::Approx(Compound(-0.74 * 2.0 - 0.18)));
  CHECK(scorer.Compound("Homeoffice macht heute Spaß. Nicht.", "de") ==
        doctest::Approx(Compound(-0.74 * 2.0 - 0.18)));
  CHECK(scorer.Compound("a fun day today #not", "en") < 0.0);
  CHECK(scorer.Compound("a fun day today… not", "en") < 0.0);
  // Also before the hashtags that close a tweet.
  CHECK(scorer.Compound("Homeoffice macht heute Spaß. Nicht. #Montag", "de") ==
        doctest::Approx(Compound(-0.74 * 2.0 - 0.18)));
  CHECK(scorer.Compound("a fun day today, not #monday", "en") > 0.0);
  // Not a negator after a comma or inside the last clause, nor in a text
  // that short.
  CHECK(scorer.Compound("a fun day today, not", "en") > 0.0);
  CHECK(scorer.Compound("so much fun, why not", "en") > 0.0);
  CHECK(scorer.Compound("fun. not.", "en") > 0.0);
}

TEST_CASE("a denying answer at the end takes the praise back") {
  const InlineScorer scorer("worth it\t1.5\n", "vaut le coup\t1.8\n",
                            "lohnt\t1.5\n");
  // The negator itself still counts as an orphan negation (-0.18).
  CHECK(scorer.Compound("Is it worth it? Not at all.", "en") ==
        doctest::Approx(Compound(-0.74 * 1.5 - 0.18)));
  CHECK(scorer.Compound("Ça vaut le coup ? Pas du tout.", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.8 - 0.18)));
  CHECK(scorer.Compound("Ob es sich lohnt? Überhaupt nicht.", "de") < 0.0);
  CHECK(scorer.Compound("Ob es sich lohnt? Eher nicht.", "de") < 0.0);
  // Not inside a sentence.
  CHECK(scorer.Compound("it is worth it and not at all", "en") > 0.0);
}

TEST_CASE("a request for advice judges nothing") {
  const InlineScorer scorer("good\t1.9\nbad\t-2.5\n", "bon\t1.9\n",
                            "gutes\t1.9\nanfaenger\t-0.5\nempfehlen\t2.0\n");
  CHECK(scorer.Compound("Does anyone know a good dentist?", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Kennt jemand ein gutes Café?", "de") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Welche Schuhe könnt ihr für Anfänger empfehlen?",
                        "de") == doctest::Approx(0.0));
  CHECK(scorer.Compound("Quelqu'un connaît un bon garagiste ?", "fr") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Quelqu'un sait si le bon est valable ?", "fr") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Kann mir jemand ein gutes Café empfehlen?", "de") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Has anyone tried the good one?", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("What's the good food for a kitten?", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Hat jemand nen Tipp für ein gutes Café?", "de") ==
        doctest::Approx(0.0));
  // Which thing is good: its praise is sought, its blame is not.
  CHECK(scorer.Compound("Which one is good for a student?", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Which idiot made this bad?", "en") < 0.0);
  // Whether a thing is good or worth it: its praise is sought too.
  CHECK(scorer.Compound("Is the good one worth the price?", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Lohnt sich ein gutes Café hier?", "de") ==
        doctest::Approx(0.0));
  // Where the good thing is: its praise is sought too.
  CHECK(scorer.Compound("Where can I find good pizza?", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Wo gibt es ein gutes Café?", "de") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Where is the bad one?", "en") < 0.0);
  // Unless the text answers yes.
  CHECK(scorer.Compound("Is the good one worth the price? Absolutely.", "en") >
        0.0);
  // Not a question that asks for no advice, nor without a question mark.
  CHECK(scorer.Compound("Can anyone explain why this is so bad?", "en") < 0.0);
  CHECK(scorer.Compound("does anyone know a good dentist", "en") > 0.0);
}

TEST_CASE("a capitalised word inside a name is no opinion") {
  const InlineScorer scorer("paradise\t3.2\nbest\t3.2\nflop\t-2.0\n",
                            "délice\t2.9\nintoxication\t-2.8\n", "gute\t1.9\n");
  CHECK(scorer.Compound("Intoxication après les sushis de chez Sakura Délice.",
                        "fr") < 0.0);
  CHECK(scorer.Compound("The show in Paradise Valley was a flop.", "en") < 0.0);
  // Lower case, at a sentence's start, alone, in a title-cased text or in
  // German, it counts.
  CHECK(scorer.Compound("The show was paradise.", "en") > 0.0);
  CHECK(scorer.Compound("Paradise Valley was a flop. Best Show ever.", "en") >
        scorer.Compound("Paradise Valley was a flop.", "en"));
  CHECK(scorer.Compound("The Show In Paradise Valley Was A Flop", "en") >
        scorer.Compound("The show in Paradise Valley was a flop.", "en"));
  CHECK(scorer.Compound("Alles Gute Leute", "de") > 0.0);
}

TEST_CASE("an intent to come back is praise, and negated, blame") {
  const InlineScorer scorer("", "", "");
  CHECK(scorer.Compound("Will order from them again!", "en") > 0.0);
  CHECK(scorer.Compound("We'd do it again in a heartbeat.", "en") > 0.0);
  CHECK(scorer.Compound("Ich würde wieder hingehen.", "de") > 0.0);
  CHECK(scorer.Compound("Wir kommen auf jeden Fall wieder!", "de") > 0.0);
  CHECK(scorer.Compound("Ich würde es jederzeit nochmal kaufen.", "de") > 0.0);
  CHECK(scorer.Compound("I will never use them again.", "en") < 0.0);
  CHECK(scorer.Compound("Won't be using them again.", "en") < 0.0);
  CHECK(scorer.Compound("Ich würde nicht wieder hingehen.", "de") < 0.0);
  // Not what will happen again, an obligation, a doubt or a question.
  CHECK(scorer.Compound("It will break again.", "en") == doctest::Approx(0.0));
  CHECK(scorer.Compound("I'll have to call again.", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Not sure if we will go back again.", "en") <= 0.0);
  CHECK(scorer.Compound("Will you order again?", "en") == doctest::Approx(0.0));
  CHECK(scorer.Compound("Ich habe immer wieder Probleme.", "de") <= 0.0);
}

TEST_CASE("an adverb of certainty before a negation praises nothing") {
  const InlineScorer scorer("definitely\t1.7\norder again\t1.6\n",
                            "certainement\t1.5\nbon\t1.9\n",
                            "sicher\t1.2\ngut\t1.9\n");
  CHECK(scorer.Compound("I definitely won't order again.", "en") < 0.0);
  CHECK(scorer.Compound("Ce n'est certainement pas bon.", "fr") < 0.0);
  CHECK(scorer.Compound("Das ist sicher nicht gut.", "de") < 0.0);
  // With no negation, or a negation in another clause, it is praise.
  CHECK(scorer.Compound("Definitely.", "en") > 0.0);
  CHECK(scorer.Compound("Definitely, no doubt.", "en") > 0.0);
}

TEST_CASE("praise that is sought is no verdict") {
  const InlineScorer scorer("good\t1.9\nhonest\t1.5\n",
                            "bonne\t1.9\nintéressant\t1.6\n", "guter\t1.9\n");
  CHECK(scorer.Compound("Looking for a bank with a good app.", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Je cherche une bonne banque en ligne.", "fr") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Suche eine Bank mit guter App.", "de") ==
        doctest::Approx(0.0));
  // Not what was found, nor what a book seeks, nor in another sentence.
  CHECK(scorer.Compound("Exactly what I was looking for, good app.", "en") >
        0.0);
  CHECK(scorer.Compound("Le recueil cherche un sujet intéressant.", "fr") >
        0.0);
  CHECK(scorer.Compound("Looking for a bank. Honest staff here.", "en") > 0.0);
}

TEST_CASE("a yes/no question of fact judges nothing") {
  const InlineScorer scorer("strike\t-0.5\ndown\t-1.0\nfine\t0.8\n",
                            "panne\t-1.4\nblague\t-1.0\nbon\t1.9\n",
                            "störung\t-1.2\nkaputt\t-2.0\n");
  CHECK(scorer.Compound("Est-ce que la panne est réglée ?", "fr") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("@easyJet vous savez si c'est la panne ?", "fr") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Hi, is the flight still on despite the strike?",
                        "en") == doctest::Approx(0.0));
  CHECK(scorer.Compound("Weiß jemand, ob die Störung behoben ist?", "de") ==
        doctest::Approx(0.0));
  // The other sentences keep their valence.
  CHECK(scorer.Compound("Kaffeemaschine kaputt. Ist heute Montag?", "de") ==
        doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Compound("The panne? Is it fine?", "en") ==
        doctest::Approx(0.0));
  // Not "c'est" nor "qu'est-ce", not a question that asks why, whether
  // others suffer too, "is it just me", a plea, or "or what".
  CHECK(scorer.Compound("C'est une blague ?", "fr") < 0.0);
  CHECK(scorer.Compound("Qu'est-ce que c'est que cette panne ?", "fr") < 0.0);
  CHECK(scorer.Compound("Is anyone else's internet down?", "en") < 0.0);
  CHECK(scorer.Compound("Is it just me or is it down?", "en") < 0.0);
  CHECK(scorer.Compound("Does it say why it is down?", "en") < 0.0);
  CHECK(scorer.Compound("Kann man bitte aufhören, kaputt zu machen?", "de") <
        0.0);
  CHECK(scorer.Compound("Ist der kaputt oder was?", "de") < 0.0);
  // Nor a statement, nor a question opened by another word.
  CHECK(scorer.Compound("Is the flight on despite the strike.", "en") < 0.0);
  CHECK(scorer.Compound("Pourquoi encore une panne ?", "fr") < 0.0);
}

TEST_CASE(
    "a question of how to do something, asked for oneself, judges "
    "nothing") {
  const InlineScorer scorer("refund\t-1.2\nbroken\t-2.1\nwaste\t-1.8\n",
                            "resilier\t-1.0\npanne\t-1.4\n",
                            "kündige\t-1.2\ndumm\t-2.0\n");
  CHECK(scorer.Compound("How do I get a refund for a broken phone?", "en") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Comment résilier mon forfait ?", "fr") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Bonjour, comment je signale une panne ?", "fr") ==
        doctest::Approx(0.0));
  CHECK(scorer.Compound("Wie kündige ich meinen Vertrag?", "de") ==
        doctest::Approx(0.0));
  // Not asked for oneself, nor a statement.
  CHECK(scorer.Compound("How do you waste a cast this good?", "en") < 0.0);
  CHECK(scorer.Compound("Wie kann man so dumm sein?", "de") < 0.0);
  CHECK(scorer.Compound("How do I get a refund. Broken.", "en") < 0.0);
}

TEST_CASE("a question of disbelief negates its praise") {
  const InlineScorer scorer("like\t1.5\n", "aimer\t1.8\n", "gut\t1.9\n");
  CHECK(scorer.Compound("How could anyone like this?", "en") ==
        doctest::Approx(Compound(-0.74 * 1.5)));
  CHECK(scorer.Compound("Comment peut-on aimer ça ?", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.8)));
  CHECK(scorer.Compound("Wie kann man das gut finden?", "de") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  // Not without the question mark, nor a plain question.
  CHECK(scorer.Compound("how could anyone like this", "en") > 0.0);
  CHECK(scorer.Compound("How do you like this?", "en") > 0.0);
}

TEST_CASE("praise in a condition of exception is negated") {
  const InlineScorer scorer("enjoy\t2.2\nrecommend\t1.5\n",
                            "aimez\t2.0\naimiez\t2.0\n", "gut\t1.9\n");
  CHECK(scorer.Compound("buy it unless you enjoy waiting", "en") ==
        doctest::Approx(Compound(-0.74 * 2.2)));
  CHECK(scorer.Compound("à fuir, à moins que vous aimiez attendre", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.0)));
  // "si" also boosts the verb two words on (+0.95 * 0.293).
  CHECK(scorer.Compound("sauf si vous aimez attendre", "fr") ==
        doctest::Approx(Compound(-0.74 * (2.0 + 0.95 * 0.293))));
  CHECK(scorer.Compound("es sei denn man findet das gut", "de") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  // Not "moins" as a comparative, nor "si" without "sauf" (an audience's
  // taste, which counts nothing), nor praise outside the condition.
  CHECK(scorer.Compound("à moins de dix euros vous aimez", "fr") > 0.0);
  CHECK(scorer.Compound("si vous aimez attendre", "fr") == 0.0);
  CHECK(scorer.Compound("I recommend it, unless", "en") > 0.0);
}

TEST_CASE("generic praise as the last sentence after a complaint is sarcasm") {
  const InlineScorer scorer(
      "great\t3\nlate\t-1\nimpressed\t2\ncancelled\t-1\nday\t0\n",
      "super\t2\nretard\t-1\npanne\t-1\nbelle\t1.9\nvive\t1\n",
      "toll\t2\nverspaetung\t-1\ngratuliere\t2\n");
  const InlineScorer cheers(
      "cheers\t2.1\nstuck\t-1\ngreat\t3\nthanks\t1.9\nfixed\t0\n", "", "");
  CHECK(cheers.Compound("Stuck for an hour. thanks lads", "en") ==
        doctest::Approx(Compound(-1 - 0.74 * 1.9)));
  CHECK(cheers.Compound("Stuck for an hour, then fixed. thanks lads", "en") ==
        doctest::Approx(Compound(-1 + 1.9)));
  CHECK(cheers.Compound("Stuck on the platform for 40 minutes. cheers", "en") ==
        doctest::Approx(Compound(-1 - 0.74 * 2.1)));
  // A longer sentence of praise and fillers alone, one before it of the
  // same kind, and closing hashtags after it.
  CHECK(cheers.Compound("Stuck for an hour. great, just great", "en") ==
        doctest::Approx(Compound(-1 - 0.74 * 3 * 2)));
  CHECK(cheers.Compound("Stuck for an hour. Great. Just great.", "en") ==
        doctest::Approx(Compound(-1 - 0.74 * 3 * 2)));
  CHECK(cheers.Compound("Stuck for an hour. Great. #trains", "en") ==
        doctest::Approx(Compound(-1 - 0.74 * 3)));
  // Not a sentence with another word.
  CHECK(cheers.Compound("Stuck for an hour. great trains, just great", "en") >
        0.0);
  // Quoted words and no praise before it make it sarcasm too.
  CHECK(cheers.Compound(
            "They closed it and the \"solution\" is a drive. Great.", "en") ==
        doctest::Approx(Compound(-0.74 * 3)));
  CHECK(cheers.Compound("They closed it and the solution is a drive. Great.",
                        "en") == doctest::Approx(Compound(3)));
  // A filler after a comma ends the longer sentence: "Great service, truly."
  CHECK(cheers.Compound("Stuck for an hour. Great service, truly.", "en") ==
        doctest::Approx(Compound(-1 - 0.74 * 3)));
  CHECK(scorer.Compound("Zwei Stunden Verspätung. Gratuliere.", "de") ==
        doctest::Approx(Compound(-1 - 0.74 * 2)));
  CHECK(scorer.Compound("Une panne, du retard. Belle organisation.", "fr") ==
        doctest::Approx(Compound(-2 - 0.74 * 1.9)));
  CHECK(scorer.Compound("Une panne, du retard. Vive la SNCF.", "fr") < 0.0);
  const InlineScorer amazed("", "incroyable\t2.1\nretard\t-1\n",
                            "unglaublich\t2\nverspaetung\t-1\n");
  CHECK(amazed.Compound("Deux heures de retard. Incroyable.", "fr") ==
        doctest::Approx(Compound(-1 - 0.74 * 2.1)));
  CHECK(amazed.Compound("Zwei Stunden Verspätung. Unglaublich.", "de") ==
        doctest::Approx(Compound(-1 - 0.74 * 2)));
  const InlineScorer wow("wow\t2.8\nlate\t-1\ncancelled\t-1\n", "", "");
  CHECK(wow.Compound("Cancelled, then late. Wow.", "en") ==
        doctest::Approx(Compound(-2 - 0.74 * 2.8)));
  // One word of praise may close the complaint after a comma too.
  CHECK(scorer.Compound("Une panne, du retard, super.", "fr") ==
        doctest::Approx(Compound(-2 - 0.74 * 2)));
  CHECK(scorer.Compound("Cancelled again, now I'm late. Great.", "en") ==
        doctest::Approx(Compound(-2 - 0.74 * 3)));
  CHECK(scorer.Compound("Cancelled again, now I'm late. Great day!", "en") <
        0.0);
  CHECK(scorer.Compound("Encore une panne, une heure de retard. Super.",
                        "fr") == doctest::Approx(Compound(-2 - 0.74 * 2)));
  CHECK(scorer.Compound("Schon wieder eine Stunde Verspätung. Toll.", "de") ==
        doctest::Approx(Compound(-1 - 0.74 * 2)));
  // Not after praise, nor a particular praise, nor with a contrast, nor
  // praise inside the last sentence.
  CHECK(scorer.Compound("It was never late this year. Great.", "en") > 0.0);
  CHECK(scorer.Compound("Late again, so I'm cancelled. Classy.", "en") < 0.0);
  CHECK(scorer.Compound("Cancelled, I was late. Impressed.", "en") ==
        doctest::Approx(Compound(-2 + 2)));
  CHECK(scorer.Compound("Cancelled, but they were not late. Great.", "en") >
        0.0);
  CHECK(scorer.Compound("Cancelled, late. The crew was great.", "en") ==
        doctest::Approx(Compound(-2 + 3)));
  // Nor after the plot of a book or a film.
  CHECK(scorer.Compound("A film about a cancelled flight, late. Great.",
                        "en") == doctest::Approx(Compound(-2 + 3)));
  // Nor after a remedy to the problem, unless it is denied.
  CHECK(scorer.Compound("Cancelled, late, refunded in 2 days. Great.", "en") ==
        doctest::Approx(Compound(-2 + 3)));
  CHECK(scorer.Compound("Une panne, du retard, réparée avant midi. Super.",
                        "fr") == doctest::Approx(Compound(-2 + 2)));
  CHECK(scorer.Compound("Verspätung, Geld zurückerstattet. Toll.", "de") ==
        doctest::Approx(Compound(-1 + 2)));
  CHECK(scorer.Compound("Cancelled, late, never refunded. Great.", "en") < 0.0);
  CHECK(scorer.Compound("Cancelled, late, the \"refunded\" fare. Great.",
                        "en") < 0.0);
  CHECK(scorer.Compound("Une panne, du retard, toujours pas remboursé. Super.",
                        "fr") < 0.0);
  // An opening praise alone before a comma, after "oh" or "ganz" too.
  CHECK(scorer.Compound("Great, cancelled again and late.", "en") ==
        doctest::Approx(Compound(-2 - 0.74 * 3)));
  CHECK(scorer.Compound("Super, une panne et du retard.", "fr") ==
        doctest::Approx(Compound(-2 - 0.74 * 2)));
  // "ganz" boosts "toll" (+0.293).
  CHECK(scorer.Compound("Ganz toll, wieder eine Stunde Verspätung.", "de") ==
        doctest::Approx(Compound(-1 - 0.74 * (2 + 0.293))));
  CHECK(scorer.Compound("Great, it was never late this year.", "en") > 0.0);
  // A praise of a noun opening the text before a comma, as French says it.
  CHECK(scorer.Compound("Super la SNCB, une panne et du retard.", "fr") ==
        doctest::Approx(Compound(-2 - 0.74 * 2)));
  CHECK(scorer.Compound("Super l'appli, une panne et du retard.", "fr") ==
        doctest::Approx(Compound(-2 - 0.74 * 2)));
  CHECK(scorer.Compound("Super la SNCB, belle organisation.", "fr") > 0.0);
  // Nothing of a text scored before it counts: a four-word text reads no
  // boundary past its end.
  const InlineScorer reuse("", "génial\t3\npanne\t-1\nretard\t-1\n", "");
  reuse.Compound("a b c d, e f g h i j", "fr");
  CHECK(reuse.Compound("génial la panne retard", "fr") ==
        doctest::Approx(Compound(3 - 1 - 1)));
  // Or before a relative "qui".
  CHECK(scorer.Compound("Super la SNCB qui a une panne et du retard.", "fr") ==
        doctest::Approx(Compound(-2 - 0.74 * 2)));
  CHECK(scorer.Compound("Super la SNCB qui a une belle organisation.", "fr") >
        0.0);
  CHECK(scorer.Compound("Super la SNCB. Une panne et du retard.", "fr") ==
        doctest::Approx(Compound(2 - 2)));
}

TEST_CASE("the names of a request judge nothing where they stand") {
  const Lexicon en = MustParse("best\t3.2\nlost\t-1.3\nvery\t1\n");
  const Lexicon fr = MustParse("super\t2.9\nhausse\t-1\n");
  const Lexicon de = MustParse("gut\t1.9\n");
  const Scorer scorer{ScorerLexicons{.en = &en, .fr = &fr, .de = &de}};
  const std::string_view best_buy[] = {"best buy", "bestbuy"};
  auto score = [&](const char* text, const char* lang,
                   std::span<const std::string_view> names,
                   Explanation* ex = nullptr) {
    return scorer
        .Score(text, ScoreRequest{.language = lang, .names = names}, ex)
        .compound;
  };
  Explanation ex;
  CHECK(score("Best Buy lost my order", "en", best_buy, &ex) ==
        doctest::Approx(Compound(-1.3)));
  CHECK(ex.normalisation ==
        std::vector<std::string>{"best buy -> a name, judges nothing"});
  // A hashtag's words, every occurrence, and not the words elsewhere.
  CHECK(score("#BestBuy lost my order", "en", best_buy) ==
        doctest::Approx(Compound(-1.3)));
  CHECK(score("best buy, best buy", "en", best_buy) == 0.0);
  CHECK(score("Best Buy is the best", "en", best_buy) ==
        doctest::Approx(Compound(3.2)));
  CHECK(score("Best Buy lost my order", "en", {}) > 0.0);
  // Nor boosters; in each language, spelled with or without umlauts.
  const std::string_view very[] = {"very"};
  CHECK(score("Very lost my order", "en", very) ==
        doctest::Approx(Compound(-1.3)));
  const std::string_view super_u[] = {"super u"};
  CHECK(score("Super U : encore une hausse", "fr", super_u) ==
        doctest::Approx(Compound(-1)));
  const std::string_view gut[] = {"gut & gunstig"};
  CHECK(score("Gut & Günstig ist gut", "de", gut) ==
        doctest::Approx(Compound(1.9)));
  // The same text scored again without names scores its words again.
  CHECK(score("Best Buy lost my order", "en", {}) ==
        doctest::Approx(Compound(3.2 - 1.3)));
}

TEST_CASE("an expletive opening a sentence of praise exclaims it") {
  const InlineScorer scorer("hell\t-3.6\ngood\t1.9\nlate\t-1\n",
                            "merde\t-2.1\nbon\t1.9\n",
                            "scheiße\t-2.8\ngut\t1.9\n");
  CHECK(scorer.Compound("Scheiße, ist die App gut geworden.", "de") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("Merde, c'est bon.", "fr") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("fucking hell, that was good", "en") ==
        doctest::Approx(Compound(1.9)));
  // Not before blame, nor alone, nor inside a sentence.
  CHECK(scorer.Compound("Hell, good but late.", "en") < 0.0);
  CHECK(scorer.Compound("Scheiße.", "de") == doctest::Approx(Compound(-2.8)));
  CHECK(scorer.Compound("Das war gut, Scheiße.", "de") ==
        doctest::Approx(Compound(1.9 - 2.8)));
}

TEST_CASE("praise, then a contrast to an unscored drawback, is mixed") {
  const InlineScorer scorer("good\t1.9\ngreat\t3.1\nslow\t-1.2\n",
                            "riche\t1.4\n", "");
  // Lukewarm: the compound is multiplied by 0.04.
  CHECK(scorer.Compound("Good multiplayer, but the campaign is 4 hours long",
                        "en") == doctest::Approx(0.04 * Compound(0.5 * 1.9)));
  CHECK(scorer.Compound(
            "L'univers est riche mais les personnages manquent d'épaisseur",
            "fr") == doctest::Approx(0.04 * Compound(0.5 * 1.4)));
  // Not after strong praise, nor before a scored drawback, nor with fewer
  // than three words after the contrast.
  CHECK(scorer.Compound("Great multiplayer, but the campaign is 4 hours long",
                        "en") == doctest::Approx(Compound(0.5 * 3.1)));
  CHECK(scorer.Compound("Good multiplayer, but the campaign is slow and slow",
                        "en") ==
        doctest::Approx(Compound(0.5 * 1.9 - 1.5 * 1.2 * 2)));
  CHECK(scorer.Compound("Good multiplayer, but short", "en") ==
        doctest::Approx(Compound(0.5 * 1.9)));
}

TEST_CASE("mild praise, then a contrast to one mild blame, is mixed") {
  const InlineScorer scorer("nice\t1.8\nslow\t-1.2\nawful\t-2.5\nrude\t-1.5\n",
                            "", "");
  CHECK(scorer.Compound("Game looks nice but the servers are slow", "en") ==
        doctest::Approx(0.04 * Compound(0.5 * 1.8 - 1.5 * 1.2)));
  // Not a strong blame, nor two of them.
  CHECK(scorer.Compound("Game looks nice but the servers are awful", "en") ==
        doctest::Approx(Compound(0.5 * 1.8 - 1.5 * 2.5)));
  CHECK(scorer.Compound("Looks nice but slow and rude", "en") ==
        doctest::Approx(Compound(0.5 * 1.8 - 1.5 * 1.2 - 1.5 * 1.5)));
}

TEST_CASE("an echo in capitals of a text that praises nothing is a complaint") {
  const InlineScorer scorer("great\t3.1\n", "", "");
  CHECK(scorer.Compound("Had my car 5 weeks for a door handle. FIVE WEEKS.",
                        "en") == doctest::Approx(Compound(-1.0)));
  CHECK(scorer.Compound("Au bout de 3 semaines. 3 SEMAINES. Pour 120€.",
                        "fr") == doctest::Approx(Compound(-1.0)));
  CHECK(scorer.Compound("Will 1.800 € für einen Schlüssel. EINEN SCHLÜSSEL.",
                        "de") == doctest::Approx(Compound(-1.0)));
  // Not without an echo, nor a hashtag, nor after praise, nor a text all in
  // capitals.
  CHECK(scorer.Compound("Had my car 5 weeks. TWO DAYS.", "en") == 0.0);
  CHECK(scorer.Compound("Is the UBS app down? #UBS", "en") == 0.0);
  CHECK(scorer.Compound("Great food. GREAT FOOD.", "en") > 0.0);
  CHECK(scorer.Compound("CAR FIVE WEEKS. FIVE WEEKS.", "en") == 0.0);
}

TEST_CASE("a question's missing information is no complaint") {
  const InlineScorer scorer("", "", "");
  CHECK(scorer.Compound("Does it fit the 2019 model? The description doesn't "
                        "say.",
                        "en") == 0.0);
  CHECK(scorer.Compound("L'hôtel accepte les chiens ? Pas trouvé l'info sur "
                        "le site.",
                        "fr") == 0.0);
  CHECK(scorer.Compound("Gibt es die App für Tablets? Finde nichts in der "
                        "Beschreibung.",
                        "de") == 0.0);
  // Not without a question, nor a negation far from the place looked in.
  CHECK(scorer.Compound("The description doesn't say.", "en") < 0.0);
  CHECK(scorer.Compound("Does it fit? It never arrived, so the description "
                        "is all I have.",
                        "en") < 0.0);
}

TEST_CASE("a question whether something is worth it judges nothing") {
  const InlineScorer scorer("worth it\t1.6\n", "vaut le coup\t1.6\n",
                            "lohnt sich\t1.5\n");
  CHECK(scorer.Compound("Anyone tried it? Worth it?", "en") == 0.0);
  CHECK(scorer.Compound("Ça vaut le coup, l'abonnement ?", "fr") == 0.0);
  CHECK(scorer.Compound("Lohnt sich das Abo?", "de") == 0.0);
  // Not a statement, nor a question why.
  CHECK(scorer.Compound("Worth it.", "en") > 0.0);
  CHECK(scorer.Compound("Why is it worth it?", "en") > 0.0);
}

TEST_CASE("thanks for what the clause blames are sarcastic") {
  const InlineScorer scorer(
      "thanks\t1.9\nmouldy\t-2.5\nquick\t1.0\nrefund\t-1.2\n",
      "merci\t1.8\nretard\t-1.4\n", "danke\t1.5\nverspätung\t-1.2\n");
  CHECK(scorer.Compound("Thanks for the mouldy strawberries", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9 - 2.5)));
  CHECK(scorer.Compound("Merci pour le retard", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.8 - 1.4)));
  CHECK(scorer.Compound("Danke für die Verspätung", "de") ==
        doctest::Approx(Compound(-0.74 * 1.5 - 1.2)));
  // Not after praise, nor for a redress, nor across a comma.
  CHECK(scorer.Compound("Thanks for the quick mouldy fix", "en") > 0.0);
  CHECK(scorer.Compound("Thanks for the refund", "en") ==
        doctest::Approx(Compound(1.9 - 1.2)));
  CHECK(scorer.Compound("Thanks for everything, mouldy or not", "en") ==
        doctest::Approx(Compound(1.9 - 2.5)));
}

TEST_CASE("a repetition in a text that judges nothing else is a complaint") {
  const InlineScorer scorer("great\t3.1\n", "", "");
  const double complaint = Compound(-0.6);
  CHECK(scorer.Compound("Train cancelled again.", "en") ==
        doctest::Approx(complaint));
  CHECK(scorer.Compound("Encore un retard ce matin.", "fr") ==
        doctest::Approx(complaint));
  CHECK(scorer.Compound("Wieder mal kein Netz im Zug.", "de") ==
        doctest::Approx(complaint));
  // Not with a term, nor after a word of intent (an intent to come back,
  // praise), nor in a question, nor "encore une fois".
  CHECK(scorer.Compound("Great, again.", "en") > 0.0);
  CHECK(scorer.Compound("We'd do it again.", "en") > 0.0);
  CHECK(scorer.Compound("Is it open again?", "en") == 0.0);
  CHECK(scorer.Compound("Encore une fois, elle a su m'embarquer.", "fr") ==
        0.0);
}

TEST_CASE("emoji after the sarcastic last sentence go with it") {
  const Lexicon en = MustParse("late\t-1\n");
  const Lexicon fr = MustParse("top\t2\npanne\t-1\nrapide\t1\n");
  const Lexicon emoji = MustParse("\xF0\x9F\x91\x8D\t2\n");  // thumbs up
  const Scorer scorer{ScorerLexicons{.en = &en, .fr = &fr, .emoji = &emoji}};
  auto compound = [&](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "fr"}).compound;
  };
  CHECK(compound("Encore une panne depuis hier. Top \xF0\x9F\x91\x8D") ==
        doctest::Approx(Compound(-1 - 0.74 * 4)));
  CHECK(compound("Encore une panne depuis hier. Top "
                 "\xF0\x9F\x91\x8D\xF0\x9F\x91\x8D") ==
        doctest::Approx(Compound(-1 - 0.74 * 6)));
  // After praise, they are meant.
  CHECK(compound("Livraison rapide comme toujours. Top \xF0\x9F\x91\x8D") ==
        doctest::Approx(Compound(1 + 4)));
}

TEST_CASE("a negated verb of understanding negates the praise it asks about") {
  const InlineScorer scorer("like\t1.5\ngarbage\t-2.0\n", "aimer\t1.8\n",
                            "gut\t1.9\n");
  CHECK(scorer.Compound("I don't understand how anyone can ever like this",
                        "en") == doctest::Approx(Compound(-0.74 * 1.5)));
  CHECK(scorer.Compound("je ne comprends pas pourquoi tout le monde peut aimer",
                        "fr") == doctest::Approx(Compound(-0.74 * 1.8)));
  CHECK(scorer.Compound("ich versteh echt nicht, wie man das noch gut findet",
                        "de") == doctest::Approx(Compound(-0.74 * 1.9)));
  // Not the blame the author holds, nor without the question word.
  CHECK(scorer.Compound("I don't understand how this garbage got released",
                        "en") == doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Compound("I don't understand it, but anyone can ever like this",
                        "en") > 0.0);
}

TEST_CASE("amazement and puzzlement hold the clause they ask about") {
  const InlineScorer scorer("good\t1.9\nrude\t-2.0\nincredibly\t0\n", "",
                            "schlecht\t-2.0\n");
  CHECK(scorer.Compound("I can't believe how good this is", "en") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("we could not believe how rude they were", "en") ==
        doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Compound("Ich kann nicht glauben, wie schlecht das war", "de") <
        0.0);
  // Past the negation window, the raised negation of "believe" is held too.
  CHECK(scorer.Compound("I can't believe how incredibly rude the staff were",
                        "en") < 0.0);
  CHECK(scorer.Compound("I don't understand how rude the waiter was", "en") ==
        doctest::Approx(Compound(-2.0)));
  // A verb of thinking, then the term graded by "this" or "so".
  CHECK(scorer.Compound("didn't think it could be this good", "en") ==
        doctest::Approx(Compound(1.9)));
  // Still negations: without the question word, or praise one cannot
  // understand.
  CHECK(scorer.Compound("I can't believe it is good", "en") < 0.0);
  CHECK(scorer.Compound("I don't understand how it is good", "en") < 0.0);
}

TEST_CASE("what could have been bad is not") {
  const InlineScorer scorer("disaster\t-3.1\nbroken\t-2.1\n", "mièvre\t-2.0\n",
                            "schlimmer\t-2.4\nwitzig\t1.8\n");
  CHECK(scorer.Compound("it could have been a disaster", "en") ==
        doctest::Approx(Compound(-0.74 * -3.1)));
  CHECK(scorer.Compound("ça aurait pu être mièvre", "fr") ==
        doctest::Approx(Compound(-0.74 * -2.0)));
  CHECK(scorer.Compound("es hätte schlimmer sein können", "de") ==
        doctest::Approx(Compound(-0.74 * -2.4)));
  // Not "should have been", which blames, nor a negated modal.
  CHECK(scorer.Compound("it should have been broken", "en") ==
        doctest::Approx(Compound(-2.1)));
  CHECK(scorer.Compound("it couldn't have been a disaster", "en") < 0.0);
  // A German past habit with the verb first.
  CHECK(scorer.Compound("die Show war früher mal witzig", "de") ==
        doctest::Approx(Compound(-0.74 * 1.8)));
}

TEST_CASE("southern German 'nimmer', 'ned', 'nöd' negate") {
  const InlineScorer scorer("", "", "gut\t1.9\n");
  CHECK(scorer.Compound("nimmer gut", "de") < 0.0);
  CHECK(scorer.Compound("Das funktioniert nimmer.", "de") < 0.0);
  // Austrian and Bavarian "ned", Swiss "nöd", "nid" (nicht).
  CHECK(scorer.Compound("ned gut", "de") < 0.0);
  CHECK(scorer.Compound("nöd gut", "de") < 0.0);
  CHECK(scorer.Compound("nid gut", "de") < 0.0);
  // Swiss "huere" grades the term after it.
  CHECK(scorer.Compound("huere gut", "de") ==
        doctest::Approx(Compound(1.9 + 0.293)));
}

TEST_CASE("German 'mag ... sein' is the modal of a concession, no liking") {
  const InlineScorer scorer("", "", "mag\t1.6\nhübsch\t1.0\n");
  CHECK(scorer.Compound("Die Grafik mag hübsch sein.", "de") ==
        doctest::Approx(Compound(1.0)));
  CHECK(scorer.Compound("Ich mag die Grafik.", "de") ==
        doctest::Approx(Compound(1.6)));
}

TEST_CASE("thanks for a review copy judge nothing of the work") {
  const InlineScorer scorer("thanks\t1.9\n", "merci\t1.8\n", "danke\t1.9\n");
  CHECK(scorer.Compound("Merci à Babelio et aux éditions Lune pour l'envoi.",
                        "fr") == 0.0);
  CHECK(scorer.Compound("Thanks to NetGalley and the publisher.", "en") == 0.0);
  CHECK(scorer.Compound("Danke an den Verlag für das Rezensionsexemplar.",
                        "de") == 0.0);
  // Thanks for anything else are praise.
  CHECK(scorer.Compound("Merci pour ce moment.", "fr") ==
        doctest::Approx(Compound(1.8)));
  CHECK(scorer.Compound("Thanks for the quick fix.", "en") ==
        doctest::Approx(Compound(1.9)));
}

TEST_CASE("French 'bien' before a term boosts it, alone it praises") {
  const InlineScorer scorer("", "bien\t1.4\naimé\t2.0\nlent\t-1.3\n", "");
  CHECK(scorer.Compound("j'ai bien aimé", "fr") ==
        doctest::Approx(Compound(2.0 + 0.293)));
  CHECK(scorer.Compound("c'est bien lent", "fr") ==
        doctest::Approx(Compound(-1.3 - 0.293)));
  CHECK(scorer.Compound("c'est bien", "fr") == doctest::Approx(Compound(1.4)));
  // Quebec "ben" and "full" grade the term after them.
  CHECK(scorer.Compound("c'est ben lent", "fr") ==
        doctest::Approx(Compound(-1.3 - 0.293)));
  CHECK(scorer.Compound("full lent", "fr") ==
        doctest::Approx(Compound(-1.3 - 0.293)));
}

TEST_CASE("a negator inside a term negates nothing after it") {
  const InlineScorer scorer("", "rien de tel\t2.0\nbon\t1.9\n",
                            "nichts geht über\t2.0\nguten\t1.9\n");
  CHECK(scorer.Compound("rien de tel qu'un bon polar", "fr") ==
        doctest::Approx(Compound(2.0 + 1.9)));
  CHECK(scorer.Compound("nichts geht über einen guten Krimi", "de") ==
        doctest::Approx(Compound(2.0 + 1.9)));
}

TEST_CASE("'without', 'sans', 'ohne' negate the phrase right after them") {
  const InlineScorer scorer("problem\t-1.7\nliked\t1.8\n", "souci\t-1.2\n",
                            "chaos\t-2.0\ndumm\t-2.2\n");
  CHECK(scorer.Compound("without a single problem", "en") ==
        doctest::Approx(Compound(-0.74 * -1.7)));
  // "minus" as "without": "minus the features I liked".
  CHECK(scorer.Compound("minus what I liked", "en") ==
        doctest::Approx(Compound(-0.74 * 1.8)));
  CHECK(scorer.Compound("sans le moindre souci", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.2)));
  CHECK(scorer.Compound("ohne ihn je dumm dastehen zu lassen", "de") ==
        doctest::Approx(Compound(-0.74 * -2.2)));
  // Not past a noun.
  CHECK(scorer.Compound("ohne Ton war es Chaos", "de") ==
        doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Compound("ohne Ton war Chaos", "de") ==
        doctest::Approx(Compound(-2.0)));
}

TEST_CASE("a work that avoids a flaw is praised for it") {
  const InlineScorer scorer("cliches\t-1.2\n", "mièvrerie\t-1.6\n",
                            "klischees\t-1.2\n");
  CHECK(scorer.Compound("the film avoids the cliches", "en") ==
        doctest::Approx(Compound(-0.74 * -1.2)));
  CHECK(scorer.Compound("le roman évite la mièvrerie", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.6)));
  CHECK(scorer.Compound("der Film vermeidet Klischees", "de") ==
        doctest::Approx(Compound(-0.74 * -1.2)));
}

TEST_CASE("a neutral term yields its last word to a term of judgement") {
  const InlineScorer scorer("feels like\t0\nlike a toy\t-1.4\nlike\t1.0\n", "",
                            "");
  CHECK(scorer.Compound("feels like a toy", "en") ==
        doctest::Approx(Compound(-1.4)));
  // Not otherwise: "like" stays inside the neutral term.
  CHECK(scorer.Compound("feels like home", "en") ==
        doctest::Approx(Compound(0.0)));
}

TEST_CASE("'not only' negates nothing") {
  const InlineScorer scorer("good\t1.9\n", "drôle\t2.0\n", "gut\t1.9\n");
  CHECK(scorer.Compound("not only good", "en") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("not just good", "en") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("nicht nur gut", "de") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("pas seulement drôle", "fr") ==
        doctest::Approx(Compound(2.0)));
  CHECK(scorer.Compound("not good", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
}

TEST_CASE("a negation does not reach past 'and'") {
  const InlineScorer scorer("refused\t-1.2\nhelpful\t1.7\nfriendly\t2.2\n",
                            "poetique\t1.5\n", "");
  CHECK(scorer.Compound("we never ordered and refused", "en") ==
        doctest::Approx(Compound(-1.2)));
  CHECK(scorer.Compound("sans complaisance et poétique", "fr") ==
        doctest::Approx(Compound(1.5)));
  // "or" does: both are negated.
  CHECK(scorer.Compound("wasn't helpful or friendly", "en") ==
        doctest::Approx(Compound(-0.74 * (1.7 + 2.2))));
}

TEST_CASE("'yet' as an adverb is no contrast") {
  const InlineScorer scorer("good\t2.0\nbad\t-2.0\n", "", "");
  // As a contrast, the clause after weighs 1.5 and the one before 0.5.
  CHECK(scorer.Compound("bad, and yet good", "en") ==
        doctest::Approx(Compound(-0.5 * 2.0 + 1.5 * 2.0)));
  CHECK(scorer.Compound("bad, yet another good one", "en") ==
        doctest::Approx(Compound(0.0)));
  CHECK(scorer.Compound("good, bad as yet", "en") ==
        doctest::Approx(Compound(0.0)));
  CHECK(scorer.Compound("bad, it has yet to be good", "en") ==
        doctest::Approx(Compound(0.0)));
  CHECK(scorer.Compound("good, their best yet", "en") ==
        doctest::Approx(Compound(2.0)));
}

TEST_CASE("an exclamative praises a plain word and grades a negative one") {
  const InlineScorer scorer("", "",
                            "was für ein\t1.2\nwas für eine\t1.2\n"
                            "enttäuschung\t-2.4\n");
  CHECK(scorer.Compound("Was für ein Spiel!", "de") >
        scorer.Compound("Ein Spiel!", "de"));
  // (a booster three words before its term counts 0.9 times)
  CHECK(scorer.Compound("Was für eine Enttäuschung", "de") ==
        doctest::Approx(Compound(-2.4 - 0.9 * 0.293)));
}

TEST_CASE("a word of degree after a negative term grades it") {
  const InlineScorer scorer(
      "incompetence\t-2.3\nat its finest\t2.0\nbreaks\t-1.8\neasily\t1.4\n"
      "sets\t0.2\n",
      "lourdeur\t-1.6\nincroyable\t2.1\nhistoire\t0.5\nraye\t-1.2\n"
      "vite\t1.0\n",
      "fremdscham\t-2.0\nvom feinsten\t2.6\n");
  CHECK(scorer.Compound("une lourdeur incroyable", "fr") ==
        doctest::Approx(Compound(-1.6 - 0.293)));
  CHECK(scorer.Compound("incompetence at its finest", "en") ==
        doctest::Approx(Compound(-2.3 - 0.293)));
  CHECK(scorer.Compound("Fremdscham vom Feinsten", "de") ==
        doctest::Approx(Compound(-2.0 - 0.293)));
  // Praise after a positive term, or after a stop, stays praise.
  CHECK(scorer.Compound("une histoire incroyable", "fr") ==
        doctest::Approx(Compound(0.5 + 2.1)));
  CHECK(scorer.Compound("une lourdeur. incroyable", "fr") ==
        doctest::Approx(Compound(-1.6 + 2.1)));
  // Ease and speed grade a failure, and stay praise after anything else.
  CHECK(scorer.Compound("it breaks easily", "en") ==
        doctest::Approx(Compound(-1.8 - 0.293)));
  CHECK(scorer.Compound("ça se raye vite", "fr") ==
        doctest::Approx(Compound(-1.2 - 0.293)));
  CHECK(scorer.Compound("it sets easily", "en") ==
        doctest::Approx(Compound(0.2 + 1.4)));
}

TEST_CASE("two-word expressions of negation, and spoken French 'pas'") {
  const InlineScorer scorer("perfect\t2.7\ngood\t1.9\n",
                            "parfait\t2.9\naime\t2.0\nrecommande\t2.3\n"
                            "promesses\t0.7\n",
                            "gut\t1.9\n");
  CHECK(scorer.Compound("far from perfect", "en") ==
        doctest::Approx(Compound(-0.74 * 2.7)));
  CHECK(scorer.Compound("anything but good", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(scorer.Compound("loin d'être parfait", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.9)));
  CHECK(scorer.Compound("alles andere als gut", "de") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  // What a work fails or forgets to be: "forgets to be good".
  CHECK(scorer.Compound("it forgets to be good", "en") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(scorer.Compound("échoue à être parfait", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.9)));
  // A negator before cancels it: nearly perfect.
  CHECK(scorer.Compound("pas loin d'être parfait", "fr") ==
        doctest::Approx(Compound(2.9)));
  // Not the words apart.
  CHECK(scorer.Compound("far away, but perfect", "en") > 0.0);
  // "pas" after the verb, without "ne".
  CHECK(scorer.Compound("j'aime pas", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.0)));
  CHECK(scorer.Compound("je recommande pas ce livre", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.3)));
  CHECK(scorer.Compound("je ne recommande pas ce livre", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.3)));
  // Before an elided object too.
  CHECK(scorer.Compound("je recommande pas l'hôtel", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.3)));
  CHECK(scorer.Compound("des promesses pas forcément tenues", "fr") ==
        doctest::Approx(Compound(0.7)));
}

TEST_CASE("French 'ne' closes on the negator of its term, not on 'de plus'") {
  const InlineScorer scorer("", "rien à redire\t2.1\naime\t2.0\n", "");
  CHECK(scorer.Compound("je n'ai rien à redire", "fr") ==
        doctest::Approx(Compound(2.1)));
  CHECK(scorer.Compound("je n'ai rien à redire de plus", "fr") ==
        doctest::Approx(Compound(2.1)));
  CHECK(scorer.Compound("je ne l'aime plus", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.0)));
}

TEST_CASE("French negation is concord: 'ne ... plus aucun intérêt'") {
  const InlineScorer scorer("", "aucun intérêt\t-2.6\nrien à dire\t1.2\n", "");
  CHECK(scorer.Compound("il n'a plus aucun intérêt", "fr") ==
        doctest::Approx(Compound(-2.6)));
  // Praise of that kind changes sense: negated.
  CHECK(scorer.Compound("il n'avait plus rien à dire", "fr") ==
        doctest::Approx(Compound(-0.74 * 1.2)));
}

TEST_CASE("'not a single' is a subject of none wherever it stands") {
  const InlineScorer scorer("died\t-1.5\n", "bug\t-1.5\n", "fehler\t-1.5\n");
  CHECK(scorer.Compound("8 months and not a single key has died", "en") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  CHECK(scorer.Compound("pas une seule fois un bug", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  CHECK(scorer.Compound("kein einziger großer Fehler", "de") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
  // "not a" alone reaches only the negation window.
  CHECK(scorer.Compound("not a key of the old board has died", "en") < 0.0);
}

TEST_CASE("a lukewarm verdict qualifies the whole text") {
  const InlineScorer scorer("good\t1.9\nfeelings\t0.5\n", "bon\t1.9\n",
                            "gut\t1.9\n");
  CHECK(scorer.Compound("un bon moment, sans plus", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("good, but mixed feelings", "en") <
        scorer.Compound("good, but feelings", "en"));
  CHECK(scorer.Compound("gut, aber durchwachsen", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9 * 0.5)));
  CHECK(scorer.Compound("Bin zwiegespalten, gut geschrieben", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("Ganz okay, gut geschrieben", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  // (its "nicht" also counts as a weak orphan negation)
  CHECK(scorer.Compound("Riecht gut, mehr nicht.", "de") <=
        kLukewarmScalar * Compound(1.9));
  CHECK(scorer.Compound("Good, nothing more.", "en") <=
        kLukewarmScalar * Compound(1.9));
  CHECK(scorer.Compound("good cast, overall a mixed bag", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("un bon roman qui se laisse lire", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("un bon moment, c'est déjà ça", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  // A verdict that the praise and the blame balance.
  CHECK(scorer.Compound("good food, slow service, it evens out", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("good food, it depends what you want", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("good food, but it depends.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9 * 0.5)));
  CHECK(scorer.Compound("good food; it all depends on the day", "en") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("good food, depends on what you order", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("good food, heavy. Trade-off I guess.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("gut, kommt drauf an, was man mag", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("Bon accueil, ni pour ni contre.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  // Not the words apart, nor in another order.
  CHECK(scorer.Compound("bon, plus sans", "fr") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("bon. Sans... plus", "fr") ==
        doctest::Approx(Compound(1.9)));
  Explanation ex;
  const Lexicon fr = MustParse("bon\t1.9\n");
  const Scorer plain{ScorerLexicons{.fr = &fr}};
  plain.Score("bon, sans plus", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.lukewarm == "sans plus");
  // Neither praise nor blame.
  const InlineScorer neither("good\t1.9\nbad\t-2.5\n",
                             "bon\t1.9\nmauvais\t-2.5\n",
                             "gut\t1.9\nschlecht\t-2.5\n");
  neither.CheckNeutral({{"ni bon ni mauvais", "fr"},
                        {"neither good nor bad", "en"},
                        {"weder gut noch schlecht", "de"}});
  const InlineScorer phrases("", "coup de coeur\t2.5\ndéception\t-2.2\n", "");
  CHECK(std::abs(phrases.Compound("ni coup de cœur ni déception", "fr")) <
        0.05);
  plain.Score("ni bon ni bon", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.lukewarm.empty());
  // Two negated judgements of opposite signs side by side.
  neither.CheckNeutral({{"pas mauvais, pas bon", "fr"},
                        {"not bad, but not good either", "en"},
                        {"nicht schlecht, aber nicht gut", "de"}});
  CHECK(neither.Compound("not bad, not bad at all", "en") > 0.05);
  CHECK(neither.Compound("not good, not good at all", "en") < -0.05);
  // An article may stand between the negator and the term.
  const InlineScorer superlatives("worst\t-3.1\nbest\t3.2\n",
                                  "pire\t-3.1\nmeilleur\t3.2\n", "");
  CHECK(std::abs(superlatives.Compound("not the worst, not the best", "en")) <
        0.05);
  CHECK(std::abs(superlatives.Compound("pas le pire, pas le meilleur", "fr")) <
        0.05);
  CHECK(std::abs(superlatives.Compound("not his best, not his worst", "en")) <
        0.05);
  // Praise graded down by a negated stronger praise right after it.
  const InlineScorer graded("good\t1.9\ngreat\t3.1\n",
                            "bien\t1.9\ngénial\t3.0\n",
                            "gut\t1.9\nüberragend\t3.0\n");
  graded.CheckNeutral({{"good, not great", "en"},
                       {"bien mais pas génial", "fr"},
                       {"gut, aber nicht überragend", "de"}});
  // Not a weaker praise negated, nor one in another sentence.
  CHECK(graded.Compound("great, not good", "en") ==
        doctest::Approx(Compound(3.1 - 0.74 * 1.9)));
  CHECK(graded.Compound("It was good. Not great food", "en") < -0.05);
  // A middle rating, in words or digits, is a lukewarm verdict.
  CHECK(scorer.Compound("Trois étoiles, un bon moment", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("good, three stars", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("good, 3/5", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  plain.Score("bon, 3/5", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.lukewarm == "middle rating");
  // Half a star either side too: 2.5/5 and 3.5/5 (6.5/10), not 7/10.
  plain.Score("bon, 2,5/5", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.lukewarm == "middle rating");
  plain.Score("bon, 7/10", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.lukewarm.empty());
  scorer.CheckNeutral({{"bon, ni chaud ni froid", "fr"}});
  // Not another rating, which gives the verdict over a lukewarm phrase.
  CHECK(scorer.Compound("good, 4/5", "en") > Compound(1.9));
  CHECK(scorer.Compound("good, mixed feelings, 4/5", "en") > Compound(1.9));
  plain.Score("bon, sans plus, 1/5", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.lukewarm.empty());
  // A masterpiece of a blame grades the blame; not of a genre.
  const InlineScorer masterpiece("masterpiece\t3\nboredom\t-1.3\nhorror\t-2\n",
                                 "", "");
  CHECK(masterpiece.Compound("a masterpiece of boredom", "en") ==
        doctest::Approx(Compound(-1.3 - 0.95 * 0.293)));
  CHECK(masterpiece.Compound("a masterpiece of horror", "en") > 0.0);
  // A later sentence ending with "though" is an afterthought (x0.5).
  const InlineScorer though("great\t3\nweak\t-2\n", "", "");
  CHECK(though.Compound("The plot is weak. Great cast though.", "en") ==
        doctest::Approx(Compound(-2 + 0.5 * 3)));
  CHECK(though.Compound("Great cast though.", "en") ==
        doctest::Approx(Compound(3)));
  // A clause of a state since changed weighs x0.5, and the clause after
  // a phrase of its own; not a place in the work nor love at first sight.
  const InlineScorer first("hated\t-3\nlove\t3\n", "bien\t1.4\n",
                           "gehasst\t-2.6\nliebe\t1.8\ngut\t1.9\n");
  CHECK(first.Compound("I hated it at first, now I love it", "en") ==
        doctest::Approx(Compound(-0.5 * 3 + 3)));
  CHECK(first.Compound("At first, I hated it. Now I love it.", "en") ==
        doctest::Approx(Compound(-0.5 * 3 + 3)));
  CHECK(first.Compound("love at first sight", "en") ==
        doctest::Approx(Compound(3)));
  CHECK(first.Compound("ça tenait bien au début, plus maintenant", "fr") ==
        doctest::Approx(Compound(0.5 * 1.4)));
  CHECK(first.Compound("au début du livre tout va bien", "fr") ==
        doctest::Approx(Compound(1.4)));
  CHECK(first.Compound("anfangs gehasst, jetzt liebe ich es", "de") ==
        doctest::Approx(Compound(-0.5 * 2.6 + 1.8)));
  CHECK(first.Compound("am Anfang des Films ist alles gut", "de") ==
        doctest::Approx(Compound(1.9)));
  // "must have" before a participle guesses at the past, no praise.
  const InlineScorer must("must have\t2\n", "", "");
  CHECK(must.Compound("a must have for runners", "en") ==
        doctest::Approx(Compound(2)));
  CHECK(must.Compound("we must have brought them", "en") == 0.0);
  CHECK(must.Compound("it must have been an off night", "en") == 0.0);
  // "pretty" before a word of degree the lexicons do not score is its
  // adverb, no praise; before a noun it is one.
  const InlineScorer pretty("pretty\t2.2\n", "", "");
  CHECK(pretty.Compound("pretty standard takeaway", "en") == 0.0);
  CHECK(pretty.Compound("pretty mug", "en") == doctest::Approx(Compound(2.2)));
  // "so so" is middling, but not as a doubled booster before a term.
  scorer.CheckNeutral({{"good food, the service was so so", "en"}});
  CHECK(scorer.Compound("so so good", "en") > Compound(1.9));
  // A middling word denied closes no lukewarm verdict.
  plain.Score("un bon repas. Pas correct.", ScoreRequest{.language = "fr"},
              &ex);
  CHECK(ex.lukewarm.empty());
  plain.Score("un bon repas. Correct.", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.lukewarm == "correct");
  // Liking it without love, and not hating it.
  scorer.CheckNeutral(
      {{"good, but I didn't love it", "en"}, {"good, I didn't hate it", "en"}});
  // Faint praise: "perfectly okay", "nothing to write home about".
  scorer.CheckNeutral({{"good, a perfectly okay sequel", "en"},
                       {"good, nothing to write home about", "en"},
                       {"good, but nothing exciting either", "en"}});
  scorer.CheckNeutral({{"gut, kann man machen", "de"},
                       {"bon, ça reste correct", "fr"},
                       {"bon, pas inoubliable", "fr"}});
  // Waiting for a sale, worth borrowing; not a sale of another kind.
  scorer.CheckNeutral(
      {{"good, but wait for a sale", "en"}, {"good, worth borrowing", "en"}});
  CHECK(scorer.Compound("good, bought it in a sale", "en") ==
        doctest::Approx(Compound(1.9)));
  // Waiting to see how it lasts, not whether an outcome will come.
  scorer.CheckNeutral({{"good, we'll see after a few washes", "en"},
                       {"bon, on verra dans le temps", "fr"},
                       {"gut, mal sehen wie lange es hält", "de"},
                       {"good, with reservations", "en"},
                       {"gut, mit Abstrichen", "de"}});
  CHECK(scorer.Compound("good, we'll see if they call", "en") ==
        doctest::Approx(Compound(1.9)));
  // "nothing" and "rien" are absences of their own (-0.6).
  CHECK(scorer.Compound("good, nothing memorable", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9 - 0.6)));
  CHECK(scorer.Compound("bon, rien d'exceptionnel", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9 - 0.6)));
  // "average" is middling, not "above average".
  CHECK(scorer.Compound("good food, average service", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("good food, above average service", "en") ==
        doctest::Approx(Compound(1.9)));
  // Nor a mean: "on average", "im Durchschnitt"; German "Durchschnitt" is
  // one too.
  CHECK(scorer.Compound("good food, on average a short wait", "en") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("gut, sonst eher Durchschnitt", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("gut, im Durchschnitt zehn Minuten", "de") ==
        doctest::Approx(Compound(1.9)));
}

TEST_CASE("'wouldn't say' negates its complement; 'definitely' boosts") {
  const InlineScorer scorer("works\t1.0\nworth\t1.5\ndefinitely\t1.7\n",
                            "réussi\t2.0\n", "");
  CHECK(scorer.Compound("I wouldn't say it really works", "en") < 0.0);
  CHECK(scorer.Compound("je ne dirais pas que c'est réussi", "fr") < 0.0);
  // Before a term, "definitely" is its booster, alone a term of its own.
  CHECK(scorer.Compound("definitely worth", "en") ==
        doctest::Approx(Compound(1.5 + 0.293)));
  CHECK(scorer.Compound("definitely", "en") == doctest::Approx(Compound(1.7)));
}

TEST_CASE("German 'unfassbar' before a term is its booster") {
  const InlineScorer scorer("", "", "unfassbar\t-1.5\ngut\t1.9\n");
  CHECK(scorer.Compound("unfassbar gut", "de") ==
        doctest::Approx(Compound(1.9 + 0.293)));
  CHECK(scorer.Compound("Das ist unfassbar.", "de") ==
        doctest::Approx(Compound(-1.5)));
}

TEST_CASE("English 'dead' before a term is its booster: 'dead easy'") {
  const InlineScorer scorer("dead\t-3.3\neasy\t1.9\nboring\t-1.3\n", "", "");
  CHECK(scorer.Compound("dead easy", "en") ==
        doctest::Approx(Compound(1.9 + 0.293)));
  CHECK(scorer.Compound("dead boring", "en") ==
        doctest::Approx(Compound(-1.3 - 0.293)));
  // Before a word that is no term, or alone, it is a term of its own.
  CHECK(scorer.Compound("dead battery", "en") ==
        doctest::Approx(Compound(-3.3)));
  CHECK(scorer.Compound("the battery is dead", "en") ==
        doctest::Approx(Compound(-3.3)));
}

TEST_CASE("Expletives before a term are its boosters: 'damn good'") {
  const InlineScorer scorer(
      "damn\t-1.7\nbloody\t-1.9\ngood\t1.9\n"
      "awful\t-2.0\n",
      "", "krass\t-0.5\ngut\t1.9\n");
  CHECK(scorer.Compound("damn good", "en") ==
        doctest::Approx(Compound(1.9 + 0.293)));
  CHECK(scorer.Compound("bloody awful", "en") ==
        doctest::Approx(Compound(-2.0 - 0.293)));
  CHECK(scorer.Compound("krass gut", "de") ==
        doctest::Approx(Compound(1.9 + 0.293)));
  // Alone, the expletive keeps its own valence.
  CHECK(scorer.Compound("damn it", "en") == doctest::Approx(Compound(-1.7)));
  const InlineScorer fr("", "putain\t0\nbon\t1.9\n", "");
  CHECK(fr.Compound("putain c'est bon", "fr") ==
        doctest::Approx(Compound(1.9 + 0.293 * 0.95)));
}

TEST_CASE("French 'par contre', 'en revanche', 'au contraire' contrast") {
  const InlineScorer scorer("", "bon\t1.9\nsale\t-1.5\n", "");
  CHECK(
      scorer.Compound("Bon accueil. Par contre, la chambre était sale", "fr") ==
      scorer.Compound("Bon accueil. Mais la chambre était sale", "fr"));
  // (A mixed verdict: lukewarm, x0.04.)
  CHECK(scorer.Compound("Bon accueil. En revanche c'est sale", "fr") ==
        doctest::Approx(0.04 * Compound(1.9 * 0.5 - 1.5 * 1.5)));
  CHECK(scorer.Compound("Pas sale, au contraire, c'est bon", "fr") > 0.0);
  // Not "contre" alone: against.
  CHECK(scorer.Compound("bon contre sale", "fr") ==
        doctest::Approx(Compound(1.9 - 1.5)));
}

TEST_CASE("a negated German verb of opinion reaches across ', dass'") {
  const InlineScorer scorer("", "", "gut\t1.9\n");
  CHECK(scorer.Compound("Ich glaube nicht, dass das gut ist", "de") ==
        doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(scorer.Compound("Ich würde nicht sagen, dass es wirklich gut ist",
                        "de") < 0.0);
  // Not without the negation, nor for a negator that is no verb of
  // opinion's, nor across a second comma.
  CHECK(scorer.Compound("Ich glaube, dass das gut ist", "de") ==
        doctest::Approx(Compound(1.9)));
  CHECK(scorer.Compound("Ich weiß nicht, dass es gut ist", "de") > 0.0);
  CHECK(scorer.Compound("Ich glaube nicht, dass er sagt, es sei gut", "de") >
        0.0);
}

TEST_CASE("a negated modal before 'enough' is emphasis") {
  const InlineScorer scorer("good\t1.9\nslow\t-0.8\n", "", "");
  CHECK(scorer.Compound("can't say enough good things", "en") ==
        doctest::Approx(Compound(1.9 + 0.293)));
  // English "super" before a term boosts it, and so do "perfectly" and
  // French "parfaitement", terms of their own elsewhere.
  CHECK(scorer.Compound("super slow", "en") ==
        doctest::Approx(Compound(-0.8 - 0.293)));
  // The noun "way" after a determiner grades nothing; "way" alone does.
  CHECK(scorer.Compound("way slow", "en") ==
        doctest::Approx(Compound(-0.8 - 0.293)));
  CHECK(scorer.Compound("the way slow", "en") ==
        doctest::Approx(Compound(-0.8)));
  CHECK(scorer.Compound("perfectly slow", "en") ==
        doctest::Approx(Compound(-0.8 - 0.293)));
}

TEST_CASE("a negator inside a term negates nothing after it") {
  const Lexicon fr =
      MustParse("pas cher\t1.2\ncher\t-0.8\nefficace\t1.9\npas mal\t1.4\n");
  const Scorer scorer{ScorerLexicons{.fr = &fr}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "fr"}).compound;
  };
  CHECK(compound("pas cher et efficace") ==
        doctest::Approx(Compound(1.2 + 1.9)));
  CHECK(compound("pas mal et efficace") ==
        doctest::Approx(Compound(1.4 + 1.9)));
  // A negator of its own still negates.
  CHECK(compound("pas efficace") == doctest::Approx(Compound(-0.74 * 1.9)));
  CHECK(compound("pas cher et pas efficace") ==
        doctest::Approx(Compound(1.2 - 0.74 * 1.9)));
}

TEST_CASE("a negated term also negates the term right after it") {
  const InlineScorer scorer("", "pas mal\t1.4\nréussi\t2.2\n",
                            "gut\t1.9\nnicht gut\t-1.4\ngefallen\t1.8\n");
  CHECK(scorer.Compound("hat mir nicht gut gefallen", "de") ==
        doctest::Approx(Compound(-1.4 - 0.74 * 1.8)));
  // Not across a word between them, nor after a litotes.
  CHECK(scorer.Compound("nicht gut und gefallen", "de") ==
        doctest::Approx(Compound(-1.4 + 1.8)));
  CHECK(scorer.Compound("c'est pas mal réussi", "fr") ==
        doctest::Approx(Compound(1.4 + 2.2)));
}

TEST_CASE("a negated verb of hesitating does not negate what it urges") {
  const InlineScorer scorer("recommend\t1.5\nhesitate\t-1.1\nsmiling\t2.0\n",
                            "recommander\t2.1\n", "");
  CHECK(scorer.Compound("n'hésitez pas à le recommander", "fr") ==
        doctest::Approx(Compound(2.1)));
  CHECK(scorer.Compound("I wouldn't hesitate to recommend it", "en") ==
        doctest::Approx(Compound(-0.74 * -1.1 + 1.5)));
  // Other negated verbs still negate the term after them.
  CHECK(scorer.Compound("je ne peux pas le recommander", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.1)));
  CHECK(scorer.Compound("I wouldn't recommend it", "en") ==
        doctest::Approx(Compound(-0.74 * 1.5)));
  // Nor does a negated "stop": what goes on is not negated.
  CHECK(scorer.Compound("I can't stop smiling", "en") ==
        doctest::Approx(Compound(2.0)));
}

TEST_CASE("'ne ... personne', 'niemandem' and 'keinerlei' negate") {
  const InlineScorer scorer("", "recommande\t2.0\n",
                            "empfehlen\t2.0\nprobleme\t-1.5\n");
  CHECK(scorer.Compound("je ne le recommande à personne", "fr") ==
        doctest::Approx(Compound(-0.74 * 2.0)));
  // Without "ne", "personne" is a person.
  CHECK(scorer.Compound("je le recommande à toute personne", "fr") ==
        doctest::Approx(Compound(2.0)));
  CHECK(scorer.Compound("kann ich niemandem empfehlen", "de") ==
        doctest::Approx(Compound(-0.74 * 2.0)));
  CHECK(scorer.Compound("keinerlei Probleme", "de") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
}

TEST_CASE("German 'nicht' before a verb particle at the clause end negates") {
  const Lexicon de = MustParse("empfehle\t2.0\ngefällt\t1.8\n");
  const Scorer scorer{ScorerLexicons{.de = &de}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "de"}).compound;
  };
  const double negated = Compound(-0.74 * 2.0);
  CHECK(compound("ich empfehle es nicht") == doctest::Approx(negated));
  CHECK(compound("ich empfehle das Produkt nicht weiter") ==
        doctest::Approx(negated));
  CHECK(compound("das gefällt mir nicht mehr.") ==
        doctest::Approx(Compound(-0.74 * 1.8)));
  // Also "nicht mehr" before a particle, and "nie".
  const InlineScorer blame("", "", "stürzt\t-1.0\nenttäuscht\t-2.0\n");
  CHECK(blame.Compound("die App stürzt nicht mehr ab", "de") ==
        doctest::Approx(Compound(-0.74 * -1.0)));
  CHECK(blame.Compound("der Autor enttäuscht nie", "de") ==
        doctest::Approx(Compound(-0.74 * -2.0)));
  CHECK(blame.Compound("die App stürzt mehr ab", "de") ==
        doctest::Approx(Compound(-1.0)));
  // A conjunction after "nicht" ends its clause.
  CHECK(blame.Compound("die App stürzt nicht und lädt schnell", "de") ==
        doctest::Approx(Compound(-0.74 * -1.0)));
  // And one before it ends the term's clause: "nicht" negates its own verb.
  const InlineScorer praise("", "", "schön\t2.0\n");
  CHECK(praise.Compound("das Ding ist schön und rutscht nicht", "de") ==
        doctest::Approx(Compound(2.0)));
  CHECK(praise.Compound("das Ding ist schön und nicht", "de") ==
        doctest::Approx(Compound(2.0)));
  // "nicht" reaches across a comma into "was"/"wie" clauses, not after a
  // verb of knowing.
  const Lexicon de2 = MustParse(
      "was es verspricht\t1.5\ngut\t1.9\nleider\t-1.6\ngefällt\t1.8\n");
  const Scorer scorer2{ScorerLexicons{.de = &de2}};
  auto compound2 = [&scorer2](const char* text) {
    return scorer2.Score(text, ScoreRequest{.language = "de"}).compound;
  };
  CHECK(compound2("hält nicht, was es verspricht") ==
        doctest::Approx(Compound(-0.74 * 1.5)));
  CHECK(compound2("ich weiß nicht, was gut ist") ==
        doctest::Approx(Compound(1.9)));
  // "leider" is never the negated term, nor does it stop a clause-final
  // "nicht" from negating the verb.
  CHECK(compound2("leider nicht") == doctest::Approx(Compound(-1.6)));
  CHECK(compound2("das gefällt mir leider nicht") ==
        doctest::Approx(Compound(-0.74 * 1.8 - 1.6)));
  // "kein" before a measure of time or degree negates the verb before it.
  CHECK(compound("ich empfehle es keine Sekunde") == doctest::Approx(negated));
  CHECK(compound("ich empfehle es keine Tomaten") ==
        doctest::Approx(Compound(2.0)));
  // Any other word after "nicht" leaves the term alone.
  CHECK(compound("ich empfehle es nicht jedem") ==
        doctest::Approx(Compound(2.0)));
}

TEST_CASE("French accent variants: salé is not sale, pêche is not péché") {
  Lexicon fr = MustParse(
      "sale\t-1.9\nsalé\t0\npéché\t-1.4\npêche\t0\npeche\t0\n"
      "délicieux\t2.9\n");
  AddFrenchInflections(fr);
  const Scorer scorer{ScorerLexicons{.fr = &fr}};
  auto compound = [&scorer](const char* text) {
    return scorer.Score(text, ScoreRequest{.language = "fr"}).compound;
  };
  CHECK(compound("caramel au beurre salé") == 0.0);
  CHECK(compound("caramel au beurre SALÉ") == 0.0);
  CHECK(compound("des chips salées") == 0.0);
  CHECK(compound("des plats salés et délicieux") ==
        doctest::Approx(Compound(2.9)));
  // Typed without accents, the word reads as the one listed so.
  CHECK(compound("une table sale") == doctest::Approx(Compound(-1.9)));
  CHECK(compound("des tables sales") == doctest::Approx(Compound(-1.9)));
  CHECK(compound("yaourt a la peche") == 0.0);
  CHECK(compound("un péché") == doctest::Approx(Compound(-1.4)));
  CHECK(compound("yaourt à la pêche") == 0.0);
  // Accents no variant has ("pêché", fished) read as typed without.
  CHECK(compound("du poisson pêché") == 0.0);
  // Decomposed accents (e + U+0301) are the same spelling.
  CHECK(compound("beurre sale\xCC\x81") == 0.0);
  Explanation ex;
  scorer.Score("beurre salé", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.normalisation ==
        std::vector<std::string>{"sale -> salé (accent variant)"});
  scorer.Score("table sale", ScoreRequest{.language = "fr"}, &ex);
  CHECK(ex.normalisation.empty());
}

TEST_CASE("what one expected or feared is read as what did not happen") {
  const InlineScorer scorer("nightmare\t-2\nhate\t-2.5\nbroke\t-1.5\n",
                            "navet\t-2\nmauvais\t-2\n", "");
  CHECK(scorer.Compound("called expecting a nightmare", "en") ==
        doctest::Approx(Compound(-0.74 * -2)));
  CHECK(scorer.Compound("I expected to hate it", "en") ==
        doctest::Approx(Compound(-0.74 * -2.5)));
  CHECK(scorer.Compound("je m'attendais à un navet", "fr") ==
        doctest::Approx(Compound(-0.74 * -2)));
  // "vraiment" boosts "navet" (+0.293 in size).
  CHECK(scorer.Compound("je m'attendais vraiment à un navet", "fr") ==
        doctest::Approx(Compound(-0.74 * -(2 + 0.293 * 0.9))));
  CHECK(scorer.Compound("on m'avait promis un navet", "fr") ==
        doctest::Approx(Compound(-0.74 * -2)));
  // Not a negated verb, nor French "attendre" (to wait), nor past a comma.
  CHECK(scorer.Compound("I didn't expect that the lid broke", "en") < 0.0);
  CHECK(scorer.Compound("j'attendais un mauvais bus", "fr") ==
        doctest::Approx(Compound(-2)));
  CHECK(scorer.Compound("as expected, a nightmare", "en") ==
        doctest::Approx(Compound(-2)));
}

TEST_CASE("praise after 'sans être', 'without being' is a hedge, no blame") {
  const InlineScorer scorer("perfect\t3\ngood\t2\n",
                            "parfait\t3\nbon\t2\nchef-d'oeuvre\t3\n",
                            "perfekt\t3\ngut\t2\n");
  CHECK(scorer.Compound("without being perfect, it is good", "en") ==
        doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("sans être parfait, c'est bon", "fr") ==
        doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("sans être le chef-d'oeuvre annoncé, c'est bon",
                        "fr") == doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("ohne perfekt zu sein, gut", "de") ==
        doctest::Approx(Compound(2)));
  // Still negations: "sans" alone, "not being".
  CHECK(scorer.Compound("sans rien de parfait", "fr") < 0.0);
  CHECK(scorer.Compound("not being perfect", "en") < 0.0);
}

TEST_CASE("fear and tears in a text about a work tell its effect: praise") {
  const InlineScorer scorer("scary\t-2\nprice\t0\nbleak\t-2\n",
                            "glaçant\t-2\nsombre\t-2\nlarmes\t-2\n",
                            "gruselig\t-2\ngeweint\t-2\n");
  CHECK(scorer.Compound("a genuinely scary horror movie", "en") ==
        doctest::Approx(Compound(-0.5 * -2)));
  CHECK(scorer.Compound("un polar glaçant", "fr") ==
        doctest::Approx(Compound(-0.5 * -2)));
  CHECK(scorer.Compound("ein Krimi, der gruselig ist", "de") ==
        doctest::Approx(Compound(-0.5 * -2)));
  // Tears, and more words of a work: "Seiten", "Trilogie", "lesen".
  CHECK(scorer.Compound("refermé le livre les larmes aux yeux", "fr") ==
        doctest::Approx(Compound(-0.5 * -2)));
  CHECK(scorer.Compound("ich habe auf vielen Seiten geweint", "de") ==
        doctest::Approx(Compound(-0.5 * -2)));
  // Also a dark tone: "un roman sombre", "a bleak novel".
  CHECK(scorer.Compound("un roman sombre", "fr") ==
        doctest::Approx(Compound(-0.5 * -2)));
  CHECK(scorer.Compound("a bleak novel", "en") ==
        doctest::Approx(Compound(-0.5 * -2)));
  // Not without a word of a work; negated, the effect is missed.
  CHECK(scorer.Compound("the price is scary", "en") ==
        doctest::Approx(Compound(-2)));
  CHECK(scorer.Compound("this horror movie is not scary", "en") < 0.0);
}

TEST_CASE("praise and blame across a contrast, one graded down, are lukewarm") {
  const InlineScorer scorer("slow\t-2\ntasty\t1.9\n",
                            "lent\t-2\nbeau\t1.9\nparfait\t2.9\n",
                            "langsam\t-2\nschoen\t1.9\n");
  const double hedged =
      kLukewarmScalar * Compound(1.9 * 0.5 + (-2 + 0.293) * 1.5);
  CHECK(scorer.Compound("beau mais un peu lent", "fr") ==
        doctest::Approx(hedged));
  CHECK(scorer.Compound("tasty, but a bit slow", "en") ==
        doctest::Approx(hedged));
  CHECK(scorer.Compound("schön, aber etwas langsam", "de") ==
        doctest::Approx(hedged));
  // A diminisher after the term, at the end of its clause, grades it too.
  CHECK(scorer.Compound("schön, aber langsam ein bisschen", "de") ==
        doctest::Approx(hedged));
  CHECK(scorer.Compound("tasty, but slow a bit.", "en") ==
        doctest::Approx(hedged));
  // Not when the other side is graded up, nor without a diminisher.
  CHECK(scorer.Compound("un peu lent, mais vraiment beau", "fr") > 0.05);
  // Nor when a strong term after the contrast outweighs it.
  CHECK(scorer.Compound("un peu lent, mais parfait", "fr") > 0.05);
  CHECK(scorer.Compound("beau mais lent", "fr") < -0.05);
}

TEST_CASE("a last sentence of a middling word or two is a lukewarm verdict") {
  const InlineScorer scorer("tidy\t1.5\nfine\t0.8\n",
                            "sympa\t1.5\nmoyen\t-0.8\n", "");
  CHECK(scorer.Compound("A tidy job. Fine overall.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(1.5 + 0.8)));
  CHECK(scorer.Compound("Cours sympa. Moyen.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.5 - 0.8)));
  CHECK(scorer.Compound("Cours sympa. Ça passe.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.5)));
  // Not inside a sentence, nor a longer last sentence.
  CHECK(scorer.Compound("A tidy job, fine overall.", "en") ==
        doctest::Approx(Compound(1.5 + 0.8)));
  CHECK(scorer.Compound("A tidy job. It was fine overall.", "en") ==
        doctest::Approx(Compound(1.5 + 0.8)));
}

TEST_CASE("a first sentence of one middling word is a lukewarm verdict") {
  const InlineScorer scorer(
      "", "bonnes\t1.5\nmoyen\t-0.8\ntiède\t-0.8\nlong\t-0.5\n",
      "spannend\t1.5\n");
  CHECK(scorer.Compound("Moyen. De bonnes idées, long.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(-0.8 + 1.5 - 0.5)));
  CHECK(scorer.Compound("Mittelmaß. Spannend erzählt.", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(1.5)));
  // After a verb, two words: "It's ok.", "C'est correct."
  CHECK(scorer.Compound("C'est correct. De bonnes idées.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.5)));
  CHECK(scorer.Compound("Ist okay. Spannend erzählt.", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(1.5)));
  // Not closed by "!" or "?", nor a longer sentence.
  CHECK(scorer.Compound("Tiède ! De bonnes idées.", "fr") > 0.05);
  CHECK(scorer.Compound("C'est très correct. De bonnes idées.", "fr") > 0.05);
  CHECK(scorer.Compound("Tiède ? De bonnes idées.", "fr") > 0.0);
  CHECK(scorer.Compound("Tiède, de bonnes idées.", "fr") ==
        doctest::Approx(Compound(-0.8 + 1.5)));
}

TEST_CASE("neither fish nor fowl, swings and roundabouts, are lukewarm") {
  const InlineScorer scorer("fun\t2\n", "drole\t2\n", "lustig\t2\n");
  CHECK(scorer.Compound("Fun, but neither fish nor fowl", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(0.5 * 2)));
  CHECK(scorer.Compound("Ni chair ni poisson, drole", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Weder Fisch noch Fleisch. Lustig.", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Fun. Swings and roundabouts.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  // Faint praise.
  CHECK(scorer.Compound("Fun and pleasant enough.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Fun. Middle of the road.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Fun, somewhere in the middle.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Fun on the road.", "en") ==
        doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("Fun in the middle of the night.", "en") ==
        doctest::Approx(Compound(2)));
  // ("rien" also counts as an absence, -0.6.)
  CHECK(scorer.Compound("Drole, rien de spécial.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(2 - 0.6)));
  CHECK(scorer.Compound("Quelque chose de spécial, drole.", "fr") ==
        doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("Drole, un film dans la moyenne.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Drole, au-dessus de la moyenne.", "fr") > 0.05);
  CHECK(scorer.Compound("Fun, not unpleasant.", "en") > 0.0);
  CHECK(scorer.Compound("Fun, not unpleasant.", "en") < kLukewarmScalar);
  CHECK(scorer.Compound("Fun. Don't expect miracles.", "en") > 0.0);
  CHECK(scorer.Compound("Fun. Don't expect miracles.", "en") < kLukewarmScalar);
  CHECK(scorer.Compound("Lustig. Ich sitze irgendwo dazwischen.", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(
      scorer.Compound("Lustig. Weiß nicht, was ich davon halten soll.", "de") ==
      doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Drole. Je sais pas quoi en penser.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Drole. Je n'ai pas su quoi penser.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Drole, mais je suis partagée.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(0.5 * 2)));
  CHECK(scorer.Compound("Drole, mais je suis un peu partagée.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(0.5 * 2)));
  CHECK(scorer.Compound("Entre deux eaux, drole.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Lustig, der Rest nur Mittelmaß.", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(2)));
  CHECK(scorer.Compound("Lustig, aber da war mehr drin.", "de") ==
        doctest::Approx(kLukewarmScalar * Compound(0.5 * 2)));
  // "pas plus" at its clause's end is lukewarm; not a quantity, nor "ne
  // ... pas plus" (also without its apostrophe).
  CHECK(std::abs(scorer.Compound("Drole, pas plus.", "fr")) < 0.05);
  CHECK(scorer.Compound("Drole, pas plus de deux fois.", "fr") > 0.05);
  CHECK(scorer.Compound("Drole. Je n'en dis pas plus.", "fr") > 0.05);
  CHECK(scorer.Compound("Drole. Je n en dis pas plus.", "fr") > 0.05);
  // So is "rien de plus", not "ne ... rien de plus".
  CHECK(std::abs(scorer.Compound("Drole, rien de plus.", "fr")) < 0.05);
  CHECK(scorer.Compound("Drole. Je ne dirai rien de plus.", "fr") > 0.05);
  CHECK(std::abs(scorer.Compound("Lustig. Keine Wunder erwarten.", "de")) <
        0.05);
  CHECK(std::abs(scorer.Compound("Drole, mais pas de miracle.", "fr")) < 0.05);
  // French "moyen(ne)" as an adjective of verdict is lukewarm; not as a
  // noun, a name or a size.
  CHECK(std::abs(scorer.Compound("Drole, exécution moyenne.", "fr")) < 0.05);
  CHECK(std::abs(scorer.Compound("Drole. Moyen !", "fr")) < 0.05);
  CHECK(scorer.Compound("Un moyen drole de voyager.", "fr") > 0.05);
  CHECK(scorer.Compound("Le Moyen Âge est drole.", "fr") > 0.05);
  CHECK(scorer.Compound("Taille moyenne, drole.", "fr") > 0.05);
  CHECK(scorer.Compound("Drole, en moyenne.", "fr") > 0.05);
}

TEST_CASE("uneven quality is a lukewarm verdict") {
  const InlineScorer scorer("clever\t2\n", "bonne\t1.9\n", "");
  CHECK(scorer.Compound("Clever, but uneven.", "en") ==
        doctest::Approx(kLukewarmScalar * Compound(0.5 * 2)));
  CHECK(scorer.Compound("Une bonne idée, un développement inégal.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
  CHECK(scorer.Compound("Des nouvelles inégales, une bonne idée.", "fr") ==
        doctest::Approx(kLukewarmScalar * Compound(1.9)));
}

TEST_CASE("war, death and crime in a text about a work tell its plot") {
  const InlineScorer scorer("murder\t-2\ngripping\t2\n",
                            "guerre\t-2\nmort\t-2\nbeau\t2\n", "Krieg\t-2\n");
  CHECK(scorer.Compound("a gripping murder mystery novel", "en") ==
        doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("un beau roman sur la guerre et la mort", "fr") ==
        doctest::Approx(Compound(2)));
  CHECK(scorer.Compound("ein Buch über den Krieg", "de") == 0.0);
  // Without a word of a work, they are news.
  CHECK(scorer.Compound("la guerre en Ukraine", "fr") ==
        doctest::Approx(Compound(-2)));
  CHECK(scorer.Compound("a murder at the ending", "en") == 0.0);
}

TEST_CASE("a neutral term of several words counts as one word of the scope") {
  const InlineScorer scorer("feel like\t0\ncash grab\t-2\nscam\t-3\n", "", "");
  CHECK(scorer.Compound("it doesn't feel like a cash grab", "en") ==
        doctest::Approx(Compound(-0.74 * -2)));
  // Four plain words are past the scope of three, but "any" is no word of
  // the scope.
  CHECK(scorer.Compound("it doesn't make this whole thing a scam", "en") < 0.0);
  CHECK(scorer.Compound("never had any major scam", "en") ==
        doctest::Approx(Compound(-0.74 * -3)));
  CHECK(scorer.Compound("never had a single scam", "en") ==
        doctest::Approx(Compound(-0.74 * -3)));
  // "single" is no filler without "a".
  CHECK(scorer.Compound("never had the single best scam", "en") ==
        doctest::Approx(Compound(-0.6 - 3)));
  // Nor are "du tout", "un seul" or "einzig-".
  const InlineScorer other("", "navet\t-2.6\nsouci\t-1.1\n", "problem\t-1.5\n");
  CHECK(other.Compound("pas du tout le navet annoncé", "fr") ==
        doctest::Approx(Compound(-0.74 * -2.6)));
  CHECK(other.Compound("jamais eu un seul souci", "fr") ==
        doctest::Approx(Compound(-0.74 * -1.1)));
  CHECK(other.Compound("kein einziges Mal ein Problem", "de") ==
        doctest::Approx(Compound(-0.74 * -1.5)));
}

TEST_CASE("a modal's negated comparative or 'enough' is emphasis") {
  const InlineScorer scorer(
      "happier\t2\nbetter\t2\nworse\t-2\nthank\t1.5\ngood\t2\ncare\t2\n"
      "impressed\t2\nsimpler\t2\nkiller\t2\n",
      "heureux\t2\nremercierai\t1.5\n", "glücklicher\t2\nbedanken\t1.5\n");
  const double up = Compound(2.0 + 0.293);
  CHECK(scorer.Compound("I couldn't be happier", "en") == doctest::Approx(up));
  CHECK(scorer.Compound("it could not have been better", "en") ==
        doctest::Approx(up));
  CHECK(scorer.Compound("it could not have been worse", "en") ==
        doctest::Approx(-up));
  CHECK(scorer.Compound("setup couldn't have been simpler", "en") ==
        doctest::Approx(up));
  CHECK(scorer.Compound("I can't thank you enough", "en") ==
        doctest::Approx(Compound(1.5 + 0.293)));
  CHECK(scorer.Compound("couldn't thank them more", "en") ==
        doctest::Approx(Compound(1.5 + 0.293)));
  // Thanks never enough, without a modal too.
  CHECK(scorer.Compound("je ne les remercierai jamais assez", "fr") ==
        doctest::Approx(Compound(1.5 + 0.293)));
  CHECK(scorer.Compound("ich kann mich nicht genug bedanken", "de") ==
        doctest::Approx(Compound(1.5 + 0.293)));
  CHECK(scorer.Compound("je ne les remercierai jamais", "fr") < 0.0);
  CHECK(scorer.Compound("je ne pourrais pas être plus heureux", "fr") ==
        doctest::Approx(up));
  CHECK(scorer.Compound("ich könnte nicht glücklicher sein", "de") ==
        doctest::Approx(up));
  // Still negations: no modal, "less", or "enough" right after the term.
  const double negated = Compound(2.0 * -0.74);
  CHECK(scorer.Compound("they couldn't care less", "en") ==
        doctest::Approx(negated));
  CHECK(scorer.Compound("I could not be less impressed", "en") ==
        doctest::Approx(negated));
  CHECK(scorer.Compound("it is not good enough", "en") ==
        doctest::Approx(negated));
  CHECK(scorer.Compound("it can't be good enough", "en") ==
        doctest::Approx(negated));
  CHECK(scorer.Compound("I was not happier", "en") == doctest::Approx(negated));
  // "-er" is a comparative only right after "be".
  CHECK(scorer.Compound("it couldn't be a killer", "en") ==
        doctest::Approx(negated));
  CHECK(scorer.Compound("can't say it was good more than once", "en") ==
        doctest::Approx(negated));
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
  // Too little evidence: every lexicon is tried, the one knowing more wins.
  const ScoreResult nul = scorer.Score("nul");
  CHECK(nul.language == "und");
  CHECK(nul.compound == doctest::Approx(Compound(-2.0)));
  // In a French text, English-only words are not looked up.
  CHECK(scorer.Score("le pain est good").compound == 0.0);
}

TEST_CASE_FIXTURE(Fixture, "thresholds come from the options") {
  const Scorer strict(ScorerLexicons{&en, &fr, &de, &emoji},
                      ScorerOptions{-0.9, 0.9});
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
           Case{"Les croissants sont délicieux et le personnel est "
                "chaleureux.",
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

TEST_CASE_FIXTURE(Fixture, "German negation, before and clause-final") {
  const ScoreResult r = scorer.Score("Das ist nicht gut");
  CHECK(r.language == "de");
  CHECK(r.compound == doctest::Approx(Compound(2.0 * -0.74)));
  CHECK(scorer.Score("Das ist nich gut").compound ==
        doctest::Approx(Compound(2.0 * -0.74)));
  CHECK(scorer.Score("Das war nie gut").compound ==
        doctest::Approx(Compound(2.0 * -0.74)));
  CHECK(scorer.Score("Ich mag es nicht.").compound ==
        doctest::Approx(Compound(1.5 * -0.74)));
  // An emoji ends the clause; it is never negated itself.
  CHECK(scorer.Score("Ich mag es nicht \xF0\x9F\x98\xA1").compound ==
        doctest::Approx(Compound(1.5 * -0.74 - 2.0)));
  CHECK(scorer.Score("not \xF0\x9F\x98\x8D").compound ==
        doctest::Approx(Compound(2.7 - 0.18)));
  // "nicht" before a later clause does not reach back.
  CHECK(scorer.Score("Ich mag es, nicht").compound ==
        doctest::Approx(Compound(1.5 - 0.18)));
  // A multi-word term wins over negation of its parts.
  CHECK(scorer.Score("Das ist nicht schlecht").compound ==
        doctest::Approx(Compound(1.0)));
}

TEST_CASE_FIXTURE(Fixture, "boosters and dampeners in German and French") {
  CHECK(scorer.Score("Das ist sehr gut").compound ==
        doctest::Approx(Compound(2.293)));
  CHECK(scorer.Score("Das ist kaum schlecht").compound ==
        doctest::Approx(Compound(-2.0 + 0.293)));
  CHECK(scorer.Score("C'est un peu nul").compound ==
        doctest::Approx(Compound(-2.0 + 0.293)));
  CHECK(scorer.Score("C'est \xC3\xA0 peine nul").compound ==
        doctest::Approx(Compound(-2.0 + 0.293)));
  // Before praise, "kaum" and "à peine" deny it.
  CHECK(scorer.Score("Das ist kaum gut").compound ==
        doctest::Approx(Compound((2.0 - 0.293) * -0.5)));
  // "peu" without "un" is litotes: "peu convaincant" is not convincing.
  CHECK(scorer.Score("C'est peu bon").compound ==
        doctest::Approx(Compound(2.0 * -0.5)));
  CHECK(scorer.Score("Terriblement d\xC3\xA9\xC3\xA7u, vraiment").compound ==
        doctest::Approx(Compound(-2.293)));
  CHECK(scorer.Score("C'est sacr\xC3\xA9ment bon").compound ==
        doctest::Approx(Compound(2.293)));
}

TEST_CASE_FIXTURE(Fixture,
                  "contrast: the clause after but/mais/aber weighs more") {
  const double expected = Compound(2.0 * 0.5 - 2.0 * 1.5);
  CHECK(scorer.Score("The food was good but the service was bad").compound ==
        doctest::Approx(expected));
  CHECK(scorer.Score("Le pain est bon mais le service est nul").compound ==
        doctest::Approx(expected));
  CHECK(scorer.Score("Das Essen war gut aber der Service war schlecht")
            .compound == doctest::Approx(expected));
  CHECK(scorer.Score("Le pain est nul pourtant le service est bon").label ==
        Label::kPositive);
  // Negation does not reach across the contrast word.
  CHECK(scorer.Score("not really, but good").compound ==
        doctest::Approx(Compound(-0.18 * 0.5 + 2.0 * 1.5)));
}

TEST_CASE_FIXTURE(Fixture, "caps and question marks in every language") {
  CHECK(scorer.Score("Das Essen ist GUT").compound ==
        doctest::Approx(Compound(2.733)));
  CHECK(scorer.Score("The bread is BAD").compound ==
        doctest::Approx(Compound(-2.733)));
  CHECK(scorer.Score("bon?").compound == doctest::Approx(Compound(2.0)));
  CHECK(scorer.Score("bon??").compound == doctest::Approx(Compound(2.36)));
  CHECK(scorer.Score("nul?????").compound == doctest::Approx(Compound(-2.96)));
}

TEST_CASE_FIXTURE(Fixture, "emoji count in every language, emoticons too") {
  CHECK(scorer.Score("\xF0\x9F\x98\x8D").compound ==
        doctest::Approx(Compound(2.7)));
  const ScoreResult fr = scorer.Score("Le pain \xF0\x9F\x98\xA1");
  CHECK(fr.language == "fr");
  CHECK(fr.compound == doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Score("Das Brot\xF0\x9F\x98\x8D").compound ==
        doctest::Approx(Compound(2.7)));
  CHECK(scorer.Score("Le pain :)").compound == doctest::Approx(Compound(2.0)));
  // An emoticon glued to what follows still counts.
  CHECK(scorer.Score("Le pain :(.").compound ==
        doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Score("Das Brot :(gibt").compound ==
        doctest::Approx(Compound(-2.0)));
  // Plain punctuation is not an emoticon.
  CHECK(scorer.Score("... ;;").compound == 0.0);
}

TEST_CASE("emoticons of the English additions count, over the base list") {
  const Lexicon en = MustParse(":)\t2.0\ngo\t0\n");
  const Lexicon extra = MustParse("^^\t1.5\n:)\t1.0\ngo-to\t1.6\n");
  const Scorer scorer{ScorerLexicons{.en = &en, .en_extra = &extra}};
  const ScoreRequest en_request{.language = "en"};
  CHECK(scorer.Score("done ^^", en_request).compound ==
        doctest::Approx(Compound(1.5)));
  CHECK(scorer.Score("done :)", en_request).compound ==
        doctest::Approx(Compound(1.0)));
  // Words joined by a hyphen are split as words, no emoticon.
  CHECK(scorer.Score("my go-to", en_request).compound == 0.0);
}

TEST_CASE_FIXTURE(Fixture, "repeated letters are collapsed and emphasise") {
  CHECK(scorer.Score("C'est nuuuuul").compound ==
        doctest::Approx(Compound(-2.0 - 0.293)));
  CHECK(scorer.Score("goooood").compound == doctest::Approx(Compound(2.293)));
  CHECK(scorer.Score("Das ist guuuut").compound ==
        doctest::Approx(Compound(2.293)));
  // Two letters are left alone: "good" is not "god".
  CHECK(scorer.Score("good").compound == doctest::Approx(Compound(2.0)));
}

TEST_CASE_FIXTURE(Fixture, "hashtags are read as words and split") {
  CHECK(scorer.Score("#bon").compound == doctest::Approx(Compound(2.0)));
  CHECK(scorer.Score("#servicenul").compound ==
        doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Score("#ServiceNul").compound ==
        doctest::Approx(Compound(-2.0)));
  CHECK(scorer.Score("#BonNul").compound == 0.0);
  // Only hashtags are split: a plain unknown word stays unknown.
  CHECK(scorer.Score("servicenul").compound == 0.0);
}

TEST_CASE_FIXTURE(Fixture, "German folding: ß, umlauts and case") {
  const double expected = Compound(2.0);
  CHECK(scorer.Score("Spaß").compound == doctest::Approx(expected));
  CHECK(scorer.Score("SPASS").compound == doctest::Approx(expected));
  CHECK(scorer.Score("spass").compound == doctest::Approx(expected));
}

TEST_CASE_FIXTURE(Fixture,
                  "a negation with nothing to negate is a weak complaint") {
  // Negative, yet inside the neutral band alone.
  const ScoreResult alone = scorer.Score("It is not in the box");
  CHECK(alone.compound == doctest::Approx(Compound(-0.18)));
  CHECK(alone.label == Label::kNeutral);
  CHECK(scorer.Score("Je ne suis pas au bureau").compound ==
        doctest::Approx(Compound(-0.18)));
  // Opening hours are news, not a complaint.
  CHECK(scorer.Score("The museum isn't open on Mondays").compound ==
        doctest::Approx(Compound(-0.18)));
  CHECK(scorer.Score("Das Spiel ist nicht heute").compound ==
        doctest::Approx(Compound(-0.18)));
}

TEST_CASE_FIXTURE(Fixture,
                  "a negation of what fails, stopped or cannot be done is a "
                  "complaint") {
  for (std::string_view text : {
           "It does not charge",
           "I can't log in to my account",
           "My parcel still hasn't arrived",
           "\xC3\xA7"
           "a ne marche pas",
           "La box ne s'allume plus",
           "Mon colis n'est toujours pas arriv\xC3\xA9",
           "Es funktioniert nicht",
           "Ich kann mich nicht einloggen",
           "Die App startet nicht mehr",
           "votre technicien est pas venu",
           "Nobody answered the phone",
           "Niemand geht ran",
           "the engineer never showed up",
           "The lid does not hold",
           "We haven't heard a thing since",
           "ce vernis ne tient pas",
           "Der Deckel schlie\xC3\x9Ft nicht",
       }) {
    CAPTURE(text);
    const ScoreResult r = scorer.Score(text);
    CHECK(r.compound == doctest::Approx(Compound(-0.6)));
    CHECK(r.label == Label::kNegative);
  }
  // "no", "sans", "ohne" alone are not complaints.
  CHECK(scorer.Score("no sugar").compound == 0.0);
}

TEST_CASE_FIXTURE(
    Fixture, "not knowing, not having read, not hesitating: no complaint") {
  ScoreRequest fr;
  fr.language = "fr";
  ScoreRequest en;
  en.language = "en";
  ScoreRequest de;
  de.language = "de";
  CHECK(scorer.Score("Je ne sais pas si je vais continuer la saga", fr)
            .compound == 0.0);
  CHECK(scorer.Score("je ne connaissais pas cette autrice", fr).compound ==
        0.0);
  CHECK(scorer.Score("N'h\xC3\xA9sitez pas", fr).compound == 0.0);
  CHECK(scorer.Score("I had never read her books", en).compound == 0.0);
  CHECK(scorer.Score("Ich wusste nicht, dass es das gibt", de).compound == 0.0);
  // Verbs of thinking negate what follows: still a complaint.
  CHECK(scorer.Score("I don't think we'll go back", en).compound ==
        doctest::Approx(Compound(-0.18)));
  // Beyond the negator's window, the verb changes nothing.
  CHECK(scorer.Score("Ca ne marche pas, je le sais", fr).compound ==
        doctest::Approx(Compound(-0.6)));
}

TEST_CASE_FIXTURE(Fixture, "excess is a complaint: too long, trop cher") {
  ScoreRequest en;
  en.language = "en";
  ScoreRequest fr;
  fr.language = "fr";
  CHECK(scorer.Score("The film is way too long", en).compound ==
        doctest::Approx(Compound(-1.1)));
  CHECK(scorer.Score("Beaucoup trop cher", fr).compound ==
        doctest::Approx(Compound(-1.1)));
  // Before a term, "trop" boosts it; negated or clause-final, it is nothing.
  CHECK(scorer.Score("trop bon", fr).compound > Compound(2.0));
  // "not too long": no excess, and no complaint either.
  CHECK(scorer.Score("not too long", en).compound == 0.0);
  CHECK(scorer.Score("I like it too.", en).compound ==
        doctest::Approx(Compound(1.5)));
  CHECK(scorer.Score("Me too", en).compound == 0.0);
}

TEST_CASE("a long wait is a complaint") {
  const InlineScorer scorer("", "", "");
  const double wait = Compound(-1.5);
  CHECK(scorer.Compound("we waited over 40 minutes for a table", "en") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("waited an hour", "en") == doctest::Approx(wait));
  CHECK(scorer.Compound("waited 2h for the delivery", "en") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("half an hour waiting for the bus", "en") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("on a attendu plus d'une heure", "fr") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("45 minutes d'attente au téléphone", "fr") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("wir haben zwei Stunden lang gewartet", "de") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("40 Minuten Wartezeit", "de") == doctest::Approx(wait));
  CHECK(scorer.Compound("queued for 2 hours at the desk", "en") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("2h30 de queue au dépôt bagages", "fr") ==
        doctest::Approx(wait));
  // Days, weeks and months, after "seit", "depuis", "since".
  CHECK(scorer.Compound("warte seit 4 Wochen auf meine Erstattung", "de") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("j'attends depuis trois jours", "fr") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("ça fait une heure que j'attends", "fr") ==
        doctest::Approx(wait));
  // How long something took, from half an hour (not "only" that long).
  CHECK(scorer.Compound("die Lieferung hat 3 Wochen gedauert", "de") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("il a fallu une heure pour être servis", "fr") ==
        doctest::Approx(wait));
  CHECK(scorer.Compound("der Umstieg hat 20 Minuten gedauert", "de") == 0.0);
  CHECK(scorer.Compound("hat nur eine Stunde gedauert", "de") == 0.0);
  // A short wait, a time of something else, or a wait across a stop.
  CHECK(scorer.Compound("I waited a minute", "en") == 0.0);
  CHECK(scorer.Compound("waited 5 minutes", "en") == 0.0);
  CHECK(scorer.Compound("it took 40 minutes to build", "en") == 0.0);
  CHECK(scorer.Compound("we waited. 40 minutes later it came", "en") == 0.0);
}

TEST_CASE_FIXTURE(Fixture, "a rating stated in the text is the verdict") {
  ScoreRequest en;
  en.language = "en";
  // 9/10: valence 3.2 * (9 - 5.5) / 4.5, counted twice.
  const double nine = 2 * 3.2 * 3.5 / 4.5;
  CHECK(scorer.Score("I give it 9/10", en).compound ==
        doctest::Approx(Compound(nine)));
  CHECK(scorer.Score("good, but 2 out of 10", en).compound < 0.0);
  Explanation ex;
  scorer.Score("3 stars", en, &ex);
  CHECK(ex.stated_rating == 0.0);
  scorer.Score("1 star", en, &ex);
  CHECK(ex.stated_rating == doctest::Approx(-6.4));
  CHECK(ex.sum == doctest::Approx(-6.4));
}

TEST_CASE_FIXTURE(Fixture, "a given language skips identification") {
  const ScoreResult r = scorer.Score("good", ScoreRequest{"fr", 0.0});
  CHECK(r.language == "fr");
  CHECK(r.compound == 0.0);
  CHECK(scorer.Score("good", ScoreRequest{"en", 0.0}).compound ==
        doctest::Approx(Compound(2.0)));
  // Extra valence (rule weights) joins the sum before normalisation.
  CHECK(scorer.Score("good", ScoreRequest{"en", -1.0}).compound ==
        doctest::Approx(Compound(1.0)));
}

TEST_CASE_FIXTURE(Fixture, "explain lists every contribution") {
  Explanation ex;
  const ScoreResult r = scorer.Score("Ce n'est pas bon", ScoreRequest{}, &ex);
  CHECK(ex.language == "fr");
  CHECK(ex.language_source == "identified");
  REQUIRE(ex.contributions.size() == 1);
  CHECK(ex.contributions[0].term == "bon");
  CHECK(ex.contributions[0].lexicon == "fr");
  CHECK(ex.contributions[0].valence == doctest::Approx(2.0));
  CHECK(ex.contributions[0].adjusted == doctest::Approx(-1.48));
  REQUIRE(ex.contributions[0].modifiers.size() == 1);
  CHECK(ex.contributions[0].modifiers[0] == "negation(pas) x-0.74");
  CHECK(ex.sum == doctest::Approx(-1.48));
  CHECK(ex.compound == doctest::Approx(r.compound));

  scorer.Score("Le pain est BON mais c'est nuuuul !", ScoreRequest{"fr", 0.0},
               &ex);
  CHECK(ex.language_source == "given");
  REQUIRE(ex.normalisation.size() == 1);
  CHECK(ex.normalisation[0] == "nuuuul -> nul");
  REQUIRE(ex.contributions.size() == 2);
  CHECK(ex.contributions[0].modifiers ==
        std::vector<std::string>{"caps +0.733", "contrast(before mais) x0.5"});
  CHECK(ex.contributions[1].modifiers ==
        std::vector<std::string>{"elongation -0.293",
                                 "contrast(after mais) x1.5"});
  CHECK(ex.punctuation == doctest::Approx(-0.292));

  scorer.Score("#servicenul", ScoreRequest{}, &ex);
  CHECK(ex.normalisation ==
        std::vector<std::string>{"#servicenul -> service nul"});
}

TEST_CASE("a star rating blends half and half with the text") {
  CHECK(Scorer::BlendRating(0.5, 1.0, true) == doctest::Approx(-0.25));
  CHECK(Scorer::BlendRating(0.5, 5.0, true) == doctest::Approx(0.75));
  CHECK(Scorer::BlendRating(0.0, 3.0, true) == doctest::Approx(0.0));
  // Without sentiment terms the rating decides alone.
  CHECK(Scorer::BlendRating(0.0, 1.0, false) == doctest::Approx(-1.0));
  CHECK(Scorer::BlendRating(0.0, 4.0, false) == doctest::Approx(0.5));
  // Out-of-scale ratings are clamped; NaN is ignored.
  CHECK(Scorer::BlendRating(0.2, 10.0, false) == doctest::Approx(1.0));
  CHECK(Scorer::BlendRating(0.2, std::nan(""), true) == doctest::Approx(0.2));
}

TEST_CASE_FIXTURE(Fixture, "NUL bytes, empty lines and huge inputs are safe") {
  const std::string with_nul("bon\0bon", 7);
  CHECK(scorer.Score(with_nul).compound == doctest::Approx(Compound(4.0)));
  CHECK(scorer.Score("\n\n\n").compound == 0.0);
  CHECK(scorer.Score(std::string(1 << 20, '\0')).compound == 0.0);
  for (const std::string& unit :
       {std::string("#"), std::string(":("), std::string("\xF0\x9F\x98\x8D"),
        std::string("\xE2\x80\x99"), std::string("n'"), std::string("a")}) {
    std::string big;
    while (big.size() < (1u << 20)) big += unit;
    const ScoreResult r = scorer.Score(big);
    CHECK(std::isfinite(r.compound));
    CHECK(r.compound >= -1.0);
    CHECK(r.compound <= 1.0);
  }
  std::string german;
  while (german.size() < (1u << 20)) {
    german += "Das ist nicht gut, aber SEHR schlecht!!! #ServiceNul ";
  }
  const ScoreResult r = scorer.Score(german);
  CHECK(r.language == "de");
  CHECK(r.label == Label::kNegative);
}

TEST_CASE(
    "vigie's English additions are looked up before the English lexicon") {
  const Lexicon en = MustParse("good\t2\nsick\t-2\n:)\t2\nfed up\t-1\n");
  const Lexicon extra = MustParse("sick\t1.5\nfed up\t-3\nlit\t2\n");
  const Scorer scorer(
      ScorerLexicons{&en, nullptr, nullptr, nullptr, &extra, nullptr});
  const ScoreRequest english{"en", 0.0};
  CHECK(scorer.Score("sick", english).compound ==
        doctest::Approx(Compound(1.5)));
  CHECK(scorer.Score("good", english).compound ==
        doctest::Approx(Compound(2.0)));
  CHECK(scorer.Score("lit", english).compound ==
        doctest::Approx(Compound(2.0)));
  CHECK(scorer.Score("i am fed up", english).compound ==
        doctest::Approx(Compound(-3.0)));
  CHECK(scorer.Score(":)", english).compound == doctest::Approx(Compound(2.0)));
  // A copy scores as the original.
  const Scorer copy = scorer;
  CHECK(copy.Score("sick but good", english).compound ==
        scorer.Score("sick but good", english).compound);
}

TEST_CASE("Scorer::Language agrees with language id over its lexicons") {
  const Lexicon en = MustParse("awful\t-2\nnul\t-1\n");
  const Lexicon fr = MustParse("nul\t-2\nhonteux\t-2\npas terrible\t-1\n");
  const Lexicon de = MustParse("mist\t-2\n");
  const Scorer scorer(ScorerLexicons{&en, &fr, &de, nullptr});
  for (std::string_view text :
       {"nul honteux", "awful", "mist", "awful nul", "#honteux", "", ":)",
        "le the der", "Mist! nul", "HONTEUX", "honteuuuux"}) {
    CAPTURE(text);
    TokenizedText t;
    Tokenize(text, nullptr, t);
    CHECK(scorer.Language(text) ==
          IdentifyLanguage(t, LanguageLexicons{&fr, &en, &de}));
  }
}

TEST_CASE("valences are exact with few or many distinct values") {
  // 300 terms with 300 distinct valences (too many for the compact
  // valence table), and a lexicon with a few, including -0 and 0.
  std::string many;
  for (int i = 0; i < 300; ++i) {
    many +=
        "w" + std::to_string(i) + "\t" + std::to_string(-3.0 + 0.02 * i) + "\n";
  }
  const Lexicon en_many = MustParse(many);
  const Lexicon en_few = MustParse("good\t2.3\nnothing\t-0\nnil\t0\n");
  for (const Lexicon* en : {&en_many, &en_few}) {
    const Scorer scorer{ScorerLexicons{en, nullptr, nullptr, nullptr}};
    ScoreRequest req;
    req.language = "en";
    en->ForEach([&](std::string_view term, double v) {
      CAPTURE(term);
      CHECK(scorer.Score(term, req).compound == (v == 0.0 ? 0.0 : Compound(v)));
      Explanation ex;
      scorer.Score(term, req, &ex);
      REQUIRE(ex.contributions.size() == 1);
      CHECK(std::signbit(ex.contributions[0].valence) == std::signbit(v));
      CHECK(ex.contributions[0].valence == v);
    });
  }
}

TEST_CASE("multi-word terms match only their own words") {
  const Lexicon en = MustParse(
      "waste of time\t-2\nwaste\t-1\nof course\t0.5\nworth it\t2\n"
      "worth the money\t-3\n");
  const Scorer s{ScorerLexicons{&en, nullptr, nullptr, nullptr}};
  auto terms = [&](std::string_view text) {
    Explanation ex;
    s.Score(text, ScoreRequest{"en"}, &ex);
    std::vector<std::string> out;
    for (const Contribution& c : ex.contributions) out.push_back(c.term);
    return out;
  };
  CHECK(terms("a waste of time") == std::vector<std::string>{"waste of time"});
  CHECK(terms("a waste of money") == std::vector<std::string>{"waste"});
  CHECK(terms("waste, of course") ==
        std::vector<std::string>{"waste", "of course"});
  CHECK(terms("worth it") == std::vector<std::string>{"worth it"});
  CHECK(terms("worth the price") == std::vector<std::string>{});
  CHECK(terms("so worth the money") ==
        std::vector<std::string>{"worth the money"});
}

TEST_CASE_FIXTURE(Fixture, "elongated words are found wherever they are") {
  const double elongated = Compound(2 + 0.293);
  for (const char* text :
       {"goood", "gooood", "gggood", "goooooood", "gooooooooooooooooood",
        "it was goood", "goood it was", "xxxxxxxxxxxx goood yyyyyyyyyyyyyyyy",
        "a goood b", "yyyyyyyyyyyyyyyyyyyy gooooooooooooooooood"}) {
    CAPTURE(text);
    CHECK(scorer.Score(text, ScoreRequest{"en"}).compound ==
          doctest::Approx(elongated));
  }
  // Runs of other bytes or of two letters are no elongation.
  for (const char* text :
       {"goodd", "go0od", "g000d", "xxxxxxxxxx goo0d yyyy"}) {
    CAPTURE(text);
    CHECK(scorer.Score(text, ScoreRequest{"en"}).compound == 0);
  }
}

TEST_CASE_FIXTURE(Fixture, "elongated cue words act as cues") {
  auto compound = [this](const char* text) {
    return scorer.Score(text, ScoreRequest{"en"}).compound;
  };
  CHECK(compound("sooo good") == compound("so good"));
  CHECK(compound("nooot good") == compound("not good"));
  CHECK(compound("I do nottt like it") == compound("I do not like it"));
  CHECK(compound("veryyy bad") == compound("very bad"));
  CHECK(compound("sooo") == 0.0);  // a cue, no term
}

TEST_CASE("elongations keep a double letter first, then drop one") {
  const Scorer& scorer = Shipped();
  Explanation ex;
  scorer.Score("goood", ScoreRequest{"en"}, &ex);
  CHECK(ex.normalisation == std::vector<std::string>{"goood -> good"});
  scorer.Score("gooodd", ScoreRequest{"en"}, &ex);
  CHECK(ex.normalisation == std::vector<std::string>{"gooodd -> good"});
  scorer.Score("baaaad", ScoreRequest{"en"}, &ex);
  CHECK(ex.normalisation == std::vector<std::string>{"baaaad -> bad"});
  scorer.Score("nuuuul", ScoreRequest{"fr"}, &ex);
  CHECK(ex.normalisation == std::vector<std::string>{"nuuuul -> nul"});
}

TEST_CASE_FIXTURE(Fixture, "cue words are told apart from their look-alikes") {
  // "peu" after "un" is no litotes; "peux" is no "peu".
  CHECK(scorer.Score("un peu bon", ScoreRequest{"fr"}).compound > 0);
  CHECK(scorer.Score("peu bon", ScoreRequest{"fr"}).compound < 0);
  CHECK(scorer.Score("peux bon", ScoreRequest{"fr"}).compound > 0);
  // "too"/"trop" before a word that is no term is a complaint, elongated
  // too; "trope" is no "trop".
  CHECK(scorer.Score("too long", ScoreRequest{"en"}).compound < 0);
  CHECK(scorer.Score("tooo long", ScoreRequest{"en"}).compound ==
        scorer.Score("too long", ScoreRequest{"en"}).compound);
  CHECK(scorer.Score("trop cher", ScoreRequest{"fr"}).compound < 0);
  CHECK(scorer.Score("trope cher", ScoreRequest{"fr"}).compound == 0);
}

}  // namespace
}  // namespace vigie
