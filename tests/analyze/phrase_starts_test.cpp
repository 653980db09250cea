#include "vigie/analyze/phrase_starts.h"

#include <doctest/doctest.h>

#include <cmath>
#include <string_view>

#include "vigie/analyze/scorer.h"

namespace vigie {
namespace {

TEST_CASE("phrase starts are the folded first words of multi-word terms") {
  PhraseStarts p;
  p.AddTsv(
      "# comment\tline with tab\n"
      "\n"
      "good\t2\n"
      "Pas terrible\t-1.5\n"
      "\xC3\x80 fuir\t-3\n"
      "qu\xE2\x80\x99il soit\t1\n"
      "  not   bad\t1\n"
      "trailing \t1\n");
  CHECK(p.size() == 4);
  CHECK(p.Contains("pas"));
  CHECK(p.Contains("a"));
  CHECK(p.Contains("qu'il"));
  CHECK(p.Contains("not"));
  CHECK_FALSE(p.Contains("good"));
  CHECK_FALSE(p.Contains("trailing"));
  CHECK_FALSE(p.Contains("terrible"));
}

TEST_CASE("a scorer with phrase starts scores as one without") {
  constexpr std::string_view kEn = "good\t2\nbad\t-2\ncan't stand\t-2\n";
  constexpr std::string_view kFr =
      "bon\t2\nnul\t-2\npas terrible\t-1.5\narnaque totale\t-3.4\n";
  Result<Lexicon> en = Lexicon::Parse("en.tsv", kEn);
  Result<Lexicon> fr = Lexicon::Parse("fr.tsv", kFr);
  REQUIRE(en.ok());
  REQUIRE(fr.ok());
  PhraseStarts starts;
  starts.AddTsv(kEn);
  starts.AddTsv(kFr);
  const Scorer plain(ScorerLexicons{&*en, &*fr, nullptr, nullptr});
  const Scorer fast(
      ScorerLexicons{&*en, &*fr, nullptr, nullptr, nullptr, &starts});
  for (std::string_view text :
       {"I can't stand it", "c'est pas terrible", "une arnaque totale !",
        "pas bon du tout", "not good", "arnaque", ""}) {
    CAPTURE(text);
    CHECK(fast.Score(text).compound == plain.Score(text).compound);
  }
  CHECK(fast.Score("une arnaque totale").compound ==
        doctest::Approx(-3.4 / std::sqrt(3.4 * 3.4 + 15.0)));
}

}  // namespace
}  // namespace vigie
