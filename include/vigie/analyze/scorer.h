// Scorer: VADER-like lexicon sentiment for French, English and German text.
//
// Score() tokenizes the text (tokenizer.h: folding, elisions, emoji,
// emoticons, hashtags), identifies its language unless told (language_id.h),
// and looks every token up, longest multi-word term first (up to three
// words), in that language's lexicon; emoji in the emoji lexicon whatever the
// language, emoticons in the English one. A word not found is retried with
// runs of three or more identical letters cut to one, then two ("nuuuul" ->
// "nul", "goooood" -> "good"); such an elongated word counts as emphasised
// (+0.293 in its direction). A hashtag not found is split in two parts of
// three letters or more where both are lexicon terms, or one is and the
// other a known word ("#servicenul" -> "service nul"), the known words being
// a short list of customer-service nouns (service, client, livraison,
// delivery, ...). Each valence is then adjusted:
//   - booster / dampener (very, really, barely; très, vraiment, trop, un peu,
//     à peine; sehr, total, echt, kaum) among the 3 preceding tokens of the
//     clause: +-0.293 in the valence's direction, x1 / x0.95 / x0.9 with
//     distance; a booster that is also a lexicon word ("super", "pretty")
//     counts only as a booster when a term follows within 2 tokens; so does
//     a positive adjective of degree right before a negative term ("une
//     belle arnaque", "énorme déception", "a real nightmare", "ein schöner
//     Reinfall");
//   - negation within the 3 preceding tokens of the same clause (a , ; . ! ?
//     or a contrast word ends a scope): valence x -0.74. English not, no,
//     never, without, n't ...; French pas, plus (after ne/n'), jamais, rien,
//     guère, aucun, sans, non, ni, and "ne/n' X pas|plus|jamais|rien|guère"
//     around the term, also "ne X ... personne"; German nicht, kein*, nie,
//     niemals, ohne, nichts, keinerlei, niemand*, and a clause-final "nicht"
//     (or one before a verb particle: "empfehle es nicht weiter") negates the
//     terms before it ("ich mag es nicht"), as does "kein" before a measure
//     ("bereue es keine Sekunde"); German "nicht, was|wie" reaches across the
//     comma ("hält nicht, was es verspricht"), and "leider" is never negated.
//     A negator inside a multi-word term is that term's ("not bad"), but a
//     negative such term also negates the term right after it ("nicht gut
//     gefallen"). A negated verb of hesitating or stopping negates nothing
//     after it ("n'hésitez pas à recommander", "can't stop smiling").
//     French "peu" not preceded by "un" is litotes: x -0.5. "never/jamais ...
//     so/aussi" is emphasis, not negation, and so is a negated modal before
//     a comparative or with "enough" after the term's object ("couldn't be
//     happier", "can't thank you enough", "ne pourrais pas être plus
//     heureux", "könnte nicht glücklicher sein"): +0.293;
//   - ALL CAPS word in mixed-case text: +-0.733;
//   - contrast (but, however; mais, cependant, pourtant, toutefois, néanmoins;
//     aber, jedoch, allerdings): terms before the last contrast word x0.5,
//     after it x1.5;
//   - a negator with no term within 3 tokens either side in its clause
//     ("it doesn't charge", "ça ne marche pas", "funktioniert nicht") adds
//     -0.18, a weak cue: alone it leaves the text neutral (compound -0.046)
//     and only tips a text whose terms balance out; negation is common in
//     neutral statements ("nicht nur", "noch nicht"). It adds -0.6, a
//     complaint, when the negator is a word of absence rather than a plain
//     particle (never, nothing, nobody; jamais, rien, personne, aucun; nie,
//     nichts, niemand, kein: "nobody answered"), or when it or a word of its
//     clause within 3 tokens
//     says that something keeps failing, stopped or cannot be done, or names
//     what a product or a service does (still, again, can, start, arrive,
//     receive, back; toujours, plus, peut, marche, reçu; mehr, wieder, kann,
//     geht, funktioniert, angekommen: kFailureWords in scorer.cpp). Not for
//     no/non/sans/ohne/without, nor before only/just/nur/too,
//     nor next to a verb of knowing, reading or hesitating: "je ne sais
//     pas", "I never read", "n'hésitez pas"; "I don't think" still counts);
//   - English "too" / French "trop" before a word of the clause that is no
//     term ("too long", "trop cher", "trop de monde"), not negated, adds
//     -1.1 (after contrast weighting): excess is a complaint;
//   - rule weights given by the caller are added to the sum;
//   - a rating the author states in the text ("8/10", "2 étoiles", "gave it
//     a 9": stated_rating.h) adds twice its valence: the review's verdict.
// Then sum += sign(sum) * (0.292 * min(#!, 4) + question marks: 0.18 each
// when 2 or 3, 0.96 when more), and compound = sum / sqrt(sum^2 + 15 +
// 16 C^2), in [-1, 1], where C, the conflict, is twice the smaller of the
// positive and the negative mass of the terms and rules above when at least 4
// of them are polar (else 0): a text whose terms mostly cancel out (a mixed
// review: net sum under about a fifth of C) stays in the neutral band, while
// the sign, and so a binary verdict, is kept. Short texts are left to
// VADER's normalisation: two or three opposed terms in a post are more often
// one opinion with a hedge or an ironic emoticon than a balanced verdict.
// The label uses the thresholds of ScorerOptions.
//
// Star ratings (BlendRating): a rating r on a 0..5 scale maps to
// s = clamp((r - 3) / 2, -1, 1); the blended compound is 0.5 * compound +
// 0.5 * s when the text had sentiment terms, s alone when it had none.
//
// Performance: the constructor merges the lexicons, the cue words and the
// language-identification function words into one index, so each token is
// hashed and looked up once per text, whatever the number of lexicons (en_extra
// before en included); multi-word keys are built only after a word that
// starts a multi-word term, when a bit filter over the first two words of
// every such term lets them through. The cue words the rules test are flags
// of their index entries (no string comparison while scoring). Valences are
// stored as one-byte indexes into a table of the distinct values when there are
// at most 256 of them (so they stay in cache); the negators of a text are found
// once per score.
//
// Thread-safety: immutable after construction; Score() may run on many
// threads at once (each thread reuses its own scratch buffers, so scoring
// does not allocate once warm, unless it explains).
// Lifetime: holds pointers to the lexicons, which must outlive it; they are
// read once by the constructor and must not change afterwards.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/analyze/lexicon.h"
#include "vigie/analyze/phrase_starts.h"
#include "vigie/core/mention.h"

