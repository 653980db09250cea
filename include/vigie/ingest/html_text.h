// HtmlToText: turns an HTML fragment from a feed into one line of plain text.
//
// A pure function: safe from any thread. It is a forgiving tokenizer, not an
// HTML parser: it runs in time linear in the input and accepts anything
// (unclosed tags, a lone '<', NUL bytes, invalid UTF-8, megabytes of markup).
#pragma once

#include <string>
#include <string_view>

namespace vigie {

/// Returns the text of `html`: tags removed (and the contents of script,
/// style and noscript), block-level tags (p, br, div, li, h1-h6, tr, td...)
/// turned into a space, comments dropped, CDATA sections kept as text,
/// character references decoded (decimal, hex, and the named HTML ones from
/// Latin-1 plus common typography; unknown names stay verbatim; invalid code
/// points become U+FFFD), runs of whitespace (including no-break spaces and
/// control characters) collapsed to one space, ends trimmed. A '<' that does
/// not open a tag ("a < b", "<3") or that is never closed by '>' stays text.
/// The result is valid UTF-8 without NUL bytes.
std::string HtmlToText(std::string_view html);

}  // namespace vigie
