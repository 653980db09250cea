#include "vigie/analyze/topic_rules.h"

#include <re2/re2.h>
#include <re2/set.h>
#include <toml++/toml.h>
#include <utf8proc.h>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyze/folded_regex.h"
#include "vigie/analyze/sponsorship.h"
#include "vigie/core/log.h"
#include "vigie/core/read_file.h"
#include "vigie/core/text_fold.h"
#include "vigie/core/toml_fields.h"

namespace vigie {

namespace {

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

// True when a rule for `rule_language` applies to a mention in `language`.
bool LanguageApplies(std::string_view rule_language,
                     std::string_view language) {
  return rule_language.empty() || language.empty() || language == "und" ||
         rule_language == language;
}

}  // namespace

std::string FoldedPatternError(std::string_view pattern) {
  if (const std::string_view letter = FirstFoldableLetter(pattern);
      !letter.empty()) {
    return "pattern contains '" + std::string(letter) +
           "', which folded text never holds; write '" + FoldText(letter) +
           "' (patterns see lower-case text without accents)";
  }
  const RE2 re(pattern, FoldedRegexOptions());
  if (!re.ok()) return "bad pattern: " + re.error();
  return {};
}

// Topic rules, then the detector's promo patterns, then its disclosure
// patterns, all in one set.
struct TopicRules::Compiled {
  Compiled() : set(FoldedRegexOptions(), RE2::UNANCHORED) {}

  // Adds `pattern`; false (with `error` set) when RE2 rejects it.
  bool Add(const std::string& pattern, std::string* error) {
    auto single = std::make_unique<const RE2>(pattern, FoldedRegexOptions());
    if (!single->ok()) {
      *error = "bad pattern: " + single->error();
      return false;
    }
    if (set.Add(pattern, error) < 0) {
      *error = "bad pattern: " + *error;
      return false;
    }
    singles.push_back(std::move(single));
    return true;
  }

