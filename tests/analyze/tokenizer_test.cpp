#include "vigie/analyze/tokenizer.h"

#include <doctest/doctest.h>
#include <utf8proc.h>

#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/analyze/term_fold.h"
#include "vigie/core/text_fold.h"

namespace vigie {
namespace {

void CheckSameTokens(const TokenizedText& a, const TokenizedText& b) {
  CHECK(a.folded == b.folded);
  REQUIRE(a.tokens.size() == b.tokens.size());
  for (std::size_t i = 0; i < a.tokens.size(); ++i) {
    CAPTURE(i);
    CHECK(a.tokens[i].begin == b.tokens[i].begin);
    CHECK(a.tokens[i].size == b.tokens[i].size);
    CHECK(a.tokens[i].kind == b.tokens[i].kind);
    CHECK(a.tokens[i].all_caps == b.tokens[i].all_caps);
    CHECK(a.tokens[i].capitalised == b.tokens[i].capitalised);
    CHECK(a.tokens[i].elision == b.tokens[i].elision);
    CHECK(a.tokens[i].hashtag == b.tokens[i].hashtag);
    CHECK(a.tokens[i].boundary_before == b.tokens[i].boundary_before);
  }
  CHECK(a.exclamations == b.exclamations);
  CHECK(a.questions == b.questions);
  CHECK(a.boundary_after == b.boundary_after);
  CHECK(a.any_lower == b.any_lower);
  CHECK(a.any_all_caps == b.any_all_caps);
  CHECK(a.german_letters == b.german_letters);
  CHECK(a.french_letters == b.french_letters);
  CHECK(a.elisions == b.elisions);
}

TEST_CASE("an EmoticonTable leaves out numbers in brackets and times") {
  Result<Lexicon> lex =
      Lexicon::Parse("en.tsv", "8)\t1.9\n(8\t2.6\n0:03\t1.9\n8-)\t1\n:)\t2\n");
  REQUIRE(lex.ok());
  const EmoticonTable table(&*lex);
  CHECK(table.size() == 2);
  CHECK(table.Contains("8-)"));
  CHECK(table.Contains(":)"));
  CHECK_FALSE(table.Contains("8)"));
  CHECK_FALSE(table.Contains("(8"));
  CHECK_FALSE(table.Contains("0:03"));
}

TEST_CASE("an EmoticonTable tokenizes as its lexicon does") {
  Result<Lexicon> lex = Lexicon::Parse(
      "en.tsv",
      ":)\t2\n:(\t-2\n:-)\t2\n<3\t3\nxd\t2\no_o\t-1\nd:\t-2\n:((\t-3\n"
      "good\t2\nfed up\t-2\n:/ ok\t1\n12345678:\t1\n");
  REQUIRE(lex.ok());
  const EmoticonTable table(&*lex);
  // Words, multi-word terms and terms of more than 8 bytes cannot be
  // emoticons.
  CHECK(table.size() == 7);
  // Either byte may be upper case; the bytes after the first two are not
  // tested.
  CHECK(table.MayStart('o', '_'));
  CHECK(table.MayStart('O', '_'));
  CHECK(table.MayStart('D', ':'));
  CHECK(table.MayStart(':', '('));
  CHECK_FALSE(table.MayStart('x', 'd'));  // letters only: never an emoticon
  CHECK_FALSE(table.MayStart(';', '('));
  for (std::string_view text : {"",
                                "good :) bad :( ok",
                                "XD so fun",
                                "so fun XD",
                                "wow O_O ok Xd",
                                "O_O",
                                "D: no",
                                ":((",
                                ":(((",
                                ":(gibt",
                                "hey:)",
                                ":) :)",
                                "<3<3 <3",
                                ":-)!!",
                                "#ServiceNul :(",
                                "l'avis :D",
                                "12345678: x",
                                "xd",
                                ":",
                                "x",
                                "\xF0\x9F\x98\x8D:)",
                                ":)\xC3\xA9",
                                "\t:)\n:(\r",
                                "a:)b",
                                "DONT :( STOP"}) {
    CAPTURE(text);
    TokenizedText by_lexicon;
    TokenizedText by_table;
    Tokenize(text, &*lex, by_lexicon);
    Tokenize(text, table, by_table);
    CheckSameTokens(by_lexicon, by_table);
  }
}

TEST_CASE("words typed with letters beyond ASCII keep their place") {
  const std::string text =
      "L’été, beurre salé #CaramelSalé à Zürich ok presqu’île entr’été";
  TokenizedText t;
  Tokenize(text, nullptr, t);
  std::vector<std::string> spelled;
  std::vector<std::string> folded;
  for (const AccentedWord& a : t.accented) {
    spelled.push_back(text.substr(a.text_begin, a.text_size));
    folded.emplace_back(t.at(a.token));
  }
  CHECK(spelled == std::vector<std::string>{"été", "salé", "Salé", "à",
                                            "Zürich", "presqu’île",
                                            "entr’été"});
  CHECK(folded == std::vector<std::string>{"ete", "sale", "sale", "a",
                                           "zuerich", "presqu'ile",
                                           "entr'ete"});
  // The same through the fast path, and none for plain words.
  TokenizedText fast;
  Tokenize(text, EmoticonTable(nullptr), fast);
  CHECK(fast.accented.size() == t.accented.size());
  Tokenize("plain ascii words only", nullptr, t);
  CHECK(t.accented.empty());
}

TEST_CASE("double quotation marks are noted between tokens") {
  TokenizedText t;
  Tokenize("a \"sea view\" and « Le Monde » said „Hallo.“ ok", nullptr, t);
  REQUIRE(t.quotes.size() == 6);
  std::vector<std::uint32_t> at;
  for (const QuoteMark& q : t.quotes) at.push_back(q.token);
  CHECK(at == std::vector<std::uint32_t>{1, 3, 4, 6, 7, 8});
  CHECK(!t.quotes[0].capitalised);
  CHECK(t.quotes[2].capitalised);
  CHECK(!t.quotes[3].after_stop);
  CHECK(t.quotes[5].after_stop);
  Tokenize("no quotes, 'single' ones", nullptr, t);
  CHECK(t.quotes.empty());
}

TEST_CASE("an accented word's place in the text folds to its token") {
  const std::vector<std::string> pieces = {"ab",        "Sal",
                                           "X",         "1",
                                           " ",         ",",
                                           "#",         "'",
                                           "l",         "qu",
                                           "\xC3\xA9",  "\xC3\x89",
                                           "\xC3\xBC",  "\xC3\x9F",
                                           "e\xCC\x81", "\xE2\x80\x99",
                                           "\xFF",      "\xF0\x9F\x98\x8D"};
  auto plain_apostrophes = [](std::string s) {
    for (const std::string_view a : {"\xE2\x80\x99", "\xCA\xBC"}) {
      for (std::size_t at; (at = s.find(a)) != std::string::npos;) {
        s.replace(at, a.size(), "'");
      }
    }
    return s;
  };
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 14);
  TokenizedText t;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += pieces[pick(rng)];
    CAPTURE(text);
    Tokenize(text, EmoticonTable(nullptr), t);
    for (const AccentedWord& a : t.accented) {
      REQUIRE(a.token < t.tokens.size());
      REQUIRE(a.text_begin + a.text_size <= text.size());
      CHECK(FoldTerm(plain_apostrophes(
                text.substr(a.text_begin, a.text_size))) == t.at(a.token));
    }
  }
}

