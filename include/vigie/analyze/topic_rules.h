// TopicRules: regex rules that tag a mention with topics (fraud, hygiene,
// delivery, ...), all matched in one pass with an RE2::Set, plus the
// undisclosed-sponsorship check (sponsorship.h), whose patterns join the same
// set.
//
// File format (TOML), one table per rule:
//   [[rule]]
//   name = "fraud-fr"            # unique
//   topic = "fraud"              # lower-case letters, digits, '-', '_'
//   severity = "high"            # low | medium | high
//   pattern = '\barnaque'        # RE2 syntax
//   weight = -1.5                # optional, in [-4, 4]
//   language = "fr"              # optional: fr | en | de
// and at most one [sponsorship] table (see sponsorship.h).
// Patterns run on FOLDED text (FoldText: lower case, accents removed), so
// write "arnaque", not "Arnaqué"; a pattern holding a letter that folding
// would change (é, ß) is rejected. Patterns are compiled case-insensitive.
// `weight` is in lexicon valence units (the scale of rules/lexicons/*.tsv):
// the analyzer adds it once to the sentiment sum of a mention the rule hits,
// before normalisation. `language` restricts a rule to mentions identified
// as that language; mentions whose language is unknown get every rule.
// Every key is checked; errors read "path:line:col: message".
//
// Thread-safety: immutable once built; Match() may run on many threads.
// Lifetime: move-only; pointers returned by MatchRules(), rules() and
// sponsorship() stay valid while this object lives (moving it keeps them
// valid too).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/diagnostic.h"
#include "vigie/core/result.h"

namespace vigie {

class SponsorshipDetector;

/// One rule: a pattern that tags matching text with `topic`.
struct TopicRule {
  std::string name;              ///< unique within the file
  std::string topic;             ///< the tag it adds, e.g. "data-breach"
  std::string severity;          ///< "low", "medium" or "high"
  std::string pattern;           ///< RE2 pattern over folded text
  std::optional<double> weight;  ///< added to the sentiment sum when it hits
  std::string language;          ///< "fr", "en", "de" or "" for every language
  SourcePos pos;                 ///< where its [[rule]] table starts
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
  /// folded with FoldText), in rule order, then the sponsorship topic when
  /// the text is undisclosed sponsorship. `language` is the mention's
  /// language ("fr", "en", "de"); "" or "und" lets every rule run.
  /// One pass of the set over a text that matches nothing (most texts);
  /// one that matches is scanned again to list every match.
  std::vector<std::string> Match(std::string_view folded_text,
                                 std::string_view language = {}) const;
  /// The rules matching `folded_text`, in rule order, then
  /// sponsorship()->rule() when the sponsorship check fires. `language` as
  /// for Match(); passes as for Match().
  std::vector<const TopicRule*> MatchRules(
      std::string_view folded_text, std::string_view language = {}) const;
  /// Every [[rule]], in file order.
  const std::vector<TopicRule>& rules() const noexcept { return rules_; }
  /// The [sponsorship] table's detector, or nullptr when the file has none.
  const SponsorshipDetector* sponsorship() const noexcept;

 private:
  struct Compiled;  // the RE2::Set, one RE2 per pattern, the detector

  std::vector<int> MatchIndices(std::string_view folded_text) const;

  std::vector<TopicRule> rules_;
  std::unique_ptr<const Compiled> compiled_;  // null when nothing to match
};

/// Checks a pattern meant for folded text: "" when RE2 accepts it and it
/// holds no letter that folding would change, else the message to report at
/// the pattern ("bad pattern: ...", "pattern contains 'é', ...").
std::string FoldedPatternError(std::string_view pattern);

}  // namespace vigie
