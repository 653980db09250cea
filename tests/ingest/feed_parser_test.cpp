#include "vigie/ingest/feed_parser.h"

#include <doctest/doctest.h>

#include <string>

#include "vigie/core/text_fold.h"
#include "vigie/ingest/html_text.h"

namespace vigie {
namespace {

using namespace std::string_literals;

std::string When(const FeedEntry& e) {
  return e.published ? FormatTime(*e.published) : "";
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kRss = R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:vigie="https://vigie.example/ns">
<channel>
  <title>Avis clients</title>
  <link>https://avis.example.fr/</link>
  <item>
    <media:title>Ignoré</media:title>
    <title>Livraison tr&#232;s en retard</title>
    <link>https://avis.example.fr/a/1</link>
    <guid isPermaLink="false">avis-1</guid>
    <description><![CDATA[<p>Résumé court</p>]]></description>
    <content:encoded><![CDATA[<p>Command&eacute; le <b>2</b>, re&ccedil;u le 20&nbsp;!</p><script>track()</script>]]></content:encoded>
    <dc:creator>Éloïse</dc:creator>
    <pubDate>Mon, 02 Nov 2026 08:05:00 +0100</pubDate>
    <vigie:rating>1</vigie:rating>
  </item>
  <item>
    <title>Service &amp; accueil</title>
    <description>&lt;p&gt;Tr&amp;egrave;s bon accueil &amp;laquo;&amp;nbsp;top&amp;nbsp;&amp;raquo;&lt;/p&gt;</description>
    <guid>https://avis.example.fr/a/2</guid>
    <author>jean@example.fr (Jean)</author>
    <dc:date>2026-11-02T09:00:00+01:00</dc:date>
    <review:rating xmlns:review="urn:review">4,5</review:rating>
  </item>
  <item>
    <title>Seulement un titre</title>
    <pubDate>pas une date</pubDate>
  </item>
  <item></item>
  <item><title>   </title><description/></item>
  <item>
    <description>Sans titre, avec &eacute; non déclaré</description>
    <gd:rating xmlns:gd="urn:gd" value="3"/>
  </item>
</channel>
</rss>
)";

TEST_CASE("ParseFeed: RSS 2.0 with French text, CDATA and escaped HTML") {
  const auto feed = ParseFeed("avis", kRss);
  REQUIRE(feed.ok());
  const std::vector<FeedEntry>& entries = *feed;
  REQUIRE(entries.size() == 4);

  const FeedEntry& first = entries[0];
  CHECK(first.id == "avis-1");
  CHECK(first.url == "https://avis.example.fr/a/1");
  CHECK(first.author == "Éloïse");
  CHECK(HtmlToText(first.title) == "Livraison très en retard");
  CHECK(HtmlToText(first.content) == "Commandé le 2, reçu le 20 !");
  CHECK(When(first) == "2026-11-02T07:05:00Z");
  REQUIRE(first.rating);
  CHECK(*first.rating == 1.0);

  const FeedEntry& second = entries[1];
  CHECK(second.id == "https://avis.example.fr/a/2");
  CHECK(second.url == "https://avis.example.fr/a/2");
  CHECK(second.author == "jean@example.fr (Jean)");
  CHECK(HtmlToText(second.title) == "Service & accueil");
  CHECK(second.content ==
        "<p>Tr&egrave;s bon accueil &laquo;&nbsp;top&nbsp;&raquo;</p>");
  CHECK(HtmlToText(second.content) == "Très bon accueil « top »");
  CHECK(When(second) == "2026-11-02T08:00:00Z");
  REQUIRE(second.rating);
  CHECK(*second.rating == 4.5);
}

TEST_CASE("ParseFeed: RSS items with missing fields") {
  const auto feed = ParseFeed("avis", kRss);
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 4);
  const FeedEntry& title_only = (*feed)[2];
  CHECK(title_only.id.empty());
  CHECK(title_only.url.empty());
  CHECK(title_only.author.empty());
  CHECK(title_only.content.empty());
  CHECK(HtmlToText(title_only.title) == "Seulement un titre");
  CHECK_FALSE(title_only.published.has_value());
  CHECK_FALSE(title_only.rating.has_value());

