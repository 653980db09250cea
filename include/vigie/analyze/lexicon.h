// Lexicon: a sentiment word list mapping folded terms to a valence on VADER's
// scale (-4 very negative .. +4 very positive).
//
// The file format is TSV, one `term<TAB>valence` per line; further
// tab-separated columns are ignored, lines whose first non-blank character is
// `#` are comments and blank lines are skipped. A term may have up to three
// words separated by spaces ("fed up", "pas terrible"). Terms are stored
// folded (FoldText: lower case, no accents) with `’` written as `'`, so
// "Déçu" and "DECU" name the same entry.
//
// Thread-safety: immutable once built; share it freely across threads.
// Lifetime: a plain value; a Scorer keeps a reference, so the Lexicon must
// outlive it.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vigie/core/result.h"

namespace vigie {

/// A folded term → valence table, loaded from a TSV rule file.
class Lexicon {
 public:
  /// The most words a term may have.
  static constexpr int kMaxWords = 3;
  /// The lowest valence a term may have.
  static constexpr double kMinValence = -4.0;
  /// The highest valence a term may have.
  static constexpr double kMaxValence = 4.0;

  /// Builds an empty lexicon.
  Lexicon() = default;

  /// Parses TSV `text`; `path` only names the file in errors, which read
  /// "path:line:col: message" (missing TAB, empty term, too many words,
  /// non-numeric or out-of-range valence, duplicate term, invalid UTF-8).
  static Result<Lexicon> Parse(std::string_view path, std::string_view text);
  /// Reads the file at `path` and parses it. NotFound when it does not exist.
  static Result<Lexicon> Load(const std::string& path);

  /// The valence of `folded` (a folded term, words joined by one space), or
  /// nothing. Does not copy `folded`.
  std::optional<double> Find(std::string_view folded) const;
  /// The number of terms.
  std::size_t size() const noexcept { return entries_.size(); }
  /// The largest number of words in any term (0 when empty).
  int max_words() const noexcept { return max_words_; }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };

  std::unordered_map<std::string, double, Hash, std::equal_to<>> entries_;
  int max_words_ = 0;
};

}  // namespace vigie
