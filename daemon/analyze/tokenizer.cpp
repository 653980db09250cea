#include "vigie/analyze/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "vigie/analyze/term_fold.h"
#include "vigie/core/load_bytes.h"
#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

constexpr std::size_t kMaxEmoticon = 8;

struct Elision {
  std::string_view prefix;
  bool is_n;
};

constexpr Elision kElisions[] = {
    {"l", false},     {"d", false},     {"j", false},      {"m", false},
    {"n", true},      {"s", false},     {"t", false},      {"c", false},
    {"qu", false},    {"jusqu", false}, {"lorsqu", false}, {"puisqu", false},
    {"quoiqu", false}};

bool IsApostrophe(utf8proc_int32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

bool IsDoubleQuote(utf8proc_int32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
         cp == 0xAB || cp == 0xBB;
}

bool IsSpace(utf8proc_int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0 ||
         cp == 0xA0 || cp == 0x202F || cp < 0;
}

// The Token::boundary_before bits that `cp` sets.
std::uint8_t BoundaryOf(utf8proc_int32_t cp) {
  constexpr std::uint8_t kStop = kClauseBoundary | kSentenceStop;
  if (cp == '.' || cp == '!' || cp == 0x2026) return kStop;
  if (cp == '?') return kStop | kQuestionStop;
  return cp == ',' || cp == ';' || cp == ':' || cp == 0x2014 || cp == 0x2013 ||
                 cp == '(' || cp == ')'
             ? kClauseBoundary
             : 0;
}

bool IsEmoji(utf8proc_int32_t cp) {
  if (cp < 0x2000) return false;
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return false;  // skin tones
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_SO;
}

bool IsGermanLetter(utf8proc_int32_t cp) {
  switch (cp) {
    case 0xE4:
    case 0xF6:
    case 0xFC:
    case 0xDF:
    case 0xC4:
    case 0xD6:
    case 0xDC:
      return true;
    default:
      return false;
  }
}

bool IsFrenchLetter(utf8proc_int32_t cp) {
  switch (cp) {
    case 0xE9:
    case 0xE8:
    case 0xEA:
    case 0xE0:
    case 0xE2:
    case 0xE7:
    case 0xF9:
    case 0xFB:
    case 0xEE:
    case 0xF4:
    case 0xEB:
    case 0xEF:
    case 0x153:
    case 0xC9:
    case 0xC8:
    case 0xC0:
    case 0xC7:
      return true;
    default:
      return false;
  }
}

// Decodes the code point at `at`; `len` gets its byte length (1 for an
// invalid byte, returned as -1).
utf8proc_int32_t Decode(std::string_view s, std::size_t at, std::size_t& len) {
  const auto c = static_cast<unsigned char>(s[at]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  utf8proc_int32_t cp = -1;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + at,
                       static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
  len = n > 0 ? static_cast<std::size_t>(n) : 1;
  return n > 0 ? cp : -1;
}

// `out.folded` written as a raw buffer: sized ahead, its first size() bytes
// used; Finish() cuts it to them. Saves std::string's per-append checks.
class FoldedWriter {
 public:
  // Starts writing `folded` from empty, room made for `expected` bytes.
  FoldedWriter(std::string& folded, std::size_t expected) : s_(folded) {
    s_.clear();
    s_.resize(expected + kSlack);
    p_ = s_.data();
    capacity_ = s_.size();
  }
  std::size_t size() const { return len_; }
  // Room for `n` more bytes at the end (at least kSlack more, for 8-byte
  // stores); returns where they start.
  char* Room(std::size_t n) {
    if (len_ + n + kSlack > capacity_) {
      s_.resize(std::max(2 * capacity_, len_ + n + kSlack));
      p_ = s_.data();
      capacity_ = s_.size();
    }
    return p_ + len_;
  }
  void Advance(std::size_t n) { len_ += n; }
  void Append(std::string_view bytes) {
    std::memcpy(Room(bytes.size()), bytes.data(), bytes.size());
    len_ += bytes.size();
  }
  void Push(char c) {
    *Room(1) = c;
    ++len_;
  }
  // Writes the space that ends a token. REQUIRES: the token's last bytes
  // were written through Room(), which left kSlack bytes past them.
  void EndToken() { p_[len_++] = ' '; }
  void Truncate(std::size_t n) { len_ = n; }
  // The key of the bytes written from `from` on: kSlack bytes are readable
  // past them, so their head needs no bounds test.
  TokenKey KeyFrom(std::size_t from) const {
    static_assert(kSlack >= 16, "PaddedHeadOf() reads 16 bytes");
    TokenKey key;
    key.head = PaddedHeadOf(p_ + from, len_ - from);
    key.hash = HashTerm(From(from), key.head);
    return key;
  }
  // The bytes written from `from` on.
  std::string_view From(std::size_t from) const {
    return std::string_view(p_ + from, len_ - from);
  }
  void Finish() { s_.resize(len_); }

  static constexpr std::size_t kSlack = 16;

 private:
  std::string& s_;
  char* p_ = nullptr;
  std::size_t len_ = 0;
  std::size_t capacity_ = 0;  // s_.size()
};

// Appends code point `cp` folded as FoldTerm() folds it (case folded,
// compatibility-decomposed, marks stripped; ä ö ü written ae oe ue, œ æ
// written oe ae).
void AppendFolded(utf8proc_int32_t cp, FoldedWriter& out) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    out.Push((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    return;
  }
  if (IsApostrophe(cp)) {
    out.Push('\'');
    return;
  }
  if (const char vowel = UmlautVowel(cp); vowel != 0) {
    out.Push(vowel);
    out.Push('e');
    return;
  }
  if (const char* pair = LigaturePair(cp); pair != nullptr) {
    out.Push(pair[0]);
    out.Push(pair[1]);
    return;
  }
  utf8proc_int32_t buf[8];
  int last_boundclass = 0;
  const utf8proc_ssize_t n = utf8proc_decompose_char(
      cp, buf, 8,
      static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK),
      &last_boundclass);
  if (n <= 0 || n > 8) return;
  char* at = out.Room(4 * static_cast<std::size_t>(n));
  std::size_t written = 0;
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    const utf8proc_ssize_t m = utf8proc_encode_char(
        buf[i], reinterpret_cast<utf8proc_uint8_t*>(at + written));
    written += static_cast<std::size_t>(m);
  }
  out.Advance(written);
}