  const FeedEntry& untitled = (*feed)[3];
  CHECK(untitled.title.empty());
  CHECK(HtmlToText(untitled.content) == "Sans titre, avec é non déclaré");
  REQUIRE(untitled.rating);
  CHECK(*untitled.rating == 3.0);
}

TEST_CASE("ParseFeed: guid is a permalink only when it says so") {
  const auto feed = ParseFeed("x", R"(<rss version="2.0"><channel>
<item><guid isPermaLink="false">https://a.example/1</guid><title>t</title></item>
<item><guid>urn:uuid:1234</guid><title>t</title></item>
<item><guid> https://a.example/3 </guid><title>t</title></item>
</channel></rss>)");
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 3);
  CHECK((*feed)[0].url.empty());
  CHECK((*feed)[1].url.empty());
  CHECK((*feed)[2].id == "https://a.example/3");
  CHECK((*feed)[2].url == "https://a.example/3");
}

TEST_CASE("ParseFeed: an unusable rating is ignored, not an error") {
  const auto feed = ParseFeed("x", R"(<rss><channel>
<item><title>a</title><rating>beaucoup</rating></item>
<item><title>b</title><rating>-2</rating></item>
<item><title>c</title><rating>nan</rating></item>
<item><title>d</title><x:rating xmlns:x="urn:x"> 4.5/5 </x:rating></item>
</channel></rss>)");
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 4);
  CHECK_FALSE((*feed)[0].rating.has_value());
  CHECK_FALSE((*feed)[1].rating.has_value());
  CHECK_FALSE((*feed)[2].rating.has_value());
  REQUIRE((*feed)[3].rating);
  CHECK(*(*feed)[3].rating == 4.5);
}

constexpr std::string_view kAtom = R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title>Alertes</title>
  <author><name>Rédaction</name></author>
  <entry>
    <id>tag:example.fr,2026:1</id>
    <link rel="self" href="https://example.fr/self/1"/>
    <link rel="alternate" type="text/html" href="https://example.fr/articles/1"/>
    <title type="html">&lt;b&gt;Acme&lt;/b&gt; rappelle des produits</title>
    <published>2026-11-02T08:05:00.250+01:00</published>
    <updated>2026-11-03T00:00:00Z</updated>
    <content type="html">&lt;p&gt;Le rappel concerne &lt;em&gt;tous&lt;/em&gt; les lots&amp;hellip;&lt;/p&gt;</content>
    <author><name>Zoé Martin</name></author>
  </entry>
  <entry>
    <id>tag:example.fr,2026:2</id>
    <link href="https://example.fr/articles/2"/>
    <title>Prix &lt;p&gt; 10 € &amp; AT&amp;T</title>
    <updated>2026-11-02T10:00:00Z</updated>
    <summary>Résumé simple</summary>
    <content src="https://example.fr/2.pdf" type="application/pdf"/>
  </entry>
  <entry>
    <id>tag:example.fr,2026:3</id>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Un <b>titre</b></div></title>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Premier</p><p>Second &amp; dernier</p></div></content>
    <published>pas une date</published>
  </entry>
  <entry><link rel="edit" href="https://example.fr/edit/4"/></entry>
</feed>
)";

TEST_CASE("ParseFeed: Atom 1.0 text constructs, links and dates") {
  const auto feed = ParseFeed("alertes", kAtom);
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 3);

  const FeedEntry& first = (*feed)[0];
  CHECK(first.id == "tag:example.fr,2026:1");
  CHECK(first.url == "https://example.fr/articles/1");
  CHECK(first.author == "Zoé Martin");
  CHECK(HtmlToText(first.title) == "Acme rappelle des produits");
  CHECK(HtmlToText(first.content) == "Le rappel concerne tous les lots…");
  CHECK(When(first) == "2026-11-02T07:05:00.250Z");
  CHECK_FALSE(first.rating.has_value());

  const FeedEntry& second = (*feed)[1];
  CHECK(second.url == "https://example.fr/articles/2");
  CHECK(second.author == "Rédaction");
  CHECK(HtmlToText(second.title) == "Prix <p> 10 € & AT&T");
  CHECK(HtmlToText(second.content) == "Résumé simple");
  CHECK(When(second) == "2026-11-02T10:00:00Z");

  const FeedEntry& third = (*feed)[2];
  CHECK(third.url.empty());
  CHECK(HtmlToText(third.title) == "Un titre");
  CHECK(HtmlToText(third.content) == "Premier Second & dernier");
  CHECK_FALSE(third.published.has_value());
}