TEST_CASE("capitalised words are told from lower case and ALL CAPS ones") {
  TokenizedText t;
  Tokenize("chez Sakura Délice, le SAV iPhone Élan", nullptr, t);
  REQUIRE(t.tokens.size() == 7);
  CHECK_FALSE(t.tokens[0].capitalised);
  CHECK(t.tokens[1].capitalised);
  CHECK(t.tokens[2].capitalised);
  CHECK_FALSE(t.tokens[3].capitalised);
  CHECK_FALSE(t.tokens[4].capitalised);
  CHECK(t.tokens[4].all_caps);
  CHECK(t.tokens[5].capitalised);
  CHECK(t.tokens[6].capitalised);
}

TEST_CASE("tokens of ASCII runs, punctuation and hashtags") {
  TokenizedText t;
  Tokenize("Hello WORLD, it's #ServiceNul!! n'importe?", nullptr, t);
  REQUIRE(t.tokens.size() == 6);
  CHECK(t.at(0) == "hello");
  CHECK(t.at(1) == "world");
  CHECK(t.tokens[1].all_caps);
  CHECK(t.at(2) == "it's");
  CHECK(t.tokens[2].boundary_before);
  CHECK(t.at(3) == "service");
  CHECK(t.tokens[3].hashtag);
  CHECK(t.at(4) == "nul");
  CHECK(t.tokens[4].hashtag);
  CHECK(t.at(5) == "importe");
  CHECK(t.tokens[5].elision == (kElision | kNegatingElision));
  CHECK(t.exclamations == 2);
  CHECK(t.questions == 1);
  CHECK(t.elisions == 1);
}

