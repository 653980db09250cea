// Lexicon: a sentiment word list mapping folded terms to a valence on VADER's
// scale (-4 very negative .. +4 very positive).
//
// The file format is TSV, one `term<TAB>valence` per line; further
// tab-separated columns are ignored, lines whose first non-blank character is
// `#` are comments and blank lines are skipped. A term may have up to three
// words separated by spaces ("fed up", "pas terrible"). Terms are stored
// folded (FoldTerm: lower case, no accents, ä ö ü as ae oe ue) with `’`
// written as `'`, so "Déçu" and "DECU" name the same entry. The terms sit in a
// TermTable (one flat open-addressing array, the term bytes in one buffer), so
// Find() costs one hash and usually one probe, without copying or allocating.
//
// Thread-safety: immutable once built; share it freely across threads.
// Lifetime: a plain value; a Scorer keeps a reference, so the Lexicon must
// outlive it, and reads it once when built, so the Lexicon must not change
// while the Scorer lives.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vigie/core/load_bytes.h"
#include "vigie/core/result.h"

namespace vigie {

/// The first 16 bytes of a term, zero-padded, as two little-endian words:
/// two terms of at most 16 bytes and the same size are equal when their
/// heads are.
struct TermHead {
  std::uint64_t lo = 0;  ///< bytes 0 to 7
  std::uint64_t hi = 0;  ///< bytes 8 to 15
  /// Whether both words are equal.
  bool operator==(const TermHead&) const = default;
};

/// The head of `bytes`, reading only its own bytes.
inline TermHead HeadOf(std::string_view bytes) noexcept {
  static_assert(std::endian::native == std::endian::little,
                "term heads are little-endian words");
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  TermHead head;
  if (n >= 16) {
    head.lo = LoadBytes8(p);
    head.hi = LoadBytes8(p + 8);
  } else if (n > 8) {
    head.lo = LoadBytes8(p);
    head.hi = LoadBytes8(p + n - 8) >> (8 * (16 - n));
  } else if (n == 8) {
    head.lo = LoadBytes8(p);
  } else if (n >= 4) {
    head.lo = std::uint64_t{LoadBytes4(p)} |
              std::uint64_t{LoadBytes4(p + n - 4)} << (8 * (n - 4));
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      head.lo |= std::uint64_t{static_cast<unsigned char>(p[i])} << (8 * i);
    }
  }
  return head;
}

/// HeadOf(std::string_view(p, n)) where 16 bytes are readable from `p`
/// (whatever their value past n): two 8-byte loads and two masks, no branch.
inline TermHead PaddedHeadOf(const char* p, std::size_t n) noexcept {
  auto mask = [](std::size_t bytes) {
    return bytes >= 8 ? ~std::uint64_t{0}
                      : (std::uint64_t{1} << (8 * bytes)) - 1;
  };
  // Bytes 8 to 15 come from p + 8 only when there are some: a short term's
  // bytes, often just written by one 8-byte store at `p`, are then read by
  // one 8-byte load at `p` alone, which that store forwards (a 16-byte load
  // across it would wait for the store to reach the cache).
  static constexpr char kZeros[8] = {};
  const char* high = n > 8 ? p + 8 : kZeros;
  TermHead head;
  std::memcpy(&head.lo, p, 8);
  std::memcpy(&head.hi, high, 8);
  head.lo &= mask(n);
  head.hi &= mask(n > 8 ? n - 8 : 0);
  return head;
}

/// A fast 64-bit hash of `bytes` for in-memory tables, given their head
/// (HeadOf(bytes)); not a stable format (never store it). Reads only the
/// bytes past the head, at most 8 at a time; no allocation.
inline std::uint64_t HashTerm(std::string_view bytes,
                              const TermHead& head) noexcept {
  auto mix = [](std::uint64_t x) {
    x ^= x >> 31;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 29;
    return x;
  };
  const std::size_t n = bytes.size();
  std::uint64_t h =
      (head.lo ^ (0x9E3779B97F4A7C15ull * (n + 1))) * 0x94D049BB133111EBull ^
      head.hi * 0xBF58476D1CE4E5B9ull;
  for (std::size_t at = 16; at < n; at += 8) {
    std::uint64_t v;
    if (n - at >= 8) {
      std::memcpy(&v, bytes.data() + at, 8);
    } else {  // the last 1 to 7 bytes, zero-extended
      std::memcpy(&v, bytes.data() + n - 8, 8);
      v >>= 8 * (8 - (n - at));
    }
    h = mix(h ^ v) * 0x94D049BB133111EBull;
  }
  return mix(h);
}

/// HashTerm(bytes, HeadOf(bytes)).
inline std::uint64_t HashTerm(std::string_view bytes) noexcept {
  return HashTerm(bytes, HeadOf(bytes));
}

