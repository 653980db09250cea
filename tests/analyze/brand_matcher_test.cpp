#include "vigie/analyze/brand_matcher.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

#include "vigie/core/text_fold.h"

namespace vigie {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string ErrorOf(std::string_view text) {
  Result<BrandMatcher> brands = BrandMatcher::Parse("b.toml", text);
  REQUIRE_FALSE(brands.ok());
  CHECK(brands.status().IsInvalidArgument());
  return brands.status().message();
}

constexpr std::string_view kBrands = R"(# brands
[[brand]]
name = "Duval"
keywords = ["Duval", "Fournil  DUVAL"]
exclude = ["Duval Immobilier"]
language = "fr"

[[brand]]
name = "Crème & Co"
keywords = ["crème & co", "cremeco"]
)";

std::vector<std::string> MatchText(const BrandMatcher& m,
                                   std::string_view text) {
  return m.Match(FoldText(text));
}

TEST_CASE("BrandMatcher parses brands and folds their phrases") {
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", kBrands);
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  REQUIRE(m->brands().size() == 2);
  const Brand& duval = m->brands()[0];
  CHECK(duval.name == "Duval");
  CHECK(duval.keywords == std::vector<std::string>{"duval", "fournil duval"});
  CHECK(duval.exclude == std::vector<std::string>{"duval immobilier"});
  CHECK(duval.language == "fr");
  CHECK(m->brands()[1].keywords ==
        std::vector<std::string>{"creme & co", "cremeco"});
  CHECK(m->brands()[1].language.empty());
  REQUIRE(m->Find("Crème & Co") != nullptr);
  CHECK(m->Find("Crème & Co")->name == "Crème & Co");
  CHECK(m->Find("duval") == nullptr);
}

TEST_CASE("keywords match whole words only") {
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", kBrands);
  REQUIRE(m.ok());
  const std::vector<std::string> duval{"Duval"};
  CHECK(MatchText(*m, "Duval!") == duval);
  CHECK(MatchText(*m, "J'adore #duval") == duval);
  CHECK(MatchText(*m, "@Duval: merci") == duval);
  CHECK(MatchText(*m, "DÛVAL") == duval);
  CHECK(MatchText(*m, "le président Duvalier").empty());
  CHECK(MatchText(*m, "laduval").empty());
  CHECK(MatchText(*m, "").empty());
}

TEST_CASE("phrases match across spaces and hyphens, not punctuation") {
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", kBrands);
  REQUIRE(m.ok());
  const std::vector<std::string> creme{"Crème & Co"};
  CHECK(MatchText(*m, "Chez CRÈME & CO ce matin") == creme);
  CHECK(MatchText(*m, "chez creme-co") == creme);
  CHECK(MatchText(*m, "la crème. Co-voiturage").empty());
  CHECK(MatchText(*m, "chez #cremeco") == creme);
}

TEST_CASE("an exclusion removes the brand, and brands come in file order") {
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", kBrands);
  REQUIRE(m.ok());
  CHECK(MatchText(*m, "Agence Duval Immobilier, Lyon").empty());
  CHECK(MatchText(*m, "Crème & Co et Duval") ==
        std::vector<std::string>{"Duval", "Crème & Co"});
}

TEST_CASE("an empty brand file matches nothing") {
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", "");
  REQUIRE(m.ok());
  CHECK(m->brands().empty());
  CHECK(m->Match("duval").empty());
}

TEST_CASE("a brand may set its own spike sensitivity") {
  auto m = BrandMatcher::Parse(
      "b.toml",
      "[[brand]]\nname = 'A'\nkeywords = ['a']\nalerts_per_week = 2\n"
      "[[brand]]\nname = 'B'\nkeywords = ['b']\n");
  REQUIRE_MESSAGE(m.ok(), m.status().message());
  CHECK(m->Find("A")->alerts_per_week == 2.0);
  CHECK_FALSE(m->Find("B")->alerts_per_week.has_value());
}