TEST_CASE("boundaries tell clauses, sentences and questions apart") {
  TokenizedText t;
  Tokenize("C'est bon, oui. Est-ce fini ?! Non... 🙂 oui ?", nullptr, t);
  REQUIRE(t.tokens.size() == 9);
  CHECK(t.at(0) == "est");
  CHECK(t.tokens[0].elision == kElision);
  CHECK(t.tokens[2].elision == 0);
  CHECK(t.tokens[2].boundary_before == kClauseBoundary);
  CHECK(t.tokens[3].boundary_before == (kClauseBoundary | kSentenceStop));
  CHECK(t.tokens[4].boundary_before == 0);
  CHECK(t.tokens[6].boundary_before ==
        (kClauseBoundary | kSentenceStop | kQuestionStop));
  // The emoji keeps the stop before it; the word after it is a clause.
  CHECK(t.tokens[7].kind == TokenKind::kEmoji);
  CHECK(t.tokens[7].boundary_before == (kClauseBoundary | kSentenceStop));
  CHECK(t.tokens[8].boundary_before == kClauseBoundary);
  CHECK(t.boundary_after == (kClauseBoundary | kSentenceStop | kQuestionStop));
  Tokenize("no stop", nullptr, t);
  CHECK(t.boundary_after == 0);
}

TEST_CASE("user names are no words of the text") {
  TokenizedText t;
  Tokenize("merci @air_france.fr pour rien @HSBC_UK, mail a@b.c ok @", nullptr,
           t);
  std::vector<std::string_view> words;
  for (std::size_t i = 0; i < t.tokens.size(); ++i) words.push_back(t.at(i));
  // An '@' inside a word (an e-mail address) ends the word; what follows
  // is a name.
  CHECK(words == std::vector<std::string_view>{"merci", "pour", "rien", "mail",
                                               "a", "ok"});
  CHECK(t.tokens[3].boundary_before);  // after the comma
}

// FoldText as it was before its ASCII fast path: utf8proc over the whole
// sanitized text.
std::string ReferenceFold(std::string_view text) {
  const std::string clean = SanitizeUtf8(text);
  utf8proc_uint8_t* folded = nullptr;
  const int options = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                      UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK;
  const utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                   static_cast<utf8proc_ssize_t>(clean.size()), &folded,
                   static_cast<utf8proc_option_t>(options));
  if (n < 0) return clean;
  std::string out(reinterpret_cast<const char*>(folded),
                  static_cast<std::size_t>(n));
  std::free(folded);
  return out;
}

