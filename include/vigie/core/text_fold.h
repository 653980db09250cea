// Unicode folding shared by brand matching, lexicon lookup and regex rules.
//
// Folding = NFKD, case folding, combining marks removed, then NFC: "Élève" and
// "ELEVE" both fold to "eleve". Uses utf8proc for every non-ASCII part of the
// text and the ASCII character right before it; other ASCII is only
// lower-cased, which is what utf8proc does to it, so plain ASCII text folds
// without utf8proc.
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace vigie {

/// Returns `text` case- and accent-folded. Invalid UTF-8 sequences become
/// U+FFFD first, so the result is always valid UTF-8.
std::string FoldText(std::string_view text);

/// Same as FoldText(text), written into `out`, whose contents it replaces
/// and whose capacity it reuses (no allocation once `out` is large enough).
/// REQUIRES: `text` does not point into `out`.
void FoldText(std::string_view text, std::string& out);

/// Returns `text` with every invalid UTF-8 sequence replaced by U+FFFD and NUL
/// bytes removed.
std::string SanitizeUtf8(std::string_view text);

/// True when code point `cp` is a letter, a combining mark or a digit — a
/// character that belongs inside a word.
bool IsWordCodepoint(std::int32_t cp);

/// True when `text` is valid UTF-8.
bool IsValidUtf8(std::string_view text);

}  // namespace vigie