TEST_CASE("a brand may name its time zone") {
  auto m = BrandMatcher::Parse(
      "b.toml",
      "[[brand]]\nname = 'A'\nkeywords = ['a']\ntimezone = 'JST-9'\n"
      "[[brand]]\nname = 'B'\nkeywords = ['b']\n");
  REQUIRE_MESSAGE(m.ok(), m.status().message());
  REQUIRE(m->Find("A")->zone != nullptr);
  CHECK(m->Find("A")->zone->OffsetAt(FromUnixMillis(0)) == Millis(9 * 3600000));
  CHECK(m->Find("B")->zone == nullptr);
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a']\n"
                           "timezone = 'Mars/Olympus'\n"),
                   "b.toml:4:12: time zone: unknown time zone 'Mars/Olympus'"));
}

TEST_CASE("bad brand files give path:line:col errors") {
  CHECK(StartsWith(
      ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a']\n  owner = 'x'\n"),
      "b.toml:4:3: unknown key 'owner' in [[brand]]"));
  CHECK(StartsWith(
      ErrorOf("brands = []\n"),
      "b.toml:1:1: unknown key 'brands' (expected [[brand]] tables)"));
  CHECK(StartsWith(ErrorOf("\n[[brand]]\nname = 'A'\n"),
                   "b.toml:2:1: [[brand]] is missing 'keywords'"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nkeywords = ['a']\n"),
                   "b.toml:1:1: [[brand]] is missing 'name'"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'A'\nkeywords = []\n"),
                   "b.toml:3:12: 'keywords' must not be empty"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'A'\nkeywords = 'a'\n"),
                   "b.toml:3:12: 'keywords' must be an array of strings"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a', 3]\n"),
                   "b.toml:3:18: 'keywords' must hold only strings"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a', '!!']\n"),
                   "b.toml:3:18: '!!' has no letters or digits"));
  CHECK(StartsWith(
      ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a']\nlanguage = 'de'\n"),
      "b.toml:4:12: language must be \"fr\", \"en\" or \"\", not 'de'"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = ''\nkeywords = ['a']\n"),
                   "b.toml:2:8: 'name' must not be empty"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a']\n"
                           "[[brand]]\nname = 'A'\nkeywords = ['b']\n"),
                   "b.toml:5:8: duplicate brand name 'A' (first at line 1)"));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'é' x\n"), "b.toml:2:13: "));
  CHECK(StartsWith(ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a', }]\n"),
                   "b.toml:3:18: expected a value or ']', saw '}'"));
  CHECK(StartsWith(
      ErrorOf("[[brand]]\nname = 'A'\nkeywords = ['a']\nalerts_per_week = 0\n"),
      "b.toml:4:19: 'alerts_per_week' must be a number from 0.001"));
  CHECK(StartsWith(
      ErrorOf(
          "[[brand]]\nname = 'A'\nkeywords = ['a']\nalerts_per_week = 'x'\n"),
      "b.toml:4:19: 'alerts_per_week' must be a number"));
  CHECK(StartsWith(ErrorOf("[[#brand]]\n"),
                   "b.toml:1:3: expected a table name after '['"));
}

TEST_CASE("BrandMatcher::Load reports a missing file as NotFound") {
  Result<BrandMatcher> m = BrandMatcher::Load("/nonexistent/vigie/brands.toml");
  REQUIRE_FALSE(m.ok());
  CHECK(m.status().IsNotFound());
}

TEST_CASE("the shipped brand file loads the demo brand") {
  Result<BrandMatcher> m =
      BrandMatcher::Load(VIGIE_TEST_RULES_DIR "/brands.toml");
  REQUIRE_MESSAGE(m.ok(), m.status().ToString());
  const Brand* duval = m->Find("Fournil Duval");
  REQUIRE(duval != nullptr);
  CHECK(duval->language == "fr");
  const std::vector<std::string> expected{"Fournil Duval"};
  CHECK(MatchText(*m, "Au Fournil-Duval ce matin") == expected);
  CHECK(MatchText(*m, "#FournilDuval") == expected);
  CHECK(MatchText(*m, "Duval Bakery in Lyon") == expected);
  CHECK(MatchText(*m, "Jean Duval, boulanger").empty());
}