TEST_CASE("FoldText folds piecewise exactly as utf8proc folds whole texts") {
  // ASCII, letters with and without precomposed forms, combining marks
  // after ASCII and non-ASCII letters, Hangul jamo that compose, NUL and
  // invalid bytes, ligatures and full-width forms.
  const std::vector<std::string> pieces = {"a",
                                           "E",
                                           " ",
                                           "'",
                                           "<",
                                           std::string(1, '\0'),
                                           "\xC3\xA9",
                                           "\xC3\x89",
                                           "\xCC\x81",
                                           "\xCC\xB8",
                                           "\xCC\x8A",
                                           "\xE1\x84\x80",
                                           "\xE1\x85\xA1",
                                           "\xE1\x86\xA8",
                                           "\xEF\xAC\x81",
                                           "\xEF\xBC\xA1",
                                           "\xC3\x9F",
                                           "\xE1\xBA\x9E",
                                           "\xC4\xB0",
                                           "\xCE\xA3",
                                           "\xFF",
                                           "\xC3",
                                           "\xE2\x80",
                                           "\xE2\x80\x99",
                                           "\xF0\x9F\x98\x8D",
                                           "\xD9\x8B",
                                           "\xE0\xA5\x8D",
                                           "1"};
  std::mt19937 rng(20240611);
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 12);
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    for (int k = length(rng); k > 0; --k) text += pieces[pick(rng)];
    CAPTURE(text);
    REQUIRE(FoldText(text) == ReferenceFold(text));
  }
  const std::string long_text(100000, 'A');
  CHECK(FoldText(long_text) == std::string(100000, 'a'));
}

TEST_CASE("ASCII runs of any length fold and count letters") {
  TokenizedText t;
  // 16, 8 and 9 bytes: runs that end exactly on, and just past, 8 bytes.
  Tokenize("ABCDEFGHIJKLMNOP qrstuvwx AbCdEfGhI", nullptr, t);
  REQUIRE(t.tokens.size() == 3);
  CHECK(t.at(0) == "abcdefghijklmnop");
  CHECK(t.tokens[0].all_caps);
  CHECK(t.at(1) == "qrstuvwx");
  CHECK_FALSE(t.tokens[1].all_caps);
  CHECK(t.at(2) == "abcdefghi");
  CHECK_FALSE(t.tokens[2].all_caps);
  CHECK(t.any_lower);
  CHECK(t.any_all_caps);
  // A run ending the text on an 8-byte boundary, then a shorter text: the
  // reused buffer keeps no stale bytes.
  Tokenize("12345678", nullptr, t);
  REQUIRE(t.tokens.size() == 1);
  CHECK(t.folded == "12345678 ");
  Tokenize("OK", nullptr, t);
  CHECK(t.folded == "ok ");
  CHECK(t.tokens[0].all_caps);
  // A run continued by a non-ASCII letter stays one word.
  Tokenize("CAFEEEEEÉS", nullptr, t);
  REQUIRE(t.tokens.size() == 1);
  CHECK(t.folded == "cafeeeeees ");
  CHECK(t.tokens[0].all_caps);
}

TEST_CASE("any_digit sees a digit wherever it is read") {
  Result<Lexicon> lex = Lexicon::Parse("en.tsv", "<3\t3\n8)\t2\n");
  REQUIRE(lex.ok());
  const EmoticonTable table(&*lex);
  TokenizedText t;
  for (std::string_view text : {"8/10", "top 10 ever", "#Top10", "#été2024",
                                "love it <3", "8)", "é5", "abcdefgh9",
                                "x\xff"
                                "7"}) {
    CAPTURE(text);
    Tokenize(text, table, t);
    CHECK(t.any_digit);
  }
  for (std::string_view text : {"", "no digit here", "#hashtag", ":) <", "é"}) {
    CAPTURE(text);
    Tokenize(text, table, t);
    CHECK_FALSE(t.any_digit);
  }
}

TEST_CASE("span() joins consecutive tokens with single spaces") {
  TokenizedText t;
  Tokenize("Service\t\tCLIENT,  l'arnaque \xF0\x9F\x98\xA1 #PasMal", nullptr,
           t);
  REQUIRE(t.tokens.size() == 6);
  CHECK(t.span(0, 1) == "service client");
  CHECK(t.span(1, 2) == "client arnaque");
  CHECK(t.span(2, 3) == "arnaque \xF0\x9F\x98\xA1");
  CHECK(t.span(4, 5) == "pas mal");
  CHECK(t.span(3, 3) == t.at(3));
}

}  // namespace
}  // namespace vigie