// SWAR over 8 text bytes loaded little-endian: a mask holds 0x80 in each
// byte that has the property.
constexpr std::uint64_t kOnes = 0x0101010101010101ull;
constexpr std::uint64_t kHighBits = 0x8080808080808080ull;

// For `x` with every byte's high bit set: the bytes whose low 7 bits are at
// least `lo` (no borrow crosses bytes).
constexpr std::uint64_t AtLeast(std::uint64_t x, unsigned lo) {
  return (x - lo * kOnes) & kHighBits;
}

struct AsciiAlnum {
  std::uint64_t alnum;  // ASCII letters and digits
  std::uint64_t upper;  // A-Z
  std::uint64_t lower;  // a-z
};

constexpr AsciiAlnum ClassifyBytes(std::uint64_t v) {
  const std::uint64_t ascii = ~v & kHighBits;
  const std::uint64_t x = v | kHighBits;
  const std::uint64_t digit = AtLeast(x, '0') & ~AtLeast(x, '9' + 1);
  // With bit 5 set, A-Z read as a-z, and no other byte does.
  const std::uint64_t caseless = x | (0x20 * kOnes);
  const std::uint64_t letter =
      AtLeast(caseless, 'a') & ~AtLeast(caseless, 'z' + 1) & ascii;
  const std::uint64_t bit5 = (v << 2) & kHighBits;  // set for a-z
  return {(digit & ascii) | letter, letter & ~bit5, letter & bit5};
}

