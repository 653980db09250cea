#include "vigie/analyze/sponsorship.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "vigie/analyze/topic_rules.h"
#include "vigie/core/text_fold.h"

namespace vigie {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string ErrorOf(std::string_view text) {
  Result<SponsorshipDetector> d = SponsorshipDetector::Parse("s.toml", text);
  REQUIRE_FALSE(d.ok());
  CHECK(d.status().IsInvalidArgument());
  return d.status().message();
}

constexpr std::string_view kHead =
    "[sponsorship]\nname = 'sp'\ntopic = 'undisclosed-sponsorship'\n"
    "severity = 'medium'\n";

TEST_CASE("SponsorshipDetector parses its table with positions") {
  Result<SponsorshipDetector> d = SponsorshipDetector::Parse(
      "s.toml", std::string(kHead) +
                    "weight = -0.5\npromo = ['lien en bio', 'code \\w+\\d+']\n"
                    "disclosure = ['#pub\\b']\n");
  REQUIRE_MESSAGE(d.ok(), d.status().ToString());
  CHECK(d->rule().name == "sp");
  CHECK(d->rule().topic == "undisclosed-sponsorship");
  CHECK(d->rule().severity == "medium");
  CHECK(d->rule().weight == -0.5);
  CHECK(d->rule().pattern.empty());
  CHECK(d->rule().pos.line == 1);
  REQUIRE(d->promo().size() == 2);
  CHECK(d->promo()[1].pattern == "code \\w+\\d+");
  CHECK(d->promo()[1].pos.line == 6);
  CHECK(d->promo()[1].pos.column == 25);
  REQUIRE(d->disclosure().size() == 1);
  CHECK(d->disclosure()[0].pos.line == 7);

  CHECK(d->IsUndisclosedSponsorship("lien en bio"));
  CHECK(d->IsUndisclosedSponsorship("mon code lea20"));
  CHECK_FALSE(d->IsUndisclosedSponsorship("#pub lien en bio"));
  CHECK_FALSE(d->IsUndisclosedSponsorship("#pub"));
  CHECK_FALSE(d->IsUndisclosedSponsorship(""));
  const SponsorshipHits hits = d->Explain("#pub lien en bio, code lea20");
  CHECK(hits.promo.size() == 2);
  CHECK(hits.disclosure.size() == 1);
  CHECK_FALSE(hits.undisclosed());
}

TEST_CASE("an empty disclosure list is allowed; a default detector is off") {
  Result<SponsorshipDetector> d = SponsorshipDetector::Parse(
      "s.toml", std::string(kHead) + "promo = ['promo']\ndisclosure = []\n");
  REQUIRE(d.ok());
  CHECK(d->IsUndisclosedSponsorship("promo"));
  SponsorshipDetector off;
  CHECK_FALSE(off.IsUndisclosedSponsorship("promo"));
  SponsorshipDetector moved = std::move(d).value();
  CHECK(moved.IsUndisclosedSponsorship("promo"));
}

TEST_CASE("sponsorship errors are reported where they are") {
  const std::string head(kHead);
  CHECK(StartsWith(ErrorOf(head + "promo = ['(bad']\n"),
                   "s.toml:5:10: bad pattern: missing ): (bad"));
  CHECK(StartsWith(ErrorOf(head + "promo = ['ok', 'arnaqué']\n"),
                   "s.toml:5:16: pattern contains 'é'"));
  CHECK(StartsWith(ErrorOf(head + "promo = []\n"),
                   "s.toml:5:9: 'promo' must not be empty"));
  CHECK(StartsWith(ErrorOf(head + "promo = ['']\n"),
                   "s.toml:5:10: a 'promo' pattern is empty"));
  CHECK(StartsWith(ErrorOf(head + "promo = 'one'\n"),
                   "s.toml:5:9: 'promo' must be an array of strings"));
  CHECK(StartsWith(ErrorOf(head + "promo = ['a']\ndisclosure = ['a', 3]\n"),
                   "s.toml:6:20: 'disclosure' must hold only strings"));
  CHECK(StartsWith(ErrorOf(head),
                   "s.toml:1:1: [sponsorship]: missing required key 'promo'"));
  CHECK(StartsWith(ErrorOf(head + "promo = ['a']\ncolour = 'red'\n"),
                   "s.toml:6:1: [sponsorship]: unknown key 'colour'"));
  CHECK(StartsWith(ErrorOf(head + "promo = ['a']\nweight = 9\n"),
                   "s.toml:6:10: 'weight' must be between -4 and 4"));
  CHECK(StartsWith(
      ErrorOf("[sponsorship]\nname = 'sp'\ntopic = 'x'\nseverity = 'huge'\n"
              "promo = ['a']\n"),
      "s.toml:4:12: severity must be low, medium or high, not 'huge'"));
  CHECK(StartsWith(ErrorOf("[sponsorship]\nname = 'sp'\ntopic = 'Not A Tag'\n"
                           "severity = 'low'\npromo = ['a']\n"),
                   "s.toml:3:9: topic 'Not A Tag' must use only"));
}

TEST_CASE("TopicRules reads [sponsorship] and checks it") {
  const std::string rule =
      "[[rule]]\nname = 'sp'\ntopic = 'x'\nseverity = 'low'\n"
      "pattern = 'x'\n\n";
  Result<TopicRules> ok =
      TopicRules::Parse("t.toml", std::string(kHead) +
                                      "promo = ['lien en bio']\n"
                                      "disclosure = ['#pub']\n");
  REQUIRE_MESSAGE(ok.ok(), ok.status().ToString());
  REQUIRE(ok->sponsorship() != nullptr);
  CHECK(ok->rules().empty());
  CHECK(ok->Match("lien en bio") ==
        std::vector<std::string>{"undisclosed-sponsorship"});
  CHECK(ok->Match("#pub lien en bio").empty());

  Result<TopicRules> clash = TopicRules::Parse(
      "t.toml", rule + std::string(kHead) + "promo = ['a']\n");
  REQUIRE_FALSE(clash.ok());
  CHECK(StartsWith(clash.status().message(),
                   "t.toml:7:1: [sponsorship] name 'sp' is already a rule "
                   "name (first at line 1)"));
  Result<TopicRules> not_table =
      TopicRules::Parse("t.toml", "sponsorship = 1\n");
  REQUIRE_FALSE(not_table.ok());
  CHECK(StartsWith(not_table.status().message(),
                   "t.toml:1:15: 'sponsorship' must be a table"));
  Result<TopicRules> bad =
      TopicRules::Parse("t.toml", std::string(kHead) + "promo = ['(x']\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(StartsWith(bad.status().message(), "t.toml:5:10: bad pattern"));
}

struct Case {
  std::string_view text;
  bool undisclosed;
};

// Texts written for this test (not taken from any data set).
constexpr Case kCases[] = {
    // French.
    {"Mes nouvelles baskets 😍 -20% avec le code LEA20 sur tout le site !",
     true},
    {"Lien en bio pour commander ma palette préférée ✨", true},
    {"Cette crème m'a été offerte par @marque, je l'adore", true},
    {"#sponsorisé Mes nouvelles baskets, -20% avec le code LEA20", false},
    {"En partenariat avec @marque : lien en bio !", false},
    {"[PUB] Code LEA20 pour 20 % de réduction", false},
    {"#pub Je teste la nouvelle crème depuis une semaine", false},
    {"Le code postal 75011 est faux sur ma commande", false},
    {"Le dessert offert par le chef était délicieux", false},
    {"Votre code promo ne marche pas, remboursez-moi", false},
    // English.
    {"Obsessed with this serum, use code GLOW15 for 15% off", true},
    {"Grab yours here https://amzn.to/3xYzAbc before it's gone", true},
    {"My fave mug https://www.amazon.com/dp/B0ABCDE?tag=anna-21", true},
    {"Kindly gifted by @brand, swipe up to shop", true},
    {"#ad Obsessed with this serum, use code GLOW15", false},
    {"Paid partnership with @brand: link in bio", false},
    {"#sponsored", false},
    {"A gifted chef and a lovely dinner", false},
    {"Read the article https://news.example/story?utm_source=twitter", false},
    // German.
    {"Mit meinem Rabattcode ANNA10 spart ihr 10 Prozent!", true},
    {"Link in der Bio, schaut vorbei", true},
    {"Die Schuhe habe ich geschenkt bekommen, Werbelink unten", true},
    {"Anzeige | Mit meinem Rabattcode ANNA10 spart ihr 10 Prozent", false},
    {"#werbung Link in Bio", false},
    {"In Kooperation mit @marke: Link in Bio", false},
    {"Mein Code funktioniert nicht", false},
    // Customers talking about a code, not promoting one.
    {"Le code NOEL25 ne marche pas, service client injoignable", false},
    {"Code promo BIENVENUE10 invalide au moment de payer", false},
    {"Tried to use code SAVE20 but it doesn't work", false},
    {"Der Gutscheincode SOMMER15 funktioniert nicht", false},
    {"Vous avez un code promo ?", false},
    // ... while a promotion that mentions it works still is one.
    {"Avec mon code LEA20, -20% sur tout le site, ça marche à tous les coups",
     true},
};

TEST_CASE("the shipped sponsorship rules tell promotion from disclosure") {
  Result<TopicRules> rules =
      TopicRules::Load(VIGIE_TEST_RULES_DIR "/topics.toml");
  REQUIRE_MESSAGE(rules.ok(), rules.status().ToString());
  const SponsorshipDetector* detector = rules->sponsorship();
  REQUIRE(detector != nullptr);
  CHECK(detector->rule().topic == "undisclosed-sponsorship");
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    const std::string folded = FoldText(c.text);
    CHECK(detector->IsUndisclosedSponsorship(folded) == c.undisclosed);
    const std::vector<std::string> topics = rules->Match(folded);
    const bool tagged = std::find(topics.begin(), topics.end(),
                                  "undisclosed-sponsorship") != topics.end();
    CHECK(tagged == c.undisclosed);
  }
}

TEST_CASE("the sponsorship tag comes after the topic rules' hits") {
  Result<TopicRules> rules =
      TopicRules::Load(VIGIE_TEST_RULES_DIR "/topics.toml");
  REQUIRE(rules.ok());
  const std::vector<const TopicRule*> hits = rules->MatchRules(
      FoldText("Livraison offerte avec le code NOEL25, lien en bio"));
  REQUIRE(hits.size() == 2);
  CHECK(hits[0]->topic == "delivery");
  CHECK(hits[1] == &rules->sponsorship()->rule());
}

TEST_CASE("1 MB of hostile bytes is matched whole, late promotion found") {
  Result<TopicRules> rules =
      TopicRules::Load(VIGIE_TEST_RULES_DIR "/topics.toml");
  REQUIRE(rules.ok());
  std::string text;
  while (text.size() < (1u << 20)) {
    text += std::string("code \xff\xfe lien \0 en ", 18) + "\xc3 bio# pub ";
  }
  const std::string folded = FoldText(text);
  CHECK(rules->Match(folded).empty());
  CHECK(rules->Match(folded + " lien en bio") ==
        std::vector<std::string>{"undisclosed-sponsorship"});
  CHECK(rules->Match(folded + " lien en bio #pub").empty());
}

}  // namespace
}  // namespace vigie
