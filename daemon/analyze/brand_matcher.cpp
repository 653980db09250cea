#include "vigie/analyze/brand_matcher.h"

#include <toml++/toml.h>
#include <utf8proc.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vigie/core/diagnostic.h"
#include "vigie/core/load_bytes.h"
#include "vigie/core/read_file.h"
#include "vigie/core/text_fold.h"
#include "vigie/core/toml_fields.h"

namespace vigie {

namespace {

// Characters that may separate the words of one phrase.
bool IsSoftSeparator(utf8proc_int32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '-' ||
         cp == '_' || cp == '\'' || cp == 0x2019 || cp == 0x2010 ||
         cp == 0x2011 || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

struct TextWord {
  std::string_view text;
  std::string_view gap;  // the bytes between the previous word and this one
};

// What a byte says about the word characters (IsWordCodepoint()) of UTF-8
// text: an ASCII byte is one (letters and digits) or not; a non-ASCII byte
// must be decoded.
enum ByteClass : std::uint8_t { kNotWord = 0, kWord = 1, kDecode = 2 };

constexpr std::array<std::uint8_t, 256> kByteClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 0; c < 256; ++c) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9');
    classes[static_cast<std::size_t>(c)] = c >= 0x80 ? kDecode
                                           : alnum   ? kWord
                                                     : kNotWord;
  }
  return classes;
}();

// True when the non-ASCII code point at `at` of `s` is a word character;
// sets `len` to its byte length (1 for an invalid byte, which is none).
bool DecodedWordCharAt(std::string_view s, std::size_t at, std::size_t& len) {
  utf8proc_int32_t cp = -1;
  const utf8proc_ssize_t n =
      utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + at,
                       static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
  len = 1;
  if (n <= 0) return false;
  len = static_cast<std::size_t>(n);
  return IsWordCodepoint(cp);
}

// The first word of `s` (a run of IsWordCodepoint() code points) at or after
// byte `at`, as [begin, end); false when there is none.
bool NextWord(std::string_view s, std::size_t at, std::size_t& begin,
              std::size_t& end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t len = 0;
  for (;;) {
    while (at < n && kByteClasses[p[at]] == kNotWord) ++at;
    if (at == n) return false;
    if (kByteClasses[p[at]] == kWord) {
      len = 1;
      break;
    }
    if (DecodedWordCharAt(s, at, len)) break;
    at += len;
  }
  begin = at;
  at += len;
  for (;;) {
    while (at < n && kByteClasses[p[at]] == kWord) ++at;
    if (at == n || kByteClasses[p[at]] == kNotWord) break;
    if (!DecodedWordCharAt(s, at, len)) break;
    at += len;
  }
  end = at;
  return true;
}

// True when every byte of `s` is ASCII.
bool IsAscii(std::string_view s) {
  std::size_t i = 0;
  std::uint64_t high = 0;
  for (; i + 8 <= s.size(); i += 8) {
    high |= LoadBytes8(s.data() + i);
  }
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]);
  return (high & 0x8080808080808080ull) == 0;
}

// The words of `s`, each with the gap before it.
std::vector<TextWord> SplitWords(std::string_view s) {
  std::vector<TextWord> words;
  std::size_t at = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  while (NextWord(s, at, begin, end)) {
    words.push_back({s.substr(begin, end - begin), s.substr(at, begin - at)});
    at = end;
  }
  return words;
}

// The characters of `gap` that are not soft separators ("&" in " & "); an
// invalid byte counts as hard.
std::string HardChars(std::string_view gap) {
  std::string hard;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(gap.data());
  std::size_t at = 0;
  while (at < gap.size()) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(
        p + at, static_cast<utf8proc_ssize_t>(gap.size() - at), &cp);
    if (n <= 0) n = 1;
    if (cp < 0 || !IsSoftSeparator(cp)) {
      hard.append(gap.substr(at, static_cast<std::size_t>(n)));
    }
    at += static_cast<std::size_t>(n);
  }
  return hard;
}

// True when HardChars(gap) is empty or equals `expected`, without
// allocating.
bool GapAllows(std::string_view gap, std::string_view expected) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(gap.data());
  std::size_t at = 0;
  std::size_t matched = 0;  // bytes of `expected` matched so far
  bool hard = false;
  bool same = true;
  while (at < gap.size()) {
    std::size_t n = 1;
    bool soft;
    if (p[at] < 0x80) {
      const char c = static_cast<char>(p[at]);
      soft = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' ||
             c == '_' || c == '\'';
    } else {
      utf8proc_int32_t cp = -1;
      const utf8proc_ssize_t len = utf8proc_iterate(
          p + at, static_cast<utf8proc_ssize_t>(gap.size() - at), &cp);
      if (len > 0) n = static_cast<std::size_t>(len);
      soft = cp >= 0 && IsSoftSeparator(cp);
    }
    if (!soft) {
      hard = true;
      same = same && matched + n <= expected.size() &&
             std::memcmp(expected.data() + matched, gap.data() + at, n) == 0;
      matched += n;
    }
    at += n;
  }
  return !hard || (same && matched == expected.size());
}

