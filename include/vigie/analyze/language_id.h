// Language identification for short texts: French, English, German, or
// "und" when the evidence is too thin or too close.
//
// A small model of vigie's own, not trained on any corpus: each folded word
// that is one of a few hundred frequent function words of a language (written
// by the vigie team) votes for that language, with a weight; word endings
// typical of one language ("-ung", "-keit"; "-ment", "-eux"; "-ing", "-ly")
// add smaller votes, and so do French elisions (l', qu', ...), letters
// typical of one language seen before folding (ä ö ü ß; é è ê à ç œ) and,
// when sentiment lexicons are given, a word found in exactly one of them.
// The best language wins when it has at least 1 vote and leads the second by
// a factor of 1.5; otherwise "und".
//
// Thread-safety: pure functions over immutable static tables.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "vigie/analyze/lexicon.h"
#include "vigie/analyze/tokenizer.h"

namespace vigie {

/// The French, English and German lexicons, in that order; any may be null.
using LanguageLexicons = std::array<const Lexicon*, 3>;

/// The language of already tokenized text: "fr", "en", "de" or "und" (a
/// string literal). Does not allocate.
std::string_view IdentifyLanguage(const TokenizedText& tokens,
                                  const LanguageLexicons& lexicons);

/// The language of raw `text` (any bytes): tokenizes it, then as above,
/// without lexicons.
std::string_view IdentifyLanguage(std::string_view text);

/// What identification reads of one folded word, for callers that look
/// their tokens up once for several purposes (the Scorer).
struct WordClue {
  /// 0 French, 1 English, 2 German when the word is a function word of that
  /// language; -1 otherwise.
  std::int8_t function_lang = -1;
  /// Bit l set (l as above) when lexicon l has the word.
  std::uint8_t in_lexicons = 0;
  /// LanguageVotes::EndingLanguage() of the word, when the caller worked it
  /// out beforehand (the Scorer's index does, for its terms); -1: unknown,
  /// LanguageVotes::Add() works it out.
  std::int8_t ending_lang = -1;
  /// The function word's vote.
  double function_weight = 0.0;
};

/// The clue of `folded_word` from the function words alone (in_lexicons 0).
WordClue FunctionWordClue(std::string_view folded_word);

/// Every function word of the model, each once.
std::vector<std::string_view> FunctionWords();

/// As IdentifyLanguage(tokens, lexicons), with clues[i] the clue of token i
/// (its in_lexicons from the lexicons given there). Does not allocate.
/// REQUIRES: clues.size() == tokens.tokens.size().
std::string_view IdentifyLanguage(const TokenizedText& tokens,
                                  std::span<const WordClue> clues);

/// The votes of identification, gathered one token at a time by a caller
/// that walks the tokens anyway (the Scorer): Add() for every word token of
/// a text that is no hashtag, in text order, then Decide() gives what
/// IdentifyLanguage(tokens, clues) gives for that text.
///
/// Thread-safety: a plain value; one thread at a time.
class LanguageVotes {
 public:
  /// Counts `folded_word`, whose HeadOf() is `head` and clue is `clue`.
  /// Without a branch whose way differs from word to word: a vote that
  /// does not count goes to a spare slot.
  void Add(std::string_view folded_word, const TermHead& head,
           const WordClue& clue) {
    const bool other = clue.function_lang < 0;
    // Another word's clue has weight 0.
    votes_[clue.function_lang & 3] += clue.function_weight;
    const int ending = !other ? 3
                       : clue.ending_lang >= 0
                           ? clue.ending_lang
                           : EndingLanguage(folded_word, head);
    votes_[ending] += kEndingWeight;
    // A word found in exactly one lexicon.
    const unsigned in = clue.in_lexicons;
    const bool only_one = in != 0 && (in & (in - 1)) == 0;
    only_in_[other && only_one ? std::countr_zero(in) : 3] += 1;
  }
  /// "fr", "en", "de" or "und" (a string literal) for the words added and
  /// the elisions and letters `tokens` counted. Does not allocate.
  std::string_view Decide(const TokenizedText& tokens) const;

  /// The vote of a typical ending.
  static constexpr double kEndingWeight = 0.25;
  /// The language (0 French, 1 English, 2 German) of the first typical
  /// ending `folded_word` ends with, after two bytes or more of its own; 3
  /// when none. `head` is HeadOf(folded_word).
  static int EndingLanguage(std::string_view folded_word, const TermHead& head);

 private:
  // By language, then a spare slot [3] for the votes that do not count.
  double votes_[4] = {0.0, 0.0, 0.0, 0.0};  // function words and endings
  int only_in_[4] = {0, 0, 0, 0};           // words in that lexicon alone
};

/// The votes of the function words alone, and how many other words there
/// are: for most texts, enough to tell what LanguageVotes would decide
/// without working out the other words' endings.
///
/// Thread-safety: a plain value; one thread at a time.
class FunctionWordVotes {
 public:
  /// Counts a word whose clue is `clue`; the same words, in the same order,
  /// as LanguageVotes::Add().
  void Add(const WordClue& clue) {
    // Without a branch, whose way differs from word to word: another word
    // (-1, weight 0) adds 0 to votes_[3].
    votes_[clue.function_lang & 3] += clue.function_weight;
    others_ += clue.function_lang < 0 ? 1 : 0;
  }
  /// What LanguageVotes::Decide(tokens) gives for the same words whatever
  /// the other words' endings and lexicons, when the function words,
  /// elisions and letters settle it; empty when they do not.
  std::string_view Settled(const TokenizedText& tokens) const;

 private:
  double votes_[4] = {0.0, 0.0, 0.0, 0.0};  // [3]: other words, always 0
  int others_ = 0;
};

}  // namespace vigie
