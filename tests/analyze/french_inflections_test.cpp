#include "vigie/analyze/french_inflections.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analyze/accent_variants.h"

namespace vigie {

TEST_CASE(
    "French plural and feminine forms are added with their base's valence") {
  auto lex = Lexicon::Parse("fr.tsv",
                            "abusif\t-2.0\n"
                            "ridicule\t-1.8\n"
                            "déçu\t-2.0\n"
                            "déçue\t-2.5\n"
                            "dangereux\t-2.5\n"
                            "excellent\t3.0\n"
                            "meilleur\t2.5\n"
                            "génial\t3.0\n"
                            "cassé\t-1.8\n"
                            "léger\t0.7\n"
                            "plu\t1.6\n"
                            "autre\t0.5\n"
                            "pas terrible\t-1.5\n");
  REQUIRE_MESSAGE(lex.ok(), lex.status().message());
  const std::size_t before = lex->size();
  const int added = AddFrenchInflections(*lex);
  CHECK(added > 0);
  CHECK(lex->size() == before + static_cast<std::size_t>(added));
  CHECK(lex->Find("abusifs") == -2.0);
  CHECK(lex->Find("abusive") == -2.0);
  CHECK(lex->Find("abusives") == -2.0);
  CHECK(lex->Find("ridicules") == -1.8);
  CHECK(lex->Find("decus") == -2.0);
  CHECK(lex->Find("decue") == -2.5);  // listed: keeps its own valence
  CHECK(lex->Find("decues") == -2.5);
  CHECK(lex->Find("dangereuse") == -2.5);
  CHECK(lex->Find("excellentes") == 3.0);
  CHECK(lex->Find("meilleure") == 2.5);
  CHECK(lex->Find("geniaux") == 3.0);
  CHECK(lex->Find("cassee") == -1.8);
  CHECK(lex->Find("legere") == 0.7);
  // Too short to inflect ("plu" would make "plus"), a function word never
  // becomes a term, and multi-word terms stay as written.
  CHECK_FALSE(lex->Find("plus").has_value());
  CHECK_FALSE(lex->Find("autres").has_value());
  CHECK_FALSE(lex->Find("pas terribles").has_value());
}

TEST_CASE("French forms of accent variants keep their spelling apart") {
  auto lex = Lexicon::Parse("fr.tsv", "sale\t-1.9\nsalé\t0\n");
  REQUIRE_MESSAGE(lex.ok(), lex.status().message());
  AddFrenchInflections(*lex);
  // "sales" is the plural of both; "salée(s)" the feminine of "salé" only:
  // "sale" (dirty) has no "salee", so typed so it reads as "salée".
  CHECK(testing::AccentVariants(*lex) ==
        std::vector<std::string>{"sale|sale|-1.900000", "sale|salé|0.000000",
                                 "sales|sales|-1.900000",
                                 "sales|salés|0.000000"});
  CHECK(lex->Find("sales") == -1.9);
  CHECK(lex->Find("salee") == 0.0);
  CHECK(lex->Find("salees") == 0.0);
}

}  // namespace vigie
