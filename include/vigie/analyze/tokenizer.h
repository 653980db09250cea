// Tokenizer: splits raw text into the folded tokens the scorer and the
// language identifier read.
//
// Tokens are words (letters, marks and digits; folded as FoldTerm() folds
// them: lower case, accents removed, `ß` -> `ss`, `ä` -> `ae`, `œ` -> `oe`),
// emoji (one pictographic code point each) and ASCII emoticons (":)", ":-(",
// "<3", ":D": a whitespace-delimited chunk of at most 8 bytes that holds
// punctuation and is not plain punctuation). French elisions (l' d' j' m' n' s'
// t' c' qu' jusqu' lorsqu' puisqu' quoiqu', with ' or ’ or ʼ) are split off and
// dropped; an apostrophe inside any other word is kept as ' ("don't"). A
// hashtag's '#' is dropped and the token flagged; a camel-case hashtag
// (#ServiceNul) is split at each lower-to-upper change. A user name ('@' at a
// word's start, then ASCII letters, digits, '_' and inner dots: "@HSBC_UK")
// is no token at all. Invalid UTF-8 bytes and NUL bytes act as spaces.
//
// Thread-safety: Tokenize() is reentrant; a TokenizedText belongs to one
// thread at a time.
// Lifetime: a TokenizedText is reusable scratch: Tokenize() clears it and
// keeps its capacity, so a reused one does not allocate once warm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/analyze/lexicon.h"

namespace vigie {

/// What a token is.
enum class TokenKind : std::uint8_t {
  kWord,      ///< letters and digits
  kEmoji,     ///< one pictographic code point
  kEmoticon,  ///< an ASCII emoticon, lower-cased (":d")
};

/// One token; its text lives in TokenizedText::folded.
struct Token {
  std::uint32_t begin = 0;  ///< byte offset in TokenizedText::folded
  std::uint32_t size = 0;   ///< byte length there
  TokenKind kind = TokenKind::kWord;
  bool all_caps = false;  ///< two or more letters, none lower case
  /// One upper-case letter and some lower case ones ("Délice", "iPhone").
  bool capitalised = false;
  /// Right after a French elision: kElision ("c'", "qu'", "l'"...), or
  /// kElision | kNegatingElision for "n'"; 0 otherwise.
  std::uint8_t elision = 0;
  bool hashtag = false;  ///< came from a #hashtag
  /// kClauseBoundary when , ; : . ! ? a dash or an emoji is before it, or it
  /// is an emoji or emoticon; with kSentenceStop for . ! ? …, and
  /// kQuestionStop for ?. 0 otherwise.
  std::uint8_t boundary_before = 0;
};

/// Bits of Token::elision.
inline constexpr std::uint8_t kElision = 1;
inline constexpr std::uint8_t kNegatingElision = 2;

/// Bits of Token::boundary_before and TokenizedText::boundary_after.
inline constexpr std::uint8_t kClauseBoundary = 1;
inline constexpr std::uint8_t kSentenceStop = 2;
inline constexpr std::uint8_t kQuestionStop = 4;

/// What a look-up reads of a token besides its bytes.
struct TokenKey {
  TermHead head;           ///< HeadOf() the token's folded text
  std::uint64_t hash = 0;  ///< HashTerm() of it
};

/// Where a word typed with letters beyond ASCII ("salé", "schön") was in
/// the text.
struct AccentedWord {
  std::uint32_t token = 0;       ///< index in TokenizedText::tokens
  std::uint32_t text_begin = 0;  ///< byte offset in the tokenized text
  std::uint32_t text_size = 0;   ///< byte length there
};

/// A double quotation mark (" “ ” „ « ») between tokens.
struct QuoteMark {
  std::uint32_t token = 0;   ///< index of the token after it
  bool capitalised = false;  ///< the text after it opens with A-Z
  bool after_stop = false;   ///< the text before it ends with . ! or ?
};

/// The tokens of one text, plus punctuation counts.
struct TokenizedText {
  /// Every token's folded text, each followed by one space: the tokens
  /// from i to j read as one spaced string view (a term of several words).
  std::string folded;
  std::vector<Token> tokens;   ///< in text order
  std::vector<TokenKey> keys;  ///< by token, so look-ups do not rehash
  int exclamations = 0;        ///< '!' characters
  int questions = 0;           ///< '?' characters
  /// The kClauseBoundary, kSentenceStop and kQuestionStop bits of what
  /// follows the last token: "... ok?" ends with a question.
  std::uint8_t boundary_after = 0;
  bool any_lower = false;     ///< some word has a lower-case letter
  bool any_all_caps = false;  ///< some word is ALL CAPS
  int german_letters = 0;     ///< ä ö ü ß seen (before folding)
  int french_letters = 0;     ///< é è ê à â ç ù û î ô ë ï œ seen
  int elisions = 0;           ///< French elisions split off (l', qu', ...)
  int inner_apostrophes = 0;  ///< apostrophes kept inside words ("don't")
  bool any_digit = false;     ///< the text holds an ASCII digit
  /// Offsets in `folded`, ascending, of each 'e' an umlaut added ("schön"
  /// is folded as "schoen").
  std::vector<std::uint32_t> umlaut_e;
  /// The words typed with letters beyond ASCII, in token order.
  std::vector<AccentedWord> accented;
  /// The double quotation marks, in text order.
  std::vector<QuoteMark> quotes;

