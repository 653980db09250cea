// ToMention: turns a parsed feed entry into the Mention the pipeline carries.
//
// A pure function: safe from any thread; the result owns all its strings.
#pragma once

#include <cstddef>
#include <string_view>

#include "vigie/core/clock.h"
#include "vigie/core/mention.h"
#include "vigie/ingest/feed_entry.h"

namespace vigie {

/// Longest Mention::text kept, in bytes; longer text is cut at a UTF-8
/// character boundary.
inline constexpr std::size_t kMaxMentionTextBytes = 64 * 1024;

/// Builds the source fields of a Mention from `entry`, fetched from the
/// source named `source` at `fetched` (UTC):
///   - title and text: HtmlToText of the entry's title and content, the text
///     cut to kMaxMentionTextBytes;
///   - url, author: valid UTF-8, surrounding whitespace trimmed;
///   - external_id: the entry id, else its url, else "sha1:" and the
///     lower-case hex SHA-1 of title + "\n" + text (both as stored);
///   - published: the entry's date, else `fetched`; rating copied.
/// Analysis fields and `id` keep their defaults.
Mention ToMention(const FeedEntry& entry, std::string_view source,
                  TimePoint fetched);

}  // namespace vigie
