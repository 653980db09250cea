#include "vigie/analyze/evaluation.h"

#include <doctest/doctest.h>

#include <string>

namespace vigie {
namespace {

TEST_CASE("labelled TSV: label in the last column, 3-class or 0/1") {
  const auto r = ParseLabelledTsv("x.tsv",
                                  "good one\tpositive\n"
                                  "\n"
                                  "bad one\tnegative\r\n"
                                  "meh\t3.0\tneutral\n"
                                  "ok\t1\n"
                                  "nope\t0\n");
  REQUIRE_MESSAGE(r.ok(), r.status().ToString());
  REQUIRE(r->size() == 5);
  CHECK((*r)[0].text == "good one");
  CHECK((*r)[0].gold == Label::kPositive);
  CHECK((*r)[1].text == "bad one");
  CHECK((*r)[1].gold == Label::kNegative);
  CHECK((*r)[1].line == 3);
  CHECK((*r)[2].text == "meh");
  CHECK((*r)[2].gold == Label::kNeutral);
  CHECK((*r)[3].gold == Label::kPositive);
  CHECK((*r)[4].gold == Label::kNegative);
}

TEST_CASE("labelled TSV errors are path:line:col") {
  auto missing = ParseLabelledTsv("x.tsv", "fine\tpositive\nno tab here\n");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message().rfind("x.tsv:2:12: missing TAB", 0) == 0);
  auto unknown = ParseLabelledTsv("x.tsv", "a\tb\tmaybe\n");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message().rfind("x.tsv:1:5: unknown label 'maybe'",
                                         0) == 0);
  auto empty = ParseLabelledTsv("x.tsv", "\tpositive\n");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message().rfind("x.tsv:1:1: empty text", 0) == 0);
  auto ok = ParseLabelledTsv("x.tsv", std::string("a\0b\tpositive\n", 13));
  REQUIRE(ok.ok());
  CHECK(ok->size() == 1);
}

TEST_CASE("confusion metrics on a known matrix") {
  Confusion m;
  auto add = [&m](Label g, Label p, int n) {
    for (int i = 0; i < n; ++i) m.Add(g, p);
  };
  add(Label::kNegative, Label::kNegative, 2);
  add(Label::kNegative, Label::kPositive, 1);
  add(Label::kPositive, Label::kPositive, 3);
  add(Label::kPositive, Label::kNeutral, 1);
  add(Label::kNeutral, Label::kNeutral, 1);
  CHECK(m.Total() == 8);
  CHECK(m.Count(Label::kNegative, Label::kPositive) == 1);
  CHECK(m.Accuracy() == doctest::Approx(0.75));
  CHECK(m.Precision(Label::kNegative) == doctest::Approx(1.0));
  CHECK(m.Recall(Label::kNegative) == doctest::Approx(2.0 / 3.0));
  CHECK(m.F1(Label::kNegative) == doctest::Approx(0.8));
  CHECK(m.Precision(Label::kPositive) == doctest::Approx(0.75));
  CHECK(m.Recall(Label::kPositive) == doctest::Approx(0.75));
  CHECK(m.Precision(Label::kNeutral) == doctest::Approx(0.5));
  CHECK(m.F1(Label::kNeutral) == doctest::Approx(2.0 / 3.0));
  CHECK(m.MacroF1({Label::kNegative, Label::kNeutral, Label::kPositive}) ==
        doctest::Approx((0.8 + 0.75 + 2.0 / 3.0) / 3.0));
  CHECK(m.MacroF1({Label::kNegative, Label::kPositive}) ==
        doctest::Approx(0.775));
}

TEST_CASE("an empty confusion matrix gives zeros, not NaN") {
  const Confusion m;
  CHECK(m.Total() == 0);
  CHECK(m.Accuracy() == 0.0);
  CHECK(m.Precision(Label::kPositive) == 0.0);
  CHECK(m.Recall(Label::kPositive) == 0.0);
  CHECK(m.F1(Label::kPositive) == 0.0);
  CHECK(m.MacroF1({}) == 0.0);
}

}  // namespace
}  // namespace vigie
