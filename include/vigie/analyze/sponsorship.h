// SponsorshipDetector: flags posts that read as promotional (a discount
// code, "lien en bio", an affiliate link, "offert par", "Rabattcode") but
// carry no disclosure ("#sponsorisé", "#ad", "en partenariat avec", "paid
// partnership", "Werbung") — undisclosed sponsorship, which French, EU and
// UK advertising rules forbid.
//
// It reads the [sponsorship] table of rules/topics.toml:
//   [sponsorship]
//   name = "undisclosed-sponsorship"   # shown in explanations
//   topic = "undisclosed-sponsorship"  # the tag it adds
//   severity = "medium"                # low | medium | high
//   weight = -0.5                      # optional, in [-4, 4], as for rules
//   promo = ['\blien en bio\b', ...]      # at least one
//   disclosure = ['#sponsori[sz]e', ...]  # may be empty
//   not_promo = ['code \w+ (ne marche|...)', ...]  # optional
// A text is undisclosed sponsorship when some `promo` pattern matches and no
// `disclosure` nor `not_promo` pattern does; `not_promo` patterns show a
// customer talking about a code or a link rather than promoting it ("le
// code ne marche pas", "code invalide", "the code doesn't work"). Patterns
// follow the topic-rule conventions (RE2, case-insensitive, over FOLDED text);
// URLs keep their ASCII through folding, so "amzn.to", "?tag=" or "utm_" match
// there too and one pass over the folded text is enough. Errors read
// "path:line:col: message".
//
// TopicRules (topic_rules.h) owns a detector when its file has the table and
// runs these patterns in its own single pass; use the detector directly to
// check a text on its own.
//
// Thread-safety: immutable once built; calls may run on many threads.
// Lifetime: move-only; rule() and the pattern lists stay valid while it
// lives, moves included.
#pragma once

#include <toml++/toml.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/analyze/topic_rules.h"
#include "vigie/core/diagnostic.h"
#include "vigie/core/result.h"

namespace vigie {

/// One promo or disclosure pattern and where the file holds it.
struct SponsorshipPattern {
  std::string pattern;  ///< RE2 over folded text
  SourcePos pos;        ///< position of the string
};

/// The patterns one text matched, for explanations.
struct SponsorshipHits {
  std::vector<const SponsorshipPattern*> promo;       ///< in file order
  std::vector<const SponsorshipPattern*> disclosure;  ///< in file order
  std::vector<const SponsorshipPattern*> not_promo;   ///< in file order
  /// True when the text is undisclosed sponsorship.
  bool undisclosed() const {
    return !promo.empty() && disclosure.empty() && not_promo.empty();
  }
};

/// The undisclosed-sponsorship check.
class SponsorshipDetector {
 public:
  /// Builds a detector that never fires (no promo pattern).
  SponsorshipDetector();
  /// Frees the compiled patterns.
  ~SponsorshipDetector();
  /// Takes over `other`'s patterns.
  SponsorshipDetector(SponsorshipDetector&& other) noexcept;
  /// Takes over `other`'s patterns.
  SponsorshipDetector& operator=(SponsorshipDetector&& other) noexcept;

  /// Reads `table`, the [sponsorship] table of the TOML document `text`
  /// named `path` in errors.
  static Result<SponsorshipDetector> FromToml(std::string_view path,
                                              std::string_view text,
                                              const toml::table& table);
  /// Parses a TOML document holding one [sponsorship] table and nothing
  /// else.
  static Result<SponsorshipDetector> Parse(std::string_view path,
                                           std::string_view text);

  /// True when `folded_text` (already folded with FoldText) matches a promo
  /// pattern and no disclosure pattern. One pass over the text.
  bool IsUndisclosedSponsorship(std::string_view folded_text) const;
  /// Which promo and disclosure patterns `folded_text` matches. One pass;
  /// pointers stay valid while the detector lives.
  SponsorshipHits Explain(std::string_view folded_text) const;

  /// The rule reported when the check fires; its `pattern` is empty.
  const TopicRule& rule() const noexcept { return rule_; }
  /// The promotional patterns, in file order.
  const std::vector<SponsorshipPattern>& promo() const noexcept {
    return promo_;
  }
  /// The disclosure patterns, in file order.
  const std::vector<SponsorshipPattern>& disclosure() const noexcept {
    return disclosure_;
  }
  /// The not_promo patterns, in file order.
  const std::vector<SponsorshipPattern>& not_promo() const noexcept {
    return not_promo_;
  }

 private:
  struct Compiled;  // promo, disclosure, not_promo patterns in one RE2::Set

  TopicRule rule_;
  std::vector<SponsorshipPattern> promo_;
  std::vector<SponsorshipPattern> disclosure_;
  std::vector<SponsorshipPattern> not_promo_;
  std::unique_ptr<const Compiled> compiled_;  // null when never firing
};

}  // namespace vigie