TEST_CASE("ParseFeed: prefixed Atom and RSS 1.0 are read by local name") {
  const auto atom =
      ParseFeed("a", R"(<a:feed xmlns:a="http://www.w3.org/2005/Atom">
<a:entry><a:id>x1</a:id><a:title>Titre</a:title>
<a:link href="https://e.example/1"/><a:updated>2026-11-02T08:05:00Z</a:updated>
</a:entry></a:feed>)");
  REQUIRE(atom.ok());
  REQUIRE(atom->size() == 1);
  CHECK((*atom)[0].id == "x1");
  CHECK((*atom)[0].url == "https://e.example/1");
  CHECK(When((*atom)[0]) == "2026-11-02T08:05:00Z");

  const auto rdf = ParseFeed("r", R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://r.example/"><title>R</title></channel>
  <item rdf:about="https://r.example/1">
    <title>Un</title><link>https://r.example/1</link>
    <dc:date>2026-11-02</dc:date><dc:creator>Ana</dc:creator>
  </item>
</rdf:RDF>)");
  REQUIRE(rdf.ok());
  REQUIRE(rdf->size() == 1);
  CHECK((*rdf)[0].id == "https://r.example/1");
  CHECK((*rdf)[0].author == "Ana");
  CHECK(When((*rdf)[0]) == "2026-11-02T00:00:00Z");
}

TEST_CASE("ParseFeed: an empty channel is an empty list") {
  const auto feed = ParseFeed("x", "<rss version=\"2.0\"><channel/></rss>");
  REQUIRE(feed.ok());
  CHECK(feed->empty());
  const auto bare = ParseFeed("x", "<rss version=\"2.0\"/>");
  REQUIRE(bare.ok());
  CHECK(bare->empty());
}

TEST_CASE("ParseFeed: malformed XML names the line and column") {
  const std::string body =
      "<rss version=\"2.0\">\n<channel>\n<item><title>x</titl></item>\n"
      "</channel></rss>";
  const auto feed = ParseFeed("feed.xml", body);
  REQUIRE_FALSE(feed.ok());
  CHECK(feed.status().IsInvalidArgument());
  const std::string& msg = feed.status().message();
  CHECK(
      StartsWith(msg, "feed.xml:3:17: malformed XML: start-end tags mismatch"));
  CHECK(msg.find("<item><title>x</titl></item>") != std::string::npos);

  const auto attr = ParseFeed(
      "src",
      "<rss version=\"2.0\">\n<channel>\n  <item a=b></item>\n</channel>"
      "</rss>");
  REQUIRE_FALSE(attr.ok());
  CHECK(StartsWith(attr.status().message(),
                   "src:3:11: malformed XML: error parsing element attribute"));

  const auto lt = ParseFeed("lt",
                            "<rss><channel>\n<item><title>a < b</title>"
                            "</item></channel></rss>");
  REQUIRE_FALSE(lt.ok());
  CHECK(StartsWith(lt.status().message(), "lt:2:"));
}

TEST_CASE("ParseFeed: empty, truncated and binary bodies are errors") {
  const auto empty = ParseFeed("vide", "");
  REQUIRE_FALSE(empty.ok());
  CHECK(StartsWith(empty.status().message(),
                   "vide:1:1: malformed XML: no document element found"));

  const auto truncated = ParseFeed("t", "<rss><channel><item><title>abc");
  REQUIRE_FALSE(truncated.ok());
  CHECK(StartsWith(truncated.status().message(),
                   "t:1:31: malformed XML: unexpected end of document"));
  const auto unclosed =
      ParseFeed("u", "<rss><channel>\n<item><title>a</title>\n");
  REQUIRE_FALSE(unclosed.ok());
  CHECK(StartsWith(unclosed.status().message(),
                   "u:3:1: malformed XML: unexpected end of document"));

  const auto nul = ParseFeed("n", "<rss><channel>\0</channel></rss>"s);
  REQUIRE_FALSE(nul.ok());
  CHECK(StartsWith(nul.status().message(), "n:1:"));

  const auto junk = ParseFeed("j", "\xFF\xFE\xFD garbage \x01\x02");
  REQUIRE_FALSE(junk.ok());
  CHECK(IsValidUtf8(junk.status().message()));

  const auto text = ParseFeed("html", "Service Unavailable");
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().IsInvalidArgument());
}