static_assert(ClassifyBytes(0x00'7B'60'5B'40'5A'41'7A).alnum ==
              0x00'00'00'00'00'80'80'80);
static_assert(ClassifyBytes(0x00'7B'60'5B'40'5A'41'7A).upper ==
              0x00'00'00'00'00'80'80'00);
static_assert(ClassifyBytes(0xC3'A9'3A'2F'39'30'61'41).lower ==
              0x00'00'00'00'00'00'80'00);
static_assert(ClassifyBytes(0xC3'A9'3A'2F'39'30'61'41).alnum ==
              0x00'00'00'00'80'80'80'80);

// The number of bytes set in mask `m` (only high bits set).
constexpr int CountBytes(std::uint64_t m) {
  return static_cast<int>(((m >> 7) * kOnes) >> 56);
}

static_assert(std::endian::native == std::endian::little,
              "the SWAR scan assumes little-endian loads");

constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[static_cast<std::size_t>(c)] = (c >= 'a' && c <= 'z') ||
                                         (c >= 'A' && c <= 'Z') ||
                                         (c >= '0' && c <= '9');
  }
  return table;
}();

bool IsAsciiAlnum(char c) { return kAsciiAlnum[static_cast<unsigned char>(c)]; }

bool IsElision(std::string_view folded_word, bool& is_n) {
  for (const Elision& e : kElisions) {
    if (e.prefix == folded_word) {
      is_n = e.is_n;
      return true;
    }
  }
  return false;
}

// Whether emoticon `term` is mostly something else in text: a digit beside
// a bracket ("(8 hours later)", "size 8)", a list's "8)") or a time
// ("0:03").
bool IsNumberMarkup(std::string_view term) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  auto bracket = [](char c) { return c == '(' || c == ')'; };
  if (term.size() == 2 && ((digit(term[0]) && bracket(term[1])) ||
                           (bracket(term[0]) && digit(term[1])))) {
    return true;
  }
  const std::size_t colon = term.find(':');
  if (colon == 0 || colon == std::string_view::npos ||
      term.size() - colon != 3) {
    return false;
  }
  for (std::size_t i = 0; i < term.size(); ++i) {
    if (i != colon && !digit(term[i])) return false;
  }
  return true;
}

// The end of the user name that the '@' at `at` starts: ASCII letters,
// digits and '_', and dots between them; `at` + 1 when none follows.
std::size_t MentionEnd(std::string_view text, std::size_t at) {
  std::size_t end = at + 1;
  while (end < text.size()) {
    const char c = text[end];
    if (IsAsciiAlnum(c) || c == '_') {
      ++end;
    } else if (c == '.' && end > at + 1 && end + 1 < text.size() &&
               (IsAsciiAlnum(text[end + 1]) || text[end + 1] == '_')) {
      ++end;
    } else {
      break;
    }
  }
  return end;
}

// The chunk at `at` up to the next space, when it may be an emoticon.
std::string_view EmoticonCandidate(std::string_view text, std::size_t at) {
  std::size_t end = at;
  bool punct = false;
  while (end < text.size() && end - at < kMaxEmoticon) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') break;
    if (c >= 0x80 || c < 0x20) return {};
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
    punct = punct || !alnum;
    ++end;
  }
  const std::size_t size = std::min(end - at, kMaxEmoticon);
  if (!punct || size < 2) return {};
  return text.substr(at, size);
}

// Notes the double quotation mark at `at` in `text` before the token to
// come; the text goes on at `next`. One space either side is skipped.
// Rare, so kept out of the tokenizer's loop.
[[gnu::noinline, gnu::cold]] void NoteQuote(std::string_view text,
                                            std::size_t at, std::size_t next,
                                            TokenizedText& out) {
  if (next < text.size() && text[next] == ' ') ++next;
  if (at > 0 && text[at - 1] == ' ') --at;
  const char before = at > 0 ? text[at - 1] : ' ';
  out.quotes.push_back(
      QuoteMark{static_cast<std::uint32_t>(out.tokens.size()),
                next < text.size() && text[next] >= 'A' && text[next] <= 'Z',
                before == '.' || before == '!' || before == '?'});
}

// The body of Tokenize(): `emoticon(key)` tells whether lower-cased `key`
// is an emoticon, `may_start(a, b)` false when none starts with bytes `a` `b`
// lower-cased; `emoticons` false skips the emoticon candidates; `hook`
// hears of each key.
template <typename IsEmoticon, typename MayStart>
void TokenizeWith(std::string_view text, bool emoticons, IsEmoticon emoticon,
                  MayStart may_start, KeyHook hook, TokenizedText& out) {
  // Keeps the key of the token that ends at folded's end.
  FoldedWriter folded(out.folded, text.size());
  out.tokens.clear();
  out.keys.clear();
  // The hook in locals: the compiler cannot tell that writes to `out` leave
  // a captured struct alone.
  const auto* const row0 = static_cast<const char*>(hook.rows[0]);
  const auto* const row1 = static_cast<const char*>(hook.rows[1]);
  const std::size_t row0_bytes = hook.row_bytes[0];
  const std::size_t row1_bytes = hook.row_bytes[1];
  const std::uint64_t row_mask = hook.mask;
  // Keeps the key of the token that ends where `folded` does. Inlined: a
  // call per token costs more than the work.
  auto add_key = [&](std::size_t begin) __attribute__((always_inline)) {
    const TokenKey& key = out.keys.emplace_back(folded.KeyFrom(begin));
    const std::uint64_t row = key.hash & row_mask;
    if (row0 != nullptr) __builtin_prefetch(row0 + row * row0_bytes);
    if (row1 != nullptr) __builtin_prefetch(row1 + row * row1_bytes);
  };
  out.exclamations = out.questions = 0;
  // Kept in locals while reading (stores through `out` would be redone at
  // each word, as they may alias the vectors' writes), set at the end.
  bool any_lower = false;
  bool any_all_caps = false;
  std::uint64_t ascii_digits = 0;  // 0x80 in each byte of a digit seen
  out.german_letters = out.french_letters = out.elisions = 0;
  out.inner_apostrophes = 0;
  out.any_digit = false;
  out.umlaut_e.clear();
  out.accented.clear();
  out.quotes.clear();

  bool in_word = false;
  bool hashtag_pending = false;  // a '#' right before the next word
  std::uint8_t boundary = 0;
  std::uint8_t after_elision = 0;
  bool at_chunk_start = true;
  int uppers = 0;
  int lowers = 0;  // only whether it is 0 matters
  // Whether the last letter of a hashtag word was lower case (a camel-case
  // split falls before an upper-case letter after it).
  bool prev_lower = false;
  // The word being read, kept in scalars (building a Token field by field
  // on the stack stalls store forwarding).
  std::uint32_t word_begin = 0;
  bool word_hashtag = false;
  std::uint8_t word_boundary = 0;
  std::uint8_t word_after_elision = 0;
  // Whether the word holds a byte beyond ASCII, and then where it starts in
  // `text` (worked out at the first such byte: every byte before it in the
  // word is ASCII, copied one for one).
  bool word_accented = false;
  std::size_t accented_begin = 0;

  // A character between words: '#' marks the next word a hashtag; the rest
  // count as punctuation, clause boundaries and chunk starts.
  auto separator = [&](utf8proc_int32_t c) __attribute__((always_inline)) {
    if (c == '#') {
      hashtag_pending = true;
      return;
    }
    hashtag_pending = false;
    if (c == '!') ++out.exclamations;
    if (c == '?') ++out.questions;
    boundary |= BoundaryOf(c);
    if (IsSpace(c)) at_chunk_start = true;
  };

  // Inlined: as a call, it costs more than its work on a short word.
  auto finish = [&](std::size_t end) __attribute__((always_inline)) {
    if (!in_word) return;
    const auto size = static_cast<std::uint32_t>(folded.size()) - word_begin;
    const bool all_caps = uppers >= 2 && lowers == 0;
    any_all_caps = any_all_caps || all_caps;
    any_lower = any_lower || lowers > 0;
    if (size > 0) {
      Token& t = out.tokens.emplace_back();
      t.begin = word_begin;
      t.size = size;
      t.kind = TokenKind::kWord;
      t.all_caps = all_caps;
      if (uppers == 1) [[unlikely]]
        t.capitalised = lowers > 0;
      t.elision = word_after_elision;
      t.hashtag = word_hashtag;
      t.boundary_before = word_boundary;
      add_key(word_begin);
      folded.EndToken();
    }
    if (word_accented) [[unlikely]] {
      if (size > 0) {
        out.accented.push_back(
            AccentedWord{static_cast<std::uint32_t>(out.tokens.size() - 1),
                         static_cast<std::uint32_t>(accented_begin),
                         static_cast<std::uint32_t>(end - accented_begin)});
      }
      word_accented = false;
    }
    in_word = false;
    uppers = lowers = 0;
    prev_lower = false;
  };
  auto start_word = [&](bool hashtag) {
    word_begin = static_cast<std::uint32_t>(folded.size());
    word_hashtag = hashtag;
    word_boundary = boundary;
    word_after_elision = after_elision;
    boundary = 0;
    after_elision = 0;
    in_word = true;
  };
  // Notes that the word read so far holds a byte beyond ASCII at `text_at`.
  auto mark_accented = [&](std::size_t text_at) {
    if (word_accented) return;
    word_accented = true;
    accented_begin = text_at - (folded.size() - word_begin);
  };

  // Whether `text` has one space at `i` and then an ASCII letter or digit
  // that starts no emoticon candidate (the chunk-start test below).
  auto space_then_plain_word = [&](std::size_t i) {
    return i + 1 < text.size() && text[i] == ' ' && IsAsciiAlnum(text[i + 1]) &&
           (!emoticons || i + 2 == text.size() ||
            !may_start(text[i + 1], text[i + 2]));
  };

  std::size_t at = 0;  // in `text`
  while (at < text.size()) {
    // Skipped when no emoticon starts with the chunk's first two bytes.
    if (at_chunk_start && emoticons &&
        (at + 1 == text.size() || !may_start(text[at], text[at + 1]))) {
      at_chunk_start = false;
    }
    if (at_chunk_start && emoticons) {
      at_chunk_start = false;
      const std::string_view chunk = EmoticonCandidate(text, at);
      char lower[kMaxEmoticon];
      for (std::size_t i = 0; i < chunk.size(); ++i) {
        const char c = chunk[i];
        lower[i] =
            (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
      // The longest known emoticon the chunk starts with (":(." and ":(gibt"
      // start with ":("); a chunk starting with a letter or digit ("xd",
      // "o_o") must be an emoticon whole.
      std::string_view key;
      const auto first =
          chunk.empty() ? 0 : static_cast<unsigned char>(lower[0]);
      const bool alnum_start =
          (first >= 'a' && first <= 'z') || (first >= '0' && first <= '9');
      const std::size_t shortest = alnum_start ? chunk.size() : 2;
      for (std::size_t len = chunk.size(); len >= shortest && len >= 2; --len) {
        if (emoticon(std::string_view(lower, len))) {
          key = std::string_view(lower, len);
          break;
        }
      }
      if (!key.empty()) {
        {
          for (const char ch : key) {
            out.any_digit = out.any_digit || (ch >= '0' && ch <= '9');
          }
          finish(at);
          Token t;
          t.begin = static_cast<std::uint32_t>(folded.size());
          folded.Append(key);
          t.size = static_cast<std::uint32_t>(key.size());
          t.kind = TokenKind::kEmoticon;
          t.boundary_before = boundary | kClauseBoundary;
          boundary = kClauseBoundary;
          out.tokens.push_back(t);
          add_key(t.begin);
          folded.EndToken();
          at += key.size();
          continue;
        }
      }
    }
    // A run of ASCII letters and digits in a word that is no hashtag (where
    // a camel-case split may fall) is copied in one go, lower-cased.
    if (IsAsciiAlnum(text[at]) &&
        (in_word ? !word_hashtag : !hashtag_pending)) {
      if (!in_word) start_word(false);
      // Eight bytes at a time: the run's length, lower-cased copy and
      // letter counts (the bytes past the text read as zeros, which end it).
      const auto* src = reinterpret_cast<const unsigned char*>(text.data());
      for (;;) {
        for (;;) {
          std::uint64_t v = 0;
          if (text.size() - at >= 8) {
            v = LoadBytes8(reinterpret_cast<const char*>(src + at));
          } else {
            for (std::size_t k = 0; at + k < text.size(); ++k) {
              v |= std::uint64_t{src[at + k]} << (8 * k);
            }
          }
          const AsciiAlnum c = ClassifyBytes(v);
          const std::uint64_t stop = ~c.alnum & kHighBits;
          const int run = stop == 0 ? 8 : std::countr_zero(stop) / 8;
          if (run == 0) break;  // the run ended with the previous 8 bytes
          const std::uint64_t keep = run == 8
                                         ? ~std::uint64_t{0}
                                         : (std::uint64_t{1} << (8 * run)) - 1;
          const std::uint64_t lowered = v | ((c.upper & keep) >> 2);
          std::memcpy(folded.Room(8), &lowered, 8);
          folded.Advance(static_cast<std::size_t>(run));
          ascii_digits |= c.alnum & ~(c.upper | c.lower) & keep;
          uppers += CountBytes(c.upper & keep);
          lowers += (c.lower & keep) != 0;
          at += static_cast<std::size_t>(run);
          if (run < 8) break;
        }
        // One space then a plain ASCII word, the most common case, goes on
        // here with what the loop's other branches would do.
        if (!space_then_plain_word(at)) break;
        finish(at);
        ++at;
        start_word(false);
      }
      continue;
    }
    // Other ASCII bytes but the apostrophe end a word without decoding.
    if (const auto c = static_cast<unsigned char>(text[at]);
        c < 0x80 && c != '\'' && !IsAsciiAlnum(text[at])) {
      finish(at);
      if (c == '@' && !in_word) {
        // A user name ("@m_zach", "@HSBC_UK", "@jane.doe") is no word of
        // the text: skipped whole, so "merci @airfrance pour rien" reads
        // as "merci pour rien".
        const std::size_t end = MentionEnd(text, at);
        if (end > at + 1) {
          hashtag_pending = false;
          at = end;
          continue;
        }
      }
      if (c == '"') [[unlikely]]
        NoteQuote(text, at, at + 1, out);
      separator(c);
      ++at;
      continue;
    }
    std::size_t len = 0;
    const utf8proc_int32_t cp = Decode(text, at, len);
    const bool ascii = cp >= 0 && cp < 0x80;
    const bool ascii_upper = ascii && cp >= 'A' && cp <= 'Z';
    const bool ascii_lower = ascii && cp >= 'a' && cp <= 'z';
    const bool word_cp =
        ascii ? ascii_upper || ascii_lower || (cp >= '0' && cp <= '9')
              : cp >= 0 && IsWordCodepoint(cp);
    if (word_cp) {
      const bool upper = ascii ? ascii_upper : utf8proc_isupper(cp);
      if (in_word && upper && prev_lower && word_hashtag) {
        finish(at);
        start_word(true);
      }
      if (!in_word) start_word(hashtag_pending);
      hashtag_pending = false;
      if (upper) {
        ++uppers;
      } else if (ascii ? ascii_lower : utf8proc_islower(cp)) {
        ++lowers;
      }
      prev_lower = !upper;
      out.any_digit = out.any_digit || (cp >= '0' && cp <= '9');
      if (cp >= 0x80) {
        mark_accented(at);
        if (IsGermanLetter(cp)) ++out.german_letters;
        if (IsFrenchLetter(cp)) ++out.french_letters;
        if (UmlautVowel(cp) != 0) {
          out.umlaut_e.push_back(static_cast<std::uint32_t>(folded.size()) + 1);
        }
      }
      AppendFolded(cp, folded);
      at += len;
      continue;
    }
    if (in_word && IsApostrophe(cp) && at + len < text.size()) {
      std::size_t next_len = 0;
      const utf8proc_int32_t next = Decode(text, at + len, next_len);
      if (next >= 0 && IsWordCodepoint(next)) {
        bool is_n = false;
        const std::string_view word = folded.From(word_begin);
        if (IsElision(word, is_n)) {
          const std::uint8_t keep_boundary = word_boundary;
          folded.Truncate(word_begin);
          in_word = false;
          uppers = lowers = 0;
          after_elision = is_n ? kElision | kNegatingElision : kElision;
          ++out.elisions;
          boundary = keep_boundary;
          word_accented = false;
        } else {
          if (cp >= 0x80) mark_accented(at);  // ’ is written '
          folded.Push('\'');
          ++out.inner_apostrophes;
        }
        at += len;
        continue;
      }
    }
    finish(at);
    if (cp >= 0 && IsEmoji(cp)) {
      Token t;
      t.begin = static_cast<std::uint32_t>(folded.size());
      folded.Append(text.substr(at, len));
      t.size = static_cast<std::uint32_t>(len);
      t.kind = TokenKind::kEmoji;
      t.boundary_before = boundary | kClauseBoundary;
      boundary = kClauseBoundary;
      out.tokens.push_back(t);
      add_key(t.begin);
      folded.EndToken();
    } else {
      if (IsDoubleQuote(cp)) [[unlikely]]
        NoteQuote(text, at, at + len, out);
      separator(cp);
    }
    at += len;
  }
  finish(at);
  folded.Finish();
  out.boundary_after = boundary;
  out.any_lower = any_lower;
  out.any_all_caps = any_all_caps;
  out.any_digit = out.any_digit || ascii_digits != 0;
}

}  // namespace

std::string_view TokenizedText::DotlessSpelling(std::size_t i,
                                                std::string& buf) const {
  const Token& t = tokens[i];
  auto e = std::lower_bound(umlaut_e.begin(), umlaut_e.end(), t.begin);
  const std::uint32_t end = t.begin + t.size;
  if (e == umlaut_e.end() || *e >= end) return {};
  buf.clear();
  for (std::uint32_t at = t.begin; at < end; ++at) {
    if (e != umlaut_e.end() && *e == at) {
      ++e;
    } else {
      buf.push_back(folded[at]);
    }
  }
  return buf;
}

EmoticonTable::EmoticonTable(const Lexicon* lexicon) { Add(lexicon); }

void EmoticonTable::Add(const Lexicon* lexicon) {
  if (lexicon == nullptr) return;
  lexicon->ForEach([this](std::string_view term, double) {
    if (term.size() < 2 || term.size() > kMaxEmoticon) return;
    if (IsNumberMarkup(term)) return;
    bool punct = false;
    for (const char ch : term) {
      const auto c = static_cast<unsigned char>(ch);
      if (c <= 0x20 || c >= 0x80 || (c >= 'A' && c <= 'Z')) return;
      punct = punct || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    }
    // Words joined by a hyphen or an apostrophe ("go-to") are split as
    // words, no emoticon.
    if (!punct || WordJoinOf(term, "-'") != std::string_view::npos) return;
    terms_.Insert(term);
    // Every case of the first two bytes, so that MayStart() needs no
    // lower-casing.
    auto cases = [](char c) {
      return std::array<char, 2>{
          c, (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c};
    };
    for (const char a : cases(term[0])) {
      for (const char b : cases(term[1])) {
        const unsigned pair =
            static_cast<unsigned char>(a) << 8 | static_cast<unsigned char>(b);
        starts_[pair >> 6] |= std::uint64_t{1} << (pair & 63);
      }
    }
  });
}

void Tokenize(std::string_view text, const Lexicon* emoticons,
              TokenizedText& out) {
  TokenizeWith(
      text, emoticons != nullptr,
      [emoticons](std::string_view key) {
        return emoticons->Find(key).has_value();
      },
      [](char, char) { return true; }, KeyHook{}, out);
}

void Tokenize(std::string_view text, const EmoticonTable& emoticons,
              TokenizedText& out, KeyHook hook) {
  TokenizeWith(
      text, emoticons.size() > 0,
      [&emoticons](std::string_view key) { return emoticons.Contains(key); },
      [&emoticons](char a, char b) { return emoticons.MayStart(a, b); }, hook,
      out);
}

std::size_t WordJoinOf(std::string_view term, std::string_view joiners) {
  auto word_byte = [](char c) {
    return IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80;
  };
  for (std::size_t i = 2; i + 2 < term.size(); ++i) {
    if (joiners.find(term[i]) != std::string_view::npos &&
        word_byte(term[i - 2]) && word_byte(term[i - 1]) &&
        word_byte(term[i + 1]) && word_byte(term[i + 2])) {
      return i;
    }
  }
  return std::string_view::npos;
}

bool IsElidedWord(std::string_view w) {
  bool is_n = false;
  return IsElision(w, is_n);
}

}  // namespace vigie
