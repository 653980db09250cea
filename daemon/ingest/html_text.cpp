#include "vigie/ingest/html_text.h"

#include <array>
#include <cstdint>
#include <utility>

#include "vigie/core/text_fold.h"

namespace vigie {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

// Names of U+00A0..U+00FF, in code point order.
constexpr std::array<std::string_view, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar",
    "sect",   "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",
    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
    "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",
    "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute",
    "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",
    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute",
    "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
    "ucirc",  "uuml",   "yacute", "thorn",  "yuml",
};

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

constexpr NamedEntity kOtherEntities[] = {
    {"quot", 0x22},     {"QUOT", 0x22},     {"amp", 0x26},
    {"AMP", 0x26},      {"apos", 0x27},     {"lt", 0x3C},
    {"LT", 0x3C},       {"gt", 0x3E},       {"GT", 0x3E},
    {"COPY", 0xA9},     {"REG", 0xAE},      {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},
    {"Yuml", 0x178},    {"fnof", 0x192},    {"circ", 0x2C6},
    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},
    {"lrm", 0x200E},    {"rlm", 0x200F},    {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},
    {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"dagger", 0x2020}, {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030},
    {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"oline", 0x203E},  {"frasl", 0x2044},
    {"euro", 0x20AC},   {"trade", 0x2122},  {"larr", 0x2190},
    {"uarr", 0x2191},   {"rarr", 0x2192},   {"darr", 0x2193},
    {"harr", 0x2194},   {"minus", 0x2212},  {"hearts", 0x2665},
    {"NBSP", 0xA0},
};

// HTML5 reads references to U+0080..U+009F as Windows-1252 bytes.
constexpr std::array<char32_t, 32> kWindows1252 = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

constexpr std::size_t kMaxEntityName = 32;

char32_t LookupEntity(std::string_view name) {
  for (std::size_t i = 0; i < kLatin1Names.size(); ++i) {
    if (kLatin1Names[i] == name) return static_cast<char32_t>(0xA0 + i);
  }
  for (const NamedEntity& e : kOtherEntities) {
    if (e.name == name) return e.code_point;
  }
  return 0;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
char AsciiLower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
}
int HexValue(char c) {
  if (IsAsciiDigit(c)) return c - '0';
  const char l = AsciiLower(c);
  if (l >= 'a' && l <= 'f') return l - 'a' + 10;
  return -1;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "p",       "br",      "div",     "li",      "h1",      "h2",
      "h3",      "h4",      "h5",      "h6",      "tr",      "td",
      "th",      "ul",      "ol",      "dl",      "dt",      "dd",
      "table",   "thead",   "tbody",   "tfoot",   "caption", "blockquote",
      "pre",     "hr",      "img",     "section", "article", "header",
      "footer",  "nav",     "aside",   "main",    "figure",  "figcaption",
      "address", "details", "summary", "body",
  };
  for (std::string_view tag : kBlock) {
    if (EqualsIgnoreCase(name, tag)) return true;
  }
  return false;
}

bool IsSkippedTag(std::string_view name) {
  return EqualsIgnoreCase(name, "script") || EqualsIgnoreCase(name, "style") ||
         EqualsIgnoreCase(name, "noscript");
}

// Single left-to-right pass over the input; every position is looked at a
// bounded number of times, so the whole is linear.
class Extractor {
 public:
  explicit Extractor(std::string_view in) : in_(in) {}

  std::string Run() {
    out_.reserve(in_.size());
    while (pos_ < in_.size()) {
      const char c = in_[pos_];
      if (c == '<') {
        OnLessThan();
      } else if (c == '&') {
        OnAmpersand();
      } else {
        out_.push_back(c);
        ++pos_;
      }
    }
    return std::move(out_);
  }

 private:
  char At(std::size_t i) const { return i < in_.size() ? in_[i] : '\0'; }
  bool StartsWithAt(std::size_t i, std::string_view s) const {
    return in_.substr(i, s.size()) == s;
  }

  // Position of the first '>' at or after `from`, or npos. `from` never
  // decreases between calls, so the cached answer keeps the total scan
  // linear even for "<a<a<a..." without any '>'.
  std::size_t FindGreater(std::size_t from) {
    if (no_more_greater_) return std::string_view::npos;
    if (greater_cache_ != std::string_view::npos && greater_cache_ >= from) {
      return greater_cache_;
    }
    greater_cache_ = in_.find('>', from);
    if (greater_cache_ == std::string_view::npos) no_more_greater_ = true;
    return greater_cache_;
  }

  void EmitLiteralLessThan() {
    out_.push_back('<');
    ++pos_;
  }

