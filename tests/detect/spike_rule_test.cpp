#include "vigie/detect/spike_rule.h"

#include <doctest/doctest.h>

namespace vigie {

TEST_CASE("BucketStart aligns to the width, also before the epoch") {
  CHECK(ToUnixMillis(BucketStart(FromUnixMillis(301000), Millis(300000))) ==
        300000);
  CHECK(ToUnixMillis(BucketStart(FromUnixMillis(300000), Millis(300000))) ==
        300000);
  CHECK(ToUnixMillis(BucketStart(FromUnixMillis(-1), Millis(300000))) ==
        -300000);
}

}  // namespace vigie