namespace vigie {

class ScorerIndex;

/// Thresholds turning a compound score into a label.
/// REQUIRES: negative_threshold < positive_threshold.
struct ScorerOptions {
  /// A compound at or below this is negative.
  double negative_threshold = -0.05;
  /// A compound at or above this is positive.
  double positive_threshold = 0.05;
};

/// The lexicons a scorer reads; any may be empty.
struct ScorerLexicons {
  const Lexicon* en = nullptr;        ///< English words and ASCII emoticons
  const Lexicon* fr = nullptr;        ///< French
  const Lexicon* de = nullptr;        ///< German
  const Lexicon* emoji = nullptr;     ///< emoji, for every language
  const Lexicon* en_extra = nullptr;  ///< vigie's English additions, first
  /// First words of every multi-word term of the lexicons above; when set,
  /// multi-word keys are built only after such a word (faster, same result
  /// when complete). Null: try every position.
  const PhraseStarts* phrase_starts = nullptr;
};

/// What the caller knows besides the text.
struct ScoreRequest {
  /// "fr", "en" or "de" to skip identification; empty to identify.
  std::string_view language;
  /// Added to the valence sum before normalisation (topic rule weights).
  double extra_valence = 0.0;
  /// Names that judge nothing here, such as the brands a mention is about
  /// ("Best Buy", "Super U", "Gut & Günstig"): each is tokenized as the text
  /// is, and where its words stand in a row in the text (a hashtag's words
  /// too: "#BestBuy"), none of them is a term, booster, negator or
  /// contrast. The views must outlive the call.
  std::span<const std::string_view> names = {};
};

/// The sentiment of one text.
struct ScoreResult {
  double compound = 0.0;          ///< in [-1, 1]; 0 when nothing counted
  Label label = Label::kNeutral;  ///< neutral when nothing counted
  std::string_view language;      ///< "fr", "en", "de" or "und" (a literal)
  int terms = 0;                  ///< lexicon terms that took part
};

/// A lukewarm or mixed verdict in a text ("sans plus", "mixed feelings",
/// "durchwachsen") multiplies its compound by this: praise and blame alike
/// are qualified, and the text is neutral at the default thresholds (the
/// compound stays under 0.04 in size; its sign is kept).
inline constexpr double kLukewarmScalar = 0.04;

/// One term's contribution, for --explain.
struct Contribution {
  std::string term;                    ///< the folded term as matched
  std::string lexicon;                 ///< "en", "fr", "de" or "emoji"
  double valence = 0.0;                ///< the lexicon valence
  double adjusted = 0.0;               ///< after every modifier
  std::vector<std::string> modifiers;  ///< "negation(pas) x-0.74", ...
};

/// Everything that made a score.
struct Explanation {
  std::string language;         ///< as used
  std::string language_source;  ///< "given" or "identified"
  std::vector<std::string>
      normalisation;  ///< "nuuuul -> nul", "toeten -> toten", ...
  std::vector<Contribution> contributions;  ///< in text order
  double extra_valence = 0.0;               ///< from the request
  double stated_rating = 0.0;  ///< from a rating stated in the text ("8/10")
  double punctuation = 0.0;    ///< the ! and ? amplification
  double sum = 0.0;            ///< before normalisation
  double conflict = 0.0;       ///< cancelled mass, 0 under 4 polar terms
  double compound = 0.0;       ///< sum / sqrt(sum^2 + 15 + 16 conflict^2)
  /// A lukewarm verdict ("sans plus", "mitige"), folded, which multiplied
  /// the compound by kLukewarmScalar; "" when none.
  std::string lukewarm;
};

/// Scores texts with per-language lexicons.
class Scorer {
 public:
  /// Keeps the lexicon pointers, which must outlive the scorer, and builds
  /// its index from them (linear in their total size).
  explicit Scorer(ScorerLexicons lexicons, ScorerOptions opts = {});

  /// Scores raw `text` (any bytes). Linear in the size of the text.
  ScoreResult Score(std::string_view text) const;
  /// Scores `text` with what the caller knows; fills `explain` when not
  /// null (slower: it allocates).
  ScoreResult Score(std::string_view text, const ScoreRequest& request,
                    Explanation* explain = nullptr) const;

  /// The language of `text` as Score() identifies it ("fr", "en", "de" or
  /// "und", a string literal), using the lexicons as extra evidence.
  std::string_view Language(std::string_view text) const;
  /// The label of `compound` under this scorer's thresholds.
  Label LabelOf(double compound) const;
  /// The thresholds.
  const ScorerOptions& options() const noexcept { return opts_; }

  /// Blends a star rating (0..5) into `compound`; see the file comment.
  /// `had_terms` is false when the text had no sentiment term.
  static double BlendRating(double compound, double stars, bool had_terms);

 private:
  ScorerLexicons lex_;
  ScorerOptions opts_;
  // Every term of the lexicons and word lists, built from lex_; shared by
  // copies.
  std::shared_ptr<const ScorerIndex> index_;
};

}  // namespace vigie
