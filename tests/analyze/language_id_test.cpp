#include "vigie/analyze/language_id.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

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

}  // namespace
}  // namespace vigie
