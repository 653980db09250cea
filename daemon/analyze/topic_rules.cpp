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
#include "vigie/core/read_file.h"
#include "vigie/core/text_fold.h"
#include "vigie/core/toml_fields.h"

namespace vigie {

struct TopicRules::Compiled {
  explicit Compiled(const RE2::Options& options)
      : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<std::unique_ptr<const RE2>> singles;
};

namespace {

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
    return FileError(path, text, TomlPos(text, where.begin), msg);
  };
  auto parsed = ParseToml(path, text);
  if (!parsed.ok()) return parsed.status();
  const toml::table& root = *parsed;

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
    rule.pos = TomlPos(text, table->source().begin);
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
  Result<std::string> text = ReadFile(path);
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