  RE2::Set set;
  std::vector<std::unique_ptr<const RE2>> singles;  // same order as the set
  std::unique_ptr<const SponsorshipDetector> sponsorship;
  int promo_begin = 0;       // index of the first promo pattern
  int disclosure_begin = 0;  // index of the first disclosure pattern
};

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
    if (key.str() != "rule" && key.str() != "sponsorship") {
      return error(key.source(),
                   "unknown key '" + std::string(key.str()) +
                       "' (expected [[rule]] tables and a [sponsorship] "
                       "table)");
    }
  }
  TopicRules out;
  auto compiled = std::make_unique<Compiled>();
  std::unordered_map<std::string, int> name_lines;

  const toml::array* array = nullptr;
  if (const toml::node* rule_node = root.get("rule")) {
    array = rule_node->as_array();
    if (array == nullptr) {
      return error(rule_node->source(),
                   "'rule' must be an array of tables ([[rule]])");
    }
  }
  const std::size_t rule_count = array ? array->size() : 0;
  for (std::size_t r = 0; r < rule_count; ++r) {
    const toml::node& element = (*array)[r];
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
      if (key.str() == "weight") {
        double weight = 0;
        if (const auto* f = value.as_floating_point()) {
          weight = f->get();
        } else if (const auto* i = value.as_integer()) {
          weight = static_cast<double>(i->get());
        } else {
          return error(value.source(), "'weight' must be a number");
        }
        if (!std::isfinite(weight) || weight < -4.0 || weight > 4.0) {
          std::ostringstream msg;
          msg << "weight must be between -4 and 4, not " << weight;
          return error(value.source(), msg.str());
        }
        rule.weight = weight;
        continue;
      }
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
      } else if (key.str() == "language") {
        field = &rule.language;
      } else {
        return error(key.source(),
                     "unknown key '" + std::string(key.str()) +
                         "' in [[rule]] (expected name, topic, severity, "
                         "pattern, weight, language)");
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
      if (key.str() == "language" && *field != "fr" && *field != "en" &&
          *field != "de") {
        return error(value.source(),
                     "language must be fr, en or de, not '" + *field + "'");
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
    if (std::string bad = FoldedPatternError(rule.pattern); !bad.empty()) {
      return error(pattern_node->source(), bad);
    }
    std::string set_error;
    if (!compiled->Add(rule.pattern, &set_error)) {
      return error(pattern_node->source(), set_error);
    }
    out.rules_.push_back(std::move(rule));
  }

  compiled->promo_begin = static_cast<int>(out.rules_.size());
  compiled->disclosure_begin = compiled->promo_begin;
  if (const toml::node* node = root.get("sponsorship")) {
    const toml::table* table = node->as_table();
    if (table == nullptr) {
      return error(node->source(),
                   "'sponsorship' must be a table ([sponsorship])");
    }
    auto detector = SponsorshipDetector::FromToml(path, text, *table);
    if (!detector.ok()) return detector.status();
    const SponsorshipDetector& d = *detector;
    if (name_lines.contains(d.rule().name)) {
      return FileError(path, text, d.rule().pos,
                       "[sponsorship] name '" + d.rule().name +
                           "' is already a rule name (first at line " +
                           std::to_string(name_lines[d.rule().name]) + ")");
    }
    std::string set_error;
    // not_promo patterns follow the disclosure ones: any of them vetoes.
    for (const auto* list : {&d.promo(), &d.disclosure(), &d.not_promo()}) {
      if (list == &d.disclosure()) {
        compiled->disclosure_begin = static_cast<int>(compiled->singles.size());
      }
      for (const SponsorshipPattern& p : *list) {
        if (!compiled->Add(p.pattern, &set_error)) {
          return FileError(path, text, p.pos, set_error);
        }
      }
    }
    compiled->sponsorship = std::make_unique<const SponsorshipDetector>(
        std::move(detector).value());
  }
  if (compiled->singles.empty()) return out;
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

const SponsorshipDetector* TopicRules::sponsorship() const noexcept {
  return compiled_ ? compiled_->sponsorship.get() : nullptr;
}

std::vector<int> TopicRules::MatchIndices(std::string_view folded_text) const {
  std::vector<int> hits;
  if (!compiled_) return hits;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  // Most texts hit nothing. Without an output vector the set stops at the
  // first match and allocates nothing (about a third faster on short
  // texts); only texts with a hit pay for the full pass that lists every
  // match.
  if (!compiled_->set.Match(folded_text, nullptr, &info) &&
      info.kind == RE2::Set::kNoError) {
    return hits;
  }
  if (!compiled_->set.Match(folded_text, &hits, &info) &&
      info.kind != RE2::Set::kNoError) {
    // The set's DFA gave up (out of memory): match pattern by pattern
    // instead, which RE2 runs without the DFA when it has to.
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

std::vector<std::string> TopicRules::Match(std::string_view folded_text,
                                           std::string_view language) const {
  std::vector<std::string> topics;
  for (const TopicRule* rule : MatchRules(folded_text, language)) {
    if (std::find(topics.begin(), topics.end(), rule->topic) == topics.end()) {
      topics.push_back(rule->topic);
    }
  }
  return topics;
}

std::vector<const TopicRule*> TopicRules::MatchRules(
    std::string_view folded_text, std::string_view language) const {
  std::vector<const TopicRule*> matched;
  bool promo = false;
  bool disclosure = false;
  for (int i : MatchIndices(folded_text)) {
    if (i >= compiled_->disclosure_begin) {
      disclosure = true;
    } else if (i >= compiled_->promo_begin) {
      promo = true;
    } else if (const TopicRule& rule = rules_[static_cast<std::size_t>(i)];
               LanguageApplies(rule.language, language)) {
      matched.push_back(&rule);
    }
  }
  if (promo && !disclosure) matched.push_back(&compiled_->sponsorship->rule());
  return matched;
}

}  // namespace vigie
