// PhraseStarts: the first words of the multi-word terms of lexicon files,
// so the scorer builds multi-word look-up keys only where a term may start.
//
// Thread-safety: immutable once filled; Contains() may run on many threads.
// Lifetime: a plain value; a Scorer keeps a pointer, so it must outlive it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

namespace vigie {

/// A set of folded words that start some multi-word lexicon term.
class PhraseStarts {
 public:
  /// Adds the first word of every multi-word term of lexicon TSV `text`
  /// (one already accepted by Lexicon::Parse), folded as Lexicon folds
  /// terms. Comment and blank lines are skipped.
  void AddTsv(std::string_view text);
  /// Adds one folded word.
  void Add(std::string_view folded_word);
  /// True when some multi-word term starts with `folded_word`. Does not
  /// copy it.
  bool Contains(std::string_view folded_word) const;
  /// The number of distinct first words.
  std::size_t size() const noexcept { return words_.size(); }

 private:
  // Adds `folded` (FoldTerm or FoldText output) with `’` written as `'`.
  void AddFolded(std::string_view folded);

  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      std::uint64_t h = 1469598103934665603ull;  // FNV-1a: short keys
      for (const char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
      }
      return static_cast<std::size_t>(h);
    }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words_;
};

}  // namespace vigie