TEST_CASE("ParseFeed: a document that is neither RSS nor Atom") {
  const auto html = ParseFeed(
      "page", "<?xml version=\"1.0\"?>\n<html><body>Bonjour</body></html>");
  REQUIRE_FALSE(html.ok());
  CHECK(html.status().IsInvalidArgument());
  CHECK(html.status().message() ==
        "page:1:1: not an RSS 2.0 or Atom 1.0 feed (root element <html>)");

  const auto prefixed = ParseFeed("p", "<x:channel xmlns:x=\"urn:x\"/>");
  REQUIRE_FALSE(prefixed.ok());
  CHECK(prefixed.status().message() ==
        "p:1:1: not an RSS 2.0 or Atom 1.0 feed (root element <x:channel>)");
}

TEST_CASE("ParseFeed: invalid UTF-8 passes through, to be cleaned later") {
  const auto feed = ParseFeed(
      "x",
      "<rss><channel><item><title>caf\xE9 \xFF</title></item></channel>"
      "</rss>");
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 1);
  CHECK(HtmlToText((*feed)[0].title) == "caf\xEF\xBF\xBD \xEF\xBF\xBD");
}

TEST_CASE("ParseFeed: ISO-8859-1 and windows-1252 documents are decoded") {
  const auto latin = ParseFeed(
      "x",
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss><channel><item>"
      "<title>Caf\xE9 \x92top\x92 \x80</title></item></channel></rss>");
  REQUIRE(latin.ok());
  REQUIRE(latin->size() == 1);
  CHECK((*latin)[0].title == "Café ’top’ €");

  const auto cp1252 = ParseFeed(
      "x",
      "<?xml version='1.0' encoding='windows-1252'?><feed><entry><id>1</id>"
      "<title>d\xE9j\xE0 vu\x85</title></entry></feed>");
  REQUIRE(cp1252.ok());
  REQUIRE(cp1252->size() == 1);
  CHECK((*cp1252)[0].title == "déjà vu…");
}

TEST_CASE("ParseFeed: DTD entities are never expanded") {
  const auto feed = ParseFeed("x", R"(<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel>
<item><title>&xxe;</title><description>&lol3;</description></item>
</channel></rss>)");
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 1);
  CHECK((*feed)[0].title == "&xxe;");
  CHECK((*feed)[0].content == "&lol3;");
}

TEST_CASE("ParseFeed: more than kMaxFeedEntries entries is refused") {
  std::string body = "<rss version=\"2.0\"><channel>\n";
  for (std::size_t i = 0; i < kMaxFeedEntries; ++i) {
    body += "<item><guid>" + std::to_string(i) + "</guid></item>\n";
  }
  const std::string tail = "</channel></rss>\n";
  const auto at_limit = ParseFeed("big", body + tail);
  REQUIRE(at_limit.ok());
  CHECK(at_limit->size() == kMaxFeedEntries);
  CHECK(at_limit->back().id == std::to_string(kMaxFeedEntries - 1));

  body += "  <item><guid>one too many</guid></item>\n";
  const auto over = ParseFeed("big", body + tail);
  REQUIRE_FALSE(over.ok());
  CHECK(over.status().IsInvalidArgument());
  CHECK(StartsWith(over.status().message(),
                   "big:10002:3: feed has more than 10000 entries"));
}

TEST_CASE("ParseFeed: deeply nested markup neither crashes nor recurses") {
  constexpr int kDepth = 200000;
  std::string body = "<rss><channel><item><title>t</title><description>";
  for (int i = 0; i < kDepth; ++i) body += "<div>";
  body += "fond";
  for (int i = 0; i < kDepth; ++i) body += "</div>";
  body += "</description></item></channel></rss>";
  const auto feed = ParseFeed("deep", body);
  REQUIRE(feed.ok());
  REQUIRE(feed->size() == 1);
  CHECK(HtmlToText((*feed)[0].content) == "fond");
}

}  // namespace
}  // namespace vigie
