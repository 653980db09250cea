#include "vigie/detect/spike_rule.h"

#include <doctest/doctest.h>

namespace vigie {

namespace {
std::vector<BucketCount> Series(std::initializer_list<std::int64_t> negatives) {
  std::vector<BucketCount> out;
  std::int64_t i = 0;
  for (std::int64_t n : negatives) {
    out.push_back({FromUnixMillis(i++ * 300000), n + 2, n});
  }
  return out;
}
}  // namespace

TEST_CASE("A burst well above the baseline is a spike") {
  DetectConfig opts;
  auto s = EvaluateSpike(Series({0, 1, 0, 0, 1, 0, 6}), opts);
  REQUIRE(s.has_value());
  CHECK(s->negative == 6);
  CHECK(s->total == 8);
  CHECK(s->expected == doctest::Approx(2.0 / 6.0));
}

TEST_CASE("Low counts never alert below the minimum volume") {
  DetectConfig opts;
  CHECK_FALSE(EvaluateSpike(Series({0, 0, 0, 0, 4}), opts).has_value());
}

TEST_CASE("A steady high level is not a spike") {
  DetectConfig opts;
  CHECK_FALSE(EvaluateSpike(Series({10, 12, 9, 11, 13}), opts).has_value());
  CHECK(EvaluateSpike(Series({10, 12, 9, 11, 34}), opts).has_value());
}

TEST_CASE("BucketStart aligns to the width, also before the epoch") {
  CHECK(ToUnixMillis(BucketStart(FromUnixMillis(301000), Millis(300000))) ==
        300000);
  CHECK(ToUnixMillis(BucketStart(FromUnixMillis(-1), Millis(300000))) ==
        -300000);
}

}  // namespace vigie
