#include "vigie/analyze/brand_matcher.h"

#include <toml++/toml.h>
#include <utf8proc.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vigie/core/diagnostic.h"
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

std::vector<TextWord> SplitWords(std::string_view s) {
  std::vector<TextWord> words;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  std::size_t at = 0;
  std::size_t start = std::string_view::npos;
  std::size_t gap_start = 0;
  while (at < s.size()) {
    utf8proc_int32_t cp = -1;
    utf8proc_ssize_t n = utf8proc_iterate(
        p + at, static_cast<utf8proc_ssize_t>(s.size() - at), &cp);
    if (n <= 0) {
      n = 1;
      cp = -1;
    }
    if (cp >= 0 && IsWordCodepoint(cp)) {
      if (start == std::string_view::npos) start = at;
    } else if (start != std::string_view::npos) {
      words.push_back({s.substr(start, at - start),
                       s.substr(gap_start, start - gap_start)});
      start = std::string_view::npos;
      gap_start = at;
    }
    at += static_cast<std::size_t>(n);
  }
  if (start != std::string_view::npos) {
    words.push_back({s.substr(start), s.substr(gap_start, start - gap_start)});
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
  std::vector<bool> found(brands_.size(), false);
  std::vector<bool> excluded(brands_.size(), false);
  const std::vector<TextWord> words = SplitWords(folded_text);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto it = by_first_word_.find(words[i].text);
    if (it == by_first_word_.end()) continue;
    for (const Phrase& phrase : it->second) {
      if (phrase.exclude ? excluded[phrase.brand] : found[phrase.brand]) {
        continue;
      }
      if (i + phrase.words.size() > words.size()) continue;
      bool match = true;
      for (std::size_t k = 1; k < phrase.words.size() && match; ++k) {
        const TextWord& w = words[i + k];
        match = w.text == phrase.words[k];
        if (match) {
          const std::string hard = HardChars(w.gap);
          match = hard.empty() || hard == phrase.hard_gaps[k];
        }
      }
      if (!match) continue;
      (phrase.exclude ? excluded : found)[phrase.brand] = true;
    }
  }
  for (std::size_t b = 0; b < brands_.size(); ++b) {
    if (found[b] && !excluded[b]) names.push_back(brands_[b].name);
  }
  return names;
}

const Brand* BrandMatcher::Find(std::string_view name) const {
  for (const Brand& brand : brands_) {
    if (brand.name == name) return &brand;
  }
  return nullptr;
}

}  // namespace vigie
