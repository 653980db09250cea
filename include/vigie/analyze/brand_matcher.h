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
// Thread-safety: immutable once built; Match() may run on many threads.
// Lifetime: a movable value; pointers from Find() and brands() stay valid
// while it lives.
#pragma once

#include <cstddef>
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

  std::vector<Brand> brands_;
  // First word of a phrase → the phrases starting with it.
  std::unordered_map<std::string, std::vector<Phrase>, Hash, std::equal_to<>>
      by_first_word_;
};

}  // namespace vigie
