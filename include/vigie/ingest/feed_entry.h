// FeedEntry: one item of a parsed RSS or Atom document, before normalisation.
//
// A plain value produced by ParseFeed and consumed by ToMention; copy it
// freely, share it only read-only across threads. Strings are as found in the
// document (after XML decoding) and may hold invalid UTF-8; `title` and
// `content` are markup meant for HtmlToText, which also decodes the HTML
// references (such as "&eacute;") that XML decoding leaves in place.
#pragma once

#include <optional>
#include <string>

#include "vigie/core/clock.h"

namespace vigie {

/// One feed item with the fields vigie uses.
struct FeedEntry {
  std::string id;       ///< RSS guid or Atom id; may be empty
  std::string url;      ///< link to the original; may be empty
  std::string author;   ///< RSS author/dc:creator or Atom author/name
  std::string title;    ///< markup; Atom plain text has '<' '>' escaped
  std::string content;  ///< markup: body, else description or summary
  std::optional<TimePoint> published;  ///< when known and parseable (UTC)
  std::optional<double> rating;        ///< a `*:rating` element, when present
};

}  // namespace vigie
