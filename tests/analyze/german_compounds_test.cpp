#include "vigie/analyze/german_compounds.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

#include "vigie/analyze/lexicon.h"
#include "vigie/analyze/scorer.h"

namespace vigie {

namespace {

// A lexicon of a few folded words.
PartValence Words(std::map<std::string, double, std::less<>> words) {
  return
      [words = std::move(words)](std::string_view w) -> std::optional<double> {
        const auto it = words.find(w);
        if (it == words.end()) return std::nullopt;
        return it->second;
      };
}

}  // namespace

TEST_CASE("A German compound takes the valence of its evaluative head") {
  const PartValence none = Words({});
  const auto chaos = ReadGermanCompound("lieferchaos", none, 0.3);
  REQUIRE(chaos);
  CHECK(chaos->valence < 0.0);
  CHECK(chaos->split == 6);  // liefer | chaos
  const auto genuss = ReadGermanCompound("lesegenuss", none, 0.3);
  REQUIRE(genuss);
  CHECK(genuss->valence > 0.0);
  // The longest head wins: "misserfolg" is no "erfolg".
  const auto flop = ReadGermanCompound("riesenmisserfolg", none, 0.3);
  REQUIRE(flop);
  CHECK(flop->valence < 0.0);
  // A head alone, or with fewer than three bytes before it, is no compound.
  CHECK_FALSE(ReadGermanCompound("chaos", none, 0.3));
  CHECK_FALSE(ReadGermanCompound("unchaos", none, 0.3));
  // Neutral compounds stay unread.
  CHECK_FALSE(ReadGermanCompound("kundennummer", none, 0.3));
  CHECK_FALSE(ReadGermanCompound("bundesverkehrsministerium", none, 0.3));
}

TEST_CASE(
    "An intensifying first part boosts the word of the lexicon after it") {
  const PartValence lex = Words({{"gut", 2.0}, {"schlecht", -2.0}});
  const auto saugut = ReadGermanCompound("saugut", lex, 0.3);
  CHECK_FALSE(saugut);  // shorter than kMinCompoundBytes
  const auto megagut = ReadGermanCompound("megagut", lex, 0.3);
  REQUIRE(megagut);
  CHECK(megagut->valence == doctest::Approx(2.3));
  const auto grotten = ReadGermanCompound("grottenschlecht", lex, 0.3);
  REQUIRE(grotten);
  CHECK(grotten->valence == doctest::Approx(-2.3));
  // Before an evaluative head, too: a big problem is a worse problem.
  const auto big = ReadGermanCompound("riesenproblem", lex, 0.3);
  const auto plain = ReadGermanCompound("kundenproblem", lex, 0.3);
  REQUIRE(big);
  REQUIRE(plain);
  CHECK(big->valence < plain->valence);
  // An intensifier before a word the lexicon lacks says nothing.
  CHECK_FALSE(ReadGermanCompound("supermarkt", lex, 0.3));
}

TEST_CASE("An evaluative first part colours the compound") {
  const PartValence lex = Words({{"urlaub", 0.0}, {"schoen", 2.0}});
  const auto wetter = ReadGermanCompound("scheisswetter", lex, 0.3);
  REQUIRE(wetter);
  CHECK(wetter->valence < 0.0);
  CHECK(wetter->split == 7);
  const auto urlaub = ReadGermanCompound("traumurlaub", lex, 0.3);
  REQUIRE(urlaub);
  CHECK(urlaub->valence > 0.0);
  // Not a word that only starts like one: a trauma is no dream.
  CHECK_FALSE(ReadGermanCompound("traumatisch", lex, 0.3));
  // Not a genre: a horror film is no horror, a horror flight is.
  CHECK(ReadGermanCompound("horrorflug", lex, 0.3));
  CHECK_FALSE(ReadGermanCompound("horrorfilm", lex, 0.3));
  CHECK_FALSE(ReadGermanCompound("horrorfilme", lex, 0.3));
  // The rest must be a word of four bytes or more ("Kacke" is no compound).
  CHECK_FALSE(ReadGermanCompound("kackeee", lex, 0.3));
}

TEST_CASE("The scorer reads German compounds the lexicon lacks") {
  const Result<Lexicon> de = Lexicon::Parse(
      "de.tsv",
      "peinlich\t-2.0\nschlecht\t-2.0\ngut\t2.0\nlieferchaos\t-1.0\n");
  REQUIRE(de.ok());
  const Scorer scorer{ScorerLexicons{.de = &de.value()}};
  auto score = [&scorer](const char* text, Explanation* ex = nullptr) {
    return scorer.Score(text, ScoreRequest{.language = "de"}, ex).compound;
  };
  CHECK(score("Die Kundenservicekatastrophe") < 0.0);
  CHECK(score("Das Essen war megagut") > score("Das Essen war gut"));
  CHECK(score("So ein Scheißwetter") < 0.0);
  // Inflected adjectives, alone and inside a compound.
  CHECK(score("eine peinlichere Lösung") < 0.0);
  CHECK(score("das megapeinliche Essen") < score("das peinliche Essen"));
  CHECK(score("das peinliche Essen") == score("das peinlich Essen"));
  // The lexicon's own entry comes first.
  CHECK(score("Das Lieferchaos") > score("Das Versandchaos"));
  // Negation reaches a compound as it does any term.
  CHECK(score("Kein Lieferchaos") > 0.0);
  // Only in German: in English the word is left alone.
  CHECK(scorer.Score("Kundenservicekatastrophe", ScoreRequest{.language = "en"})
            .compound == 0.0);
  Explanation ex;
  score("Die Kundenservicekatastrophe", &ex);
  CHECK(ex.normalisation ==
        std::vector<std::string>{"kundenservicekatastrophe -> kundenservice + "
                                 "katastrophe"});
}

}  // namespace vigie
