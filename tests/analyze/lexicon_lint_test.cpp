#include "vigie/analyze/lexicon_lint.h"

#include <doctest/doctest.h>

namespace vigie {
namespace {

TEST_CASE("lexicon lint: a term that folds into a function word is flagged") {
  const std::string_view de =
      "# comment\n"
      "toll\t2.4\n"
      "öder\t-1.6\n"   // read as "oder": flagged
      "oder\t0.5\n"    // written as is: the author meant it
      "schön\t2.0\n"   // read as "schon" (already): flagged
      "broken line\n"  // no tab: the parser's business
      "für\t1.0";      // "fur", last line without a newline
  const std::vector<std::string> warnings =
      FoldCollisionWarnings("de.tsv", de, "de");
  REQUIRE(warnings.size() == 3);
  CHECK(warnings[0] ==
        "de.tsv:3:1: warning: 'öder' is read as 'oder', a function word: "
        "every 'oder' would count");
  CHECK(warnings[1].rfind("de.tsv:5:1: warning: 'schön' is read as 'schon'",
                          0) == 0);
  CHECK(warnings[2].rfind("de.tsv:7:1: warning: 'für' is read as 'fur'", 0) ==
        0);
  // Function words of another language do not matter: the French lexicon
  // only scores French text.
  CHECK(FoldCollisionWarnings("fr.tsv", "usé\t-1.5\n", "fr").empty());
  CHECK(FoldCollisionWarnings("de.tsv", "", "de").empty());
}

}  // namespace
}  // namespace vigie
