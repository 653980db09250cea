#include "vigie/core/mention.h"

namespace vigie {

std::string_view LabelName(Label label) noexcept {
  switch (label) {
    case Label::kNegative:
      return "negative";
    case Label::kNeutral:
      return "neutral";
    case Label::kPositive:
      return "positive";
  }
  return "neutral";
}

}  // namespace vigie
