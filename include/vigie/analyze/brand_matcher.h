// BrandMatcher: finds which configured brands a text talks about.
//
// File format (TOML), one table per brand:
//   [[brand]]
//   name = "Fournil Duval"                    # unique, shown to people
//   keywords = ["fournil duval", "fournilduval"]  # at least one
//   exclude = ["duval immobilier"]            # optional
//   language = "fr"                           # optional: "fr", "en" or ""
// Keywords and exclusions are folded at load (case and accents ignored) and
// match whole words: "duval" matches "Duval!" and "#duval" but not
// "duvalier". Between the words of a phrase the text may have spaces,
// hyphens, underscores or apostrophes, or the phrase's own punctuation
// ("crème & co" matches "Crème & Co" and "creme-co", not "crème. Co").
// A brand matches when one of its keywords occurs and none of its exclusions
// does. Errors read "path:line:col: message".
//
// Match() reads an all-ASCII text byte by byte, looking words up only where
// a word starts with a byte some phrase starts with; other texts word by
// word. Either way a word is hashed only when its first byte and length
// fit some phrase's first word.
//
// Thread-safety: immutable once built; Match() may run on many threads
// (each keeps a small per-thread scratch).
// Lifetime: a movable value; pointers from Find() and brands() stay valid
// while it lives.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "vigie/core/result.h"
#include "vigie/core/time_zone.h"

namespace vigie {

/// A monitored brand and the phrases that name it.
struct Brand {
  std::string name;                   ///< as written in the file
  std::vector<std::string> keywords;  ///< folded, white space collapsed
  std::vector<std::string> exclude;   ///< folded, white space collapsed
  std::string language;               ///< "fr", "en" or "" (unspecified)
  /// Spike sensitivity for this brand: false alarms tolerated per week on
  /// calm data; unset = the daemon's [detect] setting.
  std::optional<double> alerts_per_week;
  /// The brand's clock for daily and weekly rhythms; null = UTC.
  std::shared_ptr<const TimeZone> zone;
};

/// Matches folded text against every brand's keywords in one pass.
class BrandMatcher {
 public:
  /// Builds a matcher with no brands.
  BrandMatcher() = default;

  /// Parses TOML `text`; `path` only names the file in errors.
  static Result<BrandMatcher> Parse(std::string_view path,
                                    std::string_view text);
  /// Reads the file at `path` and parses it. NotFound when it does not exist.
  static Result<BrandMatcher> Load(const std::string& path);

  /// The names of the brands `folded_text` (already folded with FoldText)
  /// mentions, in file order. Linear in the size of the text.
  std::vector<std::string> Match(std::string_view folded_text) const;
  /// Every brand, in file order.
  const std::vector<Brand>& brands() const noexcept { return brands_; }
  /// The brand called exactly `name`, or null.
  const Brand* Find(std::string_view name) const;
  /// Appends to `out` the keywords of the brands called `names` (as Match()
  /// gives them); unknown names add nothing. The views live as long as this.
  void AppendKeywords(const std::vector<std::string>& names,
                      std::vector<std::string_view>& out) const;

 private:
  struct Phrase {
    std::size_t brand = 0;
    bool exclude = false;
    std::vector<std::string> words;
    // Per word, the punctuation the phrase has before it ("&" in "a & b").
    std::vector<std::string> hard_gaps;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };

  // The bit of `word` in first_word_bits_: its first byte and its length
  // (up to 63).
  static std::size_t FirstWordBit(std::string_view word) noexcept {
    const std::size_t size = word.size() < 63 ? word.size() : 63;
    return static_cast<std::size_t>(static_cast<unsigned char>(word[0])) << 6 |
           size;
  }
  // False when no phrase starts with `word` (non-empty); a cheap filter
  // before the hash look-up.
  bool MayStartPhrase(std::string_view word) const noexcept {
    const std::size_t bit = FirstWordBit(word);
    return (first_word_bits_[bit >> 6] >> (bit & 63)) & 1u;
  }

  std::vector<Brand> brands_;
  // By byte: some key of by_first_word_ starts with it.
  std::array<bool, 256> first_bytes_{};
  // Bit set of FirstWordBit() over the keys of by_first_word_.
  std::array<std::uint64_t, 256> first_word_bits_{};
  // First word of a phrase → the phrases starting with it.
  std::unordered_map<std::string, std::vector<Phrase>, Hash, std::equal_to<>>
      by_first_word_;
};

}  // namespace vigie