// FoldText with runs of white space collapsed to one space and trimmed.
std::string FoldPhrase(std::string_view phrase) {
  const std::string folded = FoldText(phrase);
  std::string out;
  bool space = false;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

Result<BrandMatcher> BrandMatcher::Parse(std::string_view path,
                                         std::string_view text) {
  auto error = [&](const toml::source_region& where, const std::string& msg) {
    return FileError(path, text, TomlPos(text, where.begin), msg);
  };
  auto parsed = ParseToml(path, text);
  if (!parsed.ok()) return parsed.status();
  const toml::table& root = *parsed;
  for (auto&& [key, node] : root) {
    if (key.str() != "brand") {
      return error(key.source(), "unknown key '" + std::string(key.str()) +
                                     "' (expected [[brand]] tables)");
    }
  }
  BrandMatcher out;
  const toml::node* brand_node = root.get("brand");
  if (brand_node == nullptr) return out;
  const toml::array* array = brand_node->as_array();
  if (array == nullptr) {
    return error(brand_node->source(),
                 "'brand' must be an array of tables ([[brand]])");
  }

  // Folds each string of `node` (an array of strings) into `out_phrases`.
  auto fold_phrases = [&](const toml::node& node, std::string_view key,
                          bool allow_empty,
                          std::vector<std::string>& out_phrases) -> Status {
    const toml::array* list = node.as_array();
    if (list == nullptr) {
      return error(node.source(),
                   "'" + std::string(key) + "' must be an array of strings");
    }
    if (list->empty() && !allow_empty) {
      return error(node.source(),
                   "'" + std::string(key) + "' must not be empty");
    }
    for (const toml::node& item : *list) {
      const auto* str = item.as_string();
      if (str == nullptr) {
        return error(item.source(),
                     "'" + std::string(key) + "' must hold only strings");
      }
      std::string phrase = FoldPhrase(str->get());
      if (SplitWords(phrase).empty()) {
        return error(item.source(),
                     "'" + str->get() + "' has no letters or digits");
      }
      out_phrases.push_back(std::move(phrase));
    }
    return Status::Ok();
  };

  std::unordered_map<std::string, int> name_lines;
  for (const toml::node& element : *array) {
    const toml::table* table = element.as_table();
    if (table == nullptr) {
      return error(element.source(), "each 'brand' must be a table");
    }
    Brand brand;
    const toml::node* name_node = nullptr;
    bool has_keywords = false;
    for (auto&& [key, value] : *table) {
      if (key.str() == "name" || key.str() == "language") {
        const auto* str = value.as_string();
        if (str == nullptr) {
          return error(value.source(),
                       "'" + std::string(key.str()) + "' must be a string");
        }
        if (key.str() == "name") {
          name_node = &value;
          brand.name = str->get();
          if (brand.name.empty()) {
            return error(value.source(), "'name' must not be empty");
          }
        } else {
          brand.language = str->get();
          if (brand.language != "fr" && brand.language != "en" &&
              !brand.language.empty()) {
            return error(value.source(),
                         "language must be \"fr\", \"en\" or \"\", not '" +
                             brand.language + "'");
          }
        }
      } else if (key.str() == "keywords") {
        has_keywords = true;
        Status s = fold_phrases(value, "keywords", false, brand.keywords);
        if (!s.ok()) return s;
      } else if (key.str() == "alerts_per_week") {
        const std::optional<double> v = value.value<double>();
        if (!v || !(*v >= 1e-3 && *v <= 10000.0)) {
          return error(value.source(),
                       "'alerts_per_week' must be a number from 0.001 to "
                       "10000");
        }
        brand.alerts_per_week = *v;
      } else if (key.str() == "timezone") {
        const auto* str = value.as_string();
        if (str == nullptr) {
          return error(value.source(), "'timezone' must be a string");
        }
        auto zone = TimeZone::Load(str->get());
        if (!zone.ok()) return error(value.source(), zone.status().message());
        brand.zone = std::make_shared<const TimeZone>(std::move(*zone));
      } else if (key.str() == "exclude") {
        Status s = fold_phrases(value, "exclude", true, brand.exclude);
        if (!s.ok()) return s;
      } else {
        return error(key.source(),
                     "unknown key '" + std::string(key.str()) +
                         "' in [[brand]] (expected name, keywords, exclude, "
                         "language, alerts_per_week, timezone)");
      }
    }
    if (name_node == nullptr) {
      return error(table->source(), "[[brand]] is missing 'name'");
    }
    if (!has_keywords) {
      return error(table->source(), "[[brand]] is missing 'keywords'");
    }
    const auto [seen, fresh] = name_lines.emplace(
        brand.name, TomlPos(text, table->source().begin).line);
    if (!fresh) {
      return error(name_node->source(), "duplicate brand name '" + brand.name +
                                            "' (first at line " +
                                            std::to_string(seen->second) + ")");
    }
    out.brands_.push_back(std::move(brand));
  }

  for (std::size_t b = 0; b < out.brands_.size(); ++b) {
    const Brand& brand = out.brands_[b];
    for (bool exclude : {false, true}) {
      for (const std::string& phrase :
           exclude ? brand.exclude : brand.keywords) {
        Phrase entry;
        entry.brand = b;
        entry.exclude = exclude;
        for (const TextWord& w : SplitWords(phrase)) {
          entry.words.emplace_back(w.text);
          entry.hard_gaps.push_back(HardChars(w.gap));
        }
        std::string first = entry.words.front();
        out.first_bytes_[static_cast<unsigned char>(first[0])] = true;
        out.first_word_bits_[FirstWordBit(first) >> 6] |=
            std::uint64_t{1} << (FirstWordBit(first) & 63);
        out.by_first_word_[std::move(first)].push_back(std::move(entry));
      }
    }
  }
  return out;
}

Result<BrandMatcher> BrandMatcher::Load(const std::string& path) {
  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return text.status();
  return Parse(path, *text);
}

std::vector<std::string> BrandMatcher::Match(
    std::string_view folded_text) const {
  std::vector<std::string> names;
  if (brands_.empty()) return names;
  // Per-thread scratch, reused so that matching does not allocate once warm.
  thread_local std::vector<std::uint8_t> state;  // by brand: kFound | kExcluded
  constexpr std::uint8_t kFound = 1;
  constexpr std::uint8_t kExcluded = 2;
  bool any = false;
  // Checks the phrases that start with the word [begin, end).
  auto check = [&](std::size_t begin, std::size_t end) {
    const std::string_view word = folded_text.substr(begin, end - begin);
    if (!MayStartPhrase(word)) return;
    const auto it = by_first_word_.find(word);
    if (it == by_first_word_.end()) return;
    if (!any) state.assign(brands_.size(), 0);
    any = true;
    for (const Phrase& phrase : it->second) {
      const std::uint8_t bit = phrase.exclude ? kExcluded : kFound;
      if (state[phrase.brand] & bit) continue;
      bool match = true;
      std::size_t next = end;
      for (std::size_t k = 1; k < phrase.words.size() && match; ++k) {
        std::size_t b = 0;
        std::size_t e = 0;
        match =
            NextWord(folded_text, next, b, e) &&
            folded_text.substr(b, e - b) == phrase.words[k] &&
            GapAllows(folded_text.substr(next, b - next), phrase.hard_gaps[k]);
        next = e;
      }
      if (match) state[phrase.brand] |= bit;
    }
  };
  const auto* p = reinterpret_cast<const unsigned char*>(folded_text.data());
  const std::size_t n = folded_text.size();
  if (IsAscii(folded_text)) {
    // Every byte is a character: a word starts at a letter or digit after
    // none, and only one whose first byte starts some phrase is read.
    for (std::size_t i = 0; i < n; ++i) {
      if (!first_bytes_[p[i]] || (i > 0 && kByteClasses[p[i - 1]] == kWord)) {
        continue;
      }
      if (kByteClasses[p[i]] != kWord) continue;
      std::size_t end = i + 1;
      while (end < n && kByteClasses[p[end]] == kWord) ++end;
      check(i, end);
      i = end;
    }
  } else {
    // One pass over the words; the words after one that may start a phrase
    // are read again only to check that phrase.
    std::size_t at = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
    while (NextWord(folded_text, at, begin, end)) {
      at = end;
      check(begin, end);
    }
  }
  if (!any) return names;
  for (std::size_t b = 0; b < brands_.size(); ++b) {
    if (state[b] == kFound) names.push_back(brands_[b].name);
  }
  return names;
}

void BrandMatcher::AppendKeywords(const std::vector<std::string>& names,
                                  std::vector<std::string_view>& out) const {
  for (const std::string& name : names) {
    if (const Brand* b = Find(name); b != nullptr) {
      out.insert(out.end(), b->keywords.begin(), b->keywords.end());
    }
  }
}

const Brand* BrandMatcher::Find(std::string_view name) const {
  for (const Brand& brand : brands_) {
    if (brand.name == name) return &brand;
  }
  return nullptr;
}

}  // namespace vigie