  void OnLessThan() {
    const char next = At(pos_ + 1);
    if (next == '!') {
      if (StartsWithAt(pos_, "<!--")) {
        const std::size_t end = in_.find("-->", pos_ + 4);
        pos_ = end == std::string_view::npos ? in_.size() : end + 3;
        return;
      }
      if (StartsWithAt(pos_, "<![CDATA[")) {
        const std::size_t start = pos_ + 9;
        const std::size_t end = in_.find("]]>", start);
        if (end == std::string_view::npos) {
          out_.append(in_.substr(start));
          pos_ = in_.size();
        } else {
          out_.append(in_.substr(start, end - start));
          pos_ = end + 3;
        }
        return;
      }
      SkipToGreater();
      return;
    }
    if (next == '?') {
      SkipToGreater();
      return;
    }
    const bool closing = next == '/';
    const std::size_t name_start = pos_ + (closing ? 2 : 1);
    if (!IsAsciiAlpha(At(name_start))) {
      EmitLiteralLessThan();
      return;
    }
    const std::size_t gt = FindGreater(pos_);
    if (gt == std::string_view::npos) {
      EmitLiteralLessThan();
      return;
    }
    std::size_t name_end = name_start;
    while (name_end < gt && IsAsciiAlnum(in_[name_end])) ++name_end;
    const std::string_view name = in_.substr(name_start, name_end - name_start);
    if (IsBlockTag(name)) out_.push_back(' ');
    pos_ = gt + 1;
    const bool self_closing = in_[gt - 1] == '/';
    if (!closing && !self_closing && IsSkippedTag(name)) SkipRawText(name);
  }

  void SkipToGreater() {
    const std::size_t gt = FindGreater(pos_);
    if (gt == std::string_view::npos) {
      EmitLiteralLessThan();
    } else {
      pos_ = gt + 1;
    }
  }

  // Drops everything up to and including "</name...>", or to the end.
  void SkipRawText(std::string_view name) {
    std::size_t from = pos_;
    while (true) {
      const std::size_t close = in_.find("</", from);
      if (close == std::string_view::npos) {
        pos_ = in_.size();
        return;
      }
      const std::size_t after = close + 2 + name.size();
      if (EqualsIgnoreCase(in_.substr(close + 2, name.size()), name) &&
          !IsAsciiAlnum(At(after))) {
        const std::size_t gt = FindGreater(close);
        pos_ = gt == std::string_view::npos ? in_.size() : gt + 1;
        return;
      }
      from = close + 2;
    }
  }

  void OnAmpersand() {
    if (At(pos_ + 1) == '#') {
      OnNumericReference();
      return;
    }
    std::size_t end = pos_ + 1;
    while (end < in_.size() && end - pos_ <= kMaxEntityName &&
           IsAsciiAlnum(in_[end])) {
      ++end;
    }
    if (At(end) == ';' && end > pos_ + 1) {
      const char32_t cp = LookupEntity(in_.substr(pos_ + 1, end - pos_ - 1));
      if (cp != 0) {
        AppendUtf8(out_, cp);
        pos_ = end + 1;
        return;
      }
    }
    out_.push_back('&');
    ++pos_;
  }

  void OnNumericReference() {
    std::size_t i = pos_ + 2;
    const bool hex = At(i) == 'x' || At(i) == 'X';
    if (hex) ++i;
    const std::size_t digits_start = i;
    std::uint32_t value = 0;
    bool too_big = false;
    while (i < in_.size()) {
      const int d =
          hex ? HexValue(in_[i]) : (IsAsciiDigit(in_[i]) ? in_[i] - '0' : -1);
      if (d < 0) break;
      if (!too_big) {
        value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
        if (value > 0x10FFFF) too_big = true;
      }
      ++i;
    }
    if (i == digits_start) {
      out_.push_back('&');
      ++pos_;
      return;
    }
    if (At(i) == ';') ++i;
    pos_ = i;
    char32_t cp = value;
    if (too_big || value == 0 || (value >= 0xD800 && value <= 0xDFFF)) {
      cp = kReplacement;
    } else if (value >= 0x80 && value <= 0x9F) {
      cp = kWindows1252[value - 0x80];
      if (cp == 0) cp = kReplacement;
    }
    AppendUtf8(out_, cp);
  }

  std::string_view in_;
  std::size_t pos_ = 0;
  std::string out_;
  std::size_t greater_cache_ = std::string_view::npos;
  bool no_more_greater_ = false;
};

// Byte length of the whitespace character at `s[i]` (ASCII whitespace and
// controls, no-break and other Unicode spaces), or 0.
std::size_t WhitespaceLength(std::string_view s, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 <= 0x20 || b0 == 0x7F) return 1;
  if (b0 < 0xC2 || i + 1 >= s.size()) return 0;
  const auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b0 == 0xC2) return (b1 == 0xA0 || b1 == 0x85) ? 2 : 0;
  if (i + 2 >= s.size()) return 0;
  const auto b2 = static_cast<unsigned char>(s[i + 2]);
  if (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) return 3;  // U+1680
  if (b0 == 0xE2 && b1 == 0x80 &&
      ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) {
    return 3;  // U+2000..U+200A, U+2028, U+2029, U+202F
  }
  if (b0 == 0xE2 && b1 == 0x81 && b2 == 0x9F) return 3;  // U+205F
  if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return 3;  // U+3000
  return 0;
}

std::string CollapseWhitespace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t ws = WhitespaceLength(s, i);
    if (ws > 0) {
      pending_space = true;
      i += ws;
      continue;
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(s[i]);
    ++i;
  }
  return out;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  return CollapseWhitespace(SanitizeUtf8(Extractor(html).Run()));
}

}  // namespace vigie
