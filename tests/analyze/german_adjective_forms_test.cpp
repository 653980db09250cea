#include "vigie/analyze/german_adjective_forms.h"

#include <doctest/doctest.h>

#include <map>
#include <string>

namespace vigie {

namespace {

const PartValence kWords = [](std::string_view w) -> std::optional<double> {
  static const std::map<std::string, double, std::less<>> words = {
      {"peinlich", -2.0},  {"verwirrt", -1.4}, {"verdorben", -1.4},
      {"lieb", 1.8},       {"reich", 1.4},     {"passend", 1.4},
      {"schwach", -1.4},   {"dumm", -2.2},     {"schlecht", -2.0},
      {"neutral", 0.0},    {"muell", -2.2},    {"aktuell", 0.5},
      {"unbeliebt", -1.4}, {"unter", -0.5}};
  const auto it = words.find(w);
  if (it == words.end()) return std::nullopt;
  return it->second;
};

std::string BaseOf(std::string_view word) {
  std::string buffer;
  const auto form = ReadGermanAdjectiveForm(word, kWords, &buffer);
  return form ? std::string(form->base) : std::string();
}

}  // namespace

TEST_CASE("German adjective endings, comparatives and superlatives") {
  CHECK(BaseOf("peinliche") == "peinlich");
  CHECK(BaseOf("peinlichen") == "peinlich");
  CHECK(BaseOf("peinlicheren") == "peinlich");
  CHECK(BaseOf("peinlichsten") == "peinlich");
  CHECK(BaseOf("passendes") == "passend");
  // A negated participle: "un" before "beliebt".
  CHECK(BaseOf("unbeliebte") == "unbeliebt");
  CHECK(BaseOf("unbeliebteste") == "unbeliebt");
  // "un" before no adjective: "untere" is no form of "unter".
  CHECK(BaseOf("untere").empty());
  std::string buffer;
  const auto form = ReadGermanAdjectiveForm("peinlichster", kWords, &buffer);
  REQUIRE(form);
  CHECK(form->valence == -2.0);
  // Participles: weak (-t) and strong (-en).
  CHECK(BaseOf("verwirrter") == "verwirrt");
  CHECK(BaseOf("verdorbene") == "verdorben");
  // Comparatives with an ending and superlatives of any adjective, with or
  // without an umlaut.
  CHECK(BaseOf("schlechteste") == "schlecht");
  CHECK(BaseOf("schlechteren") == "schlecht");
  CHECK(BaseOf("schwaechste") == "schwach");
  CHECK(BaseOf("schwaechere") == "schwach");
  CHECK(BaseOf("schwaecher").empty());  // a bare -er may be an agent
  CHECK(BaseOf("duemmere") == "dumm");
  // Plural nouns with an umlaut are no comparative of a known word.
  CHECK(BaseOf("maenner").empty());
}

TEST_CASE("Bare stems are not inflected: their forms are other words") {
  CHECK(BaseOf("lieber").empty());   // rather
  CHECK(BaseOf("reichen").empty());  // to suffice
  // A base of no valence, an unknown base, a word too short.
  CHECK(BaseOf("neutrale").empty());
  CHECK(BaseOf("wichtige").empty());
  CHECK(BaseOf("peinlich").empty());  // the base itself is the lexicon's
  // "-ell" adjectives have 6 bytes or more: "Müller" is a name.
  CHECK(BaseOf("aktuellen") == "aktuell");
  CHECK(BaseOf("mueller").empty());
}

}  // namespace vigie
