// GuessLanguage: a small French/English guess from very common function
// words ("le", "est", "pas" / "the", "is", "not").
//
// It only tells French from English and says "und" when it cannot; a real
// language identifier replaces it later.
// Thread-safety: a pure function.
#pragma once

#include <string_view>
#include <vector>

namespace vigie {

/// Returns "fr", "en" or "und" from counts of function words among
/// `folded_tokens` (folded words; French elided articles written with their
/// apostrophe, "l'", "d'", "qu'", count as French). "und" when no token is a
/// function word of either language or both counts are equal. The returned
/// view points at a string literal.
std::string_view GuessLanguage(
    const std::vector<std::string_view>& folded_tokens);

}  // namespace vigie
