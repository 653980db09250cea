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

TEST_CASE("the tokenizer folds words as FoldTerm does, with plain spellings") {
  const std::vector<std::string> words = {
      "schön",  "Schöne", "GRÜSSE", "übel", "Ärger", "déçu",
      "straße", "naïve",  "Öl",     "zoë",  "schon", "Müßiggänger"};
  for (const std::string& w : words) {
    TokenizedText t;
    Tokenize(w, nullptr, t);
    REQUIRE(t.tokens.size() == 1);
    CHECK(t.at(0) == FoldTerm(w));
    if (HasUmlaut(w)) {
      REQUIRE(t.plain_words.size() == 1);
      CHECK(t.plain_words[0].token == 0);
      CHECK(t.plain_of(t.plain_words[0]) == FoldText(w));
    } else {
      CHECK(t.plain_words.empty());
    }
  }

  TokenizedText t;
  Tokenize("So schön, l'été! #SchönerTag schoen", nullptr, t);
  REQUIRE(t.tokens.size() == 6);
  REQUIRE(t.plain_words.size() == 2);
  CHECK(t.plain_words[0].token == 1);
  CHECK(t.plain_of(t.plain_words[0]) == "schon");
  CHECK(t.at(3) == "schoener");  // the camel-case hashtag's first word
  CHECK(t.at(4) == "tag");
  CHECK(t.plain_words[1].token == 3);
  CHECK(t.plain_of(t.plain_words[1]) == "schoner");
  CHECK(t.at(5) == "schoen");  // typed out: no umlaut to undo

  // A word too long to say where its umlauts were gets no plain spelling.
  Tokenize(std::string(70, 'a') + "ü", nullptr, t);
  REQUIRE(t.tokens.size() == 1);
  CHECK(t.plain_words.empty());
  Tokenize("ü" + std::string(70, 'a'), nullptr, t);
  REQUIRE(t.tokens.size() == 1);
  CHECK(t.plain_words.empty());
  Tokenize("ü" + std::string(61, 'a'), nullptr, t);  // 63 bytes folded
  REQUIRE(t.plain_words.size() == 1);
  CHECK(t.plain_of(t.plain_words[0]) == "u" + std::string(61, 'a'));
}

}  // namespace
}  // namespace vigie
