#include "vigie/core/near_duplicate.h"

#include <doctest/doctest.h>

#include <string>

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

TEST_CASE("NearDuplicateKey: a long post and its truncated retweet agree") {
  const char* kPost =
      "Found a cockroach in my salad at the Fournil Duval on Main Street "
      "this morning, never again, I want my money back";
  const std::uint64_t key = NearDuplicateKey(kPost);
  CHECK(NearDuplicateKey("RT @lea: Found a cockroach in my salad at the "
                         "Fournil Duval on Main Street this mor…") == key);
  CHECK(NearDuplicateKey(std::string(kPost) + " #hygiene #fail") == key);
  // The twelfth word still counts ...
  CHECK(NearDuplicateKey("Found a cockroach in my salad at the Fournil Duval "
                         "on Elm Street this morning") != key);
  // ... and a short copy is not a long post.
  CHECK(NearDuplicateKey("Found a cockroach in my salad at the Fournil") !=
        key);
}

TEST_CASE("NearDuplicateKey: texts without words have key 0") {
  CHECK(NearDuplicateKey("") == 0);
  CHECK(NearDuplicateKey("!!! 😡😡 https://t.co/x @someone") == 0);
  CHECK(NearDuplicateKey(std::string_view("\xff\xfe", 2)) == 0);
  CHECK(NearDuplicateKey(std::string_view("a\0b", 3)) != 0);
}

}  // namespace vigie
