#include "vigie/analyze/language_id.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace vigie {
namespace {

TEST_CASE("language id on short customer sentences") {
  struct Case {
    std::string_view text;
    std::string_view language;
  };
  for (const Case& c : {
           Case{"Le colis n'est jamais arrivé, je suis vraiment déçue", "fr"},
           Case{"Merci pour votre aide, c'est parfait", "fr"},
           Case{"Je ne recommande pas ce magasin", "fr"},
           Case{"Très déçu du SAV", "fr"},
           Case{"The package never arrived and nobody answers", "en"},
           Case{"Thanks for the quick reply", "en"},
           Case{"I would not buy it again", "en"},
           Case{"Worst customer service ever", "en"},
           Case{"Das Paket ist nie angekommen, ich bin sauer", "de"},
           Case{"Vielen Dank für die schnelle Hilfe", "de"},
           Case{"Ich würde das nicht wieder kaufen", "de"},
           Case{"Schöne Grüße aus München", "de"},
           // "will" is German too ("wants"), "man" English too.
           Case{"Mein Sohn will seit Wochen sein Geld zurück", "de"},
           Case{"Man wartet ewig, wieso antwortet niemand?", "de"},
       }) {
    CAPTURE(c.text);
    CHECK(IdentifyLanguage(c.text) == c.language);
  }
}

TEST_CASE("language id says und without enough evidence") {
  for (std::string_view text : {"", "   ", "12345", "\xF0\x9F\x98\x80", "ok",
                                "Paris", "#wow", "\xff\xfe\x00"}) {
    CAPTURE(text);
    CHECK(IdentifyLanguage(text) == "und");
  }
}

TEST_CASE("language id uses the lexicons as extra evidence") {
  Result<Lexicon> fr = Lexicon::Parse("fr.tsv", "nul\t-2\nhonteux\t-2\n");
  REQUIRE(fr.ok());
  TokenizedText t;
  Tokenize("nul honteux", nullptr, t);
  CHECK(IdentifyLanguage(t, LanguageLexicons{}) == "und");
  CHECK(IdentifyLanguage(t, LanguageLexicons{&*fr, nullptr, nullptr}) == "fr");
}

TEST_CASE("language id survives huge and broken input") {
  const std::string unit("der \xff die \0 das ", 16);
  std::string text;
  while (text.size() < (1u << 20)) text += unit;
  CHECK(IdentifyLanguage(text) == "de");
  CHECK(IdentifyLanguage(std::string(1 << 20, '\'')) == "und");
}

TEST_CASE("language id from clues agrees with language id from lexicons") {
  Result<Lexicon> fr = Lexicon::Parse("fr.tsv", "nul\t-2\nhonteux\t-2\n");
  Result<Lexicon> en = Lexicon::Parse("en.tsv", "awful\t-2\nnul\t-1\n");
  REQUIRE(fr.ok());
  REQUIRE(en.ok());
  const LanguageLexicons lexicons{&*fr, &*en, nullptr};
  for (std::string_view text :
       {"nul honteux", "awful", "awful nul", "le the der", "service nul !",
        "#honteux nul", "", "Heizung", "rapidement", "the thing is nul"}) {
    CAPTURE(text);
    TokenizedText t;
    Tokenize(text, nullptr, t);
    std::vector<WordClue> clues;
    for (std::size_t i = 0; i < t.tokens.size(); ++i) {
      WordClue c = FunctionWordClue(t.at(i));
      for (int l = 0; l < 3; ++l) {
        if (lexicons[l] != nullptr && lexicons[l]->Find(t.at(i))) {
          c.in_lexicons |= static_cast<std::uint8_t>(1u << l);
        }
      }
      clues.push_back(c);
    }
    CHECK(IdentifyLanguage(t, clues) == IdentifyLanguage(t, lexicons));
  }
}

TEST_CASE("function-word votes settle only what every vote would decide") {
  int settled = 0;
  for (std::string_view text :
       {"the cat is on the table and it is not happy with the food",
        "le chat est sur la table et il n'est pas content de la nourriture",
        "die Katze ist auf dem Tisch und sie ist nicht zufrieden",
        // Endings could outvote the function words: not settled.
        "the Heizung Rechnung Wohnung Zeitung Leistung Lieferung",
        "der shipping billing ordering waiting", "the the the de", "",
        "l'avis d'un client qu'on aime", "Grüße Straße"}) {
    CAPTURE(text);
    TokenizedText t;
    Tokenize(text, nullptr, t);
    LanguageVotes all;
    FunctionWordVotes function;
    for (std::size_t i = 0; i < t.tokens.size(); ++i) {
      if (t.tokens[i].kind != TokenKind::kWord || t.tokens[i].hashtag) continue;
      const WordClue clue = FunctionWordClue(t.at(i));
      all.Add(t.at(i), t.keys[i].head, clue);
      function.Add(clue);
    }
    const std::string_view quick = function.Settled(t);
    if (!quick.empty()) {
      ++settled;
      CHECK(quick == all.Decide(t));
    }
  }
  // The three plain sentences are settled by their function words alone;
  // the ones whose endings could tip the balance are not.
  CHECK(settled == 3);
}

TEST_CASE(
    "a word's ending votes for the language of its first typical ending") {
  struct Case {
    std::string_view word;
    int lang;  // 0 fr, 1 en, 2 de, 3 none
  };
  for (const Case& c : std::initializer_list<Case>{
           {"rechnung", 2},
           {"lieferungen", 2},
           {"freiheit", 2},
           {"moment", 0},
           {"heureux", 0},
           {"parlaient", 0},
           {"magnifique", 0},
           {"shipping", 1},
           {"quickly", 1},
           {"darkness", 1},
           {"bright", 1},
           {"should", 1},
           // Two bytes or more must come before the ending.
           {"ung", 3},
           {"zung", 3},
           {"ly", 3},
           {"fly", 3},
           {"ugly", 1},
           {"x", 3},
           {"", 3},
           {"table", 3},
           // Longer than a term head (16 bytes).
           {"verantwortungslosigkeit", 2},
           {"unbelievablyyyyyyyyyyyyly", 1},
           {"abcdefghijklmnop", 3},
           {"abcdefghijklmung", 2}}) {
    CAPTURE(c.word);
    CHECK(LanguageVotes::EndingLanguage(c.word, HeadOf(c.word)) == c.lang);
  }
}

TEST_CASE("function words keep the vote listed first") {
  CHECK(FunctionWordClue("the").function_lang == 1);
  CHECK(FunctionWordClue("the").function_weight == 1.0);
  // "me" is listed as English, then as a weak French vote.
  CHECK(FunctionWordClue("me").function_lang == 1);
  CHECK(FunctionWordClue("de").function_lang == 0);
  CHECK(FunctionWordClue("de").function_weight == 0.3);
  CHECK(FunctionWordClue("heizung").function_lang == -1);
  // Words German or French write as often: weak votes, or none.
  CHECK(FunctionWordClue("am").function_lang == 2);
  CHECK(FunctionWordClue("am").function_weight == 0.3);
  CHECK(FunctionWordClue("also").function_weight == 0.3);
  CHECK(FunctionWordClue("total").function_lang == -1);
  const std::vector<std::string_view> words = FunctionWords();
  CHECK(words.size() > 300);
  CHECK(std::find(words.begin(), words.end(), "und") != words.end());
}

}  // namespace
}  // namespace vigie
