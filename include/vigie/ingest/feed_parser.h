// ParseFeed: turns the body of an RSS or Atom document into FeedEntry values.
//
// A pure function over its arguments: safe from any thread, no network, no
// file access. The parser (pugixml) never loads DTDs or expands entities
// declared in the document, so "billion laughs" and external-entity tricks
// have nothing to work with; the caller bounds the body size. The returned
// entries own their strings and do not refer to `body`.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "vigie/core/result.h"
#include "vigie/ingest/feed_entry.h"

namespace vigie {

/// Most entries one document may hold; more is an error, not a truncation.
inline constexpr std::size_t kMaxFeedEntries = 10000;

/// Parses `body`, a feed document named `name` in messages (a source name or
/// a file path). Reads RSS 2.0 (rss/channel/item), RSS 1.0 (rdf:RDF/item)
/// and Atom 1.0 (feed/entry), in document order; elements are matched by
/// local name, preferring an unprefixed one (so "title" beats "media:title",
/// and "atom:entry" works). The encoding comes from the BOM or the XML
/// declaration; ISO-8859-1 and windows-1252 are read as windows-1252, as
/// browsers do. Entries with no id, link, title nor content are skipped.
/// Errors (InvalidArgument), whose message starts "name:line:col: ":
///   - XML that is not well-formed ("malformed XML: ..." at the byte where
///     the parser stopped, or just past the end for a document cut short,
///     then the line quoted with a caret);
///   - a root element other than rss, RDF or feed ("name:1:1: not an RSS 2.0
///     or Atom 1.0 feed (root element <x>)");
///   - more than kMaxFeedEntries entries (at the first one too many).
Result<std::vector<FeedEntry>> ParseFeed(std::string_view name,
                                         std::string_view body);

}  // namespace vigie