  /// The folded text of token `i`. REQUIRES: i < tokens.size().
  std::string_view at(std::size_t i) const {
    return std::string_view(folded.data() + tokens[i].begin, tokens[i].size);
  }
  /// The folded text of tokens `i` to `j`, joined by single spaces.
  /// REQUIRES: i <= j < tokens.size().
  std::string_view span(std::size_t i, std::size_t j) const {
    return std::string_view(folded.data() + tokens[i].begin,
                            tokens[j].begin + tokens[j].size - tokens[i].begin);
  }
  /// The spelling of token `i` without the 'e's its umlauts added ("schon"
  /// for "schön"), written into `buf`; empty when it had no umlaut.
  /// REQUIRES: i < tokens.size().
  std::string_view DotlessSpelling(std::size_t i, std::string& buf) const;
};

/// The terms of a lexicon that Tokenize() may look up as emoticons (2 to 8
/// bytes of printable ASCII without upper-case letters, not all letters and
/// digits, and neither a digit beside a bracket nor a time: "8)" and "0:03"
/// are mostly "(size 8)" and timestamps), in a table small enough to stay in
/// cache.
///
/// Thread-safety: immutable once built. Lifetime: a plain value, independent
/// of the lexicon it was built from.
class EmoticonTable {
 public:
  /// Builds an empty table.
  EmoticonTable() = default;
  /// Keeps the terms of `lexicon` (may be null) that may be emoticons.
  explicit EmoticonTable(const Lexicon* lexicon);
  /// Also keeps those of `lexicon` (may be null). REQUIRES: the table is
  /// not shared yet.
  void Add(const Lexicon* lexicon);

  /// True when `lowered` (a candidate chunk, lower-cased) is a term.
  bool Contains(std::string_view lowered) const noexcept {
    return terms_.Find(lowered) != TermTable::kAbsent;
  }
  /// False when no term starts with bytes `first` `second` lower-cased
  /// (either may be upper case).
  bool MayStart(char first, char second) const noexcept {
    const unsigned pair = static_cast<unsigned char>(first) << 8 |
                          static_cast<unsigned char>(second);
    return (starts_[pair >> 6] >> (pair & 63)) & 1u;
  }
  /// The number of terms kept.
  std::size_t size() const noexcept { return terms_.size(); }

 private:
  TermTable terms_;
  std::uint64_t starts_[1024] = {};  // bit set of the terms' first two bytes
};

/// Tokenizes `text` (any bytes) into `out`, replacing its contents. A
/// whitespace-delimited ASCII chunk of 2 to 8 bytes holding punctuation
/// becomes one emoticon token when `emoticons` (may be null) has it, lower-
/// cased. Linear in the size of the text.
void Tokenize(std::string_view text, const Lexicon* emoticons,
              TokenizedText& out);

/// Where a caller will look each token up, so that Tokenize() starts
/// loading it as soon as the token ends, while the rest of the text is read:
/// row `hash & mask` of each of up to two arrays (a prefetch, inlined; it
/// changes no result).
struct KeyHook {
  /// The arrays' first rows; a null one is skipped.
  const void* rows[2] = {nullptr, nullptr};
  /// The size of a row of each array, in bytes.
  std::size_t row_bytes[2] = {0, 0};
  /// Turns a token's hash into a row index.
  std::uint64_t mask = 0;
};

/// Same as Tokenize(text, &lexicon, out) when `emoticons` was built from
/// `lexicon`; faster. Prefetches `hook`'s rows of every key, in token order.
void Tokenize(std::string_view text, const EmoticonTable& emoticons,
              TokenizedText& out, KeyHook hook = {});

/// Whether the folded word `w` ("l", "d", "qu", "jusqu", ...) is elided
/// before an apostrophe and split off the word after it, as French "l'",
/// "d'", "qu'": Tokenize() drops it (marking a word after "n'").
bool IsElidedWord(std::string_view w);

/// Where `term` joins two words of two bytes or more (ASCII letters and
/// digits, or bytes of UTF-8 letters) with one of the bytes `joiners`
/// ("go-to", "au-delà" with "-"): the offset of the first such joiner, or
/// npos. Tokenize() splits a text's words at a hyphen, so a lexicon term
/// joined by one never matches; "x-d" and ":-)" join no words.
std::size_t WordJoinOf(std::string_view term, std::string_view joiners);

}  // namespace vigie
