#include "vigie/analyze/topic_rules.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <toml++/toml.h>
#include <utf8proc.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <utility>
#include <vector>

#include "vigie/core/log.h"
#include "vigie/core/text_fold.h"

namespace vigie {

struct TopicRules::Compiled {
  explicit Compiled(const RE2::Options& options)
      : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<std::unique_ptr<const RE2>> singles;
};

namespace {

Result<std::string> ReadWholeFile(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    const int err = errno;
    if (err == ENOENT)
      return Status::NotFound("cannot read " + path, "no such file");
    return Status::IOError("cannot read " + path, std::strerror(err));
  }
  std::string out;
  char buf[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed) return Status::IOError("cannot read " + path, "read error");
  return out;
}

// toml++ 3.3 trips an assertion (abort in debug builds, undefined behaviour
// under clang's __builtin_assume otherwise) on two malformed inputs instead of
// throwing parse_error: a table header whose name starts with a character
// that cannot start a key ("[#", "[=", "[[["; fixed upstream by tomlplusplus
// PR #301) and a '}' where an array expects a value ("[1, }"). This scan
// finds both before toml++ sees the text; it follows strings, comments and
// brackets just enough to tell headers and array slots apart.
struct TomlTrap {
  std::size_t offset = std::string_view::npos;
  const char* message = "";
};

bool IsTomlKeyStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '"' ||
         c == '\'';
}

// Returns the offset just past the string starting at `i`.
std::size_t SkipTomlString(std::string_view t, std::size_t i) {
  const char quote = t[i];
  auto triple = [&](std::size_t at) {
    return at + 2 < t.size() && t[at] == quote && t[at + 1] == quote &&
           t[at + 2] == quote;
  };
  const bool multi_line = triple(i);
  std::size_t j = i + (multi_line ? 3 : 1);
  while (j < t.size()) {
    if (quote == '"' && t[j] == '\\') {
      j += 2;
      continue;
    }
    if (!multi_line && (t[j] == quote || t[j] == '\n')) return j + 1;
    if (multi_line && triple(j)) {
      j += 3;
      // Up to two quotes right before the closing ones belong to the string.
      for (int extra = 0; extra < 2 && j < t.size() && t[j] == quote; ++extra) {
        ++j;
      }
      return j;
    }
    ++j;
  }
  return j;
}

TomlTrap FindTomlTrap(std::string_view t) {
  std::vector<char> open;  // '[' and '{' of values, innermost last
  bool line_start = true;
  bool array_slot = false;  // right after '[' or ',' inside an array
  std::size_t i = 0;
  while (i < t.size()) {
    const char c = t[i];
    if (c == '\n') {
      line_start = true;
      ++i;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    if (open.empty() && line_start && c == '[') {
      std::size_t j = i + 1;
      auto skip_blanks = [&] {
        while (j < t.size() && (t[j] == ' ' || t[j] == '\t')) ++j;
      };
      skip_blanks();
      // "[ [" is reported by toml++ itself; "[[" opens an array of tables.
      const bool spaced_bracket = j != i + 1 && j < t.size() && t[j] == '[';
      if (j == i + 1 && j < t.size() && t[j] == '[') {
        ++j;
        skip_blanks();
      }
      if (!spaced_bracket && j < t.size() && t[j] != ']' &&
          !IsTomlKeyStart(t[j])) {
        return {j, "expected a table name after '['"};
      }
      while (i < t.size() && t[i] != '\n') ++i;
      continue;
    }
    line_start = false;
    if (c == '"' || c == '\'') {
      i = SkipTomlString(t, i);
      array_slot = false;
      continue;
    }
    const bool in_array = !open.empty() && open.back() == '[';
    if (c == '}' && in_array && array_slot) {
      return {i, "expected a value or ']', saw '}'"};
    }
    switch (c) {
      case '[':
      case '{':
        open.push_back(c);
        array_slot = c == '[';
        break;
      case ']':
      case '}':
        if (!open.empty() && open.back() == (c == ']' ? '[' : '{')) {
          open.pop_back();
        }
        array_slot = false;
        break;
      case ',':
        array_slot = in_array;
        break;
      default:
        array_slot = false;
    }
    ++i;
  }
  return {};
}

// The position of byte `offset` of `text`.
SourcePos PosOfOffset(std::string_view text, std::size_t offset) {
  SourcePos pos{1, 1};
  for (std::size_t k = 0; k < offset && k < text.size(); ++k) {
    if (text[k] == '\n') {
      ++pos.line;
      pos.column = 1;
    } else {
      ++pos.column;
    }
  }
  return pos;
}

// toml++ counts columns in code points; diagnostics count bytes.
SourcePos ToSourcePos(std::string_view text, const toml::source_position& p) {
  if (p.line == 0) return SourcePos{};
  std::size_t start = 0;
  for (toml::source_index line = 1; line < p.line; ++line) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos)
      return SourcePos{static_cast<int>(p.line), 1};
    start = nl + 1;
  }
  std::size_t at = start;
  for (toml::source_index col = 1;
       col < p.column && at < text.size() && text[at] != '\n'; ++col) {
    ++at;
    while (at < text.size() &&
           (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
      ++at;
    }
  }
  return SourcePos{static_cast<int>(p.line), static_cast<int>(at - start) + 1};
}

