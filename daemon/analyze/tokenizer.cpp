#include "vigie/analyze/tokenizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstddef>

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

bool IsSpace(utf8proc_int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0 ||
         cp == 0xA0 || cp == 0x202F || cp < 0;
}

bool IsBoundary(utf8proc_int32_t cp) {
  return cp == ',' || cp == ';' || cp == ':' || cp == '.' || cp == '!' ||
         cp == '?' || cp == 0x2014 || cp == 0x2013 || cp == 0x2026 ||
         cp == '(' || cp == ')';
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

// Appends code point `cp` folded (case folded, compatibility-decomposed,
// marks stripped), without allocating beyond `out`'s capacity.
void AppendFolded(utf8proc_int32_t cp, std::string& out) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return;
  }
  if (IsApostrophe(cp)) {
    out += '\'';
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
  for (utf8proc_ssize_t i = 0; i < n; ++i) {
    utf8proc_uint8_t enc[4];
    const utf8proc_ssize_t m = utf8proc_encode_char(buf[i], enc);
    out.append(reinterpret_cast<const char*>(enc), static_cast<std::size_t>(m));
  }
}

bool IsElision(std::string_view folded_word, bool& is_n) {
  for (const Elision& e : kElisions) {
    if (e.prefix == folded_word) {
      is_n = e.is_n;
      return true;
    }
  }
  return false;
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

}  // namespace

void Tokenize(std::string_view text, const Lexicon* emoticons,
              TokenizedText& out) {
  out.folded.clear();
  out.tokens.clear();
  out.exclamations = out.questions = 0;
  out.any_lower = out.any_all_caps = false;
  out.german_letters = out.french_letters = out.elisions = 0;

  bool in_word = false;
  bool hashtag_pending = false;  // a '#' right before the next word
  bool boundary = false;
  bool after_n = false;
  bool at_chunk_start = true;
  int uppers = 0;
  int lowers = 0;
  bool prev_lower = false;
  Token current;

  auto finish = [&] {
    if (!in_word) return;
    current.size =
        static_cast<std::uint32_t>(out.folded.size()) - current.begin;
    current.all_caps = uppers >= 2 && lowers == 0;
    out.any_all_caps = out.any_all_caps || current.all_caps;
    out.any_lower = out.any_lower || lowers > 0;
    if (current.size > 0) out.tokens.push_back(current);
    in_word = false;
    uppers = lowers = 0;
    prev_lower = false;
  };
  auto start_word = [&](bool hashtag) {
    current = Token{};
    current.begin = static_cast<std::uint32_t>(out.folded.size());
    current.kind = TokenKind::kWord;
    current.hashtag = hashtag;
    current.boundary_before = boundary;
    current.after_n_elision = after_n;
    boundary = false;
    after_n = false;
    in_word = true;
  };

  std::size_t at = 0;
  while (at < text.size()) {
    if (at_chunk_start && emoticons != nullptr) {
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
        if (emoticons->Find(std::string_view(lower, len))) {
          key = std::string_view(lower, len);
          break;
        }
      }
      if (!key.empty()) {
        {
          finish();
          Token t;
          t.begin = static_cast<std::uint32_t>(out.folded.size());
          out.folded.append(key);
          t.size = static_cast<std::uint32_t>(key.size());
          t.kind = TokenKind::kEmoticon;
          t.boundary_before = true;
          boundary = true;
          out.tokens.push_back(t);
          at += key.size();
          continue;
        }
      }
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
      if (in_word && upper && prev_lower && current.hashtag) {
        finish();
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
      if (cp >= 0x80) {
        if (IsGermanLetter(cp)) ++out.german_letters;
        if (IsFrenchLetter(cp)) ++out.french_letters;
      }
      AppendFolded(cp, out.folded);
      at += len;
      continue;
    }
    if (in_word && IsApostrophe(cp) && at + len < text.size()) {
      std::size_t next_len = 0;
      const utf8proc_int32_t next = Decode(text, at + len, next_len);
      if (next >= 0 && IsWordCodepoint(next)) {
        bool is_n = false;
        const std::string_view word =
            std::string_view(out.folded).substr(current.begin);
        if (IsElision(word, is_n)) {
          const bool keep_boundary = current.boundary_before;
          out.folded.resize(current.begin);
          in_word = false;
          uppers = lowers = 0;
          after_n = is_n;
          ++out.elisions;
          boundary = keep_boundary;
        } else {
          out.folded += '\'';
        }
        at += len;
        continue;
      }
    }
    finish();
    if (cp >= 0 && IsEmoji(cp)) {
      Token t;
      t.begin = static_cast<std::uint32_t>(out.folded.size());
      out.folded.append(text.substr(at, len));
      t.size = static_cast<std::uint32_t>(len);
      t.kind = TokenKind::kEmoji;
      t.boundary_before = true;
      boundary = true;
      out.tokens.push_back(t);
    } else if (cp == '#') {
      hashtag_pending = true;
    } else {
      hashtag_pending = false;
      if (cp == '!') ++out.exclamations;
      if (cp == '?') ++out.questions;
      if (IsBoundary(cp)) boundary = true;
      if (IsSpace(cp)) at_chunk_start = true;
    }
    at += len;
  }
  finish();
}

}  // namespace vigie
