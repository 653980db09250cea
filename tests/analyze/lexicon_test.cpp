#include "vigie/analyze/lexicon.h"

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "analyze/accent_variants.h"

namespace vigie {
namespace {

bool StartsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

std::string ErrorOf(std::string_view text) {
  Result<Lexicon> lex = Lexicon::Parse("lex.tsv", text);
  REQUIRE_FALSE(lex.ok());
  CHECK(lex.status().IsInvalidArgument());
  return lex.status().message();
}

TEST_CASE("Lexicon parses terms, folds them and skips comments") {
  Result<Lexicon> lex = Lexicon::Parse("lex.tsv",
                                       "# header comment\n"
                                       "\n"
                                       "Déçu\t-2.1\n"
                                       "   # indented comment\n"
                                       "BON\t+1.9\textra\tcolumns\n"
                                       "fed up\t-1.8\r\n"
                                       "l’arnaque totale\t-3\n"
                                       "   \n"
                                       "zero\t0");
  REQUIRE(lex.ok());
  CHECK(lex->size() == 5);
  CHECK(lex->max_words() == 2);
  CHECK(lex->Find("decu") == doctest::Approx(-2.1));
  CHECK(lex->Find("bon") == doctest::Approx(1.9));
  CHECK(lex->Find("fed up") == doctest::Approx(-1.8));
  CHECK(lex->Find("l'arnaque totale") == doctest::Approx(-3.0));
  CHECK(lex->Find("zero") == doctest::Approx(0.0));
  // Find expects folded keys; unfolded or unknown terms are absent.
  CHECK_FALSE(lex->Find("Déçu").has_value());
  CHECK_FALSE(lex->Find("fed").has_value());
  CHECK_FALSE(lex->Find("").has_value());
}

TEST_CASE("Lexicon keeps umlauts apart and adds dot-less spellings") {
  Result<Lexicon> lex = Lexicon::Parse("de.tsv",
                                       "schön\t2.0\n"
                                       "enttäuscht\t-2.0\n"
                                       "öder\t-1.5\n"
                                       "nicht schön\t-1.5\n"
                                       "schöne\t2.0\n"
                                       "schone\t-1.0\n"
                                       "Ärger machen\t-1.8\n");
  REQUIRE(lex.ok());
  CHECK(lex->Find("schoen") == doctest::Approx(2.0));
  CHECK(lex->Find("enttaeuscht") == doctest::Approx(-2.0));
  CHECK(lex->Find("oeder") == doctest::Approx(-1.5));
  CHECK(lex->Find("nicht schoen") == doctest::Approx(-1.5));
  // Typed without dots, a word still finds its entry...
  CHECK(lex->Find("enttauscht") == doctest::Approx(-2.0));
  CHECK(lex->Find("arger machen") == doctest::Approx(-1.8));
  // ... unless that spelling is a function word ("schon", "oder")...
  CHECK_FALSE(lex->Find("schon").has_value());
  CHECK_FALSE(lex->Find("oder").has_value());
  CHECK_FALSE(lex->Find("nicht schon").has_value());
  // ... or a term of the file, which keeps its own valence.
  CHECK(lex->Find("schone") == doctest::Approx(-1.0));
  CHECK(lex->size() == 9);

  // The two spellings of one term are one term.
  CHECK(StartsWith(ErrorOf("schön\t2\nSCHOEN\t1\n"),
                   "lex.tsv:2:1: duplicate term 'schoen' (first on line 1)"));
}

TEST_CASE("Lexicon keeps accent variants of a one-word term apart") {
  Result<Lexicon> lex = Lexicon::Parse("fr.tsv",
                                       "péché\t-1.4\n"
                                       "pêche\t0\n"
                                       "salé\t0.5\n"
                                       "sale\t-1.9\n"
                                       "nul\t-2\n");
  REQUIRE_MESSAGE(lex.ok(), lex.status().message());
  CHECK(lex->size() == 3);
  // Find() gives a word typed without accents: the variant spelled so, else
  // the first listed.
  CHECK(lex->Find("peche") == doctest::Approx(-1.4));
  CHECK(lex->Find("sale") == doctest::Approx(-1.9));
  CHECK(testing::AccentVariants(*lex) ==
        std::vector<std::string>{"peche|péché|-1.400000",
                                 "peche|pêche|0.000000", "sale|salé|0.500000",
                                 "sale|sale|-1.900000"});
  // Forms derived later join the variants of their own term only.
  CHECK(lex->AddSpelling("sales", "salés", 0.5));
  CHECK(lex->AddSpelling("sales", "sales", -1.9));
  CHECK_FALSE(lex->AddSpelling("sales", "sales", -1.0));  // has it
  CHECK_FALSE(lex->AddSpelling("nul", "nül", 1.0));       // a term of its own
  CHECK(lex->Find("sales") == doctest::Approx(-1.9));
  CHECK(lex->Find("nul") == doctest::Approx(-2.0));

  // The same spelling twice, case aside, is a duplicate; so is "oe" for
  // "ö", and a multi-word term.
  CHECK(StartsWith(ErrorOf("salé\t0\nSALÉ\t1\n"),
                   "lex.tsv:2:1: duplicate term 'sale' (first on line 1)"));
  CHECK(StartsWith(ErrorOf("sale\t0\nsalé\t1\nsalé\t2\n"),
                   "lex.tsv:3:1: duplicate term 'sale' (first on line 1)"));
  CHECK(StartsWith(ErrorOf("à fuir\t-3\na fuir\t-2\n"),
                   "lex.tsv:2:1: duplicate term 'a fuir' (first on line 1)"));
}

TEST_CASE("Lexicon collapses runs of spaces inside a term") {
  Result<Lexicon> lex = Lexicon::Parse("lex.tsv", "  ras   le  bol \t-2.2\n");
  REQUIRE(lex.ok());
  CHECK(lex->Find("ras le bol") == doctest::Approx(-2.2));
  CHECK(lex->max_words() == 3);
}

TEST_CASE("Lexicon reports a missing TAB at the end of the line") {
  const std::string msg = ErrorOf("good\t1\nbad -2\n");
  CHECK(StartsWith(msg, "lex.tsv:2:7: missing TAB between term and valence"));
  CHECK(msg.find("\n  bad -2\n        ^") != std::string::npos);
}

TEST_CASE("Lexicon points at a non-numeric valence") {
  CHECK(StartsWith(ErrorOf("# c\ngreat\tvery\n"),
                   "lex.tsv:2:7: valence is not a number: 'very'"));
  CHECK(StartsWith(ErrorOf("great\t1.5x\n"),
                   "lex.tsv:1:7: valence is not a number: '1.5x'"));
  CHECK(StartsWith(ErrorOf("great\tnan\n"),
                   "lex.tsv:1:7: valence is not a number"));
  CHECK(StartsWith(ErrorOf("great\t\t3\n"), "lex.tsv:1:7: missing valence"));
  CHECK(StartsWith(ErrorOf("great\t  x\n"),
                   "lex.tsv:1:9: valence is not a number"));
}

TEST_CASE("Lexicon rejects valences outside [-4, 4]") {
  CHECK(StartsWith(ErrorOf("ok\t1\nawful\t-4.5\n"),
                   "lex.tsv:2:7: valence -4.5 is outside [-4, 4]"));
  CHECK(StartsWith(ErrorOf("wow\t4.01\n"),
                   "lex.tsv:1:5: valence 4.01 is outside"));
  CHECK(Lexicon::Parse("lex.tsv", "edge\t-4\nedge2\t4.0\n").ok());
}

TEST_CASE("Lexicon rejects empty terms and terms of more than three words") {
  CHECK(StartsWith(ErrorOf("a\t1\n\t-1\n"), "lex.tsv:2:1: empty term"));
  CHECK(StartsWith(ErrorOf("  \t-1\n"), "lex.tsv:1:1: empty term"));
  CHECK(StartsWith(ErrorOf("one two three four\t1\n"),
                   "lex.tsv:1:1: term has 4 words; at most 3 are allowed"));
}

TEST_CASE("Lexicon rejects a term listed twice, after folding") {
  CHECK(StartsWith(ErrorOf("Déçu\t-2\nbon\t2\nDÉÇU\t-1\n"),
                   "lex.tsv:3:1: duplicate term 'decu' (first on line 1)"));
  CHECK(
      StartsWith(ErrorOf("ras le bol\t-2\nRas  le bol\t-1\n"),
                 "lex.tsv:2:1: duplicate term 'ras le bol' (first on line 1)"));
}

TEST_CASE("Lexicon rejects invalid UTF-8 at its byte") {
  CHECK(
      StartsWith(ErrorOf("ok\t1\nab\xff\t1\n"), "lex.tsv:2:3: invalid UTF-8"));
}

TEST_CASE("Lexicon::Load reports a missing file as NotFound") {
  Result<Lexicon> lex = Lexicon::Load("/nonexistent/vigie/lexicon.tsv");
  REQUIRE_FALSE(lex.ok());
  CHECK(lex.status().IsNotFound());
}

TEST_CASE("the shipped lexicons load") {
  Result<Lexicon> en = Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/en.tsv");
  REQUIRE_MESSAGE(en.ok(), en.status().ToString());
  CHECK(en->size() > 7000);
  CHECK(en->Find("good") == doctest::Approx(1.9));
  CHECK(en->Find("can't stand") == doctest::Approx(-2.0));
  CHECK(en->Find(":d").has_value());

  Result<Lexicon> fr = Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/fr.tsv");
  REQUIRE_MESSAGE(fr.ok(), fr.status().ToString());
  CHECK(fr->size() >= 250);
  CHECK(*fr->Find("decu") < 0);
  CHECK(*fr->Find("arnaque") < 0);
  CHECK(*fr->Find("delicieux") > 0);
  CHECK(*fr->Find("pas terrible") < 0);

  Result<Lexicon> de = Lexicon::Load(VIGIE_TEST_RULES_DIR "/lexicons/de.tsv");
  REQUIRE_MESSAGE(de.ok(), de.status().ToString());
  CHECK(*de->Find("enttauscht") < 0);
  CHECK(*de->Find("schone") > 0);
  // "schön" folds to "schon" (already): no term may fold to a commoner word.
  CHECK_FALSE(de->Find("schon").has_value());
  CHECK_FALSE(de->Find("forderung").has_value());
}

TEST_CASE("TermTable numbers terms in insertion order and finds them") {
  TermTable t;
  CHECK(t.Find("") == TermTable::kAbsent);
  CHECK(t.Find("a") == TermTable::kAbsent);
  std::vector<std::string> terms;
  for (int i = 0; i < 5000; ++i) terms.push_back("t" + std::to_string(i * 7));
  terms.push_back("");
  terms.push_back("a long term of more than sixteen bytes");
  for (std::size_t i = 0; i < terms.size(); ++i) {
    bool inserted = false;
    CHECK(t.Insert(terms[i], &inserted) == i);
    CHECK(inserted);
  }
  bool inserted = true;
  CHECK(t.Insert("t7", &inserted) == 1);
  CHECK_FALSE(inserted);
  CHECK(t.size() == terms.size());
  for (std::size_t i = 0; i < terms.size(); ++i) {
    CHECK(t.Find(terms[i]) == i);
    CHECK(t.term(static_cast<std::uint32_t>(i)) == terms[i]);
  }
  // Prefixes, extensions and near misses of stored terms are absent.
  for (std::string_view miss : {"t", "t71", "t1", "t00", "a long term of more",
                                "a long term of more than sixteen bytes!"}) {
    CAPTURE(miss);
    CHECK(t.Find(miss) == TermTable::kAbsent);
  }
}

TEST_CASE("SameBytes agrees with memcmp at every length") {
  const std::string a = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (std::size_t n = 0; n <= a.size(); ++n) {
    std::string b = a;
    CHECK(SameBytes(a.data(), b.data(), n));
    for (std::size_t k = 0; k < n; ++k) {
      b = a;
      b[k] = '!';
      CAPTURE(n);
      CAPTURE(k);
      CHECK_FALSE(SameBytes(a.data(), b.data(), n));
    }
  }
}

TEST_CASE("PaddedHeadOf agrees with HeadOf at every length") {
  // The bytes past each term are not zero, as in a tokenizer's buffer.
  const std::string text = "abcdefghijklmnopqrstuvwxyz0123456789";
  const std::string padded = text + std::string(16, '#');
  for (std::size_t n = 0; n <= text.size(); ++n) {
    CAPTURE(n);
    const std::string_view term(padded.data(), n);
    const TermHead head = HeadOf(term);
    CHECK(PaddedHeadOf(padded.data(), n) == head);
    CHECK(HashTerm(term, head) == HashTerm(std::string(term)));
    // A term differing in any one byte has another head or another hash.
    for (std::size_t k = 0; k < n; ++k) {
      std::string other(term);
      other[k] = '!';
      CHECK((HeadOf(other) != head || HashTerm(other) != HashTerm(term)));
    }
  }
}

TEST_CASE("Lexicon::ForEach visits every term once, in file order") {
  Result<Lexicon> lex =
      Lexicon::Parse("lex.tsv", "Bon\t2\n# c\nfed up\t-1.5\nnul\t-2\n");
  REQUIRE(lex.ok());
  std::vector<std::pair<std::string, double>> seen;
  lex->ForEach([&](std::string_view term, double v) {
    seen.emplace_back(std::string(term), v);
  });
  CHECK(seen == std::vector<std::pair<std::string, double>>{
                    {"bon", 2.0}, {"fed up", -1.5}, {"nul", -2.0}});
}

}  // namespace
}  // namespace vigie