bool IsTopicName(std::string_view topic) {
  return !topic.empty() && std::all_of(topic.begin(), topic.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

// The first non-ASCII character of `pattern` that folding would change ("é",
// "ß"), or an empty view.
std::string_view FirstFoldableLetter(std::string_view pattern) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(pattern.data());
  std::size_t at = 0;
  while (at < pattern.size()) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(
        p + at, static_cast<utf8proc_ssize_t>(pattern.size() - at), &cp);
    if (n <= 0) return {};
    const std::string_view ch = pattern.substr(at, static_cast<std::size_t>(n));
    if (cp >= 0x80 && FoldText(ch) != ch) return ch;
    at += static_cast<std::size_t>(n);
  }
  return {};
}

}  // namespace

TopicRules::TopicRules() = default;
TopicRules::~TopicRules() = default;
TopicRules::TopicRules(TopicRules&&) noexcept = default;
TopicRules& TopicRules::operator=(TopicRules&&) noexcept = default;

Result<TopicRules> TopicRules::Parse(std::string_view path,
                                     std::string_view text) {
  auto error = [&](const toml::source_region& where, const std::string& msg) {
    return FileError(path, text, ToSourcePos(text, where.begin), msg);
  };
  if (const TomlTrap trap = FindTomlTrap(text);
      trap.offset != std::string_view::npos) {
    return FileError(path, text, PosOfOffset(text, trap.offset), trap.message);
  }
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    return error(e.source(), std::string(e.description()));
  }

  for (auto&& [key, node] : root) {
    if (key.str() != "rule") {
      return error(key.source(), "unknown key '" + std::string(key.str()) +
                                     "' (expected [[rule]] tables)");
    }
  }
  TopicRules out;
  const toml::node* rule_node = root.get("rule");
  if (rule_node == nullptr) return out;
  const toml::array* array = rule_node->as_array();
  if (array == nullptr) {
    return error(rule_node->source(),
                 "'rule' must be an array of tables ([[rule]])");
  }

  RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(false);
  auto compiled = std::make_unique<Compiled>(options);
  std::unordered_map<std::string, int> name_lines;

  for (const toml::node& element : *array) {
    const toml::table* table = element.as_table();
    if (table == nullptr) {
      return error(element.source(), "each 'rule' must be a table");
    }
    TopicRule rule;
    rule.pos = ToSourcePos(text, table->source().begin);
    const toml::node* pattern_node = nullptr;
    const toml::node* name_node = nullptr;
    bool has_topic = false;
    bool has_severity = false;
    for (auto&& [key, value] : *table) {
      std::string* field = nullptr;
      if (key.str() == "name") {
        field = &rule.name;
        name_node = &value;
      } else if (key.str() == "topic") {
        field = &rule.topic;
        has_topic = true;
      } else if (key.str() == "severity") {
        field = &rule.severity;
        has_severity = true;
      } else if (key.str() == "pattern") {
        field = &rule.pattern;
        pattern_node = &value;
      } else {
        return error(key.source(),
                     "unknown key '" + std::string(key.str()) +
                         "' in [[rule]] (expected name, topic, severity, "
                         "pattern)");
      }
      const auto* str = value.as_string();
      if (str == nullptr) {
        return error(value.source(),
                     "'" + std::string(key.str()) + "' must be a string");
      }
      *field = str->get();
      if (field->empty()) {
        return error(value.source(),
                     "'" + std::string(key.str()) + "' must not be empty");
      }
      if (key.str() == "topic" && !IsTopicName(*field)) {
        return error(
            value.source(),
            "topic '" + *field + "' must use only a-z, 0-9, '-' and '_'");
      }
      if (key.str() == "severity" && *field != "low" && *field != "medium" &&
          *field != "high") {
        return error(
            value.source(),
            "severity must be low, medium or high, not '" + *field + "'");
      }
    }
    for (const auto& [present, key] :
         {std::pair{name_node != nullptr, "name"},
          std::pair{has_topic, "topic"}, std::pair{has_severity, "severity"},
          std::pair{pattern_node != nullptr, "pattern"}}) {
      if (!present) {
        return error(table->source(),
                     std::string("[[rule]] is missing '") + key + "'");
      }
    }
    const auto [seen, fresh] = name_lines.emplace(rule.name, rule.pos.line);
    if (!fresh) {
      return error(name_node->source(), "duplicate rule name '" + rule.name +
                                            "' (first at line " +
                                            std::to_string(seen->second) + ")");
    }
    if (const std::string_view letter = FirstFoldableLetter(rule.pattern);
        !letter.empty()) {
      return error(pattern_node->source(),
                   "pattern contains '" + std::string(letter) +
                       "', which folded text never holds; write '" +
                       FoldText(letter) +
                       "' (patterns see lower-case text "
                       "without accents)");
    }
    auto single = std::make_unique<const RE2>(rule.pattern, options);
    if (!single->ok()) {
      return error(pattern_node->source(), "bad pattern: " + single->error());
    }
    std::string set_error;
    if (compiled->set.Add(rule.pattern, &set_error) < 0) {
      return error(pattern_node->source(), "bad pattern: " + set_error);
    }
    compiled->singles.push_back(std::move(single));
    out.rules_.push_back(std::move(rule));
  }
  if (out.rules_.empty()) return out;
  if (!compiled->set.Compile()) {
    return FileError(path, text, SourcePos{},
                     "the rules' patterns are too large to compile together");
  }
  out.compiled_ = std::move(compiled);
  return out;
}

