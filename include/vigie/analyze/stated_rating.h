// StatedRating: a rating the author writes in the text — "8/10", "9 out of
// 10", "4 sur 5", "2 von 5", "5 stars", "1 étoile", "3 Sterne", "gave it a
// 10" — the clearest sentiment a review can carry.
//
// Scales: x/5, x/10, x/20 and x/100 with 0 <= x <= the scale ("12/05" or
// "24/7" are not ratings); "N star(s)/étoile(s)/Stern(e)" with N from 0 to 5
// is on /5; "gave/give/giving/rate/rated it|this [one|movie|film|...] a N"
// with N from 0 to 10 is on /10. A decimal comma or point is accepted
// ("4,5/5"). When the text has several, the last one counts (a review
// concludes with its verdict). A rating in a question ("How can anyone give
// this 5 stars?"; not one asking why: "Why only 4 stars?") or naming
// others' reviews ("the 5 star reviews") is not the author's, and skipped.
//
// Valence on VADER's scale: scales of 5 and 10 start at 1, so their middle
// is (1 + scale) / 2 (3 stars, 5.5/10); /20 and /100 start at 0. The valence
// is 3.2 × (x − middle) / (scale − middle), clipped to [−3.2, 3.2].
//
// A pure function over bytes (ASCII case-insensitive; accents as UTF-8);
// thread-safe; does not allocate. Linear in the text's length.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace vigie {

/// One rating found in a text.
struct StatedRating {
  double value = 0.0;     ///< the number given, e.g. 8
  double scale = 0.0;     ///< 5, 10, 20 or 100
  std::size_t begin = 0;  ///< byte offset of the rating in the text
  std::size_t end = 0;    ///< one past its last byte
  double valence = 0.0;   ///< on VADER's scale, see the file comment
};

/// The last rating stated in `text`, if any.
std::optional<StatedRating> FindStatedRating(std::string_view text);

}  // namespace vigie
