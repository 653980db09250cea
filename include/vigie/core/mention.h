// Mention: one thing someone said about a brand, as it flows down the pipeline.
//
// Ingest fills the source fields; analyze fills the analysis fields; the store
// assigns `id`. A Mention is a plain value: copy it freely, share it only
// read-only across threads. All text fields are valid UTF-8.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigie/core/clock.h"

namespace vigie {

/// Sentiment label. The numbers are stored in SQLite: frozen.
enum class Label : int {
  kNegative = -1,
  kNeutral = 0,
  kPositive = 1,
};

/// "negative", "neutral" or "positive".
std::string_view LabelName(Label label) noexcept;

/// A mention of one or more brands, with its analysis.
struct Mention {
  // --- filled by ingest ---
  std::string source;       ///< configured source name
  std::string external_id;  ///< id within the source (guid, atom:id or link)
  std::string url;          ///< link to the original, may be empty
  std::string author;       ///< may be empty
  std::string title;        ///< plain text, may be empty
  std::string text;         ///< plain text: HTML stripped, entities decoded
  TimePoint published{};    ///< when the author published it (UTC)
  TimePoint fetched{};      ///< when vigie fetched it (UTC)
  std::optional<double> rating;  ///< review stars, when the source has them
  std::optional<std::int64_t> reach;  ///< audience or engagement, when known

  // --- filled by analyze ---
  std::string language;               ///< "fr", "en", ... or "und"
  std::vector<std::string> brands;    ///< names of the brands it matched
  double compound = 0.0;              ///< sentiment in [-1, 1]
  Label label = Label::kNeutral;      ///< label from `compound` and thresholds
  std::vector<std::string> topics;    ///< topic tags from the regex rules
  std::int64_t rule_set_version = 0;  ///< version of the rules that scored it

  // --- filled by store ---
  std::int64_t id = 0;  ///< row id once stored, 0 before
};

}  // namespace vigie