TEST_CASE("matching 1 MB of text and invalid bytes does not break") {
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", kBrands);
  REQUIRE(m.ok());
  std::string text;
  while (text.size() < (1u << 20)) text += "duva duvalier fournil \xff ";
  CHECK(m->Match(text).empty());
  text += "fournil duval";
  CHECK(m->Match(text) == std::vector<std::string>{"Duval"});
}

TEST_CASE("ASCII and non-ASCII texts match alike") {
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", kBrands);
  REQUIRE(m.ok());
  const std::vector<std::string> duval{"Duval"};
  const std::vector<std::string> creme{"Crème & Co"};
  // Each text, then with a non-ASCII letter far from the brand (the other
  // matching path).
  for (const std::string tail : {"", " \xc3\xa9t\xc3\xa9"}) {
    CAPTURE(tail);
    CHECK(MatchText(*m, "chez fournil-duval" + tail) == duval);
    CHECK(MatchText(*m,
                    "fournil\xc2\xa0"
                    "duval" +
                        tail) == duval);
    CHECK(MatchText(*m, "xduval duvalx" + tail).empty());
    CHECK(MatchText(*m, "a duval immobilier" + tail).empty());
    CHECK(MatchText(*m, "creme & co" + tail) == creme);
    CHECK(MatchText(*m, "creme &co" + tail) == creme);
    CHECK(MatchText(*m, "creme - co" + tail) == creme);
    CHECK(MatchText(*m, "creme && co" + tail).empty());
    CHECK(MatchText(*m, "creme . co" + tail).empty());
    CHECK(MatchText(*m, "creme" + tail).empty());
  }
  // A non-ASCII letter glued to the keyword makes another word.
  CHECK(MatchText(*m,
                  "\xc3\xa9"
                  "duval")
            .empty());
  CHECK(MatchText(*m, "duval\xc3\xa9").empty());
  CHECK(MatchText(*m, "\xc3\xa9 duval") == duval);
}

TEST_CASE("random ASCII texts match as they do on the non-ASCII path") {
  // An all-ASCII text is read byte by byte, a word only where its first
  // byte starts some phrase; with one non-ASCII letter it is read word by
  // word. Both must agree on any mix of keywords, near-misses and gaps.
  Result<BrandMatcher> m = BrandMatcher::Parse("b.toml", kBrands);
  REQUIRE(m.ok());
  const std::vector<std::string> pieces = {"duval",
                                           "fournil",
                                           "fournil duval",
                                           "fournil-duval",
                                           "xduval",
                                           "duvalx",
                                           "creme & co",
                                           " ",
                                           "-",
                                           ".",
                                           "a",
                                           "immobilier",
                                           "d",
                                           "f",
                                           "c",
                                           "  ",
                                           "creme",
                                           "co",
                                           "fournilduval",
                                           "dd"};
  std::mt19937 rng(7);
  int matched = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) text += pieces[rng() % pieces.size()];
    const std::vector<std::string> got = m->Match(text);
    CAPTURE(text);
    CHECK(got == m->Match(text + " \xc3\xa9"));
    matched += got.empty() ? 0 : 1;
  }
  CHECK(matched > 100);
}

TEST_CASE("FoldText into a reused buffer folds as FoldText") {
  std::string out = "stale contents, longer than the next text";
  for (std::string_view text :
       {"Crème BRÛLÉE", "", "ABC", "ﬁne ½", "a\xffz", "Straße", "e\xcc\x81"}) {
    CAPTURE(text);
    FoldText(text, out);
    CHECK(out == FoldText(text));
  }
}

}  // namespace
}  // namespace vigie
