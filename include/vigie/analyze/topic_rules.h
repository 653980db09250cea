// TopicRules: regex rules that tag a mention with topics (fraud, hygiene,
// delivery, ...), all matched in one pass with an RE2::Set.
//
// File format (TOML), one table per rule:
//   [[rule]]
//   name = "fraud-fr"            # unique
//   topic = "fraud"              # lower-case letters, digits, '-', '_'
//   severity = "high"            # low | medium | high
//   pattern = '\barnaque'        # RE2 syntax
// Patterns run on FOLDED text (FoldText: lower case, accents removed), so
// write "arnaque", not "Arnaqué"; a pattern holding a letter that folding
// would change (é, ß) is rejected. Patterns are compiled case-insensitive.
// Every key is checked; errors read "path:line:col: message".
//
// Thread-safety: immutable once built; Match() may run on many threads.
// Lifetime: move-only; pointers returned by MatchRules() and rules() stay
// valid while this object lives (moving it keeps them valid too).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/diagnostic.h"
#include "vigie/core/result.h"

namespace vigie {

/// One rule: a pattern that tags matching text with `topic`.
struct TopicRule {
  std::string name;      ///< unique within the file
  std::string topic;     ///< the tag it adds, e.g. "data-breach"
  std::string severity;  ///< "low", "medium" or "high"
  std::string pattern;   ///< RE2 pattern over folded text
  SourcePos pos;         ///< where its [[rule]] table starts
};

/// A compiled set of topic rules.
class TopicRules {
 public:
  /// Builds an empty set that matches nothing.
  TopicRules();
  /// Frees the compiled patterns.
  ~TopicRules();
  /// Takes over `other`'s rules and compiled patterns.
  TopicRules(TopicRules&& other) noexcept;
  /// Takes over `other`'s rules and compiled patterns.
  TopicRules& operator=(TopicRules&& other) noexcept;

  /// Parses TOML `text`; `path` only names the file in errors.
  static Result<TopicRules> Parse(std::string_view path, std::string_view text);
  /// Reads the file at `path` and parses it. NotFound when it does not exist.
  static Result<TopicRules> Load(const std::string& path);

  /// The distinct topics of the rules matching `folded_text` (already
  /// folded with FoldText), in rule order. One pass over the text.
  std::vector<std::string> Match(std::string_view folded_text) const;
  /// The rules matching `folded_text`, in rule order.
  std::vector<const TopicRule*> MatchRules(std::string_view folded_text) const;
  /// Every rule, in file order.
  const std::vector<TopicRule>& rules() const noexcept { return rules_; }

 private:
  struct Compiled;  // the RE2::Set, plus one RE2 per rule as a fallback

  std::vector<int> MatchIndices(std::string_view folded_text) const;

  std::vector<TopicRule> rules_;
  std::unique_ptr<const Compiled> compiled_;  // null when there are no rules
};

}  // namespace vigie
