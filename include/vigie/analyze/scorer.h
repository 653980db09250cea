// Scorer: VADER-like lexicon sentiment for French and English text.
//
// Score() splits the text into words (letters and digits; French elisions
// such as l' d' qu' n' are split off, "don't" stays one word), guesses the
// language, looks each word up (three- and two-word terms first) in that
// language's lexicon and sums the valences, adjusted for:
//   - negation: a negator among the 3 preceding words (not, no, never, n't,
//     pas, jamais, rien, sans, ...; "plus" only after ne/n') multiplies the
//     valence by -0.74, as does French "ne/n' <word> pas";
//   - boosters (very, really, très, vraiment, trop, super, ...): +-0.293
//     in the valence's direction, less with distance;
//   - an ALL-CAPS word in mixed-case text: +-0.733;
//   - "!": +-0.292 each, at most 4, in the direction of the sum.
// compound = sum / sqrt(sum^2 + 15), in [-1, 1]. When the language is "und"
// both lexicons are tried and the one that recognises more words is used
// (French on a tie).
// Not handled yet: contrast (but, mais), emoji, emoticons, star ratings.
//
// Thread-safety: immutable after construction; Score() may run on many
// threads at once.
// Lifetime: holds references to both lexicons, which must outlive it.
#pragma once

#include <string_view>

#include "vigie/analyze/lexicon.h"
#include "vigie/core/mention.h"

namespace vigie {

/// Thresholds turning a compound score into a label.
/// REQUIRES: negative_threshold < positive_threshold.
struct ScorerOptions {
  /// A compound at or below this is negative.
  double negative_threshold = -0.05;
  /// A compound at or above this is positive.
  double positive_threshold = 0.05;
};

/// The sentiment of one text.
struct ScoreResult {
  double compound = 0.0;          ///< in [-1, 1]; 0 when no word was recognised
  Label label = Label::kNeutral;  ///< neutral when no word was recognised
  std::string_view language;      ///< "fr", "en" or "und" (a string literal)
};

/// Scores texts with an English and a French lexicon.
class Scorer {
 public:
  /// Keeps references to `en` and `fr`, which must outlive the scorer.
  Scorer(const Lexicon& en, const Lexicon& fr, ScorerOptions opts = {});

  /// Scores raw `text` (any bytes: invalid UTF-8 is replaced first). Linear
  /// in the size of the text.
  ScoreResult Score(std::string_view text) const;

 private:
  const Lexicon* en_;
  const Lexicon* fr_;
  ScorerOptions opts_;
};

}  // namespace vigie
