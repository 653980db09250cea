#include "vigie/core/near_duplicate.h"

#include <doctest/doctest.h>

namespace vigie {

TEST_CASE(
    "NearDuplicateKey: copies differing in links, handles and case agree") {
  const std::uint64_t key =
      NearDuplicateKey("Un cafard dans ma salade au Fournil Duval !");
  CHECK(key != 0);
  CHECK(NearDuplicateKey(
            "RT @lea: un CAFARD dans ma salade au fournil duval") == key);
  CHECK(NearDuplicateKey("Un cafard dans ma salade au Fournil Duval !!! "
                         "https://t.co/xyz") == key);
  CHECK(NearDuplicateKey("un cafard, dans ma salade... au Fournil-Duval 😡") ==
        key);
  CHECK(NearDuplicateKey("Un cafard dans ma salade au #FournilDuval") != key);
  CHECK(NearDuplicateKey("Un cafard dans ma soupe au Fournil Duval !") != key);
  CHECK(NearDuplicateKey("Un cafard dans ma salade au Fournil Duval 2") != key);
  // Word boundaries count: "ab c" is not "a bc".
  CHECK(NearDuplicateKey("ab c") != NearDuplicateKey("a bc"));
}

TEST_CASE("NearDuplicateKey: texts without words have key 0") {
  CHECK(NearDuplicateKey("") == 0);
  CHECK(NearDuplicateKey("!!! 😡😡 https://t.co/x @someone") == 0);
  CHECK(NearDuplicateKey(std::string_view("\xff\xfe", 2)) == 0);
  CHECK(NearDuplicateKey(std::string_view("a\0b", 3)) != 0);
}

}  // namespace vigie
