#include "vigie/analyze/sponsorship.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <utility>

#include "analyze/folded_regex.h"
#include "vigie/core/toml_fields.h"

namespace vigie {

namespace {

// Reads the array of patterns under `key`; `required` rejects a missing or
// empty one.
std::vector<SponsorshipPattern> ReadPatterns(TomlFields& fields,
                                             const toml::table& table,
                                             std::string_view key,
                                             bool required) {
  std::vector<SponsorshipPattern> out;
  const toml::node* node = table.get(key);
  // Strings() checks presence, type and emptiness; positions come from the
  // array's items.
  if (!fields.Strings(key, required, required).has_value()) return out;
  for (const toml::node& item : *node->as_array()) {
    SponsorshipPattern p{item.as_string()->get(), fields.PosOf(item)};
    if (p.pattern.empty()) {
      fields.Fail(p.pos, "a '" + std::string(key) + "' pattern is empty");
      return out;
    }
    if (std::string bad = FoldedPatternError(p.pattern); !bad.empty()) {
      fields.Fail(p.pos, bad);
      return out;
    }
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

struct SponsorshipDetector::Compiled {
  Compiled() : set(FoldedRegexOptions(), RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<std::unique_ptr<const RE2>> singles;  // same order as the set
  int disclosure_begin = 0;  // index of the first disclosure pattern
  int not_promo_begin = 0;   // index of the first not_promo pattern
};

SponsorshipDetector::SponsorshipDetector() = default;
SponsorshipDetector::~SponsorshipDetector() = default;
SponsorshipDetector::SponsorshipDetector(SponsorshipDetector&&) noexcept =
    default;
SponsorshipDetector& SponsorshipDetector::operator=(
    SponsorshipDetector&&) noexcept = default;

Result<SponsorshipDetector> SponsorshipDetector::FromToml(
    std::string_view path, std::string_view text, const toml::table& table) {
  TomlFields fields(path, text, table, "[sponsorship]");
  SponsorshipDetector out;
  out.rule_.pos = fields.PosOf(table);
  if (auto name = fields.String("name", true)) {
    out.rule_.name = *name;
    if (name->empty()) {
      fields.Fail(fields.PosOfKey("name"), "'name' must not be empty");
    }
  }
  if (auto topic = fields.String("topic", true)) {
    out.rule_.topic = *topic;
    if (!IsTopicName(*topic)) {
      fields.Fail(fields.PosOfKey("topic"),
                  "topic '" + *topic + "' must use only a-z, 0-9, '-' and '_'");
    }
  }
  if (auto severity = fields.String("severity", true)) {
    out.rule_.severity = *severity;
    if (*severity != "low" && *severity != "medium" && *severity != "high") {
      fields.Fail(
          fields.PosOfKey("severity"),
          "severity must be low, medium or high, not '" + *severity + "'");
    }
  }
  out.rule_.weight = fields.Number("weight", false, -4.0, 4.0);
  out.promo_ = ReadPatterns(fields, table, "promo", true);
  out.disclosure_ = ReadPatterns(fields, table, "disclosure", false);
  out.not_promo_ = ReadPatterns(fields, table, "not_promo", false);
  if (Status s = fields.Finish(); !s.ok()) return s;

  auto compiled = std::make_unique<Compiled>();
  std::string set_error;
  for (const auto* list : {&out.promo_, &out.disclosure_, &out.not_promo_}) {
    if (list == &out.disclosure_) {
      compiled->disclosure_begin = static_cast<int>(compiled->singles.size());
    }
    if (list == &out.not_promo_) {
      compiled->not_promo_begin = static_cast<int>(compiled->singles.size());
    }
    for (const SponsorshipPattern& p : *list) {
      if (compiled->set.Add(p.pattern, &set_error) < 0) {
        return FileError(path, text, p.pos, "bad pattern: " + set_error);
      }
      compiled->singles.push_back(
          std::make_unique<const RE2>(p.pattern, FoldedRegexOptions()));
    }
  }
  if (!compiled->set.Compile()) {
    return FileError(path, text, out.rule_.pos,
                     "the sponsorship patterns are too large to compile "
                     "together");
  }
  out.compiled_ = std::move(compiled);
  return out;
}

Result<SponsorshipDetector> SponsorshipDetector::Parse(std::string_view path,
                                                       std::string_view text) {
  auto parsed = ParseToml(path, text);
  if (!parsed.ok()) return parsed.status();
  TomlFields root(path, text, *parsed, "the sponsorship file");
  const toml::table* table = root.Table("sponsorship", true);
  if (Status s = root.Finish(); !s.ok()) return s;
  return FromToml(path, text, *table);
}

SponsorshipHits SponsorshipDetector::Explain(
    std::string_view folded_text) const {
  SponsorshipHits out;
  if (!compiled_) return out;
  std::vector<int> hits;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!compiled_->set.Match(folded_text, &hits, &info) &&
      info.kind != RE2::Set::kNoError) {
    // The DFA gave up (out of memory): pattern by pattern, as TopicRules.
    hits.clear();
    for (std::size_t i = 0; i < compiled_->singles.size(); ++i) {
      if (RE2::PartialMatch(folded_text, *compiled_->singles[i])) {
        hits.push_back(static_cast<int>(i));
      }
    }
  }
  std::sort(hits.begin(), hits.end());
  for (int i : hits) {
    if (i < compiled_->disclosure_begin) {
      out.promo.push_back(&promo_[static_cast<std::size_t>(i)]);
    } else if (i >= compiled_->not_promo_begin) {
      out.not_promo.push_back(&not_promo_[static_cast<std::size_t>(
          i - compiled_->not_promo_begin)]);
    } else {
      out.disclosure.push_back(&disclosure_[static_cast<std::size_t>(
          i - compiled_->disclosure_begin)]);
    }
  }
  return out;
}

bool SponsorshipDetector::IsUndisclosedSponsorship(
    std::string_view folded_text) const {
  return Explain(folded_text).undisclosed();
}

}  // namespace vigie
