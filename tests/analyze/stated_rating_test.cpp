#include "vigie/analyze/stated_rating.h"

#include <doctest/doctest.h>

namespace vigie {

namespace {
double ValueOf(std::string_view text) {
  auto r = FindStatedRating(text);
  REQUIRE_MESSAGE(r.has_value(), text);
  return r->value / r->scale;
}
}  // namespace

TEST_CASE("FindStatedRating reads fractions, stars and 'gave it a N'") {
  CHECK(ValueOf("Overall 8/10, would watch again") == doctest::Approx(0.8));
  CHECK(ValueOf("Rating: 1 out of 10.") == doctest::Approx(0.1));
  CHECK(ValueOf("je mets 4 sur 5") == doctest::Approx(0.8));
  CHECK(ValueOf("Note : 4,5/5 !") == doctest::Approx(0.9));
  CHECK(ValueOf("nur 2 von 5 Sternen") == doctest::Approx(0.4));
  CHECK(ValueOf("5 étoiles méritées") == doctest::Approx(1.0));
  CHECK(ValueOf("1 ETOILE et encore") == doctest::Approx(0.2));
  CHECK(ValueOf("3 Sterne") == doctest::Approx(0.6));
  CHECK(ValueOf("I gave it a 10+!") == doctest::Approx(1.0));
  CHECK(ValueOf("I would give this television series a 9 if I could") ==
        doctest::Approx(0.9));
  CHECK(ValueOf("14/20 pour ce roman") == doctest::Approx(0.7));
  // The last one is the verdict.
  CHECK(ValueOf("the first was 9/10, this one 3/10") == doctest::Approx(0.3));
}

TEST_CASE("FindStatedRating skips ratings that are not the author's") {
  // Asked about, or others' reviews.
  CHECK_FALSE(FindStatedRating("How can anyone give this 5 stars?"));
  CHECK_FALSE(FindStatedRating("Wie kann man dafür 5 Sterne geben?"));
  CHECK_FALSE(FindStatedRating("I don't get the 5 star reviews."));
  // A class of hotel, or what a place has on a site.
  CHECK_FALSE(FindStatedRating("The 5 star hotel was dirty."));
  CHECK_FALSE(FindStatedRating("Ein 4-Sterne-Hotel, aber schmutzig."));
  CHECK_FALSE(FindStatedRating("No idea how this place has 4.5 stars."));
  CHECK(FindStatedRating("Dirty room. 1 star."));
  // A question of why explains the author's own; an earlier question does
  // not reach a later sentence.
  CHECK(ValueOf("Why only 4 stars? Slow shipping.") == doctest::Approx(0.8));
  CHECK(ValueOf("Worth it? 4/5, yes.") == doctest::Approx(0.8));
  // The author's rating after others' still counts.
  CHECK(ValueOf("Ignore the 1 star reviews: 5 stars.") == doctest::Approx(1.0));
}

TEST_CASE("FindStatedRating ignores numbers that are not ratings") {
  for (std::string_view text :
       {"open 24/7", "on 12/05 at 10", "3/4 of the staff", "call 0612345678",
        "version 2.0/10.1", "10/10/2024", "I gave them 10 dollars",
        "five stars", "a 12 stars hotel", "page 50 of 300", "", "10/"}) {
    CAPTURE(text);
    CHECK_FALSE(FindStatedRating(text).has_value());
  }
}

TEST_CASE("StatedRating valence: the middle of the scale is neutral") {
  CHECK(FindStatedRating("3/5")->valence == doctest::Approx(0.0));
  CHECK(FindStatedRating("5.5/10")->valence == doctest::Approx(0.0));
  CHECK(FindStatedRating("10/20")->valence == doctest::Approx(0.0));
  CHECK(FindStatedRating("10/10")->valence == doctest::Approx(3.2));
  CHECK(FindStatedRating("0/10")->valence == doctest::Approx(-3.2));
  CHECK(FindStatedRating("1 star")->valence == doctest::Approx(-3.2));
  CHECK(FindStatedRating("8/10")->valence > 1.5);
}

TEST_CASE("FindStatedRating finds ratings after long stretches of text") {
  CHECK(ValueOf("xxxxxxxx xxxxxxxx xxxxxxxx 8/10") == doctest::Approx(0.8));
  CHECK(ValueOf("honestly, the worst xxxxxxx; GAVE IT A 2") ==
        doctest::Approx(0.2));
  CHECK(ValueOf("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 4 stars") ==
        doctest::Approx(0.8));
  CHECK_FALSE(
      FindStatedRating("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx").has_value());
}

TEST_CASE("FindStatedRating needs a digit, wherever it is") {
  CHECK_FALSE(
      FindStatedRating("I gave it a ten out of ten, five stars").has_value());
  CHECK_FALSE(FindStatedRating("rated it a nine").has_value());
  CHECK(ValueOf("gave it a 9") == doctest::Approx(0.9));
  CHECK(ValueOf("1/5") == doctest::Approx(0.2));
  // The only digit in the last byte, or in a partial last group of eight.
  CHECK(ValueOf("xxxxxxxxxxxxxxxx rated it a 7") == doctest::Approx(0.7));
  CHECK(ValueOf("xxxxxxxxxxxxxxxxx 2 stars") == doctest::Approx(0.4));
  // Bytes >= 0x80 whose low bits read as digits are no digits.
  CHECK_FALSE(
      FindStatedRating("\xb8\xb0\xb9\xb5 \xb1\xaf\xb5 stars").has_value());
}

}  // namespace vigie
