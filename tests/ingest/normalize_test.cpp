#include "vigie/ingest/normalize.h"

#include <doctest/doctest.h>

#include <string>

#include "vigie/core/text_fold.h"
#include "vigie/ingest/feed_parser.h"

namespace vigie {
namespace {

const TimePoint kFetched = FromUnixMillis(1793605500000);  // 2026-11-02T07:45Z

TEST_CASE("ToMention: fields of a full entry") {
  FeedEntry e;
  e.id = "  avis-1\n";
  e.url = " https://avis.example.fr/a/1 ";
  e.author = "\tÉloïse ";
  e.title = "Livraison tr&egrave;s <b>en retard</b>";
  e.content = "<p>Command&eacute; le 2,</p><p>re&ccedil;u le 20&nbsp;!</p>";
  e.published = FromUnixMillis(1793603100000);
  e.rating = 1.5;

  const Mention m = ToMention(e, "trustpilot-acme", kFetched);
  CHECK(m.source == "trustpilot-acme");
  CHECK(m.external_id == "avis-1");
  CHECK(m.url == "https://avis.example.fr/a/1");
  CHECK(m.author == "Éloïse");
  CHECK(m.title == "Livraison très en retard");
  CHECK(m.text == "Commandé le 2, reçu le 20 !");
  CHECK(m.published == FromUnixMillis(1793603100000));
  CHECK(m.fetched == kFetched);
  REQUIRE(m.rating);
  CHECK(*m.rating == 1.5);
  CHECK_FALSE(m.reach.has_value());
  CHECK(m.id == 0);
  CHECK(m.brands.empty());
  CHECK(m.label == Label::kNeutral);
}

TEST_CASE("ToMention: external id falls back to the url, then a SHA-1") {
  FeedEntry e;
  e.url = "https://a.example/2";
  e.title = "Titre seul";
  e.content = "<p>Corps du   texte</p>";
  CHECK(ToMention(e, "s", kFetched).external_id == "https://a.example/2");

  e.url = "   ";
  const Mention hashed = ToMention(e, "s", kFetched);
  CHECK(hashed.url.empty());
  // sha1("Titre seul\nCorps du texte")
  CHECK(hashed.external_id == "sha1:9b4de0891b8007faeef45d9fb3f2879e1a287caf");

  FeedEntry same_text;
  same_text.title = "<h1>Titre seul</h1>";
  same_text.content = "Corps du texte";
  CHECK(ToMention(same_text, "t", kFetched).external_id == hashed.external_id);

  FeedEntry empty;
  CHECK(ToMention(empty, "s", kFetched).external_id ==
        "sha1:adc83b19e793491b1c6ea0fd8b46cd9f32e592fc");
}

TEST_CASE("ToMention: a missing date becomes the fetch time") {
  FeedEntry e;
  e.id = "x";
  const Mention m = ToMention(e, "s", kFetched);
  CHECK(m.published == kFetched);
  CHECK(m.fetched == kFetched);
  CHECK_FALSE(m.rating.has_value());
}

TEST_CASE("ToMention: invalid UTF-8 and NUL bytes are cleaned everywhere") {
  FeedEntry e;
  e.id = std::string("id\xFF\0x", 5);
  e.url = "https://a.example/caf\xE9";
  e.author = "Jos\xE9";
  e.title = "Caf\xE9";
  e.content = std::string("a\0b \xC3", 5);
  const Mention m = ToMention(e, "s", kFetched);
  CHECK(m.external_id == "id\xEF\xBF\xBDx");
  CHECK(m.url == "https://a.example/caf\xEF\xBF\xBD");
  CHECK(m.author == "Jos\xEF\xBF\xBD");
  CHECK(m.title == "Caf\xEF\xBF\xBD");
  CHECK(m.text == "ab \xEF\xBF\xBD");
  for (const std::string* s :
       {&m.external_id, &m.url, &m.author, &m.title, &m.text}) {
    CHECK(IsValidUtf8(*s));
  }
}

TEST_CASE("ToMention: text is capped at 64 KiB on a character boundary") {
  FeedEntry e;
  e.id = "long";
  std::string body = "a";
  for (int i = 0; i < 40000; ++i) body += "é";
  e.content = body;
  const Mention m = ToMention(e, "s", kFetched);
  CHECK(m.text.size() == kMaxMentionTextBytes - 1);
  CHECK(IsValidUtf8(m.text));
  CHECK(m.text.substr(0, 3) == "aé");

  e.content = std::string(kMaxMentionTextBytes - 1, 'x') + " yz";
  const Mention cut_at_space = ToMention(e, "s", kFetched);
  CHECK(cut_at_space.text == std::string(kMaxMentionTextBytes - 1, 'x'));

  e.content = std::string(kMaxMentionTextBytes, 'x');
  CHECK(ToMention(e, "s", kFetched).text.size() == kMaxMentionTextBytes);
}

TEST_CASE("ToMention: from a parsed Atom entry end to end") {
  const auto feed =
      ParseFeed("alertes", R"(<feed xmlns="http://www.w3.org/2005/Atom">
<entry>
  <title type="html">&lt;b&gt;Acme&lt;/b&gt; &amp;eacute;pingl&amp;eacute;e</title>
  <summary>R&#233;sum&#xE9; &amp; avis</summary>
  <updated>2026-11-02T08:05:00+01:00</updated>
</entry>
</feed>)");
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 1);
  const Mention m = ToMention((*feed)[0], "alertes", kFetched);
  CHECK(m.title == "Acme épinglée");
  CHECK(m.text == "Résumé & avis");
  CHECK(m.external_id.substr(0, 5) == "sha1:");
  CHECK(m.external_id.size() == 5 + 40);
  CHECK(FormatTime(m.published) == "2026-11-02T07:05:00Z");
}

}  // namespace
}  // namespace vigie
