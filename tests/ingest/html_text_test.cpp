#include "vigie/ingest/html_text.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "vigie/core/text_fold.h"

namespace vigie {
namespace {

using namespace std::string_literals;

TEST_CASE("HtmlToText: tags go, block tags separate words") {
  CHECK(HtmlToText("<p>Bonjour</p><p>le monde</p>") == "Bonjour le monde");
  CHECK(HtmlToText("un<br>deux<br/>trois<BR />quatre") ==
        "un deux trois quatre");
  CHECK(HtmlToText("<b>gr</b>as <a href=\"/x\">lien</a>") == "gras lien");
  CHECK(HtmlToText("<ul><li>un</li><li>deux</li></ul>") == "un deux");
  CHECK(HtmlToText("<h1>Titre</h1><h6>bas</h6><div>bloc</div>") ==
        "Titre bas bloc");
  CHECK(HtmlToText("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr>"
                   "</table>") == "a b c");
  CHECK(HtmlToText("<P>A</P><DIV>B</DIV>") == "A B");
  CHECK(HtmlToText("<span class='x'>mot</span>") == "mot");
}

TEST_CASE("HtmlToText: script, style and noscript contents are dropped") {
  CHECK(HtmlToText("a<script>var x = '<p>';</script>b") == "ab");
  CHECK(HtmlToText("a <style>p { color: red }</style> b") == "a b");
  CHECK(HtmlToText("a <noscript><img src=x>active JS</noscript> b") == "a b");
  CHECK(HtmlToText("<SCRIPT type=x>evil()</ScRiPt >ok") == "ok");
  CHECK(HtmlToText("<script>a</scriptx>b</script>c") == "c");
  CHECK(HtmlToText("avant<script>alert(1)") == "avant");
  CHECK(HtmlToText("<script/>texte") == "texte");
}

TEST_CASE("HtmlToText: comments, CDATA, doctype, processing instructions") {
  CHECK(HtmlToText("a<!-- caché -->b") == "ab");
  CHECK(HtmlToText("a<!-- jamais fermé b c") == "a");
  CHECK(HtmlToText("<![CDATA[x < y]]> fin") == "x < y fin");
  CHECK(HtmlToText("<![CDATA[ouvert") == "ouvert");
  CHECK(HtmlToText("<!DOCTYPE html><?xml version='1.0'?>corps") == "corps");
}

TEST_CASE("HtmlToText: a '<' that opens no tag stays text") {
  CHECK(HtmlToText("a < b") == "a < b");
  CHECK(HtmlToText("je t'aime <3") == "je t'aime <3");
  CHECK(HtmlToText("<") == "<");
  CHECK(HtmlToText("x<") == "x<");
  CHECK(HtmlToText("texte <b") == "texte <b");
  CHECK(HtmlToText("</>") == "</>");
  CHECK(HtmlToText("<<<>>>") == "<<<>>>");
  CHECK(HtmlToText("1 <= 2 >= 0") == "1 <= 2 >= 0");
  CHECK(HtmlToText("<!") == "<!");
  CHECK(HtmlToText("<?") == "<?");
}

TEST_CASE("HtmlToText: French named entities") {
  CHECK(HtmlToText("&eacute;&egrave;&agrave;&ccedil;&ecirc;&ocirc;&ucirc;"
                   "&icirc;&euml;&iuml;") == "éèàçêôûîëï");
  CHECK(HtmlToText("&Eacute;t&eacute; &OElig;uvre &oelig;il") ==
        "Été Œuvre œil");
  CHECK(HtmlToText("&laquo;&nbsp;Super&nbsp;&raquo;") == "« Super »");
  CHECK(HtmlToText("&copy;&reg;&deg;&euro;&trade;&bull;") == "©®°€™•");
  CHECK(HtmlToText("&amp;&lt;&gt;&quot;&apos;") == "&<>\"'");
  CHECK(HtmlToText("&rsquo;&lsquo;&ldquo;&rdquo;&sbquo;&bdquo;&hellip;"
                   "&mdash;&ndash;") == "’‘“”‚„…—–");
}

TEST_CASE("HtmlToText: the whole Latin-1 set of names") {
  static constexpr const char* kNames[] = {
      "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",
      "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",    "reg",
      "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
      "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14",
      "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",  "Atilde",
      "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",
      "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde",
      "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",  "Oslash",
      "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",
      "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",  "aelig",
      "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave", "iacute",
      "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",
      "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute", "ucirc",
      "uuml",   "yacute", "thorn",  "yuml",
  };
  std::uint32_t cp = 0xA1;
  for (const char* name : kNames) {
    const std::string expected = {static_cast<char>(0xC0 | (cp >> 6)),
                                  static_cast<char>(0x80 | (cp & 0x3F))};
    CAPTURE(name);
    CHECK(HtmlToText("x&"s + name + ";") == "x" + expected);
    ++cp;
  }
  CHECK(cp == 0x100);
  CHECK(HtmlToText("a&nbsp;b") == "a b");
}

TEST_CASE("HtmlToText: numeric references") {
  CHECK(HtmlToText("&#233;&#xE9;&#XE9;&#xe9;") == "éééé");
  CHECK(HtmlToText("&#x1F600;") == "\xF0\x9F\x98\x80");
  CHECK(HtmlToText("caf&#233 noir") == "café noir");
  CHECK(HtmlToText("l&#146;avis") == "l’avis");
  CHECK(HtmlToText("&#128;") == "€");
  CHECK(HtmlToText("&#0;") == "\xEF\xBF\xBD");
  CHECK(HtmlToText("&#xD800;") == "\xEF\xBF\xBD");
  CHECK(HtmlToText("&#x110000;") == "\xEF\xBF\xBD");
  CHECK(HtmlToText("&#99999999999999999999999;") == "\xEF\xBF\xBD");
  CHECK(HtmlToText("&#x81;") == "\xEF\xBF\xBD");
  CHECK(HtmlToText("&#; &#x; &#xZ;") == "&#; &#x; &#xZ;");
}

TEST_CASE("HtmlToText: unknown or unterminated names stay verbatim") {
  CHECK(HtmlToText("&foo; AT&T &amp") == "&foo; AT&T &amp");
  CHECK(HtmlToText("&eacute sans point-virgule") ==
        "&eacute sans point-virgule");
  CHECK(HtmlToText("?a=1&copy=2") == "?a=1&copy=2");
  CHECK(HtmlToText("&EACUTE;") == "&EACUTE;");
  CHECK(HtmlToText("&") == "&");
  CHECK(HtmlToText("&" + std::string(100, 'a') + ";") ==
        "&" + std::string(100, 'a') + ";");
}

TEST_CASE("HtmlToText: whitespace is collapsed and trimmed") {
  CHECK(HtmlToText("  a \n\t b  ") == "a b");
  CHECK(HtmlToText("\r\n<p> </p>\r\n") == "");
  CHECK(HtmlToText("a&nbsp;&nbsp;b") == "a b");
  CHECK(HtmlToText("\xC2\xA0x\xE2\x80\xAF!\xE3\x80\x80y") == "x ! y");
  CHECK(HtmlToText("a\x01\x1F\x7F b") == "a b");
  CHECK(HtmlToText("") == "");
}

TEST_CASE("HtmlToText: invalid UTF-8 and NUL bytes give valid UTF-8") {
  CHECK(HtmlToText("caf\xE9") == "caf\xEF\xBF\xBD");
  CHECK(HtmlToText("a\0b"s) == "ab");
  CHECK(HtmlToText("\xC3") == "\xEF\xBF\xBD");
  CHECK(HtmlToText("<p>\xFF\xFE</p>&#233;") == "\xEF\xBF\xBD\xEF\xBF\xBD é");
  CHECK(HtmlToText("<![CDATA[\xC0\x80]]>") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("HtmlToText: hostile megabyte inputs finish and stay valid") {
  constexpr std::size_t kMiB = 1 << 20;
  std::string repeated;
  for (std::size_t i = 0; repeated.size() < kMiB; ++i) repeated += "<a";
  CHECK(HtmlToText(repeated) == repeated);

  CHECK(HtmlToText("debut <!--" + std::string(kMiB, '-')) == "debut");
  CHECK(HtmlToText("<script>" + std::string(kMiB / 2, 'x') +
                   std::string(kMiB / 2, '<') + "</") == "");

  std::string refs;
  while (refs.size() < kMiB) refs += "&#";
  CHECK(HtmlToText(refs) == refs);

  const std::string long_name = "&" + std::string(kMiB, 'e');
  CHECK(HtmlToText(long_name) == long_name);

  std::string open_tags;
  while (open_tags.size() < kMiB) open_tags += "<div><p>x";
  CHECK(HtmlToText(open_tags).size() == 2 * (open_tags.size() / 9) - 1);

  std::string noise(kMiB, '\0');
  std::uint32_t state = 12345;
  for (char& c : noise) {
    state = state * 1103515245u + 12345u;
    c = static_cast<char>(state >> 16);
  }
  const std::string text = HtmlToText(noise);
  CHECK(IsValidUtf8(text));
  CHECK(text.find('\0') == std::string::npos);
}

}  // namespace
}  // namespace vigie
