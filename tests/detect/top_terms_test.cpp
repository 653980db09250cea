#include "vigie/detect/top_terms.h"

#include <doctest/doctest.h>

namespace vigie {

namespace {

Mention WithText(std::string text) {
  Mention m;
  m.text = std::move(text);
  return m;
}

}  // namespace

TEST_CASE("TopTerms: shared words first, function words and the brand out") {
  const std::vector<Mention> mentions = {
      WithText("Un cafard dans ma salade au Fournil Duval de Lyon !"),
      WithText("Cafard au Fournil Duval, c'est dégoûtant https://t.co/x1"),
      WithText("I saw the cockroach video from Fournil Duval Lyon"),
      WithText("Vidéo d'un CAFARD au Fournil Duval Lyon, dégoûtant"),
      WithText("Rien à voir : 2024 2024 super croissants"),
  };
  const std::vector<std::string> terms = TopTerms(mentions, "Fournil Duval", 5);
  REQUIRE(terms.size() == 4);
  CHECK(terms[0] == "cafard");  // in three mentions
  CHECK(terms[1] == "lyon");    // in three, after "cafard" alphabetically
  CHECK(terms[2] == "degoutant");
  CHECK(terms[3] == "video");
  // Limit and emptiness.
  CHECK(TopTerms(mentions, "Fournil Duval", 1) ==
        std::vector<std::string>{"cafard"});
  CHECK(TopTerms({}, "x", 5).empty());
  CHECK(TopTerms({WithText("only once here")}, "", 5).empty());
}

TEST_CASE("TopTerms: German words keep their umlauts apart") {
  // "schön" (lovely) is no "schon" (already), a function word.
  const std::vector<Mention> mentions = {
      WithText("Schön war es schon für die Kinder"),
      WithText("Schön und laut, schon wieder über Mitternacht"),
  };
  CHECK(TopTerms(mentions, "", 5) == std::vector<std::string>{"schoen"});
}

}  // namespace vigie
