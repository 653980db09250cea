// Test helper: a lexicon's accent variants as comparable strings.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigie/analyze/lexicon.h"

namespace vigie::testing {

/// Every accent variant of `lex` as "term|spelling|valence" (valence with
/// six decimals), in ForEachVariant() order.
inline std::vector<std::string> AccentVariants(const Lexicon& lex) {
  std::vector<std::string> out;
  lex.ForEachVariant(
      [&out](std::string_view term, std::string_view spelled, double v) {
        out.push_back(std::string(term) + "|" + std::string(spelled) + "|" +
                      std::to_string(v));
      });
  return out;
}

}  // namespace vigie::testing
