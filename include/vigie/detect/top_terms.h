// TopTerms: the words an incident's mentions have in common, for the
// evidence an alert shows ("cafard, salade, lyon").
//
// Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/mention.h"

namespace vigie {

/// Up to `limit` words (folded by FoldTerm: "schön" is "schoen") found in
/// the most of `mentions` (a word counts once per mention, and only when
/// two mentions or more have it), most frequent first, ties in alphabetical
/// order. Leaves out French, English and German function words, words of
/// fewer than three characters, numbers, link fragments and the words of
/// `exclude` (e.g. the brand's name).
std::vector<std::string> TopTerms(const std::vector<Mention>& mentions,
                                  std::string_view exclude, int limit);

}  // namespace vigie
