#include "vigie/core/text_fold.h"

#include <doctest/doctest.h>

namespace vigie {

TEST_CASE("FoldText removes case and accents, Unicode-wide") {
  CHECK(FoldText("DÉÇU") == "decu");
  CHECK(FoldText("Élève à l’école") == "eleve a l’ecole");
  CHECK(FoldText("Straße") == "strasse");
  CHECK(FoldText("ÜBERTEUERT") == "uberteuert");
  CHECK(FoldText("") == "");
}

TEST_CASE("Invalid UTF-8 becomes U+FFFD and NUL bytes go") {
  const std::string bad =
      std::string("ok\xC3") + "\x28" + std::string(1, '\0') + "x";
  CHECK_FALSE(IsValidUtf8(bad));
  const std::string clean = SanitizeUtf8(bad);
  CHECK(IsValidUtf8(clean));
  CHECK(clean == "ok\xEF\xBF\xBD(x");
  CHECK(IsValidUtf8(FoldText(bad)));
}

}  // namespace vigie