Result<TopicRules> TopicRules::Load(const std::string& path) {
  Result<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  return Parse(path, *text);
}

std::vector<int> TopicRules::MatchIndices(std::string_view folded_text) const {
  std::vector<int> hits;
  if (!compiled_) return hits;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!compiled_->set.Match(folded_text, &hits, &info) &&
      info.kind != RE2::Set::kNoError) {
    // The set's DFA gave up (out of memory): match rule by rule instead,
    // which RE2 runs without the DFA when it has to.
    log::Debug("analyze") << "topic rule set could not match in one pass; "
                             "matching rule by rule";
    hits.clear();
    for (std::size_t i = 0; i < compiled_->singles.size(); ++i) {
      if (RE2::PartialMatch(folded_text, *compiled_->singles[i])) {
        hits.push_back(static_cast<int>(i));
      }
    }
  }
  std::sort(hits.begin(), hits.end());
  return hits;
}

std::vector<std::string> TopicRules::Match(std::string_view folded_text) const {
  std::vector<std::string> topics;
  for (int i : MatchIndices(folded_text)) {
    const std::string& topic = rules_[static_cast<std::size_t>(i)].topic;
    if (std::find(topics.begin(), topics.end(), topic) == topics.end()) {
      topics.push_back(topic);
    }
  }
  return topics;
}

std::vector<const TopicRule*> TopicRules::MatchRules(
    std::string_view folded_text) const {
  std::vector<const TopicRule*> matched;
  for (int i : MatchIndices(folded_text)) {
    matched.push_back(&rules_[static_cast<std::size_t>(i)]);
  }
  return matched;
}

}  // namespace vigie