/// memcmp(a, b, n) == 0, inlined for short strings.
inline bool SameBytes(const char* a, const char* b, std::size_t n) noexcept {
  if (n >= 8) {
    for (std::size_t i = 0; i + 8 < n; i += 8) {
      if (LoadBytes8(a + i) != LoadBytes8(b + i)) return false;
    }
    return LoadBytes8(a + n - 8) == LoadBytes8(b + n - 8);
  }
  if (n >= 4) {
    return LoadBytes4(a) == LoadBytes4(b) &&
           LoadBytes4(a + n - 4) == LoadBytes4(b + n - 4);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

/// A set of distinct byte strings numbered 0, 1, 2, ... in insertion order:
/// one flat open-addressing array probed linearly, the strings back to back
/// in one buffer. Find() hashes once and never allocates or copies.
///
/// Thread-safety: const methods may run on many threads at once; Insert()
/// needs exclusive access.
class TermTable {
 public:
  /// The id Find() returns for an absent term.
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;

  /// The id of `term`, added when new; `inserted` (may be null) tells
  /// which.
  std::uint32_t Insert(std::string_view term, bool* inserted = nullptr);
  /// The id of `term`, or kAbsent.
  std::uint32_t Find(std::string_view term) const noexcept {
    if (slots_.empty()) return kAbsent;
    const std::uint64_t h = HashTerm(term);
    const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32) | 1u;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.tag == 0) return kAbsent;
      if (s.tag == tag && spans_[s.id].size == term.size() &&
          SameBytes(bytes_.data() + spans_[s.id].offset, term.data(),
                    term.size())) {
        return s.id;
      }
    }
  }
  /// Term number `id`. REQUIRES: id < size().
  std::string_view term(std::uint32_t id) const {
    return std::string_view(bytes_).substr(spans_[id].offset, spans_[id].size);
  }
  /// The number of terms.
  std::size_t size() const noexcept { return spans_.size(); }

 private:
  struct Slot {
    std::uint32_t tag = 0;  // 0: empty; else the high hash bits, odd
    std::uint32_t id = 0;
  };
  struct Span {
    std::uint32_t offset;
    std::uint32_t size;
  };

  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<Span> spans_;  // by id
  std::string bytes_;
};

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
  /// Terms are folded with FoldTerm(); a term with an umlaut also gets its
  /// dot-less spelling ("enttauscht" for "enttäuscht"), after the file's own
  /// terms, unless the file has it or it changes a word into a function
  /// word ("schon" for "schön").
  ///
  /// One-word terms that fold alike but are spelled with other accents
  /// ("sale", dirty; "salé", salty; not "schoen" for "schön") are accent
  /// variants of one term, not duplicates: a word typed with accents reads as
  /// the variant spelled the same (AccentSpelling()); a word typed without, or
  /// with accents no variant has, reads as the variant spelled without accents
  /// when there is one, else as the first listed. Find() gives that last
  /// reading.
  static Result<Lexicon> Parse(std::string_view path, std::string_view text);
  /// Reads the file at `path` and parses it. NotFound when it does not exist.
  static Result<Lexicon> Load(const std::string& path);

  /// The valence of `folded` (a folded term, words joined by one space), or
  /// nothing. Does not copy `folded` nor allocate.
  std::optional<double> Find(std::string_view folded) const {
    const std::uint32_t id = terms_.Find(folded);
    if (id == TermTable::kAbsent) return std::nullopt;
    return valences_[id];
  }
  /// Adds `folded` (a folded term, words joined by one space) with
  /// `valence` unless the lexicon has it; true when added.
  /// REQUIRES: `folded` is not empty and has at most kMaxWords words.
  bool AddIfAbsent(std::string_view folded, double valence);
  /// Adds `spelled` (an AccentSpelling()) of the one-word term `folded`
  /// with `valence`, as Parse() adds an accent variant: a new term when
  /// `folded` is absent; a variant when the lexicon has other spellings of
  /// it but not this one. Nothing when the lexicon has `folded` with no
  /// spellings (a term of its own keeps its valence). True when added.
  bool AddSpelling(std::string_view folded, std::string_view spelled,
                   double valence);
  /// Calls `fn(term, spelled, valence)` for every spelling of every term
  /// that has two or more (accent variants), grouped by term, in the order
  /// they were added.
  template <typename Fn>
  void ForEachVariant(Fn&& fn) const {
    for (std::uint32_t id = 0; id < spelled_.size(); ++id) {
      if (spelled_[id].size() < 2) continue;
      for (const auto& [spelling, valence] : spelled_[id]) {
        fn(terms_.term(id), std::string_view(spelling), valence);
      }
    }
  }
  /// Calls `fn(term, spelled, valence)` for every term: its spellings when
  /// it has any (`spelled` an AccentSpelling()), else once with an empty
  /// `spelled`; terms in file order.
  template <typename Fn>
  void ForEachSpelling(Fn&& fn) const {
    for (std::uint32_t id = 0; id < valences_.size(); ++id) {
      if (id < spelled_.size() && !spelled_[id].empty()) {
        for (const auto& [spelling, valence] : spelled_[id]) {
          fn(terms_.term(id), std::string_view(spelling), valence);
        }
      } else {
        fn(terms_.term(id), std::string_view(), valences_[id]);
      }
    }
  }
  /// Calls `fn(term, valence)` for every term, in file order.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (std::uint32_t id = 0; id < valences_.size(); ++id) {
      fn(terms_.term(id), valences_[id]);
    }
  }
  /// The number of terms.
  std::size_t size() const noexcept { return valences_.size(); }
  /// The largest number of words in any term (0 when empty).
  int max_words() const noexcept { return max_words_; }

 private:
  // Records `spelled` of term `id` with `valence` unless it has it; a
  // spelling without accents (equal to the term) sets the term's valence.
  bool AddVariant(std::uint32_t id, std::string_view spelled, double valence);

  TermTable terms_;
  std::vector<double> valences_;  // by term id
  // By term id (shorter when the last terms have none): the spellings of a
  // term with accent variants, or of a form derived from one.
  std::vector<std::vector<std::pair<std::string, double>>> spelled_;
  int max_words_ = 0;
};

}  // namespace vigie
