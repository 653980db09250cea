#include "vigie/analyze/term_fold.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "vigie/analyze/tokenizer.h"
#include "vigie/core/text_fold.h"

namespace vigie {
namespace {

TEST_CASE("FoldTerm writes umlauts as ae oe ue, and folds the rest as usual") {
  CHECK(FoldTerm("schön") == "schoen");
  CHECK(FoldTerm("Schön") == "schoen");
  CHECK(FoldTerm("ÖDE") == "oede");
  CHECK(FoldTerm("Grüße") == "gruesse");
  CHECK(FoldTerm("ärgerlich") == "aergerlich");
  CHECK(FoldTerm("Übel") == "uebel");
  CHECK(FoldTerm("déçu") == FoldText("déçu"));
  CHECK(FoldTerm("Naïve") == "naive");  // other diaereses are only accents
  CHECK(FoldTerm("schon") == "schon");
  CHECK(HasUmlaut("schön"));
  CHECK(HasUmlaut("ÄRGER"));
  CHECK_FALSE(HasUmlaut("schon"));
  CHECK_FALSE(HasUmlaut("naïve"));
  CHECK_FALSE(HasUmlaut("\xC3"));  // a lone lead byte at the end
}

TEST_CASE("FoldTerm writes the ligatures œ and æ as oe and ae") {
  CHECK(FoldTerm("cœur") == "coeur");
  CHECK(FoldTerm("Œuvre") == "oeuvre");
  CHECK(FoldTerm("CŒUR") == "coeur");
  CHECK(FoldTerm("ex æquo") == "ex aequo");
  CHECK(FoldTerm("Æ") == "ae");
  CHECK(FoldTerm("sœur schön") == "soeur schoen");
  CHECK(HasLigature("vœux"));
  CHECK_FALSE(HasLigature("voeux"));
  CHECK_FALSE(HasLigature("\xC5"));
  CHECK(LigaturePair(0x153) == std::string_view("oe"));
  CHECK(LigaturePair(0xE9) == nullptr);
}

TEST_CASE("the tokenizer folds words as FoldTerm does, with dot-less ones") {
  const std::vector<std::string> words = {
      "schön", "Schöne",      "GRÜSSE", "übel",  "Ärger",
      "déçu",  "straße",      "naïve",  "Öl",    "zoë",
      "schon", "Müßiggänger", "cœur",   "Œuvre", "æquo"};
  std::string buf;
  for (const std::string& w : words) {
    TokenizedText t;
    Tokenize(w, nullptr, t);
    REQUIRE(t.tokens.size() == 1);
    CHECK(t.at(0) == FoldTerm(w));
    const std::string_view dotless = t.DotlessSpelling(0, buf);
    if (HasUmlaut(w)) {
      CHECK(dotless == FoldText(w));
    } else {
      CHECK(dotless.empty());
    }
  }

  TokenizedText t;
  Tokenize("So schön, l'été! #SchönerTag schoen über", nullptr, t);
  REQUIRE(t.tokens.size() == 7);
  CHECK(t.DotlessSpelling(0, buf).empty());
  CHECK(t.DotlessSpelling(1, buf) == "schon");
  CHECK(t.DotlessSpelling(2, buf).empty());  // "ete"
  CHECK(t.at(3) == "schoener");  // the camel-case hashtag's first word
  CHECK(t.DotlessSpelling(3, buf) == "schoner");
  CHECK(t.DotlessSpelling(4, buf).empty());  // "tag"
  CHECK(t.DotlessSpelling(5, buf).empty());  // typed out: nothing to undo
  CHECK(t.DotlessSpelling(6, buf) == "uber");

  // Long words and many umlauts.
  const std::string ue70 = "ü" + std::string(70, 'a') + "ü";
  Tokenize(ue70 + " " + ue70, nullptr, t);
  REQUIRE(t.tokens.size() == 2);
  const std::string expected = "u" + std::string(70, 'a') + "u";
  CHECK(t.DotlessSpelling(0, buf) == expected);
  CHECK(t.DotlessSpelling(1, buf) == expected);
}

}  // namespace
}  // namespace vigie
