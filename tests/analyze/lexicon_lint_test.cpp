#include "vigie/analyze/lexicon_lint.h"

#include <doctest/doctest.h>

namespace vigie {
namespace {

TEST_CASE("lexicon lint: a term that folds into a function word is flagged") {
  const std::string_view fr =
      "# comment\n"
      "top\t2.4\n"
      "sûr\t1.0\n"     // read as "sur" (on): flagged
      "sur\t0.5\n"     // written as is: the author meant it
      "déçu\t-2.0\n"   // "decu": no function word
      "broken line\n"  // no tab: the parser's business
      "là\t0.4";       // "la", last line without a newline
  const std::vector<std::string> warnings =
      FoldCollisionWarnings("fr.tsv", fr, "fr");
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] ==
        "fr.tsv:3:1: warning: 'sûr' is read as 'sur', a function word: "
        "every 'sur' would count");
  CHECK(warnings[1].rfind("fr.tsv:7:1: warning: 'là' is read as 'la'", 0) == 0);
  // Function words of another language do not matter: the German lexicon
  // only scores German text.
  CHECK(FoldCollisionWarnings("de.tsv", "sûr\t1.0\n", "de").empty());
  CHECK(FoldCollisionWarnings("de.tsv", "", "de").empty());
}

TEST_CASE("lexicon lint: umlauts stay apart from the plain vowels") {
  // "schön" is read as "schoen", "öder" as "oeder": no function words.
  const std::string_view de = "schön\t2.0\nöder\t-1.6\nfür\t1.0\n";
  const std::vector<std::string> warnings =
      FoldCollisionWarnings("de.tsv", de, "de");
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].rfind("de.tsv:3:1: warning: 'für' is read as 'fuer'", 0) ==
        0);
}

TEST_CASE("lexicon lint: a term holding an elided word is flagged") {
  const std::string_view fr =
      "d'enfer\t2.5\n"                  // "d'" is split off the text
      "simple d\u2019utilisation\t2\n"  // typographic apostrophe
      "je-m'en-foutiste\t-2\n"          // inside a hyphenated word
      "aujourd'hui\t0\n"                // "aujourd" is no elided word
      "can't beat\t2\n"                 // nor is "can"
      "simple utilisation\t2\n";
  const std::vector<std::string> warnings = ElidedWordWarnings("fr.tsv", fr);
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0] ==
        "fr.tsv:1:1: warning: 'd'enfer' holds the elided word 'd'', which the "
        "text splits off: the term never matches; write it without");
  CHECK(warnings[1].rfind("fr.tsv:2:8: warning:", 0) == 0);
  CHECK(warnings[2].rfind("fr.tsv:3:4: warning:", 0) == 0);
  CHECK(ElidedWordWarnings("fr.tsv", "").empty());
}

TEST_CASE("lexicon lint: a term holding a hyphen between words is flagged") {
  const std::string_view en =
      "sub-par\t-1.8\n"       // the text reads "sub" "par"
      "sub par\t-1.8\n"       // as written here
      "x-d\t2.6\n"            // an emoticon
      ":-)\t1.3\n"            // another
      "self-confident\t2\n";  // column of the hyphen: 5
  const std::vector<std::string> warnings = HyphenWarnings("en.tsv", en);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] ==
        "en.tsv:1:4: warning: 'sub-par' holds a hyphen, where the text is "
        "split into words: the term never matches; write a space");
  CHECK(warnings[1].rfind("en.tsv:5:5: warning:", 0) == 0);
  CHECK(HyphenWarnings("en.tsv", "").empty());
}

}  // namespace
}  // namespace vigie
