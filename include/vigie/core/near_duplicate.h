// NearDuplicateKey: one 64-bit key shared by texts that say the same words —
// a retweet, a copy-paste campaign, the same review cross-posted — so that
// counts can take them once.
//
// The key hashes the text's first twelve words after folding (case,
// accents), in order, leaving out links (http…, www.…), @handles, #-signs,
// the retweet markers "rt" and "via", punctuation, emoji and spacing. Two
// texts differing only in those, or only after their twelfth word (a
// retweet cut short, hashtags added at the end of a long post), have the
// same key; any other word changes it. 0 means "no words".
//
// A pure function; thread-safe.
#pragma once

#include <cstdint>
#include <string_view>

namespace vigie {

/// The near-duplicate key of `text` (UTF-8; invalid bytes are ignored).
std::uint64_t NearDuplicateKey(std::string_view text);

}  // namespace vigie
